/** Slim header (owner, language, user), centre header (brand) and main navigation. */
import { Link } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';
import { Icon } from './Icon.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NavMenu } from './NavMenu.tsx';

export function SiteHeader() {
  const { t } = useI18n();
  const { me, meta, logout } = useAuth();

  return (
    <header className="it-header-wrapper">
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="it-header-slim-wrapper-content">
            <span className="slim-owner">{t.app.owner}</span>
            <div className="slim-right">
              <LanguageSwitch />
              {me ? (
                <>
                  <span className="slim-user d-none d-md-inline">
                    {fmt(t.nav.signedInAs, { name: me.user.displayName })}
                  </span>
                  <Link to="/account/sicurezza" className="btn btn-sm btn-outline-light slim-btn me-2">
                    {t.security.nav}
                  </Link>
                  <button type="button" className="btn btn-sm btn-outline-light slim-btn" onClick={() => void logout()}>
                    <Icon name="logout" size="sm" color="white" className="me-1" />
                    {t.nav.logout}
                  </button>
                </>
              ) : null}
            </div>
          </div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="it-header-center-content-wrapper">
              <div className="it-brand-wrapper">
                <Link to="/">
                  <Icon name="pa" />
                  <div className="it-brand-text">
                    <div className="it-brand-title">{t.app.name}</div>
                    <div className="it-brand-tagline d-none d-md-block">{t.app.tagline}</div>
                  </div>
                </Link>
              </div>
            </div>
          </div>
        </div>
        <NavMenu />
      </div>
      {meta?.demo ? (
        <div className="demo-banner">
          <div className="container">
            <p className="mb-0">
              <strong>{t.app.demoBanner}</strong>
            </p>
          </div>
        </div>
      ) : null}
    </header>
  );
}

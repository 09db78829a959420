/** Footer with the legal links (accessibility statement, privacy notice). */
import { Link } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { fmt, useI18n } from '../i18n/index.tsx';

export function SiteFooter() {
  const { t } = useI18n();
  const { meta, me } = useAuth();
  return (
    <footer className="it-footer" id="footer">
      <div className="it-footer-main">
        <div className="container py-4">
          <p className="footer-brand mb-1">
            <strong>{t.app.name}</strong> — {t.app.owner}
          </p>
          <p className="mb-1">{t.footer.about}</p>
          <p className="mb-0">{t.app.helpline}</p>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <h2 className="visually-hidden">{t.footer.legal}</h2>
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li className="list-inline-item">
              <Link to="/accessibilita">{t.footer.accessibility}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/privacy">{t.footer.privacy}</Link>
            </li>
            {me ? (
              <li className="list-inline-item">
                <Link to="/aiuto-tastiera">{t.shortcuts.footerLink}</Link>
              </li>
            ) : null}
            {meta?.version ? (
              <li className="list-inline-item footer-version">{fmt(t.footer.version, { version: meta.version })}</li>
            ) : null}
          </ul>
        </div>
      </div>
    </footer>
  );
}

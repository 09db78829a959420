/** Main navigation (bootstrap-italia navbar); on small screens it opens as a side panel. */
import { useEffect, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n/index.tsx';
import { navLinks } from '../navigation.ts';
import { useUnreadCount } from '../notifications/unread.ts';
import { Icon } from './Icon.tsx';

export function NavMenu() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [open, setOpen] = useState(false);
  const toggler = useRef<HTMLButtonElement>(null);
  const firstLink = useRef<HTMLAnchorElement>(null);
  const { pathname } = useLocation();
  const unread = useUnreadCount(Boolean(me));

  // Close the panel when the route changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    firstLink.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        toggler.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  if (!me) return null;

  const links = navLinks({ t, me, unread });

  const close = () => {
    setOpen(false);
    toggler.current?.focus();
  };

  return (
    <div className="it-header-navbar-wrapper">
      <div className="container">
        <nav className="navbar navbar-expand-lg" aria-label={t.nav.label}>
          <button
            ref={toggler}
            type="button"
            className="custom-navbar-toggler"
            aria-controls="main-menu"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            <span className="visually-hidden">{t.nav.open}</span>
            <Icon name="burger" />
          </button>
          <div id="main-menu" className={`navbar-collapsable${open ? ' expanded' : ''}`}>
            {/* biome-ignore lint/a11y/noStaticElementInteractions: click-away area, Escape also closes */}
            {/* biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes the panel */}
            <div className="overlay" onClick={close} />
            <div className="close-div">
              <button type="button" className="btn close-menu" onClick={close}>
                <span className="visually-hidden">{t.nav.close}</span>
                <Icon name="close-big" />
              </button>
            </div>
            <div className="menu-wrapper">
              <ul className="navbar-nav">
                {links.map((l, i) => (
                  <li className="nav-item" key={l.to}>
                    <NavLink
                      ref={i === 0 ? firstLink : undefined}
                      to={l.to}
                      end={l.end}
                      className={({ isActive }) => `nav-link${isActive ? ' active' : ''}`}
                    >
                      <span>{l.text}</span>
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </nav>
      </div>
    </div>
  );
}

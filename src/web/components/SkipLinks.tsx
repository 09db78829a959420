/** "Skip to" links: the first focusable elements of every page (bootstrap-italia .skiplinks). */
import type { MouseEvent } from 'react';
import { useI18n } from '../i18n/index.tsx';

function jump(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  target.scrollIntoView();
}

export function SkipLinks() {
  const { t } = useI18n();
  const links = [
    { id: 'main', text: t.skip.main },
    { id: 'footer', text: t.skip.footer },
  ];
  return (
    <nav className="skiplinks" aria-label={t.skip.label}>
      <ul>
        {links.map((l) => (
          <li key={l.id}>
            <a className="visually-hidden-focusable" href={`#${l.id}`} onClick={(e) => jump(e, l.id)}>
              {l.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

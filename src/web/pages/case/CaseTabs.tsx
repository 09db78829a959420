/** Sub-navigation of a case: one link per part, the current one marked aria-current="page". */
import { NavLink } from 'react-router-dom';
import { useI18n } from '../../i18n/index.tsx';

export const CASE_TABS = ['profilo', 'consensi', 'bisogni', 'piano', 'esiti', 'invii', 'cronologia'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

export function useTabNames(): Record<CaseTab, string> {
  const { t } = useI18n();
  const n = t.casePage.tabs;
  return {
    profilo: n.profile,
    consensi: n.consents,
    bisogni: n.needs,
    piano: n.plan,
    esiti: n.outcomes,
    invii: t.referralTab.title,
    cronologia: n.timeline,
  };
}

export function CaseTabs({ id }: { id: string }) {
  const { t } = useI18n();
  const names = useTabNames();
  return (
    <nav aria-label={t.casePage.tabsLabel} className="case-tabs">
      <ul className="nav nav-tabs">
        {CASE_TABS.map((tab) => (
          <li className="nav-item" key={tab}>
            <NavLink
              to={`/percorsi/${encodeURIComponent(id)}/${tab}`}
              className={({ isActive }) => `nav-link${isActive ? ' active' : ''}`}
            >
              {names[tab]}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

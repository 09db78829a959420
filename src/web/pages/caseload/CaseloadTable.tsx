/** The caseload table: code (link), status, dates, eligibility, risk, due counts, on my team; sortable headers. */
import { Badge } from 'design-react-kit';
import { Link } from 'react-router-dom';
import type { CaseSortKey, SortDirection } from '../../../shared/codes/cases.ts';
import { isHighRisk } from '../../../shared/urgency.ts';
import { EligibilityBadge } from '../../cases/EligibilityBadge.tsx';
import type { CaseSummary } from '../../cases/types.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { UrgencyBadge } from '../../components/UrgencyBadge.tsx';
import { useI18n } from '../../i18n/index.tsx';

export interface Sort {
  key: CaseSortKey;
  dir: SortDirection;
}

/** Her risk: the urgency badge when high, else its label. */
export function RiskCell({ risk }: { risk: string | null }) {
  const { t, label } = useI18n();
  if (isHighRisk(risk)) return <UrgencyBadge kind="high_risk" />;
  return <>{risk ? label('riskLevels', risk) : t.common.none}</>;
}

export const caseHref = (x: CaseSummary) => `/percorsi/${encodeURIComponent(x.id)}/profilo`;

/** A column header that sorts by its key: a button, and aria-sort on the header that sorts. */
function SortHeader({
  k,
  text,
  sort,
  onSort,
}: {
  k: CaseSortKey;
  text: string;
  sort: Sort;
  onSort: (s: Sort) => void;
}) {
  const { t } = useI18n();
  const active = sort.key === k;
  const next: SortDirection = active && sort.dir === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="btn btn-link sort-button" onClick={() => onSort({ key: k, dir: next })}>
        {text}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
        <span className="visually-hidden">
          {' '}
          ({next === 'asc' ? t.caseload.sortAscending : t.caseload.sortDescending})
        </span>
      </button>
    </th>
  );
}

export function CaseloadTable({
  items,
  sort,
  onSort,
}: {
  items: CaseSummary[];
  sort: Sort;
  onSort: (s: Sort) => void;
}) {
  const { t, date, label } = useI18n();
  const c = t.caseload;
  const h = (k: CaseSortKey, text: string) => <SortHeader k={k} text={text} sort={sort} onSort={onSort} />;
  return (
    <ScrollTable label={c.tableCaption}>
      <caption>{c.tableCaption}</caption>
      <thead>
        <tr>
          {h('code', c.code)}
          {h('status', c.status)}
          {h('takenInChargeOn', t.caseFields.takenInChargeOn)}
          <th scope="col">{c.eligibility}</th>
          {h('riskLevel', t.caseFields.riskLevel)}
          {h('dueActions', c.dueActionsCol)}
          {h('dueFollowUps', c.dueFollowUpsCol)}
          <th scope="col">{c.onMyTeam}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((x) => (
          <tr key={x.id}>
            <th scope="row">
              <Link to={caseHref(x)} className="case-code">
                {x.code}
              </Link>
            </th>
            <td>
              {label('caseStatus', x.status)}
              {x.closedOn ? <div className="small">{date(x.closedOn)}</div> : null}
            </td>
            <td>{date(x.takenInChargeOn)}</td>
            <td>
              <EligibilityBadge e={x.eligibility} />
            </td>
            <td>
              <RiskCell risk={x.riskLevel} />
            </td>
            <td>{x.dueActions ? <Badge color="danger">{x.dueActions}</Badge> : '0'}</td>
            <td>{x.dueFollowUps ? <Badge color="danger">{x.dueFollowUps}</Badge> : '0'}</td>
            <td>{x.onMyTeam ? t.common.yes : t.common.no}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

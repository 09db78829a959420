/** The caseload table: code (link), status, dates, eligibility, risk, due counts, on my team. */
import { Badge } from 'design-react-kit';
import { Link } from 'react-router-dom';
import { EligibilityBadge } from '../../cases/EligibilityBadge.tsx';
import type { CaseSummary } from '../../cases/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { UrgencyBadge } from '../../components/UrgencyBadge.tsx';
import { isHighRisk } from '../../../shared/urgency.ts';

export function CaseloadTable({ items }: { items: CaseSummary[] }) {
  const { t, date, label } = useI18n();
  const c = t.caseload;
  return (
    <ScrollTable label={c.tableCaption}>
      <caption>{c.tableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.code}</th>
          <th scope="col">{c.status}</th>
          <th scope="col">{t.caseFields.takenInChargeOn}</th>
          <th scope="col">{c.eligibility}</th>
          <th scope="col">{t.caseFields.riskLevel}</th>
          <th scope="col">{c.dueActionsCol}</th>
          <th scope="col">{c.dueFollowUpsCol}</th>
          <th scope="col">{c.onMyTeam}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((x) => (
          <tr key={x.id}>
            <th scope="row">
              <Link to={`/percorsi/${encodeURIComponent(x.id)}/profilo`} className="case-code">
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
              {isHighRisk(x.riskLevel) ? (
                <UrgencyBadge kind="high_risk" />
              ) : x.riskLevel ? (
                label('riskLevels', x.riskLevel)
              ) : (
                t.common.none
              )}
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

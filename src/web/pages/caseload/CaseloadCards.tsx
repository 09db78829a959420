/** The caseload on a narrow screen: one card per case with its code (never wrapped), status, risk and due items. */
import { Link } from 'react-router-dom';
import type { CaseSummary } from '../../cases/types.ts';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { caseHref, RiskCell } from './CaseloadTable.tsx';

export function CaseloadCards({ items }: { items: CaseSummary[] }) {
  const { t, date, label } = useI18n();
  const c = t.caseload;
  return (
    <ul className="case-cards list-unstyled" aria-label={c.tableCaption}>
      {items.map((x) => (
        <li key={x.id} className="case-card">
          <p className="case-card-head">
            <Link to={caseHref(x)} className="case-code">
              {x.code}
            </Link>
            <span className="case-card-status">
              {label('caseStatus', x.status)}
              {x.closedOn ? ` (${date(x.closedOn)})` : ''}
            </span>
          </p>
          <dl className="case-card-facts">
            <div>
              <dt>{t.caseFields.riskLevel}</dt>
              <dd>
                <RiskCell risk={x.riskLevel} />
              </dd>
            </div>
            <div>
              <dt>{c.dueCard}</dt>
              <dd>
                {x.dueActions || x.dueFollowUps ? (
                  <span className="case-card-due">
                    {fmt(c.dueActionsN, { n: x.dueActions })} · {fmt(c.dueFollowUpsN, { n: x.dueFollowUps })}
                  </span>
                ) : (
                  c.nothingDue
                )}
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}

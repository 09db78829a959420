/** The case at a glance: status, dates, eligibility, risk, team; beside it the safe-contact box. */
import { Badge } from 'design-react-kit';
import { EligibilityBadge } from '../../cases/EligibilityBadge.tsx';
import { SafeContactBox } from '../../cases/SafeContactBox.tsx';
import type { CaseDetail } from '../../cases/types.ts';
import { useI18n } from '../../i18n/index.tsx';

export function CaseHeader({ c }: { c: CaseDetail }) {
  const { t, date, label } = useI18n();
  const h = t.casePage;
  return (
    <div className="row case-header">
      <div className="col-lg-7">
        <dl className="case-facts">
          <div>
            <dt>{h.status}</dt>
            <dd>
              <Badge color={c.status === 'open' ? 'primary' : 'secondary'}>{label('caseStatus', c.status)}</Badge>
              {c.closedOn
                ? ` ${h.closedOn} ${date(c.closedOn)} (${label('closureOutcomes', c.closureOutcome ?? '')})`
                : null}
            </dd>
          </div>
          <div>
            <dt>{t.caseFields.takenInChargeOn}</dt>
            <dd>{date(c.takenInChargeOn)}</dd>
          </div>
          <div>
            <dt>{h.eligibility}</dt>
            <dd>
              <EligibilityBadge e={c.eligibility} />
            </dd>
          </div>
          <div>
            <dt>{t.caseFields.riskLevel}</dt>
            <dd>{c.riskLevel ? label('riskLevels', c.riskLevel) : t.common.none}</dd>
          </div>
          <div>
            <dt>{h.team}</dt>
            <dd>
              {c.team.map((m) => `${m.displayName} — ${label('teamRoles', m.roleInCase)}`).join('; ') || t.common.none}
            </dd>
          </div>
          <div>
            <dt>{h.due}</dt>
            <dd>
              {h.dueActions}: {c.dueActions} · {h.dueFollowUps}: {c.dueFollowUps}
            </dd>
          </div>
        </dl>
      </div>
      <div className="col-lg-5">
        <SafeContactBox value={c.safeContact} />
      </div>
    </div>
  );
}

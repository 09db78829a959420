/** The case at a glance: status, dates, eligibility, risk, team; then the safe-contact box. */
import { Badge } from 'design-react-kit';
import { EligibilityBadge } from '../../cases/EligibilityBadge.tsx';
import { SafeContactSummary } from '../../cases/SafeContactSummary.tsx';
import type { CaseDetail } from '../../cases/types.ts';
import { Icon } from '../../components/Icon.tsx';
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
        <section className="safe-contact-box" aria-labelledby="safe-contact-title">
          <h2 id="safe-contact-title" className="h5">
            <Icon name="warning-circle" color="danger" className="me-1" />
            {h.safeContactTitle}
          </h2>
          <p className="small mb-2">{h.safeContactIntro}</p>
          <SafeContactSummary value={c.safeContact} />
        </section>
      </div>
    </div>
  );
}

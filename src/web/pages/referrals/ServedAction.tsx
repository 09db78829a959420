/**
 * The plan action a referral serves. The centre sees it as it is now and, once the body has
 * reported, can mark it in one click; the body sees it only as the share set carried it.
 */
import { useState } from 'react';
import { useAuth } from '../../auth.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import type { ReferralDetail } from '../../referrals/types.ts';
import { useApi } from '../../useApi.ts';
import { MarkAction } from '../case/plan/MarkAction.tsx';

export function ServedAction({ d, onChanged }: { d: ReferralDetail; onChanged: (text: string) => void }) {
  const { t, lang, label } = useI18n();
  const { me } = useAuth();
  const [stale, setStale] = useState(0);
  const a = d.planAction;
  const centre = d.box === 'outbox' && !!a?.id && !!d.caseId && d.reports.length > 0;
  const mayWrite = centre && !!me?.permissions.includes('case.write');
  const plan = useApi('/cases/:id/plan', mayWrite && d.caseId ? { params: { id: d.caseId } } : null);
  if (!a) return <>{t.common.none}</>;
  const name = lang === 'it' ? a.label.it : a.label.en;
  return (
    <>
      {fmt(t.partnerReports.actionNow, { action: name, status: label('actionStatuses', a.status) })}
      {mayWrite && plan.data && a.id && d.caseId ? (
        <span className="d-block mt-1" key={stale}>
          <MarkAction
            caseId={d.caseId}
            action={{ id: a.id, label: a.label.it, labelEn: a.label.en, status: a.status }}
            planVersion={plan.data.version}
            onDone={(next, status) =>
              onChanged(
                fmt(t.partnerReports.marked, {
                  action: name,
                  status: label('actionStatuses', status),
                  n: next.version,
                }),
              )
            }
            onStale={(message) => {
              plan.reload();
              setStale((n) => n + 1);
              onChanged(message);
            }}
          />
        </span>
      ) : null}
    </>
  );
}

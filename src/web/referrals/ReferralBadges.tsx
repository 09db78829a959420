/** A referral's status and deadlines, in words (an overdue deadline says so in text, not by colour alone). */
import { Badge } from 'design-react-kit';
import { fmt, useI18n } from '../i18n/index.tsx';
import { UrgencyBadge } from '../components/UrgencyBadge.tsx';
import { URGENCY_OF_OVERDUE } from '../urgency.ts';
import { OPEN_STATUSES } from './codes.ts';
import type { ReferralSummary } from './types.ts';

const STATUS_COLOR: Record<string, string> = {
  sent: 'primary',
  accepted: 'success',
  in_progress: 'success',
  completed: 'secondary',
  declined: 'dark',
  withdrawn: 'dark',
  expired: 'dark',
};

export function ReferralStatus({ r }: { r: Pick<ReferralSummary, 'status' | 'accessOpen' | 'accessEndReason'> }) {
  const { t, label } = useI18n();
  return (
    <>
      <Badge color={STATUS_COLOR[r.status] ?? 'secondary'}>{label('referralStatuses', r.status)}</Badge>
      {!r.accessOpen && r.accessEndReason ? (
        <div className="small">
          {fmt(t.referral.accessEnded, { reason: label('accessEndReasons', r.accessEndReason) })}
        </div>
      ) : null}
    </>
  );
}

/** The deadlines that still matter, and which one is missed. */
export function Deadlines({
  r,
}: {
  r: Pick<ReferralSummary, 'status' | 'ackDueOn' | 'appointmentDueOn' | 'appointmentOn' | 'completedOn' | 'overdue'>;
}) {
  const { t, date } = useI18n();
  const d = t.referral;
  const open = OPEN_STATUSES.includes(r.status);
  return (
    <>
      {r.overdue ? (
        <div>
          <UrgencyBadge kind={URGENCY_OF_OVERDUE[r.overdue]} className="overdue-badge" />
        </div>
      ) : null}
      {r.status === 'sent' ? <div>{fmt(d.ackBy, { date: date(r.ackDueOn) })}</div> : null}
      {open && !r.appointmentOn ? <div>{fmt(d.appointmentBy, { date: date(r.appointmentDueOn) })}</div> : null}
      {r.appointmentOn ? <div>{fmt(d.appointmentOn, { date: date(r.appointmentOn) })}</div> : null}
      {r.completedOn ? <div>{fmt(d.completedOn, { date: date(r.completedOn) })}</div> : null}
      {!open && !r.appointmentOn && !r.completedOn ? <div>{t.common.none}</div> : null}
    </>
  );
}

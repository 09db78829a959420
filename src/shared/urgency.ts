/**
 * What is urgent, one pure rule per kind, on Italian calendar days ('YYYY-MM-DD'; the caller passes
 * today in Italy: `todayInItaly()` on the server, `todayIso()` in the web). The work queues'
 * SQL (server/worklist/queues.ts) is tested against these rules; the badges show them.
 */
import type { RiskLevel } from './codes/cases.ts';
import type { ActionStatus } from './codes/plans.ts';
import type { OverdueKind, ReferralStatus } from './codes/referrals.ts';

/** Days before a consent's expiry from which it is "expiring". */
export const CONSENT_EXPIRING_DAYS = 30;
/** Days before a closed case's eligibility window ends from which it is "closing". */
export const WINDOW_CLOSING_DAYS = 30;

const DAY = 86_400_000;
const toDay = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
/** `iso` plus `days` calendar days. */
export const plusDays = (iso: string, days: number) => new Date(toDay(iso) + days * DAY).toISOString().slice(0, 10);

export const isHighRisk = (riskLevel: RiskLevel | string | null | undefined) => riskLevel === 'high';

/** A plan action is overdue when its due date has passed and it is still planned or in progress. */
export function isActionOverdue(a: { status: ActionStatus | string; dueOn: string | null }, today: string): boolean {
  return a.dueOn !== null && a.dueOn < today && (a.status === 'planned' || a.status === 'in_progress');
}

/** A job-retention follow-up is due from its due date until it is done. */
export function isFollowUpDue(f: { dueOn: string; doneOn: string | null }, today: string): boolean {
  return f.doneOn === null && f.dueOn <= today;
}

/** Which deadline a referral has missed on `today`, if any (the unanswered one until it expires). */
export function referralOverdue(
  r: {
    status: ReferralStatus | string;
    ackDueOn: string;
    appointmentDueOn: string;
    appointmentOn: string | null;
    expiresOn: string;
  },
  today: string,
): OverdueKind | null {
  if (r.status === 'sent') return today > r.ackDueOn && today <= r.expiresOn ? 'acknowledgement' : null;
  if ((r.status === 'accepted' || r.status === 'in_progress') && r.appointmentOn === null && today > r.appointmentDueOn)
    return 'first_appointment';
  return null;
}

/** A granted, unrevoked consent that ends within CONSENT_EXPIRING_DAYS (today included). */
export function isConsentExpiring(
  c: { decision: string; expiresOn: string | null; revokedOn: string | null },
  today: string,
): boolean {
  if (c.decision !== 'granted' || c.revokedOn !== null || c.expiresOn === null) return false;
  return c.expiresOn >= today && c.expiresOn <= plusDays(today, CONSENT_EXPIRING_DAYS);
}

/** A closed case whose eligibility window ends within WINDOW_CLOSING_DAYS (today included). */
export function isWindowClosing(
  c: { status: string; closedOn: string | null; windowDays: number },
  today: string,
): boolean {
  if (c.status !== 'closed' || c.closedOn === null) return false;
  const end = plusDays(c.closedOn, c.windowDays);
  return end >= today && end <= plusDays(today, WINDOW_CLOSING_DAYS);
}

/** Which urgency badge a missed referral deadline shows. */
import type { OverdueKind } from '../shared/codes/referrals.ts';
import type { UrgencyKind } from '../shared/codes/urgency.ts';

export const URGENCY_OF_OVERDUE: Record<OverdueKind, UrgencyKind> = {
  acknowledgement: 'acknowledgement_overdue',
  first_appointment: 'appointment_overdue',
};

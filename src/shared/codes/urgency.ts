/**
 * What makes an item urgent, shown by one badge (web/components/UrgencyBadge.tsx) with text and an
 * icon, never colour alone. The rules that decide each one are pure functions in shared/urgency.ts.
 */
export const URGENCY_KINDS = [
  'high_risk',
  'action_overdue',
  'follow_up_due',
  'acknowledgement_overdue',
  'appointment_overdue',
] as const;
export type UrgencyKind = (typeof URGENCY_KINDS)[number];

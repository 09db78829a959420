/**
 * The work queues of the home page (server/worklist/queues.ts says which permission each needs
 * and which query fills it): a count that links to exactly those items.
 */
export const WORK_QUEUES = [
  // a centre operator's cases (the cases on her team)
  'actions_overdue',
  'follow_ups_due',
  'referrals_sent_overdue',
  'consents_expiring',
  'windows_closing',
  // whoever answers referrals addressed to her body (CPI referents, services, centres)
  'referrals_to_answer',
  'appointments_to_book',
  'reports_due',
  // the DPO: the organisation's audit trail of the last days
  'identity_reads',
  'access_refused',
  // network coordinators and the control room
  'referrals_overdue_network',
  // net-control: the control room's action items past their due date
  'room_actions_overdue',
] as const;
export type WorkQueue = (typeof WORK_QUEUES)[number];

/**
 * What an operator is notified of. A notification carries only its kind and, at most, a referral
 * id: never a case code, a pseudonym, a name or an organisation.
 */
export const NOTIFICATION_KINDS = [
  'referral_received',
  'referral_accepted',
  'referral_declined',
  'referral_withdrawn',
  'referral_reported',
  'referral_completed',
  'referral_message',
  'referral_overdue',
  'referral_access_ended',
  /** a public directory entry was not verified in the last 6 months */
  'directory_entry_stale',
  /** a CPI has fewer than two trained referents (issue 8, /formazione) */
  'training_coverage_low',
  /** issue 12: an insider alert for the organisation's DPO (/allerte) */
  'insider_alert',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The codes of a referral between the holding centre and one recipient (migration 007). */

/** referrals.status; the lifecycle (server/referrals/lifecycle.ts) says which moves are legal. */
export const REFERRAL_STATUSES = [
  'sent',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'withdrawn',
  'expired',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** Statuses in which the referral is still open (deadlines matter). */
export const OPEN_REFERRAL_STATUSES = ['sent', 'accepted', 'in_progress'] as const satisfies readonly ReferralStatus[];

/** What the parties can do to a referral ('expire' is the sweep's). */
export const REFERRAL_ACTIONS = [
  'accept',
  'decline',
  'book',
  'start',
  'report',
  'complete',
  'withdraw',
  'expire',
] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

/** Who acts or writes: the sending centre, the recipient, or the platform. */
export const REFERRAL_SIDES = ['sender', 'recipient', 'system'] as const;
export type ReferralSide = (typeof REFERRAL_SIDES)[number];
/** Referrals received and referrals sent. */
export const REFERRAL_BOXES = ['inbox', 'outbox'] as const;
export type ReferralBox = (typeof REFERRAL_BOXES)[number];

export const URGENCIES = ['routine', 'priority', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const DECLINE_REASONS = ['not_competent', 'no_capacity', 'not_eligible', 'duplicate', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const COMPLETION_OUTCOMES = ['goal_reached', 'partly_reached', 'not_reached', 'she_withdrew', 'other'] as const;
export type CompletionOutcome = (typeof COMPLETION_OUTCOMES)[number];

/** What the recipient reports back (referral_reports.kind); some are outcomes (REPORT_OUTCOMES). */
export const REPORT_KINDS = [
  'first_appointment',
  'registered',
  'service_agreement_signed',
  'course_started',
  'course_completed',
  'traineeship_started',
  'hired',
  'housing_offered',
  'action_taken',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Which deadline was missed (referrals.overdue_notified). */
export const OVERDUE_KINDS = ['acknowledgement', 'first_appointment'] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];

/** Why the recipient's access to the shared data ended (referrals.access_end_reason). */
export const ACCESS_END_REASONS = ['consent_revoked', 'withdrawn', 'declined', 'expired', 'time_limit'] as const;
export type AccessEndReason = (typeof ACCESS_END_REASONS)[number];

/** Why the wizard suggests a recipient, strongest first: her consent names it, it owns an action of her plan, it is her town's CPI. */
export const SUGGESTION_REASONS = ['consent', 'plan', 'residence'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

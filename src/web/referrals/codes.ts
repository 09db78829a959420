/**
 * The codes the referral API accepts (mirrors of src/server/referrals/{schemas,lifecycle}.ts; kept
 * here so that the web bundle does not pull in TypeBox).
 */
export const PURPOSES = ['work_orientation', 'training', 'housing', 'social_support', 'health', 'legal'] as const;
export const URGENCIES = ['routine', 'priority', 'urgent'] as const;
export const STATUSES = ['sent', 'accepted', 'declined', 'in_progress', 'completed', 'withdrawn', 'expired'] as const;
export const DECLINE_REASONS = ['not_competent', 'no_capacity', 'not_eligible', 'duplicate', 'other'] as const;
export const COMPLETION_OUTCOMES = ['goal_reached', 'partly_reached', 'not_reached', 'she_withdrew', 'other'] as const;
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
/** The groups of the share set, in the order the wizard shows them. */
export const FIELD_GROUPS = ['profile', 'needs', 'plan', 'identity'] as const;
/** Statuses in which the referral is still open (deadlines matter). */
export const OPEN_STATUSES: readonly string[] = ['sent', 'accepted', 'in_progress'];
/** Organisation types that hold cases and send referrals. */
export const SENDER_TYPES: readonly string[] = ['cav', 'shelter_operator'];

/** A fresh Idempotency-Key (random UUID). */
export const newIdempotencyKey = () => crypto.randomUUID();

export const referralPath = (id: string) => `/invii/${encodeURIComponent(id)}`;

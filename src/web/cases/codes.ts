/**
 * The codes the case API accepts (mirrors of the server's TypeBox enums in src/server/{cases,
 * consents,outcomes,plans,needs}; kept here so that the web bundle does not pull in TypeBox).
 */
export const AGE_BANDS = ['under_18', '18_29', '30_39', '40_49', '50_59', '60_69', '70_plus'] as const;
export const CITIZENSHIPS = ['italian', 'eu', 'non_eu'] as const;
export const EDUCATION = ['none', 'primary', 'lower_secondary', 'upper_secondary', 'tertiary', 'unknown'] as const;
export const EMPLOYMENT = ['employed', 'unemployed', 'student', 'homemaker', 'retired', 'other', 'unknown'] as const;
export const VIOLENCE_TYPES = [
  'physical',
  'sexual',
  'psychological',
  'economic',
  'stalking',
  'witnessed',
  'harmful_practices',
] as const;
export const AUTHOR_RELATIONSHIPS = [
  'spouse',
  'cohabiting_partner',
  'partner_not_cohabiting',
  'former_spouse',
  'former_cohabiting_partner',
  'former_partner_not_cohabiting',
  'father',
  'mother',
  'son',
  'daughter',
  'brother_sister',
  'other_relative',
  'colleague_employer',
  'acquaintance_friend',
  'stranger',
] as const;
export const REFERRAL_SOURCES = [
  'self',
  'helpline_1522',
  'police',
  'health_services',
  'social_services',
  'other_cav',
  'lawyer',
  'school',
  'family_friends',
  'other',
] as const;
export const RISK_TOOLS = ['sara', 'isa', 'other'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const CLOSURE_OUTCOMES = [
  'goals_reached',
  'dropped_out',
  'sent_to_local_services',
  'moved_away',
  'other',
] as const;
export const CONTACT_CHANNELS = ['phone', 'sms', 'email', 'through_centre'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const CONSENT_PURPOSES = ['service', 'sharing', 'statistics', 'contact_by_other_body'] as const;
export const SHARING_PURPOSES = [
  'work_orientation',
  'training',
  'housing',
  'social_support',
  'health',
  'legal',
] as const;
export const CONSENT_DECISIONS = ['granted', 'refused'] as const;
export const CONSENT_METHODS = ['signed_form', 'verbal_with_witness'] as const;
/** Purposes that name a recipient and a sharing purpose. */
export const NEEDS_RECIPIENT: readonly string[] = ['sharing', 'contact_by_other_body'];
export const FORM_LANGUAGES = ['it', 'en'] as const;

export const DOMAINS = ['work', 'training', 'housing', 'economic_autonomy', 'childcare', 'legal', 'wellbeing'] as const;
export const GOAL_STATUSES = ['open', 'reached', 'dropped'] as const;
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const SECOND_LANGUAGES = ['en', 'fr', 'es', 'ar', 'uk'] as const;
export const AGREEMENT_METHODS = ['signed', 'verbal'] as const;

export const OUTCOME_KINDS = [
  'course_completed',
  'traineeship_started',
  'traineeship_ended',
  'hired',
  'job_lost',
  'housing_reached',
  'freedom_income_granted',
  'leave_used',
] as const;
export const CONTRACT_TYPES = ['permanent', 'fixed_term', 'apprenticeship', 'agency', 'self_employed'] as const;
export const ATECO_SECTIONS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
] as const;
export const HOUSING_TYPES = ['social_housing', 'private_rent', 'shelter_transition', 'family', 'other'] as const;
export const JOB_LOST_REASONS = ['dismissed', 'resigned', 'contract_ended', 'other'] as const;

/** Reasons to show her identity, offered in a select (the audit keeps the Italian wording). */
export const IDENTITY_PURPOSES = [
  'contact',
  'appointment',
  'referral',
  'benefit_application',
  'her_request',
  'legal',
  'other',
] as const;

/** Page size of the caseload. */
export const PAGE_SIZE = 25;

/** Today in Italy, as YYYY-MM-DD (the server's calendar). */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

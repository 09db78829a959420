/**
 * The codes the case API accepts come from src/shared/codes (one list for server, database and
 * UI); what stays here is the web's own: the identity purposes of the select, page size, dates.
 */
import { RECIPIENT_PURPOSES } from '../../shared/codes/sharing.ts';

export { CLOSURE_OUTCOMES, CONTACT_CHANNELS, RISK_LEVELS, RISK_TOOLS, WEEKDAYS } from '../../shared/codes/cases.ts';
export {
  AGE_BANDS,
  AUTHOR_RELATIONSHIPS,
  CITIZENSHIPS,
  EDUCATION,
  EMPLOYMENT,
  REFERRAL_SOURCES,
  VIOLENCE_TYPES,
} from '../../shared/codes/istat.ts';
export { DOMAINS } from '../../shared/codes/needs.ts';
export {
  ATECO_SECTIONS,
  CONTRACT_TYPES,
  HOUSING_TYPES,
  JOB_LOST_REASONS,
  OUTCOME_KINDS,
} from '../../shared/codes/outcomes.ts';
export { ACTION_STATUSES, AGREEMENT_METHODS, GOAL_STATUSES, SECOND_LANGUAGES } from '../../shared/codes/plans.ts';
export {
  CONSENT_DECISIONS,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  FORM_LANGUAGES,
  SHARING_PURPOSES,
} from '../../shared/codes/sharing.ts';

/** Purposes that name a recipient and a sharing purpose. */
export const NEEDS_RECIPIENT: readonly string[] = RECIPIENT_PURPOSES;

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

/**
 * Companies and vacancies (/aziende, issue 8): the code lists of the register, its awareness
 * activities and commitments, vacancies and the anonymous matching's reasons.
 */
import { EDUCATION } from './istat.ts';

/** companies.size_band: micro < 10 employees, small < 50, medium < 250, large ≥ 250 (EU recommendation 2003/361). */
export const COMPANY_SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;
export type CompanySizeBand = (typeof COMPANY_SIZE_BANDS)[number];

/** Awareness activities run with a company (company_engagements.kind, first half). */
export const COMPANY_ACTIVITY_KINDS = ['information_session', 'event', 'materials'] as const;
/** What a company committed to (company_engagements.kind, second half). */
export const COMPANY_COMMITMENT_KINDS = [
  'charter_signed',
  'traineeships',
  'reserved_vacancies',
  'priority_vacancies',
  'flexible_hours',
] as const;
/** company_engagements.kind */
export const ENGAGEMENT_KINDS = [...COMPANY_ACTIVITY_KINDS, ...COMPANY_COMMITMENT_KINDS] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];
export const isCommitment = (k: string) => (COMPANY_COMMITMENT_KINDS as readonly string[]).includes(k);

/** vacancies.contract_type */
export const CONTRACT_TYPES = ['permanent', 'fixed_term', 'apprenticeship', 'traineeship', 'agency'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** vacancies.status */
export const VACANCY_STATUSES = ['open', 'closed'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

/**
 * vacancies.sector: the same codes as the needs questionnaire's "last job sector" and "desired
 * sectors" (server/needs/questionnaire.ts; companies.test.ts holds the two together), so that a
 * vacancy and her aspirations speak one vocabulary.
 */
export const JOB_SECTORS = [
  'care_domestic',
  'cleaning',
  'hospitality_catering',
  'retail',
  'manufacturing',
  'agriculture',
  'office_admin',
  'health_social',
  'education_childcare',
  'logistics',
  'beauty',
  'crafts',
  'it_digital',
  'other',
] as const;
export type JobSector = (typeof JOB_SECTORS)[number];

/** The lowest education a vacancy asks for (vacancies.education_min): 'none' asks for nothing. */
export const REQUIRED_EDUCATION = EDUCATION.filter((e) => e !== 'unknown') as Exclude<
  (typeof EDUCATION)[number],
  'unknown'
>[];
export type RequiredEducation = (typeof REQUIRED_EDUCATION)[number];

/** Italian level (CEFR) a vacancy asks for (vacancies.italian_min); the questionnaire's scale. */
export const ITALIAN_LEVELS = ['none', 'a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'native'] as const;
export type ItalianLevel = (typeof ITALIAN_LEVELS)[number];

/** Other languages a vacancy may ask for (vacancies.languages): the questionnaire's, without 'other'. */
export const VACANCY_LANGUAGES = ['en', 'fr', 'es', 'ar', 'uk', 'ru', 'ro', 'sq', 'zh', 'pt', 'de'] as const;
export type VacancyLanguage = (typeof VACANCY_LANGUAGES)[number];

/** What may be done with a company or a vacancy (allowedActions). */
export const COMPANY_ACTIONS = ['edit', 'add_engagement', 'add_vacancy'] as const;
export const VACANCY_ACTIONS = ['edit', 'close', 'reopen'] as const;

/**
 * Why a vacancy fits her, or does not quite: each reason names one requirement of the vacancy and
 * what her data says about it. `plus` reasons add to the score, `minus` ones take from it, and a
 * `blocker` puts the vacancy out of the list.
 */
export const MATCH_REASONS = [
  // her plan
  'work_goal_open',
  // sector
  'sector_desired',
  'sector_experience',
  // education
  'education_met',
  'education_below',
  // languages
  'italian_met',
  'italian_below',
  'languages_met',
  'languages_missing',
  // driving licence
  'licence_met',
  'licence_missing',
  // where
  'same_municipality',
  'reachable_by_car',
  'reachable_by_transport',
  'hard_to_reach',
  // hours
  'hours_fit',
  'hours_too_many',
  'shifts_ok',
  'shifts_not_ok',
  // the company
  'reserved_vacancy',
  'flexible_hours_company',
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

/** Outcomes of her path and the job-retention follow-ups (outcomes, follow_ups). */
import type { ReportKind } from './referrals.ts';

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
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** The recipient's reports that are outcomes too: they go into the centre's outcomes. */
export const REPORT_OUTCOMES = ['course_completed', 'traineeship_started', 'hired'] as const satisfies readonly Extract<
  ReportKind,
  OutcomeKind
>[];

export const CONTRACT_TYPES = ['permanent', 'fixed_term', 'apprenticeship', 'agency', 'self_employed'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
/** ATECO 2007 sections (the Italian edition of NACE Rev. 2), A to U. */
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
export type AtecoSection = (typeof ATECO_SECTIONS)[number];
export const HOUSING_TYPES = ['social_housing', 'private_rent', 'shelter_transition', 'family', 'other'] as const;
export type HousingType = (typeof HOUSING_TYPES)[number];
export const JOB_LOST_REASONS = ['dismissed', 'resigned', 'contract_ended', 'other'] as const;
export type JobLostReason = (typeof JOB_LOST_REASONS)[number];

/** After a hire, she is asked whether she still works at 3, 6 and 12 months (follow_ups.months). */
export const FOLLOW_UP_MONTHS = [3, 6, 12] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];

/** Training and coverage (issue 8, /formazione): the audiences of a course and the board's states. */
export const TRAINING_AUDIENCES = [
  'cpi_referent',
  'centre_operator',
  'social_services',
  'police',
  'health',
  'teachers',
] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

/** A CPI's coverage: two or more trained referents, one, none. */
export const COVERAGE_STATES = ['covered', 'one', 'none'] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

export function coverageState(trained: number): CoverageState {
  if (trained >= 2) return 'covered';
  return trained === 1 ? 'one' : 'none';
}

/** Months a completed course keeps a CPI referent trained, unless configured (PERCORSI_TRAINING_VALID_MONTHS). */
export const DEFAULT_TRAINING_VALID_MONTHS = 24;

/** Share of a course's hours she must attend for it to count as completed. */
export const COMPLETION_SHARE = 0.75;

/** Periods of the hours table. */
export const TRAINING_PERIODS = ['year', 'quarter'] as const;
export type TrainingPeriod = (typeof TRAINING_PERIODS)[number];

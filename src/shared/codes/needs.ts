/** The plan's domains: a needs profile has one entry per domain, a plan goal belongs to one (plan_goals.domain). */
export const DOMAINS = ['work', 'training', 'housing', 'economic_autonomy', 'childcare', 'legal', 'wellbeing'] as const;
export type Domain = (typeof DOMAINS)[number];

/** How much help she needs in a domain. */
export const NEED_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type NeedLevel = (typeof NEED_LEVELS)[number];

/** How a domain's need changed between two assessments. */
export const NEED_TRENDS = ['decreased', 'increased', 'unchanged'] as const;
export type NeedTrend = (typeof NEED_TRENDS)[number];

/** The sections of the needs questionnaire (server/needs/questionnaire.ts), each shareable on its own. */
export const NEEDS_SECTIONS = [
  'education_languages',
  'work_history',
  'skills',
  'licences_mobility',
  'care',
  'housing',
  'income_debts',
  'health',
  'availability',
  'legal',
  'aspirations',
] as const;
export type NeedsSection = (typeof NEEDS_SECTIONS)[number];

/** The codes of the empowerment plan (migration 005). */
export const GOAL_STATUSES = ['open', 'reached', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** The language the plan is printed in besides Italian (plans.second_language). */
export const SECOND_LANGUAGES = ['en', 'fr', 'es', 'ar', 'uk'] as const;
export type SecondLanguage = (typeof SECOND_LANGUAGES)[number];
export const PRINT_LANGUAGES = ['it', ...SECOND_LANGUAGES] as const;
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number];
/** How she agreed to a plan version (plan_versions.agreement_method). */
export const AGREEMENT_METHODS = ['signed', 'verbal'] as const;
export type AgreementMethod = (typeof AGREEMENT_METHODS)[number];

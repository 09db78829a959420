/** The codes of a woman's case (migration 003), besides the ISTAT profile variables (istat.ts). */

/** cases.status */
export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Why a case was closed (cases.closure_outcome). */
export const CLOSURE_OUTCOMES = [
  'goals_reached',
  'dropped_out',
  'sent_to_local_services',
  'moved_away',
  'other',
] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

/** The risk assessment tool and its result (cases.risk_tool, cases.risk_level). */
export const RISK_TOOLS = ['sara', 'isa', 'other'] as const;
export type RiskTool = (typeof RISK_TOOLS)[number];
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Her safe-contact preferences: how and when she may be reached. */
export const CONTACT_CHANNELS = ['phone', 'sms', 'email', 'through_centre'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A member's role on the case team (case_team.role_in_case). */
export const CASE_TEAM_ROLES = ['lead', 'operator'] as const;
export type CaseTeamRole = (typeof CASE_TEAM_ROLES)[number];

/** The caseload's sortable columns (the server maps each to one SQL expression: a whitelist). */
export const CASE_SORT_KEYS = ['code', 'takenInChargeOn', 'status', 'riskLevel', 'dueActions', 'dueFollowUps'] as const;
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

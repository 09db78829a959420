import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the woman's path (migrations 003 and 005). */
type Nullable<T> = T | null;
type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T = Record<string, unknown>> = ColumnType<T, string | undefined, string>;

export interface ProgrammesTable {
  code: string;
  name: string;
  window_days: number;
}
export interface OrganisationKeysTable {
  organisation_id: string;
  wrapped_key: string;
  created_at: Generated<Date>;
}
export interface CasesTable {
  id: Generated<string>;
  organisation_id: string;
  code: string;
  network_id: Nullable<string>;
  status: Generated<'open' | 'closed'>;
  first_contact_on: NullableDate;
  intake_on: NullableDate;
  taken_in_charge_on: DateCol;
  closed_on: NullableDate;
  closure_outcome: Nullable<string>;
  age_band: Nullable<string>;
  citizenship: Nullable<string>;
  residence_code: Nullable<string>;
  education: Nullable<string>;
  employment: Nullable<string>;
  children_count: Nullable<number>;
  minor_children_count: Nullable<number>;
  children_witnessed: Nullable<boolean>;
  violence_types: ColumnType<string[], string[] | undefined, string[]>;
  author_relationships: ColumnType<string[], string[] | undefined, string[]>;
  referral_source: Nullable<string>;
  risk_tool: Nullable<string>;
  risk_level: Nullable<string>;
  risk_assessed_on: NullableDate;
  safe_contact: Json;
  code_word_sealed: Nullable<string>;
  programme_code: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export interface CaseIdentitiesTable {
  case_id: string;
  organisation_id: string;
  sealed: string;
  surname_index: Nullable<string>;
  tax_code_index: Nullable<string>;
  surname_prefixes: Nullable<string[]>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export interface CaseTeamTable {
  case_id: string;
  user_id: string;
  organisation_id: string;
  role_in_case: Generated<'lead' | 'operator'>;
  added_at: Generated<Date>;
}
export interface ConsentsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  purpose: string;
  recipient_organisation_id: Nullable<string>;
  recipient_type: Nullable<string>;
  sharing_purpose: Nullable<string>;
  includes_identity: ColumnType<boolean, boolean | undefined, boolean>;
  decision: 'granted' | 'refused';
  text_version: string;
  method: string;
  witness_user_id: Nullable<string>;
  given_on: DateCol;
  expires_on: NullableDate;
  revoked_on: NullableDate;
  recorded_by: string;
  created_at: Generated<Date>;
  /** recorded before migration 030 refused duplicates; kept, outside the exclusion constraint */
  kept_duplicate: Generated<boolean>;
}
export interface NeedsAssessmentsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  questionnaire_version: string;
  assessed_on: DateCol;
  /** the coded answers; text answers are in text_answers_sealed (migration 170) */
  answers: Json;
  text_answers_sealed: Nullable<string>;
  profile: Json;
  recorded_by: string;
  created_at: Generated<Date>;
}
export interface ActionCatalogueTable {
  code: string;
  organisation_id: Nullable<string>;
  domain: string;
  label_it: string;
  label_en: string;
  created_at: Generated<Date>;
}
export interface PlansTable {
  case_id: string;
  organisation_id: string;
  version: Generated<number>;
  second_language: Nullable<string>;
  updated_at: Generated<Date>;
}
export interface PlanGoalsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  domain: string;
  /** sealed (cases/case-text.ts); the old `title` column stays empty (migration 170) */
  title_sealed: string;
  status: Generated<string>;
  target_on: NullableDate;
  position: Generated<number>;
}
export interface PlanActionsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  goal_id: string;
  catalogue_code: string;
  responsible_organisation_id: Nullable<string>;
  operator_user_id: Nullable<string>;
  starts_on: NullableDate;
  due_on: NullableDate;
  status: Generated<string>;
  /** sealed (cases/case-text.ts); the old `notes` column stays empty (migration 170) */
  notes_sealed: Nullable<string>;
  position: Generated<number>;
}
export interface PlanVersionsTable {
  case_id: string;
  version: number;
  organisation_id: string;
  snapshot: Json;
  changed_by: string;
  changed_at: Generated<Date>;
  agreed_on: NullableDate;
  agreement_method: Nullable<string>;
}
export interface PlanReviewsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  reviewed_on: DateCol;
  /** sealed (cases/case-text.ts); the old `summary` column stays empty (migration 170) */
  summary_sealed: string;
  plan_version: number;
  recorded_by: string;
  created_at: Generated<Date>;
}
export interface OutcomesTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  kind: string;
  occurred_on: DateCol;
  details: Json;
  /** migration 200: the course title, sealed under the centre's data key (cases/case-text.ts) */
  course_title_sealed: Nullable<string>;
  reported_by_organisation_id: Nullable<string>;
  recorded_by: string;
  created_at: Generated<Date>;
}
export interface FollowUpsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  outcome_id: string;
  months: number;
  due_on: DateCol;
  done_on: NullableDate;
  still_working: Nullable<boolean>;
  details: Json;
  recorded_by: Nullable<string>;
}
export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  occurred_at: Generated<Date>;
  actor_user_id: Nullable<string>;
  kind: string;
  ref_id: Nullable<string>;
  details: Json;
}

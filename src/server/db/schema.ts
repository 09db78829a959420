import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Nullable<T> = T | null;

export interface MunicipalitiesTable {
  istat_code: string;
  name: string;
  province: string;
}
export interface NetworksTable {
  id: string;
  name: string;
  lead_municipality_code: Nullable<string>;
  municipalities_basis: Nullable<string>;
  has_shelters: boolean;
  shelters_note: Nullable<string>;
  notes: Nullable<string>;
  source_ids: ColumnType<string[], string[] | undefined, string[]>;
}
export interface NetworkMunicipalitiesTable {
  network_id: string;
  istat_code: string;
}
export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  type: string;
  town: Nullable<string>;
  municipality_code: Nullable<string>;
  address: Nullable<string>;
  helpline: Nullable<string>;
  website: Nullable<string>;
  description: Nullable<string>;
  operates_shelters: ColumnType<boolean, boolean | undefined, boolean>;
  parent_id: Nullable<string>;
  uncertain: ColumnType<boolean, boolean | undefined, boolean>;
  notes: Nullable<string>;
  source_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export interface OrganisationNetworksTable {
  organisation_id: string;
  network_id: string;
  role: Nullable<string>;
}
export interface ProtocolsTable {
  id: Generated<string>;
  code: string;
  name: string;
  signed_on: ColumnType<string, string, string>;
  scope: string;
  summary: Nullable<string>;
  source_ids: ColumnType<string[], string[] | undefined, string[]>;
}
export interface ProtocolSignatoriesTable {
  id: Generated<string>;
  protocol_id: string;
  organisation_id: Nullable<string>;
  signatory_name: Nullable<string>;
  kind: 'original' | 'adhesion';
  joined_on: ColumnType<string, string, string>;
}
export interface ProtocolAdhesionsTable {
  id: Generated<string>;
  protocol_id: string;
  organisation_id: string;
  status: Generated<'requested' | 'approved' | 'rejected'>;
  motivation: Nullable<string>;
  requested_by: string;
  requested_at: Generated<Date>;
  decided_by: Nullable<string>;
  decided_at: Nullable<Timestamp>;
  decision_note: Nullable<string>;
}
export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  username: string;
  display_name: string;
  email: Nullable<string>;
  password_hash: Nullable<string>;
  totp_secret: Nullable<string>;
  totp_enrolled_at: Nullable<Timestamp>;
  totp_last_step: ColumnType<Nullable<string>, Nullable<number | string>, Nullable<number | string>>;
  failed_logins: Generated<number>;
  locked_until: Nullable<Timestamp>;
  disabled_at: Nullable<Timestamp>;
  reset_requested_at: Nullable<Timestamp>;
  created_at: Generated<Date>;
  version: Generated<number>;
}
export interface UserRolesTable {
  user_id: string;
  organisation_id: string;
  role: string;
}
export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  code_hash: string;
  used_at: Nullable<Timestamp>;
}
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  organisation_id: string;
  stage: 'pre_auth' | 'full';
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}
export interface InvitationsTable {
  id: Generated<string>;
  organisation_id: string;
  token_hash: string;
  kind: 'invite' | 'reset';
  user_id: Nullable<string>;
  username: Nullable<string>;
  display_name: Nullable<string>;
  email: Nullable<string>;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  created_by: Nullable<string>;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Nullable<Timestamp>;
}
export interface AuditLogTable {
  seq: Generated<string>;
  occurred_at: Generated<Date>;
  actor_user_id: Nullable<string>;
  organisation_id: Nullable<string>;
  action: string;
  subject_type: Nullable<string>;
  subject_id: Nullable<string>;
  purpose: Nullable<string>;
  outcome: 'success' | 'failure' | 'denied';
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

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
}
export interface NeedsAssessmentsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  questionnaire_version: string;
  assessed_on: DateCol;
  answers: Json;
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
  title: string;
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
  notes: Nullable<string>;
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
  summary: string;
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

export interface DB {
  municipalities: MunicipalitiesTable;
  networks: NetworksTable;
  network_municipalities: NetworkMunicipalitiesTable;
  organisations: OrganisationsTable;
  organisation_networks: OrganisationNetworksTable;
  protocols: ProtocolsTable;
  protocol_signatories: ProtocolSignatoriesTable;
  protocol_adhesions: ProtocolAdhesionsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
  programmes: ProgrammesTable;
  organisation_keys: OrganisationKeysTable;
  cases: CasesTable;
  case_identities: CaseIdentitiesTable;
  case_team: CaseTeamTable;
  consents: ConsentsTable;
  needs_assessments: NeedsAssessmentsTable;
  action_catalogue: ActionCatalogueTable;
  plans: PlansTable;
  plan_goals: PlanGoalsTable;
  plan_actions: PlanActionsTable;
  plan_versions: PlanVersionsTable;
  plan_reviews: PlanReviewsTable;
  outcomes: OutcomesTable;
  follow_ups: FollowUpsTable;
  case_events: CaseEventsTable;
}

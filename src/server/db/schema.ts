import type { ColumnType, Generated } from 'kysely';
import type {
  ActionCatalogueTable,
  CaseEventsTable,
  CaseIdentitiesTable,
  CasesTable,
  CaseTeamTable,
  ConsentsTable,
  FollowUpsTable,
  NeedsAssessmentsTable,
  OrganisationKeysTable,
  OutcomesTable,
  PlanActionsTable,
  PlanGoalsTable,
  PlansTable,
  PlanReviewsTable,
  PlanVersionsTable,
  ProgrammesTable,
} from './schema-cases.ts';
import type { CompanyTables } from './schema-companies.ts';
import type { DirectoryTables } from './schema-directory.ts';
import type { ControlRoomTables } from './schema-control-room.ts';
import type { DraftTables } from './schema-drafts.ts';
import type { NotificationTables } from './schema-notifications.ts';
import type { ReferralTables } from './schema-referrals.ts';

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
  /** NULL for a request made through an invitation, until it is approved (migration 210) */
  organisation_id: Nullable<string>;
  status: Generated<'requested' | 'approved' | 'rejected'>;
  motivation: Nullable<string>;
  requested_by: Nullable<string>;
  invitation_id: Nullable<string>;
  applicant_name: Nullable<string>;
  applicant_type: Nullable<string>;
  applicant_municipality_code: Nullable<string>;
  applicant_website: Nullable<string>;
  admin_display_name: Nullable<string>;
  admin_email: Nullable<string>;
  requested_at: Generated<Date>;
  decided_by: Nullable<string>;
  decided_at: Nullable<Timestamp>;
  decision_note: Nullable<string>;
}
/** A single-use invitation for a body to ask to join a protocol (migration 210). */
export interface AdhesionInvitationsTable {
  id: Generated<string>;
  protocol_id: string;
  network_id: Nullable<string>;
  invited_name: string;
  token_hash: string;
  organisation_id: string;
  created_by: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Nullable<Timestamp>;
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
  /** step-up: when the holder last proved a second factor (migration 230) */
  second_factor_at: Nullable<Timestamp>;
}
export interface PasskeysTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  name: string;
  credential_id: string;
  public_key: Buffer;
  sign_count: ColumnType<string, number | undefined, number>;
  transports: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
  last_used_at: Nullable<Timestamp>;
}
export interface WebauthnChallengesTable {
  challenge_hash: string;
  purpose: 'register' | 'authenticate';
  user_id: string | null;
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
  /** the writing transaction (NULL on rows chained before migration 070); the chain is in audit_chain */
  tx: Generated<string | null>;
}

/** The centre's privacy settings, set by its DPO (migration 220). */
export interface PrivacySettingsTable {
  organisation_id: string;
  report_staff_names: boolean;
  updated_by: string;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

/** What the insider_alerts job found, for the DPO (migration 221). */
export interface InsiderAlertsTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string;
  kind: string;
  hour_start: Timestamp;
  count: number;
  audit_seqs: ColumnType<string[], string[], string[]>;
  created_at: Generated<Date>;
}

export interface DB
  extends NotificationTables,
    ReferralTables,
    DirectoryTables,
    DraftTables,
    // net-control
    ControlRoomTables,
    // net-companies
    CompanyTables {
  municipalities: MunicipalitiesTable;
  networks: NetworksTable;
  network_municipalities: NetworkMunicipalitiesTable;
  organisations: OrganisationsTable;
  organisation_networks: OrganisationNetworksTable;
  protocols: ProtocolsTable;
  protocol_signatories: ProtocolSignatoriesTable;
  protocol_adhesions: ProtocolAdhesionsTable;
  adhesion_invitations: AdhesionInvitationsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
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
  privacy_settings: PrivacySettingsTable;
  insider_alerts: InsiderAlertsTable;
}

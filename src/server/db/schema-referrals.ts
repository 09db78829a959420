import type { ColumnType, Generated } from 'kysely';

/** Kysely types of referrals between bodies (migration 007). */
type Nullable<T> = T | null;
type DateCol = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T = Record<string, unknown>> = ColumnType<T, string | undefined, string>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ReferralsTable {
  id: Generated<string>;
  case_id: string;
  organisation_id: string;
  recipient_organisation_id: string;
  recipient_user_id: Nullable<string>;
  recipient_user_name: Nullable<string>;
  network_id: Nullable<string>;
  protocol_id: Nullable<string>;
  purpose: string;
  urgency: string;
  contact_mode: string;
  pseudonym: string;
  consent_id: string;
  identity_consent_id: Nullable<string>;
  share_fields: string[];
  plan_action_id: Nullable<string>;
  status: Generated<string>;
  sent_at: Stamp;
  sent_on: DateCol;
  ack_due_on: DateCol;
  appointment_due_on: DateCol;
  expires_on: DateCol;
  answered_at: NullableStamp;
  decline_reason: Nullable<string>;
  appointment_on: NullableDate;
  completed_on: NullableDate;
  completion_outcome: Nullable<string>;
  access_days: number;
  access_until: NullableDate;
  access_ended_at: NullableStamp;
  access_end_reason: Nullable<string>;
  overdue_notified: Nullable<string>;
  created_by: string;
  updated_at: Stamp;
  version: Generated<number>;
}
export interface ReferralSharesTable {
  referral_id: string;
  organisation_id: string;
  recipient_organisation_id: string;
  sealed: string;
}
interface Sides {
  referral_id: string;
  organisation_id: string;
  recipient_organisation_id: string;
}
export interface ReferralEventsTable extends Sides {
  id: Generated<string>;
  actor_user_id: Nullable<string>;
  actor_organisation_id: Nullable<string>;
  kind: string;
  details: Json;
  occurred_at: Stamp;
}
export interface ReferralReportsTable extends Sides {
  id: Generated<string>;
  kind: string;
  occurred_on: DateCol;
  details: Json;
  /** migration 200: the course title, sealed with the referral's key (referrals/pseudonym.ts) */
  course_title_sealed: Nullable<string>;
  outcome_id: Nullable<string>;
  reported_by: string;
  reported_by_name: string;
  created_at: Stamp;
}
export interface ReferralMessagesTable extends Sides {
  id: Generated<string>;
  author_user_id: string;
  author_organisation_id: string;
  author_name: string;
  body_sealed: string;
  created_at: Stamp;
}
export interface ReferralViewsTable {
  id: Generated<string>;
  referral_id: string;
  organisation_id: string;
  viewer_user_id: string;
  viewer_organisation_id: string;
  viewer_name: string;
  viewed_at: Stamp;
  /** the viewer's roles when viewing (migration 220; empty before) */
  viewer_roles: ColumnType<string[], string[] | undefined, string[]>;
}
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  organisation_id: string;
  request_hash: string;
  referral_id: string;
  created_at: Stamp;
}
export interface ReferralRulesTable {
  id: Generated<number>;
  protocol_id: Nullable<string>;
  recipient_type: Nullable<string>;
  ack_working_days: number;
  appointment_working_days: number;
  expiry_working_days: number;
  access_days: number;
}

export interface ReferralTables {
  referrals: ReferralsTable;
  referral_shares: ReferralSharesTable;
  referral_events: ReferralEventsTable;
  referral_reports: ReferralReportsTable;
  referral_messages: ReferralMessagesTable;
  referral_views: ReferralViewsTable;
  idempotency_keys: IdempotencyKeysTable;
  referral_rules: ReferralRulesTable;
}

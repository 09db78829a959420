import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the inbox and the e-mail outbox (migration 008). */
type Nullable<T> = T | null;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  kind: string;
  referral_id: Nullable<string>;
  created_at: Generated<Date>;
  read_at: NullableTime;
}

export interface EmailOutboxTable {
  id: ColumnType<string, never, never>;
  user_id: string;
  organisation_id: string;
  to_address: string;
  template: string;
  created_at: Generated<Date>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  sent_at: NullableTime;
  failed_at: NullableTime;
  last_error: Nullable<string>;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  email_outbox: EmailOutboxTable;
}

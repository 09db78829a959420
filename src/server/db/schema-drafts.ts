import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the sealed form drafts (migration 031). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface FormDraftsTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string;
  form: string;
  case_id: string | null;
  sealed: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  expires_at: Timestamp;
}

export interface DraftTables {
  form_drafts: FormDraftsTable;
}

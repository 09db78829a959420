import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the public directory's entries (migration 050). */
type Nullable<T> = T | null;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;
type Codes = ColumnType<string[], string[] | undefined, string[]>;
/** a date column: read as 'YYYY-MM-DD' (the pg parser and PGlite both give a string or Date) */
type DateCol = ColumnType<string | Date | null, string | null | undefined, string | null>;

export interface OpeningHours {
  day: string;
  opens: string;
  closes: string;
}

interface EntryFields {
  public_phone: Nullable<string>;
  public_email: Nullable<string>;
  hours: Json<OpeningHours[]>;
  open_24h: Generated<boolean>;
  services: Codes;
  languages: Codes;
  accessibility: Codes;
  free_of_charge: Generated<boolean>;
  verified_on: DateCol;
}

export interface DirectoryEntriesTable extends EntryFields {
  organisation_id: string;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: Nullable<string>;
  version: Generated<number>;
  published_version: Nullable<number>;
  stale_notified_at: NullableTime;
}

export interface DirectoryPublishedTable extends EntryFields {
  organisation_id: string;
  published_at: ColumnType<Date, Date | string | undefined, Date | string>;
  published_by: Nullable<string>;
}

export interface DirectoryTables {
  directory_entries: DirectoryEntriesTable;
  directory_published: DirectoryPublishedTable;
}

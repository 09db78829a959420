import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the companies' register and vacancies (migration 130). */
type Nullable<T> = T | null;
type Codes = ColumnType<string[], string[] | undefined, string[]>;
type DateCol = ColumnType<string | Date, string, string>;
type NullableDate = ColumnType<string | Date | null, string | null | undefined, string | null>;
type Time = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CompaniesTable {
  id: Generated<string>;
  network_id: string;
  name: string;
  vat_number: string;
  ateco_code: Nullable<string>;
  size_band: string;
  municipality_code: string;
  contact_name: Nullable<string>;
  contact_email: Nullable<string>;
  contact_phone: Nullable<string>;
  followed_by: string;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Time;
  version: Generated<number>;
}

export interface CompanyEngagementsTable {
  id: Generated<string>;
  company_id: string;
  network_id: string;
  kind: string;
  started_on: DateCol;
  ended_on: NullableDate;
  organisation_id: string;
  quantity: Nullable<number>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface VacanciesTable {
  id: Generated<string>;
  company_id: string;
  network_id: string;
  occupation_code: Nullable<string>;
  occupation_label: string;
  sector: string;
  municipality_code: string;
  contract_type: string;
  hours_per_week: number;
  shifts: Generated<boolean>;
  education_min: string;
  italian_min: string;
  languages: Codes;
  driving_licence: Generated<boolean>;
  reserved: Generated<boolean>;
  status: Generated<string>;
  entered_by: string;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Time;
  version: Generated<number>;
}

export interface CompanyTables {
  companies: CompaniesTable;
  company_engagements: CompanyEngagementsTable;
  vacancies: VacanciesTable;
}

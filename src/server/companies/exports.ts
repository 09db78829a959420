/** The register's and the vacancies' exports: the same reads as the page, every cell formula-safe (exports/export-file.ts). */
import type { ExportColumn } from '../exports/export-file.ts';
import type { CompanySummary, Vacancy } from './schemas.ts';

const both = (it: string, en: string) => ({ it, en });

export const COMPANY_COLUMNS: ExportColumn<CompanySummary>[] = [
  { header: both('Ragione sociale', 'Company name'), value: (c) => c.name },
  { header: both('Partita IVA', 'VAT number'), value: (c) => c.vatNumber },
  { header: both('ATECO', 'ATECO'), value: (c) => c.atecoCode },
  { header: both('Dimensione', 'Size'), value: (c) => c.sizeBand },
  { header: both('Comune', 'Municipality'), value: (c) => c.municipality.name },
  { header: both('Rete', 'Network'), value: (c) => c.networkId },
  { header: both('Ente che la segue', 'Followed by'), value: (c) => c.followedBy.name },
  { header: both('Impegni', 'Commitments'), value: (c) => c.commitments.join(' ') },
  { header: both('Ultima attività', 'Last activity'), value: (c) => c.lastActivityOn },
  { header: both('Offerte aperte', 'Open vacancies'), value: (c) => c.openVacancies },
];

export const VACANCY_COLUMNS: ExportColumn<Vacancy>[] = [
  { header: both('Professione', 'Occupation'), value: (v) => v.occupationLabel },
  { header: both('Codice CP2021', 'CP2021 code'), value: (v) => v.occupationCode },
  { header: both('Settore', 'Sector'), value: (v) => v.sector },
  { header: both('Azienda', 'Company'), value: (v) => v.company.name },
  { header: both('Comune', 'Municipality'), value: (v) => v.municipality.name },
  { header: both('Contratto', 'Contract'), value: (v) => v.contractType },
  { header: both('Ore a settimana', 'Hours per week'), value: (v) => v.hoursPerWeek },
  { header: both('Turni', 'Shifts'), value: (v) => v.shifts },
  { header: both('Titolo minimo', 'Minimum education'), value: (v) => v.educationMin },
  { header: both('Italiano minimo', 'Minimum Italian'), value: (v) => v.italianMin },
  { header: both('Altre lingue', 'Other languages'), value: (v) => v.languages.join(' ') },
  { header: both('Patente B', 'Driving licence'), value: (v) => v.drivingLicence },
  { header: both('Riservata', 'Reserved'), value: (v) => v.reserved },
  { header: both('Stato', 'Status'), value: (v) => v.status },
  { header: both('Inserita da', 'Entered by'), value: (v) => v.enteredBy.name },
];

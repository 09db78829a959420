import type { ExportColumn } from '../exports/export-file.ts';
import type { HoursRow } from './schemas.ts';

/** The hours table as CSV/XLSX columns (every text cell made formula-safe by the export helper). */
export const HOURS_COLUMNS: ExportColumn<HoursRow>[] = [
  { header: { it: 'Periodo', en: 'Period' }, value: (r) => r.period },
  { header: { it: 'Rete', en: 'Network' }, value: (r) => r.networkName },
  { header: { it: 'Ente', en: 'Body' }, value: (r) => r.organisationName },
  { header: { it: 'Ore erogate', en: 'Hours given' }, value: (r) => r.given },
  { header: { it: 'Ore ricevute', en: 'Hours received' }, value: (r) => r.received },
];

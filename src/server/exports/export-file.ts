/**
 * One way to export a list: columns (a header per language and a value per row) → CSV or XLSX.
 * Every text cell is formula-safe: a cell starting with = + - @ tab or CR (which a spreadsheet
 * would run as a formula) is prefixed with an apostrophe. The caller authorises and audits
 * (`exportList` below does both), and chooses columns without identity unless the role may see it.
 */
import { requireFreshFactor } from '../auth/step-up.ts';
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { ExportFormat, ExportLanguage, ExportList } from '../../shared/codes/exports.ts';
import { todayInItaly } from '../db/dates.ts';
import type { Ctx } from '../http/request-context.ts';

export type Cell = string | number | boolean | null;
export interface ExportColumn<T> {
  header: Record<ExportLanguage, string>;
  value: (row: T) => Cell;
}

// = + - @ tab CR, and the Unicode minus (U+2212) and full-width signs some spreadsheets also read
const FORMULA_START = /^[=+\-@\t\r\u2212\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell a spreadsheet shows as text, never runs: "=1+1" → "'=1+1". */
export function formulaSafe(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

/** The rows as a file: a header row, then one row per item, every cell formula-safe. */
export async function renderExport<T>(
  format: ExportFormat,
  lang: ExportLanguage,
  name: string,
  columns: ExportColumn<T>[],
  rows: T[],
): Promise<ExportFile> {
  const header = columns.map((c) => c.header[lang]);
  const data = rows.map((r) => columns.map((c) => formulaSafe(c.value(r))));
  const filename = `${name}-${todayInItaly()}.${format}`;
  if (format === 'csv') {
    // a BOM so that spreadsheets read UTF-8 (accents) correctly
    const text = stringify([header, ...data], { bom: true, cast: { boolean: (b) => (b ? 'true' : 'false') } });
    return { body: Buffer.from(text, 'utf8'), contentType: 'text/csv; charset=utf-8', filename };
  }
  const sheet: SheetData = [
    header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    // strings are written as text cells (type String), never as formulas
    ...data.map((row) => row.map((v) => (v === null ? null : typeof v === 'string' ? { value: v, type: String } : v))),
  ];
  const body = await writeXlsxFile(sheet).toBuffer();
  return {
    body,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename,
  };
}

/** Renders a list the caller has already read under its rules, and audits the export (counts only). */
export async function exportList<T>(
  ctx: Ctx,
  list: ExportList,
  q: { format: ExportFormat; lang?: ExportLanguage },
  columns: ExportColumn<T>[],
  rows: T[],
): Promise<ExportFile> {
  // step-up (issue 12): a bulk export asks for a second factor within the last 10 minutes
  await requireFreshFactor(ctx);
  const file = await renderExport(q.format, q.lang ?? 'it', `percorsi-${list.replace('_', '-')}`, columns, rows);
  await ctx.audit({ action: 'list.export', details: { list, format: q.format, rows: rows.length } });
  return file;
}

/**
 * CSV and XLSX of published tables (already suppressed): one block per table — title, indicator
 * code and version, period, a header row, the rows with their totals, the column totals, the
 * notes. Hidden cells are written as "<k", "n.d." or "nessun dato" / "no data". Every text cell is
 * formula-safe (exports/export-file.ts; the Unicode minus too).
 */
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { ExportFormat, ExportLanguage } from '../../shared/codes/exports.ts';
import { isSuppressed } from '../../shared/observatory/suppress.ts';
import type { Cell, PublishedTable } from '../../shared/observatory/types.ts';
import { formulaSafe } from '../exports/export-file.ts';

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

type Out = string | number | null;

const WORDS = {
  it: {
    total: 'Totale',
    period: 'Periodo',
    indicator: 'Indicatore',
    complementary: 'n.d.',
    noData: 'nessun dato',
    note: 'Nota',
  },
  en: {
    total: 'Total',
    period: 'Period',
    indicator: 'Indicator',
    complementary: 'n.d.',
    noData: 'no data',
    note: 'Note',
  },
} as const;

export function cellText(cell: Cell, k: number, lang: ExportLanguage): Out {
  if (cell.status === 'published') return cell.value;
  if (cell.status === 'small') return `<${k}`;
  if (cell.status === 'complementary') return WORDS[lang].complementary;
  return WORDS[lang].noData;
}

const safe = (v: Out): Out => (typeof v === 'string' ? (formulaSafe(v) as string) : v);

/** The rows of the file: every table one after the other, a blank row between. */
export function tableRows(tables: PublishedTable[], lang: ExportLanguage): Out[][] {
  const w = WORDS[lang];
  const out: Out[][] = [];
  for (const t of tables) {
    if (!isSuppressed(t)) throw new Error('table_not_suppressed');
    const k = t.threshold;
    out.push([t.indicator.name[lang]]);
    out.push([
      w.indicator,
      `${t.indicator.code} v${t.indicator.version}`,
      w.period,
      `${t.period.key} (${t.period.from} – ${t.period.to})`,
    ]);
    out.push([t.rowDimension, ...t.columns.map((c) => c.label[lang]), w.total]);
    t.rows.forEach((r, i) => {
      out.push([
        r.label[lang],
        ...(t.cells[i] ?? []).map((c) => cellText(c, k, lang)),
        cellText(t.rowTotals[i] as Cell, k, lang),
      ]);
    });
    out.push([w.total, ...t.columnTotals.map((c) => cellText(c, k, lang)), cellText(t.total, k, lang)]);
    for (const n of t.notes) out.push([w.note, n[lang]]);
    out.push([]);
  }
  return out.map((row) => row.map(safe));
}

export async function renderTables(
  format: ExportFormat,
  lang: ExportLanguage,
  name: string,
  tables: PublishedTable[],
): Promise<ExportFile> {
  const rows = tableRows(tables, lang);
  const filename = `${name}.${format}`;
  if (format === 'csv') {
    const text = stringify(rows, { bom: true });
    return { body: Buffer.from(text, 'utf8'), contentType: 'text/csv; charset=utf-8', filename };
  }
  const sheet: SheetData = rows.map((row) =>
    row.length === 0
      ? [null]
      : row.map((v) =>
          v === null ? null : typeof v === 'string' ? { value: v, type: String } : { value: v, type: Number },
        ),
  );
  const body = await writeXlsxFile(sheet).toBuffer();
  return { body, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename };
}

/**
 * How a published cell reads, in Italian and English: the one place that turns a `Cell` into text
 * (dashboards, charts, summaries, the PDF report, the annual extract). A suppressed cell never
 * becomes a number: "<5" (1..k-1), "n.d." (hidden to protect another cell), "nessun dato" (no source).
 */
import type { Cell, IndicatorUnit, Label, Period, PublishedTable } from './types.ts';

export type ObsLang = 'it' | 'en';

const LOCALE: Record<ObsLang, string> = { it: 'it-IT', en: 'en-GB' };

export const NO_DATA: Label = { it: 'nessun dato', en: 'no data' };
export const COMPLEMENTARY: Label = { it: 'n.d.', en: 'n.d.' };

/** A published value in the indicator's unit: counts as integers, rates as percentages (rates are 0..1), days with one decimal. */
export function formatValue(value: number, unit: IndicatorUnit, lang: ObsLang): string {
  const locale = LOCALE[lang];
  if (unit === 'rate')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (unit === 'days') return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** The text of a cell: its value when published, else its suppression mark. */
export function formatCell(cell: Cell, unit: IndicatorUnit, threshold: number, lang: ObsLang): string {
  switch (cell.status) {
    case 'published':
      return cell.value === null ? NO_DATA[lang] : formatValue(cell.value, unit, lang);
    case 'small':
      return `<${threshold}`;
    case 'complementary':
      return COMPLEMENTARY[lang];
    default:
      return NO_DATA[lang];
  }
}

/** The value a chart may draw: only a published number; everything else is a gap. */
export function drawable(cell: Cell): number | null {
  return cell.status === 'published' && typeof cell.value === 'number' && Number.isFinite(cell.value)
    ? cell.value
    : null;
}

export const isSuppressed = (cell: Cell) => cell.status === 'small' || cell.status === 'complementary';

/** Every cell of the table, margins included. */
export function allCells(t: PublishedTable): Cell[] {
  return [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.total];
}

/** The legend of the marks, with the threshold: shown under every table and chart. */
export function suppressionLegend(threshold: number, lang: ObsLang): string {
  return lang === 'it'
    ? `<${threshold}: valore da 1 a ${threshold - 1}, non pubblicato. n.d.: non diffuso, per non permettere di ricavare un valore piccolo dai totali. Nessun dato: la fonte non esiste ancora.`
    : `<${threshold}: a value from 1 to ${threshold - 1}, not published. n.d.: not disclosed, so that a small value cannot be worked out from the totals. No data: the source does not exist yet.`;
}

const MONTHS: Record<ObsLang, string[]> = {
  it: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "3º trimestre 2026" / "Q3 2026", "settembre 2026" / "September 2026", "2026". */
export function periodLabel(p: Pick<Period, 'kind' | 'key'>, lang: ObsLang): string {
  const [year, part] = p.key.split('-');
  if (p.kind === 'quarter' && part) {
    const q = part.replace(/^Q/, '');
    return lang === 'it' ? `${q}º trimestre ${year}` : `Q${q} ${year}`;
  }
  if (p.kind === 'month' && part) return `${MONTHS[lang][Number(part) - 1] ?? part} ${year}`;
  return String(year);
}

/** The query value of a period: "quarter:2026-Q3". */
export const periodParam = (p: Pick<Period, 'kind' | 'key'>) => `${p.kind}:${p.key}`;

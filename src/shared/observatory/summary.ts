/**
 * A generated text summary of a published table, Italian and English: the text alternative of
 * every chart (screen readers, the PDF report). Built from the published cells only, so it never
 * says more than the table: suppressed cells are counted, never valued, and "the highest" is
 * chosen among published values only.
 */
import { allCells, drawable, formatCell, isSuppressed, type ObsLang, periodLabel } from './cells.ts';
import type { PublishedTable } from './types.ts';

const DIMENSIONS: Record<string, { it: string; en: string }> = {
  network: { it: 'rete', en: 'network' },
  centre: { it: 'centro', en: 'centre' },
  cpi: { it: 'CPI', en: 'job centre (CPI)' },
};

export function dimensionLabel(dimension: string, lang: ObsLang): string {
  return DIMENSIONS[dimension]?.[lang] ?? dimension.replace(/_/g, ' ');
}

export function textSummary(t: PublishedTable, lang: ObsLang): string {
  const it = lang === 'it';
  const unit = t.indicator.unit;
  const show = (c: Parameters<typeof formatCell>[0]) => formatCell(c, unit, t.threshold, lang);
  const parts: string[] = [];
  const head = `${t.indicator.name[lang]}, ${periodLabel(t.period, lang)}`;
  const cells = allCells(t);
  if (cells.every((c) => c.status === 'no_data') || t.rows.length === 0) {
    return `${head}: ${it ? 'nessun dato per questo periodo.' : 'no data for this period.'}`;
  }
  parts.push(`${head}, ${it ? 'per' : 'by'} ${dimensionLabel(t.rowDimension, lang)}.`);
  const totals = t.columns.slice(0, 8).map((c, i) => `${c.label[lang]} ${show(t.columnTotals[i] ?? t.total)}`);
  if (t.columns.length > 1) parts.push(`${it ? 'Totali' : 'Totals'}: ${totals.join('; ')}.`);
  else parts.push(`${it ? 'Totale' : 'Total'}: ${show(t.total)}.`);
  const first = t.columns[0];
  if (t.rows.length > 1 && first) {
    let best: { row: number; value: number } | null = null;
    t.rows.forEach((_, r) => {
      const v = drawable(t.cells[r]?.[0] ?? { value: null, status: 'no_data' });
      if (v !== null && (!best || v > best.value)) best = { row: r, value: v };
    });
    const top = best as { row: number; value: number } | null;
    if (top) {
      const row = t.rows[top.row]?.label[lang] ?? '';
      const value = show({ value: top.value, status: 'published' });
      parts.push(
        it
          ? `Il valore più alto di «${first.label.it}» tra quelli pubblicati è di ${row} (${value}).`
          : `The highest published value of "${first.label.en}" is ${row}'s (${value}).`,
      );
    }
  }
  const hidden = cells.filter(isSuppressed).length;
  if (hidden > 0)
    parts.push(
      it
        ? `${hidden === 1 ? '1 valore non è pubblicato' : `${hidden} valori non sono pubblicati`} per tutelare la riservatezza (<${t.threshold} o n.d.).`
        : `${hidden === 1 ? '1 value is' : `${hidden} values are`} not published to protect confidentiality (<${t.threshold} or n.d.).`,
    );
  const missing = cells.filter((c) => c.status === 'no_data').length;
  if (missing > 0) parts.push(it ? 'Per alcune voci non ci sono ancora dati.' : 'Some items have no data yet.');
  return parts.join(' ');
}

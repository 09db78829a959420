import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../server/observatory-report/svg.ts';
import { formatCell, periodLabel } from './cells.ts';
import { chartOption, chartSize } from './charts.ts';
import { funnelTable, noDataTable, rateTable } from './fixture.ts';
import { textSummary } from './summary.ts';
import type { Cell, CellStatus, PublishedTable } from './types.ts';

const barData = (t: PublishedTable, lang: 'it' | 'en' = 'it') =>
  (chartOption(t, lang).series as Array<{ data: unknown[]; name: string }>).map((s) => s.data);

describe('chart definition: a published table → an ECharts option', () => {
  it('rows are categories, one series per column, published values drawn, suppressed cells are gaps', () => {
    const o = chartOption(funnelTable(), 'it');
    expect((o.yAxis as { data: string[] }).data).toEqual(['Rete Milano', 'Rete Pavia']);
    expect((o.series as Array<{ name: string }>).map((s) => s.name)).toEqual([
      'Contatti',
      'Prese in carico',
      'Conclusi',
    ]);
    expect(barData(funnelTable())).toEqual([
      [1234, 412],
      [87, 35],
      ['-', '-'],
    ]);
    expect(o.animation).toBe(false);
    expect((o.title as { text: string }).text).toBe('Percorsi: dal contatto alla conclusione');
  });

  it('English labels from the same table', () => {
    const o = chartOption(funnelTable(), 'en');
    expect((o.yAxis as { data: string[] }).data).toEqual(['Milan network', 'Pavia network']);
    expect((o.title as { text: string }).text).toBe('Paths: from contact to conclusion');
  });

  it('a one-row table shows its columns as categories', () => {
    const t = { ...funnelTable(), rows: [funnelTable().rows[0]!], cells: [funnelTable().cells[0]!] };
    const o = chartOption(t, 'it');
    expect((o.yAxis as { data: string[] }).data).toEqual(['Contatti', 'Prese in carico', 'Conclusi']);
    expect(barData(t)).toEqual([[1234, 87, '-']]);
  });

  it('no data draws nothing, never a fake zero', () => {
    expect(barData(noDataTable())).toEqual([['-', '-']]);
    expect(textSummary(noDataTable(), 'it')).toBe(
      'Referenti CPI formati, 3º trimestre 2026: nessun dato per questo periodo.',
    );
    expect(textSummary(noDataTable(), 'en')).toBe('Trained CPI referents, Q3 2026: no data for this period.');
  });

  it('cells read as numbers, "<5", "n.d." or "nessun dato"', () => {
    expect(formatCell({ value: 1234, status: 'published' }, 'count', 5, 'it')).toBe('1234');
    expect(formatCell({ value: 12345, status: 'published' }, 'count', 5, 'it')).toBe('12.345');
    expect(formatCell({ value: 12345, status: 'published' }, 'count', 5, 'en')).toBe('12,345');
    expect(formatCell({ value: 0.825, status: 'published' }, 'rate', 5, 'it')).toBe('82,5%');
    expect(formatCell({ value: null, status: 'small' }, 'count', 5, 'it')).toBe('<5');
    expect(formatCell({ value: null, status: 'small' }, 'count', 3, 'en')).toBe('<3');
    expect(formatCell({ value: null, status: 'complementary' }, 'count', 5, 'it')).toBe('n.d.');
    expect(formatCell({ value: null, status: 'no_data' }, 'count', 5, 'it')).toBe('nessun dato');
    expect(formatCell({ value: null, status: 'no_data' }, 'count', 5, 'en')).toBe('no data');
    expect(periodLabel({ kind: 'month', key: '2026-09' }, 'it')).toBe('settembre 2026');
    expect(periodLabel({ kind: 'year', key: '2026' }, 'en')).toBe('2026');
  });

  it('the text summary: totals, the highest published row, how many values are hidden', () => {
    expect(textSummary(funnelTable(), 'it')).toBe(
      'Percorsi: dal contatto alla conclusione, 3º trimestre 2026, per rete. Totali: Contatti 1646; Prese in carico 122; Conclusi n.d.. ' +
        'Il valore più alto di «Contatti» tra quelli pubblicati è di Rete Milano (1234). ' +
        '6 valori non sono pubblicati per tutelare la riservatezza (<5 o n.d.).',
    );
    expect(textSummary(rateTable(), 'en')).toContain('Total: n.d.');
    expect(textSummary(rateTable(), 'en')).toContain('not published to protect confidentiality (<5 or n.d.)');
  });

  const status = fc.constantFrom<CellStatus>('published', 'small', 'complementary', 'no_data');
  const CANARY = 7777;
  /** Random tables whose suppressed cells still carry a (wrong) value: the chart must not draw it. */
  const table = fc
    .record({
      rows: fc.integer({ min: 1, max: 6 }),
      cols: fc.integer({ min: 1, max: 5 }),
      seed: fc.array(fc.tuple(status, fc.integer({ min: 100, max: 999 })), { minLength: 64, maxLength: 64 }),
    })
    .map(({ rows, cols, seed }): PublishedTable => {
      let i = 0;
      const cell = (): Cell => {
        const [s, v] = seed[i++ % seed.length]!;
        return { status: s, value: s === 'published' ? v : CANARY };
      };
      const base = funnelTable();
      return {
        ...base,
        rows: Array.from({ length: rows }, (_, r) => ({ key: `r${r}`, label: { it: `Riga ${r}`, en: `Row ${r}` } })),
        columns: Array.from({ length: cols }, (_, c) => ({ key: `c${c}`, label: { it: `Col ${c}`, en: `Col ${c}` } })),
        cells: Array.from({ length: rows }, () => Array.from({ length: cols }, cell)),
        rowTotals: Array.from({ length: rows }, cell),
        columnTotals: Array.from({ length: cols }, cell),
        total: cell(),
      };
    });

  it('property: a suppressed or missing cell never appears as a number, in the option, the SVG or the summary', () => {
    fc.assert(
      fc.property(table, (t) => {
        const data = barData(t).flat();
        expect(data).not.toContain(CANARY);
        const published = t.cells
          .flat()
          .filter((c) => c.status === 'published')
          .map((c) => c.value);
        for (const v of data) if (v !== '-') expect(published).toContain(v);
        expect(textSummary(t, 'it')).not.toMatch(/7\.?777/);
        expect(textSummary(t, 'en')).not.toMatch(/7,?777/);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(table, (t) => {
        expect(chartSvg(t, 'it').svg).not.toMatch(/7[.,]?777/);
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  it('renders to SVG on the server with the summary as its accessible name', () => {
    const { svg, height } = chartSvg(funnelTable(), 'en');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Milan network');
    expect(svg).toContain('1,234');
    expect(svg).toContain('aria-label="Paths: from contact to conclusion, Q3 2026, by network.');
    expect(height).toBe(chartSize(funnelTable()).height);
    // same table, same picture
    expect(chartSvg(funnelTable(), 'en').svg).toBe(svg);
  });
});

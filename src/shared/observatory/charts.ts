/**
 * The observatory's one chart definition: a published table → an Apache ECharts option. The
 * browser draws it with the SVG renderer, the server renders the same option to an SVG string
 * (ECharts SSR) for the PDF report, so the chart in the report is the chart on the screen.
 *
 * Rows (networks, centres, CPIs or a dimension's bands) are the categories, one bar per column
 * (the indicator's parts, e.g. the funnel's steps). A suppressed or missing cell is a gap ("-"),
 * never a number: its mark ("<5", "n.d.") is in the data table beside every chart and in the
 * summary. Pure and deterministic (no animation, fixed palette), so the same table draws the same.
 */
import type { EChartsOption } from 'echarts';
import { drawable, formatValue, type ObsLang, suppressionLegend } from './cells.ts';
import { textSummary } from './summary.ts';
import type { PublishedTable } from './types.ts';

/** Bootstrap Italia's blues, greens and a warm accent: distinct in grey too, contrast ≥ 3:1 on white. */
export const PALETTE = ['#0066cc', '#008758', '#a66300', '#5c6f82', '#17324d', '#d9364f', '#004d99', '#995c00'];

export interface ChartSize {
  width: number;
  height: number;
}

/** Room for the rows and bars: ~14 px per bar, at least 220 px. */
export function chartSize(t: PublishedTable, width = 720): ChartSize {
  const rows = Math.max(1, categories(t).length);
  const bars = Math.max(1, seriesOf(t).length);
  return { width, height: Math.min(1400, Math.max(220, 90 + rows * (bars * 14 + 12))) };
}

/** Rows are the categories; a table of one row (a scope's totals) shows the columns as categories. */
function byColumns(t: PublishedTable): boolean {
  return t.rows.length <= 1 && t.columns.length > 1;
}

function categories(t: PublishedTable) {
  return byColumns(t) ? t.columns : t.rows;
}

function seriesOf(t: PublishedTable) {
  return byColumns(t) ? [{ key: 'total', label: t.indicator.name }] : t.columns;
}

/** The cells of one series, in category order. */
function seriesCells(t: PublishedTable, s: number) {
  if (byColumns(t))
    return t.columns.map((_, c) => t.cells[0]?.[c] ?? t.columnTotals[c] ?? { value: null, status: 'no_data' as const });
  return t.rows.map((_, r) => t.cells[r]?.[s] ?? { value: null, status: 'no_data' as const });
}

const clip = (s: string, n = 28) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The ECharts option of a published table. */
export function chartOption(t: PublishedTable, lang: ObsLang): EChartsOption {
  const cats = categories(t);
  const series = seriesOf(t);
  const unit = t.indicator.unit;
  const fmt = (v: number) => formatValue(v, unit, lang);
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: 'Titillium Web, Noto Sans, sans-serif', color: '#1a1a1a' },
    aria: { enabled: true, label: { description: textSummary(t, lang) } },
    title: {
      text: t.indicator.name[lang],
      subtext: suppressionLegend(t.threshold, lang).split('. ')[0],
      left: 0,
      textStyle: { fontSize: 14, fontWeight: 'bold' },
      subtextStyle: { fontSize: 11, color: '#5c6f82' },
    },
    legend: series.length > 1 ? { bottom: 0, left: 0, type: 'plain', textStyle: { fontSize: 11 } } : { show: false },
    grid: {
      left: 8,
      right: 48,
      top: 56,
      bottom: series.length > 1 ? 24 + Math.ceil(series.length / 3) * 22 : 16,
      containLabel: true,
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => fmt(v) },
      ...(unit === 'rate' ? { max: 1 } : {}),
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: cats.map((c) => clip(c.label[lang])),
      axisLabel: { fontSize: 11 },
    },
    series: series.map((s, i) => ({
      type: 'bar' as const,
      name: s.label[lang],
      barMaxWidth: 18,
      label: {
        show: true,
        position: 'right' as const,
        fontSize: 10,
        formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? fmt(p.value) : ''),
      },
      data: seriesCells(t, i).map((cell) => drawable(cell) ?? '-'),
    })),
  };
}

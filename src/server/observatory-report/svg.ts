/**
 * The observatory's charts rendered on the server: the same option as the browser's
 * (shared/observatory/charts.ts) through ECharts' server-side SVG renderer, for the PDF report.
 * The hover styles and ECharts' per-instance class names are dropped (a PDF has no hover, and the
 * counters in those names would make two renders of the same table differ); the text summary
 * becomes the picture's accessible name.
 */
import * as echarts from 'echarts';
import type { ObsLang } from '../../shared/observatory/cells.ts';
import { chartOption, chartSize } from '../../shared/observatory/charts.ts';
import { textSummary } from '../../shared/observatory/summary.ts';
import type { PublishedTable } from '../../shared/observatory/types.ts';
import { escapeHtml } from '../directory/html.ts';

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

export function chartSvg(table: PublishedTable, lang: ObsLang, width = 720): ChartSvg {
  const size = chartSize(table, width);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(chartOption(table, lang));
    const name = escapeHtml(textSummary(table, lang));
    const svg = chart
      .renderToSVGString()
      .replace(/<style\b[\s\S]*?<\/style>/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '')
      .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
      .replace(/^<svg /, `<svg role="img" aria-label="${name}" `);
    return { svg, ...size };
  } finally {
    chart.dispose();
  }
}

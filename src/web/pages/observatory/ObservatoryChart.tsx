/**
 * One chart of the observatory, drawn by Apache ECharts with the SVG renderer from the shared chart
 * definition (the PDF report renders the same option on the server). Only the parts used are
 * loaded (bars, axes, title, legend, tooltip, aria; SVG), in this page's chunk: the sign-in page
 * does not carry them.
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ObsLang } from '../../../shared/observatory/cells.ts';
import { chartOption, chartSize } from '../../../shared/observatory/charts.ts';
import type { PublishedTable } from '../../../shared/observatory/types.ts';

use([BarChart, GridComponent, TitleComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

interface Props {
  table: PublishedTable;
  lang: ObsLang;
  /** the accessible name: the text summary */
  label: string;
}

export function ObservatoryChart({ table, lang, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const { height } = chartSize(table);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, null, { renderer: 'svg' });
    chart.setOption(chartOption(table, lang));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [table, lang]);

  return <div ref={ref} className="obs-chart" style={{ height }} role="img" aria-label={label} />;
}

/**
 * One published table: its chart, the generated text summary, the data table (the chart's
 * accessible alternative) with the suppression marks, notes, and its CSV / XLSX downloads.
 */
import { formatCell, periodLabel, suppressionLegend } from '../../../shared/observatory/cells.ts';
import { dimensionLabel, textSummary } from '../../../shared/observatory/summary.ts';
import type { Cell, PublishedTable } from '../../../shared/observatory/types.ts';
import { Icon } from '../../components/Icon.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { ObservatoryChart } from './ObservatoryChart.tsx';

interface Props {
  table: PublishedTable;
  index: number;
  /** the export URL without format and lang */
  exportUrl: (format: 'csv' | 'xlsx') => string;
}

export function TableCard({ table, index, exportUrl }: Props) {
  const { t, lang } = useI18n();
  const k = t.observatory;
  const name = table.indicator.name[lang];
  const show = (c: Cell) => formatCell(c, table.indicator.unit, table.threshold, lang);
  const mark = (c: Cell) => (c.status === 'published' ? undefined : `obs-${c.status}`);
  const summary = textSummary(table, lang);
  const headingId = `obs-table-${index}`;
  return (
    <section className="obs-table card-wrapper mb-5" aria-labelledby={headingId}>
      <h2 id={headingId} className="h4">
        {name}
      </h2>
      <ObservatoryChart table={table} lang={lang} label={fmt(k.chartOf, { name: `${name}. ${summary}` })} />
      <h3 className="h6 mt-3">{k.summary}</h3>
      <p className="obs-summary">{summary}</p>
      <ScrollTable label={fmt(k.tableCaption, { name, period: periodLabel(table.period, lang) })} size="sm">
        <caption>{fmt(k.tableCaption, { name, period: periodLabel(table.period, lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">
              {(k.breakdowns as Record<string, string>)[table.rowDimension] ?? dimensionLabel(table.rowDimension, lang)}
            </th>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className="text-end">
                {c.label[lang]}
              </th>
            ))}
            {table.rowTotals.length ? (
              <th scope="col" className="text-end">
                {k.total}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={r.key}>
              <th scope="row">{r.label[lang]}</th>
              {(table.cells[i] ?? []).map((c, j) => (
                <td key={table.columns[j]?.key ?? j} className={`text-end ${mark(c) ?? ''}`}>
                  {show(c)}
                </td>
              ))}
              {table.rowTotals.length ? (
                <td className={`text-end ${mark(table.rowTotals[i] ?? table.total) ?? ''}`}>
                  {show(table.rowTotals[i] ?? table.total)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{k.total}</th>
            {table.columnTotals.map((c, j) => (
              <td key={table.columns[j]?.key ?? j} className={`text-end fw-semibold ${mark(c) ?? ''}`}>
                {show(c)}
              </td>
            ))}
            {table.rowTotals.length ? (
              <td className={`text-end fw-semibold ${mark(table.total) ?? ''}`}>{show(table.total)}</td>
            ) : null}
          </tr>
        </tfoot>
      </ScrollTable>
      <p className="small text-secondary mb-1">{suppressionLegend(table.threshold, lang)}</p>
      {table.notes.length ? (
        <ul className="small text-secondary">
          {table.notes.map((n) => (
            <li key={n.it}>{n[lang]}</li>
          ))}
        </ul>
      ) : null}
      <p className="small text-secondary mb-1">
        {fmt(k.indicator, { code: table.indicator.code, version: table.indicator.version })}
      </p>
      <p className="export-links">
        <span className="me-2">{k.download}</span>
        {(['csv', 'xlsx'] as const).map((format) => (
          <a key={format} className="btn btn-outline-primary btn-sm me-2" href={exportUrl(format)} download>
            <Icon name="download" size="sm" color="primary" className="me-1" />
            {t.exports.formats[format]}
            <span className="visually-hidden"> — {name}</span>
          </a>
        ))}
      </p>
    </section>
  );
}

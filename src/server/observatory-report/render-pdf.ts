/**
 * The quarterly report for the control room as a PDF: cover, key figures, each dashboard's charts
 * (the same chart definitions as the screen, rendered to SVG on the server and drawn as vectors),
 * its tables with the suppression marks, and a method note (the suppression rule, each
 * indicator's code and version, the data fingerprint). Deterministic: same input, same bytes
 * (fixed dates in the document's metadata, no animation, no per-render ids).
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { formatCell, type ObsLang, periodLabel, suppressionLegend } from '../../shared/observatory/cells.ts';
import { textSummary } from '../../shared/observatory/summary.ts';
import type { DashboardAnswer, PublishedTable } from '../../shared/observatory/types.ts';
import { registerFonts } from '../plans/print-writer.ts';
import { chartSvg } from './svg.ts';
import { REPORT_TEXTS } from './texts.ts';

export interface ReportInput {
  lang: ObsLang;
  /** the quarter, e.g. "2026-Q3" */
  quarter: string;
  answers: DashboardAnswer[];
  /** sha256 of the published tables and indicator versions the report was made from */
  dataHash: string;
  /** the day the data was read (ISO), printed on the cover */
  madeOn: string;
  scopeName: string;
}

const MARGIN = 50;
const BLUE = '#0b3d6b';
const GREY = '#4a4a4a';

export async function renderReportPdf(
  input: ReportInput,
  onProgress?: (done: number, total: number) => void,
): Promise<Buffer> {
  const t = REPORT_TEXTS[input.lang];
  const period = periodLabel({ kind: 'quarter', key: input.quarter }, input.lang);
  const fixedDate = new Date(`${input.madeOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang: input.lang === 'it' ? 'it-IT' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${t.title} — ${period}`,
      Author: 'Percorsi',
      Creator: 'Percorsi',
      Producer: 'Percorsi',
      CreationDate: fixedDate,
      ModDate: fixedDate,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  const font = (bold = false) => doc.font(bold ? 'lat-700' : 'lat-400');
  const ensure = (h: number) => {
    if (doc.y + h > bottom) doc.addPage();
  };
  const para = (text: string, size = 10, bold = false, color = '#1a1a1a') => {
    font(bold).fontSize(size).fillColor(color);
    ensure(doc.heightOfString(text, { width }) + 4);
    doc.text(text, MARGIN, doc.y, { width });
  };

  // cover
  doc.y = 200;
  para('Percorsi', 14, true, GREY);
  para(t.title, 26, true, BLUE);
  doc.moveDown(0.4);
  para(period, 18, false);
  doc.moveDown(1.2);
  para(t.forControlRoom, 12);
  para(`${t.scope}: ${input.scopeName}`, 11, false, GREY);
  para(`${t.madeOn}: ${input.madeOn.split('-').reverse().join('/')}`, 11, false, GREY);
  doc.moveDown(2);
  para(t.coverNote, 10, false, GREY);
  para(`${t.fingerprint}: ${input.dataHash.slice(0, 16)}`, 9, false, GREY);

  // key figures: the totals of the first table of the funnel and of the referrals
  doc.addPage();
  para(t.keyFigures, 18, true, BLUE);
  doc.moveDown(0.5);
  for (const a of input.answers) {
    const first = a.tables[0];
    if (!first || (a.dashboard !== 'funnel' && a.dashboard !== 'referrals')) continue;
    para(first.indicator.name[input.lang], 12, true);
    for (const [i, c] of first.columns.entries()) {
      const cell = first.columnTotals[i] ?? first.total;
      para(`${c.label[input.lang]}: ${formatCell(cell, first.indicator.unit, first.threshold, input.lang)}`, 11);
    }
    doc.moveDown(0.6);
  }
  para(suppressionLegend(input.answers[0]?.tables[0]?.threshold ?? 5, input.lang), 9, false, GREY);

  const total = input.answers.reduce((n, a) => n + a.tables.length, 0);
  let drawn = 0;
  for (const a of input.answers) {
    doc.addPage();
    para(t.dashboards[a.dashboard], 18, true, BLUE);
    doc.moveDown(0.3);
    for (const table of a.tables) {
      drawTable(table);
      drawn++;
      onProgress?.(drawn, total);
      await new Promise((r) => setImmediate(r));
    }
  }

  // method note
  doc.addPage();
  para(t.method, 18, true, BLUE);
  doc.moveDown(0.4);
  const k = input.answers[0]?.tables[0]?.threshold ?? 5;
  for (const line of t.methodLines(k)) {
    para(line, 10);
    doc.moveDown(0.3);
  }
  doc.moveDown(0.4);
  para(t.indicators, 12, true);
  const seen = new Set<string>();
  for (const table of input.answers.flatMap((a) => a.tables)) {
    const key = `${table.indicator.code}@${table.indicator.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    para(`${table.indicator.code} v${table.indicator.version} — ${table.indicator.name[input.lang]}`, 9.5);
  }
  doc.moveDown(0.6);
  para(`${t.fingerprint}: ${input.dataHash}`, 9, false, GREY);

  doc.end();
  return done;

  function drawTable(table: PublishedTable) {
    const lang = input.lang;
    const chart = chartSvg(table, lang, 720);
    const scale = width / chart.width;
    const h = chart.height * scale;
    ensure(Math.min(h, bottom - MARGIN) + 20);
    SVGtoPDF(doc, chart.svg, MARGIN, doc.y, {
      width,
      height: h,
      assumePt: true,
      fontCallback: (_family, bold) => (bold ? 'lat-700' : 'lat-400'),
      warningCallback: () => {},
    });
    doc.y += h + 6;
    para(textSummary(table, lang), 9, false, GREY);
    doc.moveDown(0.4);
    grid(table);
    for (const n of table.notes) para(n[lang], 8.5, false, GREY);
    doc.moveDown(0.8);
  }

  function grid(table: PublishedTable) {
    const lang = input.lang;
    const cols = table.columns.length + 1;
    const labelW = Math.min(170, width * 0.32);
    const cellW = (width - labelW) / cols;
    const size = cols > 7 ? 7.5 : 8.5;
    const show = (c: Parameters<typeof formatCell>[0]) => formatCell(c, table.indicator.unit, table.threshold, lang);
    const line = (label: string, values: string[], bold = false, shade = false) => {
      font(bold).fontSize(size);
      const rowH =
        Math.max(
          doc.heightOfString(label, { width: labelW - 4 }),
          ...values.map((v) => doc.heightOfString(v, { width: cellW - 4 })),
        ) + 4;
      ensure(rowH);
      const y = doc.y;
      if (shade) doc.rect(MARGIN, y, width, rowH).fill('#eef2f7');
      doc.fillColor('#1a1a1a');
      font(bold).fontSize(size);
      doc.text(label, MARGIN + 2, y + 2, { width: labelW - 4 });
      for (const [i, v] of values.entries())
        doc.text(v, MARGIN + labelW + i * cellW + 2, y + 2, { width: cellW - 4, align: 'right' });
      doc
        .moveTo(MARGIN, y + rowH)
        .lineTo(MARGIN + width, y + rowH)
        .lineWidth(0.3)
        .strokeColor('#b1b1b3')
        .stroke();
      doc.y = y + rowH;
    };
    line(
      REPORT_TEXTS[lang].rowHead,
      [...table.columns.map((c) => c.label[lang]), REPORT_TEXTS[lang].total],
      true,
      true,
    );
    for (const [i, r] of table.rows.entries())
      line(r.label[lang], [...(table.cells[i] ?? []).map(show), show(table.rowTotals[i] ?? table.total)]);
    line(REPORT_TEXTS[lang].total, [...table.columnTotals.map(show), show(table.total)], true, true);
    doc.x = MARGIN;
    doc.moveDown(0.3);
  }
}

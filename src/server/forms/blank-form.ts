/**
 * A blank paper form as a PDF (pdfkit, A4, no scripts or external resources): sections of
 * questions, each with boxes to tick (choices), lines to write on (text, dates) or a box (numbers).
 */
import PDFDocument from 'pdfkit';

export interface PaperQuestion {
  label: string;
  kind: 'choice' | 'multi' | 'yes_no' | 'number' | 'date' | 'text';
  options?: string[];
}
export interface PaperSection {
  title: string;
  questions: PaperQuestion[];
}
export interface PaperForm {
  lang: 'it' | 'en';
  title: string;
  intro: string;
  /** e.g. "Codice del percorso" — written by hand, never her name in the header */
  caseCodeLabel: string;
  hints: { one: string; many: string; yes: string; no: string; date: string };
  sections: PaperSection[];
  footer: string;
}

const MARGIN = 48;
const INK = '#1a1a1a';
const MUTED = '#555555';
const BOX = 8;

export function renderBlankForm(form: PaperForm): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: form.lang,
    bufferPages: true,
    info: { Title: form.title, Creator: 'Percorsi', Producer: 'Percorsi' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 20;
  const room = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  doc.fillColor(INK).font('Helvetica-Bold').fontSize(17).text(form.title);
  doc.font('Helvetica').fontSize(9.5).fillColor(MUTED).text(form.intro, { width });
  doc.moveDown(0.6);
  const top = doc.y;
  doc.rect(MARGIN, top, width, 26).lineWidth(0.8).strokeColor(INK).stroke();
  doc
    .fillColor(INK)
    .fontSize(10.5)
    .text(`${form.caseCodeLabel}:`, MARGIN + 8, top + 8);
  doc.x = MARGIN;
  doc.y = top + 38;

  const box = (x: number, y: number) => doc.rect(x, y, BOX, BOX).lineWidth(0.7).strokeColor(INK).stroke();
  const line = (label: string, w = width) => {
    room(26);
    doc.font('Helvetica').fontSize(10).fillColor(INK).text(label, MARGIN, doc.y, { width: w });
    const y = doc.y + 12;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + w, y)
      .lineWidth(0.5)
      .strokeColor(MUTED)
      .stroke();
    doc.y = y + 8;
  };
  const options = (opts: string[]) => {
    const cols = opts.some((o) => o.length > 34) ? 1 : opts.some((o) => o.length > 20) ? 2 : 3;
    const colW = width / cols;
    for (let i = 0; i < opts.length; i += cols) {
      room(16);
      const y = doc.y;
      let h = 0;
      opts.slice(i, i + cols).forEach((o, j) => {
        const x = MARGIN + j * colW;
        box(x, y + 1.5);
        doc.font('Helvetica').fontSize(9.5).fillColor(INK);
        const textH = doc.heightOfString(o, { width: colW - BOX - 10 });
        doc.text(o, x + BOX + 5, y, { width: colW - BOX - 10 });
        h = Math.max(h, textH);
      });
      doc.x = MARGIN;
      doc.y = y + h + 4;
    }
  };

  for (const section of form.sections) {
    room(48);
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(12.5).fillColor(INK).text(section.title, MARGIN, doc.y, { width });
    doc
      .moveTo(MARGIN, doc.y + 2)
      .lineTo(MARGIN + width, doc.y + 2)
      .lineWidth(0.8)
      .strokeColor(INK)
      .stroke();
    doc.y += 8;
    for (const q of section.questions) {
      if (q.kind === 'text') {
        line(q.label);
        line('');
        continue;
      }
      if (q.kind === 'date') {
        line(`${q.label} (${form.hints.date})`, width / 2);
        continue;
      }
      room(30);
      const hint = q.kind === 'choice' ? ` (${form.hints.one})` : q.kind === 'multi' ? ` (${form.hints.many})` : '';
      doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(`${q.label}${hint}`, MARGIN, doc.y, { width });
      doc.y += 3;
      if (q.kind === 'number') {
        const y = doc.y;
        doc.rect(MARGIN, y, 48, 16).lineWidth(0.7).strokeColor(INK).stroke();
        doc.y = y + 22;
      } else if (q.kind === 'yes_no') {
        options([form.hints.yes, form.hints.no]);
      } else {
        options(q.options ?? []);
      }
      doc.y += 4;
    }
  }

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // the footer sits in the bottom margin: without this, pdfkit would start a new page for it
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${form.footer}  ·  ${i + 1}/${pages.count}`, MARGIN, doc.page.height - MARGIN + 8, {
        width,
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

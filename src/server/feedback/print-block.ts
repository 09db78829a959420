/**
 * The feedback block at the end of the printed plan: a short link and its QR code, drawn as
 * vector squares (crisp at any zoom). Italian and English, the form's two languages.
 */
import QRCode from 'qrcode';
import type { PdfWriter } from '../plans/print-writer.ts';

export const FEEDBACK_PRINT = {
  it: 'Il tuo parere, anonimo (4 domande, in italiano o in inglese): apri il collegamento o inquadra il codice.',
  en: 'Your opinion, anonymous (4 questions, in Italian or English): open the link or scan the code.',
};

export function drawFeedbackBlock(w: PdfWriter, url: string): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const side = 84;
  const cell = side / (size + 8);
  w.ensure(side + 16);
  w.gap(6);
  const top = w.y;
  const textWidth = w.width - side - 16;
  let h = w.box(FEEDBACK_PRINT.it, w.left, top, textWidth, { size: 10, bold: true });
  h += w.box(FEEDBACK_PRINT.en, w.left, top + h, textWidth, { size: 9.5, color: '#4a4a4a' });
  h += 4;
  h += w.box(url, w.left, top + h, textWidth, { size: 11, bold: true, color: '#0b3d6b' });
  w.doc.link(w.left, top + h - 16, textWidth, 16, url);
  const x0 = w.left + w.width - side;
  w.doc.save().fillColor('#000000');
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++)
      if (qr.modules.get(r, c)) w.doc.rect(x0 + (c + 4) * cell, top + (r + 4) * cell, cell + 0.05, cell + 0.05);
  w.doc.fill().restore();
  w.y = top + Math.max(h, side) + 4;
}

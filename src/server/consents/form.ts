import PDFDocument from 'pdfkit';
import type { OrganisationType } from '../../shared/codes/organisations.ts';
import type { ConsentPurpose, FormLanguage, SharingPurpose } from '../../shared/codes/sharing.ts';
import { FORM_LABELS, formDate, ORGANISATION_TYPE_LABELS, SHARING_PURPOSE_LABELS } from './labels.ts';
import { consentText } from '../../shared/consent-texts.ts';

/**
 * What the printed consent form shows. Never her name: she signs on paper and the centre links
 * the paper to the case code. No address either (a shelter's address is secret).
 */
export interface ConsentFormInput {
  lang: FormLanguage;
  purpose: ConsentPurpose;
  textVersion: string;
  caseCode: string;
  /** the data controller: the holding centre */
  centreName: string;
  recipientOrganisationName: string | null;
  recipientType: OrganisationType | null;
  sharingPurpose: SharingPurpose | null;
  includesIdentity: boolean;
  /** a chosen expiry, or else the purpose's default duration in months, or else until revoked */
  expiresOn: string | null;
  defaultMonths: number | null;
  printedOn: string;
}

const MARGIN = 56;
const INK = '#1a1a1a';
const MUTED = '#555555';

/** Renders the A4 form as a PDF (no scripts, no external resources). */
export function renderConsentForm(input: ConsentFormInput): Promise<Buffer> {
  const text = consentText(input.textVersion, input.purpose, input.lang);
  if (!text) return Promise.reject(new Error('unknown consent text'));
  const L = FORM_LABELS[input.lang];
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: input.lang,
    info: { Title: `${L.heading} ${input.caseCode}`, Creator: 'Percorsi', Producer: 'Percorsi' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  doc.fillColor(INK).font('Helvetica-Bold').fontSize(18).text(L.heading);
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  doc.text(`${L.controller}: ${input.centreName}`);
  doc.text(`${L.textVersion}: ${input.textVersion}  ·  ${L.printedOn} ${formDate(input.printedOn)}`);
  doc.moveDown(0.8);

  const boxTop = doc.y;
  doc.rect(MARGIN, boxTop, width, 30).lineWidth(1).strokeColor(INK).stroke();
  doc
    .fillColor(INK)
    .font('Helvetica')
    .fontSize(11)
    .text(`${L.caseCode}: `, MARGIN + 10, boxTop + 9, { continued: true });
  doc.font('Helvetica-Bold').text(input.caseCode);
  doc.x = MARGIN;
  doc.y = boxTop + 44;

  doc.font('Helvetica-Bold').fontSize(13).text(text.title, { width });
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(11);
  for (const p of text.paragraphs) doc.text(p, { width, paragraphGap: 6, lineGap: 1.5 });
  doc.moveDown(0.5);

  const row = (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(11).text(`${label}: `, { continued: true, width });
    doc.font('Helvetica').text(value);
  };
  if (input.recipientOrganisationName) row(L.recipient, input.recipientOrganisationName);
  if (input.recipientType)
    row(L.recipient, `${L.recipientType}: ${ORGANISATION_TYPE_LABELS[input.lang][input.recipientType]}`);
  if (input.sharingPurpose) row(L.sharingPurpose, SHARING_PURPOSE_LABELS[input.lang][input.sharingPurpose]);
  if (input.purpose === 'sharing' || input.purpose === 'contact_by_other_body') {
    row(L.identity, input.includesIdentity ? L.yes : L.no);
  }
  const validity = input.expiresOn
    ? formDate(input.expiresOn)
    : input.defaultMonths !== null
      ? L.monthsFromSignature.replace('{n}', String(input.defaultMonths))
      : L.untilRevoked;
  row(L.validUntil, validity);
  doc.moveDown(0.8);

  if (doc.y > doc.page.height - 330) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(12).text(L.decision);
  doc.moveDown(0.3);
  const choicesY = doc.y;
  for (const [i, label] of [L.agree, L.disagree].entries()) {
    const x = MARGIN + i * 200;
    doc.rect(x, choicesY, 12, 12).lineWidth(1).stroke();
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(label, x + 20, choicesY + 1, { lineBreak: false });
  }
  doc.x = MARGIN;
  doc.y = choicesY + 28;

  doc.font('Helvetica-Bold').fontSize(12).text(L.revokeHeading);
  doc.font('Helvetica').fontSize(10).text(L.revoke, { width, lineGap: 1.5 });
  doc.moveDown(0.8);

  doc.font('Helvetica-Bold').fontSize(12).text(L.signatures);
  for (const label of [L.date, L.signatureWoman, L.signatureOperator, L.signatureWitness]) {
    doc.moveDown(1.6);
    const y = doc.y;
    doc.font('Helvetica').fontSize(10).text(label, MARGIN, y, { lineBreak: false });
    doc
      .moveTo(MARGIN + 250, y + 10)
      .lineTo(MARGIN + width, y + 10)
      .lineWidth(0.7)
      .stroke();
    doc.x = MARGIN;
  }
  doc.moveDown(2);
  doc.font('Helvetica-Oblique').fontSize(8.5).fillColor(MUTED).text(L.footer, MARGIN, doc.y, { width });
  doc.end();
  return done;
}

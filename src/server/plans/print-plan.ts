import PDFDocument from 'pdfkit';
import type { Domain } from '../../shared/codes/needs.ts';
import { drawFeedbackBlock } from '../feedback/print-block.ts';
import { actionLabel } from './print-action-labels.ts';
import { DICTIONARIES, type PrintDictionary, RTL_LANGUAGES } from './print-labels.ts';
import { PdfWriter, registerFonts, type TextStyle } from './print-writer.ts';
import type { PrintLanguage } from '../../shared/codes/plans.ts';
import type { Action, Goal } from './schemas.ts';

/**
 * What the printed plan may show: the case code, goals, actions with the responsible body and
 * dates, the agreed version. Nothing else reaches the renderer: not her name, not the
 * operators, not the internal notes, not any address.
 */
export interface PrintInput {
  lang: PrintLanguage;
  caseCode: string;
  printedOn: string;
  version: number;
  /** her anonymous feedback form's short link (obs-report), printed with its QR code */
  feedbackUrl?: string | null;
  agreed: { version: number; agreedOn: string; method: 'signed' | 'verbal' } | null;
  goals: Array<{
    domain: Domain;
    title: string;
    status: Goal['status'];
    targetOn: string | null;
    actions: Array<{
      catalogueCode: string;
      label: string;
      labelEn: string;
      responsibleOrganisationName: string | null;
      startsOn: string | null;
      dueOn: string | null;
      status: Action['status'];
    }>;
  }>;
}

/** Picks, field by field, what may be printed from the plan as an operator reads it. */
export function printableGoals(goals: Goal[]): PrintInput['goals'] {
  return goals.map((g) => ({
    domain: g.domain,
    title: g.title,
    status: g.status,
    targetOn: g.targetOn,
    actions: g.actions.map((a) => ({
      catalogueCode: a.catalogueCode,
      label: a.label,
      labelEn: a.labelEn,
      responsibleOrganisationName: a.responsibleOrganisationName,
      startsOn: a.startsOn,
      dueOn: a.dueOn,
      status: a.status,
    })),
  }));
}

const day = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');

/**
 * A date in her second language: "3 ديسمبر 2026", "3 грудня 2026 р.", "3 December 2026". Western
 * digits (the Arabic line is laid out by our simple bidi, which keeps digit runs left to right).
 */
export function localDay(iso: string | null, lang: PrintLanguage): string {
  if (!iso) return '—';
  const locale = lang === 'en' ? 'en-GB' : lang;
  return new Intl.DateTimeFormat(`${locale}-u-nu-latn`, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

/**
 * The plan as a PDF for her: Italian, and her second language beside it, labels and values (dates
 * in that language, bodies, statuses, areas and the shared catalogue's actions).
 */
export async function renderPlanPdf(input: PrintInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: 48, left: 50, right: 50 },
    lang: 'it-IT',
    displayTitle: true,
    info: { Title: `Il mio piano ${input.caseCode}`, Author: 'Percorsi', Creator: 'Percorsi', Producer: 'Percorsi' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  draw(new PdfWriter(doc), input);
  doc.end();
  return done;
}

function draw(w: PdfWriter, input: PrintInput): void {
  const it = DICTIONARIES.it;
  const two: PrintDictionary | null = input.lang === 'it' ? null : DICTIONARIES[input.lang];
  const dir = RTL_LANGUAGES.has(input.lang) ? 'rtl' : 'ltr';
  const styles = (size: number, bold = false, color = '#1a1a1a'): [TextStyle, TextStyle] => [
    { size, bold, color },
    { size: dir === 'rtl' ? size + 1 : size, bold, color: '#4a4a4a', dir },
  ];
  const row = (left: string, right: (d: PrintDictionary) => string, [ls, rs]: [TextStyle, TextStyle], indent = 0) =>
    w.row(left, two ? right(two) : null, ls, rs, indent);
  const field = styles(10);

  row(it.labels.title, (d) => d.labels.title, styles(20, true));
  row(it.labels.subtitle, (d) => d.labels.subtitle, styles(11, false, '#333333'));
  w.gap(10);
  const on = (iso: string | null) => localDay(iso, input.lang);
  row(`${it.labels.caseCode}: ${input.caseCode}`, (d) => `${d.labels.caseCode}: ${input.caseCode}`, field);
  row(`${it.labels.planVersion}: ${input.version}`, (d) => `${d.labels.planVersion}: ${input.version}`, field);
  const agreed = input.agreed;
  if (agreed) {
    row(`${it.labels.agreedVersion}: ${agreed.version}`, (d) => `${d.labels.agreedVersion}: ${agreed.version}`, field);
    row(`${it.labels.agreedOn}: ${day(agreed.agreedOn)}`, (d) => `${d.labels.agreedOn}: ${on(agreed.agreedOn)}`, field);
    row(
      `${it.labels.howAgreed}: ${it.method[agreed.method]}`,
      (d) => `${d.labels.howAgreed}: ${d.method[agreed.method]}`,
      field,
    );
  } else {
    row(
      `${it.labels.agreedVersion}: ${it.labels.notAgreed}`,
      (d) => `${d.labels.agreedVersion}: ${d.labels.notAgreed}`,
      field,
    );
  }
  row(`${it.labels.printedOn}: ${day(input.printedOn)}`, (d) => `${d.labels.printedOn}: ${on(input.printedOn)}`, field);
  w.gap(4);
  w.rule();
  row(it.labels.goals, (d) => d.labels.goals, styles(15, true));
  w.gap(4);
  if (input.goals.length === 0) row(it.labels.noGoals, (d) => d.labels.noGoals, field);

  input.goals.forEach((g, i) => {
    w.ensure(90);
    w.gap(6);
    row(
      `${it.labels.goal} ${i + 1}: ${it.domains[g.domain]}`,
      (d) => `${d.labels.goal} ${i + 1}: ${d.domains[g.domain]}`,
      styles(12.5, true, '#0b3d6b'),
    );
    w.paragraph(g.title, { size: 11, dir: 'auto' });
    const target = (d: PrintDictionary, date: string) => (g.targetOn ? ` · ${d.labels.targetOn}: ${date}` : '');
    row(
      `${it.labels.status}: ${it.goalStatus[g.status]}${target(it, day(g.targetOn))}`,
      (d) => `${d.labels.status}: ${d.goalStatus[g.status]}${target(d, on(g.targetOn))}`,
      field,
    );
    w.gap(3);
    row(it.labels.actions, (d) => d.labels.actions, styles(10.5, true), 12);
    if (g.actions.length === 0) row(it.labels.noActions, (d) => d.labels.noActions, field, 12);
    for (const a of g.actions) {
      w.ensure(48);
      // a centre's own action has no translation but English: better than nothing for her
      const label = actionLabel(a.catalogueCode, input.lang, a.labelEn) ?? a.labelEn;
      row(`• ${a.label}`, () => label, styles(10.5, true), 12);
      const body = a.responsibleOrganisationName ?? '—';
      row(`${it.labels.responsible}: ${body}`, (d) => `${d.labels.responsible}: ${body}`, field, 24);
      row(
        `${it.labels.startsOn}: ${day(a.startsOn)} · ${it.labels.dueOn}: ${day(a.dueOn)} · ${it.labels.status}: ${it.actionStatus[a.status]}`,
        (d) =>
          `${d.labels.startsOn}: ${on(a.startsOn)} · ${d.labels.dueOn}: ${on(a.dueOn)} · ${d.labels.status}: ${d.actionStatus[a.status]}`,
        field,
        24,
      );
      w.gap(4);
    }
  });

  w.gap(8);
  w.ensure(70);
  w.rule();
  row(it.labels.confidential, (d) => d.labels.confidential, styles(9, true, '#333333'));
  row(it.labels.help, (d) => d.labels.help, styles(9, false, '#333333'));
  if (input.feedbackUrl) drawFeedbackBlock(w, input.feedbackUrl);
}

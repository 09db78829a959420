/**
 * The blank intake and needs forms, built from what the web forms use: the intake from the shared
 * code lists (src/shared/codes) and the UI's labels (src/web/i18n), the needs form from the
 * questionnaire the needs tab renders (needs/questionnaire.ts). A new option appears on paper too.
 * Never her data: a blank form, with a box for the case code.
 */
import { CONTACT_CHANNELS, RISK_LEVELS, RISK_TOOLS, WEEKDAYS } from '../../shared/codes/cases.ts';
import type { BlankForm } from '../../shared/codes/forms.ts';
import {
  AGE_BANDS,
  AUTHOR_RELATIONSHIPS,
  CITIZENSHIPS,
  EDUCATION,
  EMPLOYMENT,
  REFERRAL_SOURCES,
  VIOLENCE_TYPES,
} from '../../shared/codes/istat.ts';
import type { ExportLanguage } from '../../shared/codes/exports.ts';
import { labelOf, type Messages, messagesFor } from '../exports/messages.ts';
import { QUESTIONNAIRE } from '../needs/questionnaire.ts';
import type { PaperForm, PaperQuestion, PaperSection } from './blank-form.ts';

const PAPER = {
  it: {
    intakeIntro:
      'Modulo in bianco da compilare a mano durante l’accoglienza e da riportare in Percorsi. Conservalo come un documento riservato; non scrivere mai l’indirizzo di una casa rifugio.',
    needsIntro:
      'Modulo in bianco dell’analisi dei bisogni (versione {version}), da compilare con lei e da riportare in Percorsi.',
    one: 'una risposta',
    many: 'anche più risposte',
    date: 'gg/mm/aaaa',
    footer: 'Percorsi · modulo in bianco · documento riservato',
  },
  en: {
    intakeIntro:
      'Blank form to fill in by hand during the intake and to enter into Percorsi. Keep it as a confidential document; never write a shelter’s address.',
    needsIntro: 'Blank needs-analysis form (version {version}), to fill in with her and to enter into Percorsi.',
    one: 'one answer',
    many: 'one or more answers',
    date: 'dd/mm/yyyy',
    footer: 'Percorsi · blank form · confidential',
  },
} as const;

type Group = keyof Messages['labels'];
const codes = (m: Messages, group: Group, list: readonly string[]) => list.map((c) => labelOf(m, group, c));

function intakeSections(m: Messages): PaperSection[] {
  const f = m.caseFields;
  const s = m.intake.steps;
  const choice = (label: string, group: Group, list: readonly string[]): PaperQuestion => ({
    label,
    kind: 'choice',
    options: [...codes(m, group, list), f.notSpecified],
  });
  const multi = (label: string, group: Group, list: readonly string[]): PaperQuestion => ({
    label,
    kind: 'multi',
    options: codes(m, group, list),
  });
  return [
    {
      title: s.dates,
      questions: [
        { label: f.takenInChargeOn, kind: 'date' },
        { label: f.firstContactOn, kind: 'date' },
        { label: f.intakeOn, kind: 'date' },
        choice(f.referralSource, 'referralSources', REFERRAL_SOURCES),
      ],
    },
    {
      title: `${s.profile}: ${f.personLegend}`,
      questions: [
        choice(f.ageBand, 'ageBands', AGE_BANDS),
        choice(f.citizenship, 'citizenships', CITIZENSHIPS),
        { label: f.residence, kind: 'text' },
        choice(f.education, 'education', EDUCATION),
        choice(f.employment, 'employment', EMPLOYMENT),
      ],
    },
    {
      title: `${s.profile}: ${f.childrenLegend}`,
      questions: [
        { label: f.childrenCount, kind: 'number' },
        { label: f.minorChildrenCount, kind: 'number' },
        { label: f.childrenWitnessed, kind: 'yes_no' },
      ],
    },
    {
      title: `${s.profile}: ${f.violenceLegend}`,
      questions: [
        multi(f.violenceTypes, 'violenceTypes', VIOLENCE_TYPES),
        multi(f.authorRelationships, 'authorRelationships', AUTHOR_RELATIONSHIPS),
      ],
    },
    {
      title: `${s.profile}: ${f.riskLegend}`,
      questions: [
        choice(f.riskTool, 'riskTools', RISK_TOOLS),
        choice(f.riskLevel, 'riskLevels', RISK_LEVELS),
        { label: f.riskAssessedOn, kind: 'date' },
      ],
    },
    {
      title: s.identity,
      questions: [
        { label: f.firstName, kind: 'text' },
        { label: f.lastName, kind: 'text' },
        { label: f.birthDate, kind: 'date' },
        { label: f.taxCode, kind: 'text' },
        { label: f.phone, kind: 'text' },
        { label: f.email, kind: 'text' },
        { label: `${f.address} — ${f.addressHint}`, kind: 'text' },
        { label: f.languages, kind: 'text' },
        { label: f.codeWord, kind: 'text' },
      ],
    },
    {
      title: s.contact,
      questions: [
        multi(f.channels, 'contactChannels', CONTACT_CHANNELS),
        multi(f.days, 'weekdays', WEEKDAYS),
        { label: `${f.windows}: ${f.from} / ${f.to}`, kind: 'text' },
        { label: f.noVoicemail, kind: 'yes_no' },
        { label: f.onlyThroughCentre, kind: 'yes_no' },
      ],
    },
  ];
}

function needsSections(lang: ExportLanguage): PaperSection[] {
  return QUESTIONNAIRE.sections.map((section) => ({
    title: section.label[lang],
    questions: section.questions.map((q): PaperQuestion => {
      const label = q.label[lang];
      if (q.type === 'choice' || q.type === 'multi')
        return { label, kind: q.type, options: q.options.map((o) => o.label[lang]) };
      if (q.type === 'boolean') return { label, kind: 'yes_no' };
      if (q.type === 'integer') return { label, kind: 'number' };
      return { label, kind: 'text' };
    }),
  }));
}

/** The blank form in one language. */
export function paperForm(form: BlankForm, lang: ExportLanguage): PaperForm {
  const m = messagesFor(lang);
  const p = PAPER[lang];
  const common = {
    lang,
    caseCodeLabel: m.caseload.code,
    hints: { one: p.one, many: p.many, yes: m.common.yes, no: m.common.no, date: p.date },
    footer: p.footer,
  };
  if (form === 'intake') return { ...common, title: m.intake.title, intro: p.intakeIntro, sections: intakeSections(m) };
  return {
    ...common,
    title: m.needs.title,
    intro: p.needsIntro.replace('{version}', QUESTIONNAIRE.version),
    sections: needsSections(lang),
  };
}

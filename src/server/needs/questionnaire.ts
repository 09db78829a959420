/**
 * The needs-analysis questionnaire, versioned in code. A stored assessment names the version it
 * was answered against; a new version gets a new constant, old ones stay readable.
 * Free text is limited to her aspirations and kept short: never identity, never her story.
 */
import { EDUCATION, EMPLOYMENT, type Education, type Employment } from '../../shared/codes/istat.ts';
import type { NeedsSection } from '../../shared/codes/needs.ts';

/**
 * 2026-2: education on the intake's scale (the shared EDUCATION list) and her employment (the
 * shared EMPLOYMENT list), both prefilled from the case's profile. 2026-1 answers stay readable
 * (its two extra education levels, vocational and postgraduate, show as codes).
 */
export const QUESTIONNAIRE_VERSION = '2026-2';

export interface Label {
  it: string;
  en: string;
}
export interface Option {
  value: string;
  label: Label;
}
interface Base {
  id: string;
  label: Label;
}
export type Question =
  | (Base & { type: 'choice'; options: Option[] })
  | (Base & { type: 'multi'; options: Option[]; maxItems: number })
  | (Base & { type: 'boolean' })
  | (Base & { type: 'integer'; min: number; max: number })
  | (Base & { type: 'text'; maxLength: number });
export interface Section {
  id: NeedsSection;
  label: Label;
  questions: Question[];
}

const o = (value: string, it: string, en: string): Option => ({ value, label: { it, en } });
const l = (it: string, en: string): Label => ({ it, en });

/** The intake's scales, with the same words as the profile (it-case-labels.ts); 'unknown' is "unanswered" here. */
const EDUCATION_LABELS: Record<Exclude<Education, 'unknown'>, Label> = {
  none: l('Nessun titolo', 'No qualification'),
  primary: l('Licenza elementare', 'Primary school'),
  lower_secondary: l('Licenza media', 'Lower secondary school'),
  upper_secondary: l('Diploma di scuola superiore', 'Upper secondary diploma'),
  tertiary: l('Laurea o superiore', 'University degree or higher'),
};
const EMPLOYMENT_LABELS: Record<Exclude<Employment, 'unknown'>, Label> = {
  employed: l('Occupata', 'Employed'),
  unemployed: l('Disoccupata o in cerca di lavoro', 'Unemployed or looking for work'),
  student: l('Studentessa', 'Student'),
  homemaker: l('Casalinga', 'Homemaker'),
  retired: l('Pensionata', 'Retired'),
  other: l('Altro', 'Other'),
};
const fromList = <T extends string>(codes: readonly T[], labels: Partial<Record<T, Label>>): Option[] =>
  codes.flatMap((c) => {
    const label = labels[c];
    return label ? [{ value: c, label }] : [];
  });

const LEVELS = [
  o('none', 'Nessuna', 'None'),
  o('basic', 'Di base', 'Basic'),
  o('intermediate', 'Intermedia', 'Intermediate'),
  o('advanced', 'Avanzata', 'Advanced'),
];
const SECTORS = [
  o('care_domestic', 'Assistenza familiare e lavoro domestico', 'Home care and domestic work'),
  o('cleaning', 'Pulizie', 'Cleaning'),
  o('hospitality_catering', 'Ristorazione e turismo', 'Hospitality and catering'),
  o('retail', 'Commercio e vendita', 'Retail and sales'),
  o('manufacturing', 'Industria e produzione', 'Manufacturing'),
  o('agriculture', 'Agricoltura', 'Agriculture'),
  o('office_admin', 'Ufficio e amministrazione', 'Office and administration'),
  o('health_social', 'Sanità e servizi sociali', 'Health and social care'),
  o('education_childcare', 'Educazione e infanzia', 'Education and childcare'),
  o('logistics', 'Logistica e trasporti', 'Logistics and transport'),
  o('beauty', 'Estetica e acconciatura', 'Beauty and hairdressing'),
  o('crafts', 'Artigianato', 'Crafts'),
  o('it_digital', 'Informatica e digitale', 'IT and digital'),
  o('other', 'Altro', 'Other'),
];
const YES_NO_PARTLY = [
  o('yes', 'Sì', 'Yes'),
  o('partly', 'In parte', 'Partly'),
  o('no', 'No', 'No'),
  o('not_needed', 'Non serve', 'Not needed'),
];

export const SECTIONS: Section[] = [
  {
    id: 'education_languages',
    label: l('Istruzione e lingue', 'Education and languages'),
    questions: [
      {
        id: 'education_level',
        type: 'choice',
        label: l('Titolo di studio più alto', 'Highest level of education'),
        options: fromList(EDUCATION, EDUCATION_LABELS),
      },
      {
        id: 'qualification_recognised',
        type: 'choice',
        label: l('Titolo estero riconosciuto in Italia', 'Foreign qualification recognised in Italy'),
        options: [
          o('yes', 'Sì', 'Yes'),
          o('in_progress', 'In corso', 'In progress'),
          o('no', 'No', 'No'),
          o('not_applicable', 'Non applicabile', 'Not applicable'),
        ],
      },
      {
        id: 'italian_level',
        type: 'choice',
        label: l('Livello di italiano (QCER)', 'Italian level (CEFR)'),
        options: [
          o('none', 'Nessuno', 'None'),
          ...['a1', 'a2', 'b1', 'b2', 'c1', 'c2'].map((v) => o(v, v.toUpperCase(), v.toUpperCase())),
          o('native', 'Madrelingua', 'Native speaker'),
        ],
      },
      {
        id: 'other_languages',
        type: 'multi',
        maxItems: 12,
        label: l('Altre lingue conosciute', 'Other languages she speaks'),
        options: [
          o('en', 'Inglese', 'English'),
          o('fr', 'Francese', 'French'),
          o('es', 'Spagnolo', 'Spanish'),
          o('ar', 'Arabo', 'Arabic'),
          o('uk', 'Ucraino', 'Ukrainian'),
          o('ru', 'Russo', 'Russian'),
          o('ro', 'Rumeno', 'Romanian'),
          o('sq', 'Albanese', 'Albanian'),
          o('zh', 'Cinese', 'Chinese'),
          o('pt', 'Portoghese', 'Portuguese'),
          o('de', 'Tedesco', 'German'),
          o('other', 'Altra', 'Other'),
        ],
      },
    ],
  },
  {
    id: 'work_history',
    label: l('Esperienze di lavoro', 'Work history'),
    questions: [
      {
        id: 'employment',
        type: 'choice',
        label: l('Condizione lavorativa', 'Employment'),
        options: fromList(EMPLOYMENT, EMPLOYMENT_LABELS),
      },
      {
        id: 'years_worked',
        type: 'integer',
        min: 0,
        max: 60,
        label: l('Anni di lavoro in totale', 'Years worked in total'),
      },
      {
        id: 'last_job_sector',
        type: 'choice',
        label: l('Settore dell’ultimo lavoro', 'Sector of her last job'),
        options: SECTORS,
      },
      {
        id: 'last_job_ended',
        type: 'choice',
        label: l('Ultimo lavoro', 'Last job'),
        options: [
          o('currently_working', 'Lavora attualmente', 'Currently working'),
          o('under_6_months', 'Terminato da meno di 6 mesi', 'Ended less than 6 months ago'),
          o('6_to_24_months', 'Terminato da 6 mesi a 2 anni', 'Ended 6 months to 2 years ago'),
          o('over_2_years', 'Terminato da più di 2 anni', 'Ended more than 2 years ago'),
          o('never_worked', 'Non ha mai lavorato', 'Never worked'),
        ],
      },
    ],
  },
  {
    id: 'skills',
    label: l('Competenze', 'Skills'),
    questions: [
      {
        id: 'professional_skills',
        type: 'choice',
        label: l('Competenze professionali (autovalutazione)', 'Professional skills (self-assessed)'),
        options: LEVELS,
      },
      {
        id: 'digital_skills',
        type: 'choice',
        label: l('Competenze digitali (autovalutazione)', 'Digital skills (self-assessed)'),
        options: LEVELS,
      },
      {
        id: 'digital_tools',
        type: 'multi',
        maxItems: 6,
        label: l('Strumenti digitali che usa', 'Digital tools she uses'),
        options: [
          o('smartphone', 'Smartphone', 'Smartphone'),
          o('email', 'Posta elettronica', 'Email'),
          o('office_suite', 'Programmi d’ufficio', 'Office software'),
          o('online_forms', 'Moduli e servizi online', 'Online forms and services'),
          o('digital_identity', 'SPID o CIE', 'SPID or CIE digital identity'),
          o('video_calls', 'Videochiamate', 'Video calls'),
        ],
      },
    ],
  },
  {
    id: 'licences_mobility',
    label: l('Patenti e mobilità', 'Licences and mobility'),
    questions: [
      {
        id: 'driving_licence',
        type: 'choice',
        label: l('Patente di guida', 'Driving licence'),
        options: [
          o('none', 'Nessuna', 'None'),
          o('b', 'Patente B', 'Category B licence'),
          o('foreign_to_convert', 'Estera, da convertire', 'Foreign, to be converted'),
          o('other', 'Altra', 'Other'),
        ],
      },
      { id: 'has_car', type: 'boolean', label: l('Dispone di un’auto', 'Has a car available') },
      {
        id: 'public_transport',
        type: 'choice',
        label: l('Raggiungibilità con i mezzi pubblici', 'Reach by public transport'),
        options: [o('good', 'Buona', 'Good'), o('limited', 'Limitata', 'Limited'), o('none', 'Assente', 'None')],
      },
    ],
  },
  {
    id: 'care',
    label: l('Carichi di cura e servizi per l’infanzia', 'Caring duties and childcare'),
    questions: [
      {
        id: 'children_under_6',
        type: 'integer',
        min: 0,
        max: 10,
        label: l('Figli sotto i 6 anni', 'Children under 6'),
      },
      {
        id: 'children_6_to_17',
        type: 'integer',
        min: 0,
        max: 15,
        label: l('Figli dai 6 ai 17 anni', 'Children aged 6 to 17'),
      },
      {
        id: 'childcare_arranged',
        type: 'choice',
        label: l('Cura dei figli organizzata', 'Childcare arranged'),
        options: YES_NO_PARTLY,
      },
      {
        id: 'other_caring_duties',
        type: 'boolean',
        label: l('Cura di altri familiari (anziani, disabili)', 'Care of other relatives (elderly, disabled)'),
      },
    ],
  },
  {
    id: 'housing',
    label: l('Abitazione', 'Housing'),
    questions: [
      {
        id: 'housing_situation',
        type: 'choice',
        label: l('Situazione abitativa attuale', 'Current housing situation'),
        options: [
          o('shelter', 'Casa rifugio o struttura protetta', 'Shelter or protected housing'),
          o('with_family', 'Presso familiari o amici', 'With family or friends'),
          o('own_rent', 'Casa propria o in affitto', 'Own home or rented'),
          o('homeless', 'Senza dimora', 'Homeless'),
          o('other', 'Altro', 'Other'),
        ],
      },
      {
        id: 'housing_at_risk',
        type: 'boolean',
        label: l('Rischio di perdere l’alloggio', 'At risk of losing her housing'),
      },
    ],
  },
  {
    id: 'income_debts',
    label: l('Reddito, debiti e conto', 'Income, debts and bank account'),
    questions: [
      {
        id: 'monthly_income',
        type: 'choice',
        label: l('Reddito mensile personale', 'Personal monthly income'),
        options: [
          o('none', 'Nessuno', 'None'),
          o('under_500', 'Meno di 500 €', 'Under €500'),
          o('500_999', 'Da 500 a 999 €', '€500 to €999'),
          o('1000_1499', 'Da 1.000 a 1.499 €', '€1,000 to €1,499'),
          o('1500_plus', '1.500 € o più', '€1,500 or more'),
        ],
      },
      {
        id: 'debts',
        type: 'choice',
        label: l('Debiti', 'Debts'),
        options: [
          o('none', 'Nessuno', 'None'),
          o('manageable', 'Sostenibili', 'Manageable'),
          o('overwhelming', 'Non sostenibili', 'Overwhelming'),
        ],
      },
      {
        id: 'own_bank_account',
        type: 'boolean',
        label: l('Conto corrente intestato a lei', 'Bank account in her own name'),
      },
    ],
  },
  {
    id: 'health',
    label: l('Salute', 'Health'),
    questions: [
      {
        id: 'work_limits',
        type: 'choice',
        label: l('Limitazioni di salute al lavoro', 'Health limits on work'),
        options: [o('none', 'Nessuna', 'None'), o('some', 'Alcune', 'Some'), o('severe', 'Gravi', 'Severe')],
      },
    ],
  },
  {
    id: 'availability',
    label: l('Disponibilità', 'Availability'),
    questions: [
      {
        id: 'hours_per_week',
        type: 'integer',
        min: 0,
        max: 48,
        label: l('Ore disponibili a settimana', 'Hours available per week'),
      },
      { id: 'shifts_ok', type: 'boolean', label: l('Disponibile a turni', 'Can work shifts') },
    ],
  },
  {
    id: 'legal',
    label: l('Questioni legali aperte', 'Open legal matters'),
    questions: [
      {
        id: 'legal_matters',
        type: 'multi',
        maxItems: 5,
        label: l('Questioni su cui serve consulenza', 'Matters needing advice'),
        options: [
          o('separation_custody', 'Separazione o affidamento', 'Separation or custody'),
          o('residence_permit', 'Permesso di soggiorno', 'Residence permit'),
          o('debts', 'Debiti e pignoramenti', 'Debts and seizures'),
          o('employment_rights', 'Diritti sul lavoro', 'Employment rights'),
          o('other', 'Altro', 'Other'),
        ],
      },
    ],
  },
  {
    id: 'aspirations',
    label: l('Aspirazioni', 'Aspirations'),
    questions: [
      {
        id: 'desired_sectors',
        type: 'multi',
        maxItems: 5,
        label: l('Settori in cui vorrebbe lavorare', 'Sectors she would like to work in'),
        options: SECTORS,
      },
      { id: 'wants_training', type: 'boolean', label: l('Desidera fare formazione', 'Wants training') },
      {
        id: 'aspirations_note',
        type: 'text',
        maxLength: 500,
        label: l('Cosa desidera (breve, senza dati identificativi)', 'What she wants (short, nothing identifying)'),
      },
    ],
  },
];

export const QUESTIONNAIRE = { version: QUESTIONNAIRE_VERSION, sections: SECTIONS } as const;

/** Every question by id, with the id of its section. */
export const QUESTIONS: ReadonlyMap<string, Question & { sectionId: string }> = new Map(
  SECTIONS.flatMap((s) => s.questions.map((q) => [q.id, { ...q, sectionId: s.id }] as const)),
);

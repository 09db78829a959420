/**
 * The indicator catalogue: versioned definitions. A changed definition is a new entry with the next
 * version and its `validFrom`; old entries stay, so a report of an old period names (and can be
 * rebuilt with) the version it used. Pure and shared: the API, the report and the UI read it.
 */
import type { Dashboard, IndicatorRef, IndicatorUnit, Label } from './types.ts';

export interface IndicatorDefinition {
  code: string;
  version: number;
  /** first day this version applies to (ISO date); a period uses the newest version valid at its end */
  validFrom: string;
  dashboard: Dashboard;
  name: Label;
  unit: IndicatorUnit;
  numerator: Label;
  denominator: Label | null;
  /** which date puts an item in a period */
  period: Label;
  dimensions: string[];
  source: string;
}

const BREAKDOWN = ['network', 'centre', 'cpi'];
const L = (it: string, en: string): Label => ({ it, en });
const paths = 'stats_paths (cases, needs_assessments, plan_versions, plan_actions, outcomes, follow_ups, referrals)';
const refs = 'stats_referrals (referrals, organisations)';

function count(
  dashboard: Dashboard,
  code: string,
  name: Label,
  numerator: Label,
  period: Label,
  extra: Partial<IndicatorDefinition> = {},
): IndicatorDefinition {
  return {
    code,
    version: 1,
    validFrom: '2020-01-01',
    dashboard,
    name,
    unit: 'count',
    numerator,
    denominator: null,
    period,
    dimensions: BREAKDOWN,
    source: dashboard === 'referrals' ? refs : paths,
    ...extra,
  };
}

const onDate = (it: string, en: string) => L(`data ${it}`, `date ${en}`);
const sentOn = onDate('di invio', 'sent');

export const CATALOGUE: readonly IndicatorDefinition[] = [
  // ---------------------------------------------------------------- funnel (O.R.A.)
  count(
    'funnel',
    'funnel.contacts',
    L('Contatti', 'Contacts'),
    L('percorsi con primo contatto', 'paths with a first contact'),
    onDate(
      'del primo contatto (o del primo colloquio, o della presa in carico)',
      'of first contact (or first interview, or taking in charge)',
    ),
  ),
  count(
    'funnel',
    'funnel.first_interviews',
    L('Primi colloqui', 'First interviews'),
    L('percorsi con primo colloquio', 'paths with a first interview'),
    onDate('del primo colloquio (o della presa in carico)', 'of first interview (or taking in charge)'),
  ),
  count(
    'funnel',
    'funnel.taken_in_charge',
    L('Prese in carico', 'Taken in charge'),
    L('percorsi presi in carico', 'paths taken in charge'),
    onDate('della presa in carico', 'taken in charge'),
  ),
  count(
    'funnel',
    'funnel.eligible',
    L('Idonee al programma lavoro/casa', 'Eligible for the work/housing programme'),
    L('percorsi iscritti a un programma con finestra di idoneità', 'paths in a programme with an eligibility window'),
    onDate('della presa in carico', 'taken in charge'),
  ),
  count(
    'funnel',
    'funnel.needs_analyses',
    L('Analisi dei bisogni', 'Needs analyses'),
    L('percorsi con una prima analisi dei bisogni', 'paths with a first needs analysis'),
    onDate('della prima analisi', 'of the first analysis'),
  ),
  count(
    'funnel',
    'funnel.plans_agreed',
    L('Piani condivisi', 'Plans agreed'),
    L('percorsi con un piano condiviso con lei', 'paths with a plan agreed with her'),
    onDate('del primo accordo sul piano', 'the plan was first agreed'),
  ),
  count(
    'funnel',
    'funnel.concluded',
    L('Percorsi conclusi', 'Paths concluded'),
    L('percorsi chiusi con esito diverso da "interrotto"', 'paths closed with an outcome other than "dropped out"'),
    onDate('di chiusura', 'closed'),
  ),
  count(
    'funnel',
    'funnel.abandoned',
    L('Percorsi interrotti', 'Paths abandoned'),
    L('percorsi chiusi con esito "interrotto"', 'paths closed as "dropped out"'),
    onDate('di chiusura', 'closed'),
  ),
  count(
    'funnel',
    'funnel.women',
    L('Donne (contatti, senza doppi conteggi)', 'Women (contacts, each counted once)'),
    L(
      'donne distinte per token di collegamento; senza identità, un percorso = una donna',
      'distinct women by linkage token; without identity, one path = one woman',
    ),
    onDate('del primo contatto', 'of first contact'),
  ),
  // ---------------------------------------------------------------- referrals
  count(
    'referrals',
    'referrals.by_type',
    L('Invii per tipo di destinatario', 'Referrals by destination type'),
    L('invii', 'referrals'),
    sentOn,
    { dimensions: [...BREAKDOWN, 'recipient_type'] },
  ),
  count(
    'referrals',
    'referrals.by_body',
    L('Invii per ente destinatario', 'Referrals by receiving body'),
    L('invii', 'referrals'),
    sentOn,
    { dimensions: ['body'] },
  ),
  count('referrals', 'referrals.sent', L('Invii', 'Referrals sent'), L('invii', 'referrals'), sentOn),
  count(
    'referrals',
    'referrals.accepted',
    L('Invii accettati', 'Referrals accepted'),
    L('invii accettati', 'referrals accepted'),
    sentOn,
  ),
  count(
    'referrals',
    'referrals.declined',
    L('Invii rifiutati', 'Referrals declined'),
    L('invii rifiutati', 'referrals declined'),
    sentOn,
  ),
  count(
    'referrals',
    'referrals.declined_by_reason',
    L('Rifiuti per motivo', 'Declines by reason'),
    L('invii rifiutati', 'referrals declined'),
    sentOn,
    { dimensions: [...BREAKDOWN, 'decline_reason'] },
  ),
  count(
    'referrals',
    'referrals.acknowledged',
    L('Invii con risposta', 'Referrals acknowledged'),
    L('invii con risposta (accettati o rifiutati)', 'referrals answered (accepted or declined)'),
    sentOn,
  ),
  count(
    'referrals',
    'referrals.ack_in_time',
    L('Risposte nei termini', 'Acknowledged within the deadline'),
    L('risposte entro la scadenza del protocollo', 'answers by the protocol deadline'),
    sentOn,
  ),
  count(
    'referrals',
    'referrals.appointments',
    L('Primi appuntamenti', 'First appointments'),
    L('invii con primo appuntamento', 'referrals with a first appointment'),
    sentOn,
  ),
  count(
    'referrals',
    'referrals.appointment_in_time',
    L('Primi appuntamenti nei termini', 'First appointments within the deadline'),
    L('primi appuntamenti entro la scadenza', 'first appointments by the deadline'),
    sentOn,
  ),
  count(
    'referrals',
    'referrals.overdue_now',
    L('In ritardo oggi', 'Overdue now'),
    L(
      'invii aperti oltre la scadenza di risposta o di primo appuntamento, oggi',
      'open referrals past the answer or first-appointment deadline, today',
    ),
    sentOn,
  ),
  count(
    'referrals',
    'referrals.ack_in_time_share',
    L('Quota di risposte nei termini', 'Share acknowledged within the deadline'),
    L('risposte nei termini', 'answers within the deadline'),
    sentOn,
    { unit: 'rate', denominator: L('invii con risposta', 'referrals answered') },
  ),
  count(
    'referrals',
    'referrals.appointment_in_time_share',
    L('Quota di primi appuntamenti nei termini', 'Share of first appointments within the deadline'),
    L('primi appuntamenti nei termini', 'first appointments within the deadline'),
    sentOn,
    { unit: 'rate', denominator: L('invii con primo appuntamento', 'referrals with a first appointment') },
  ),
  count(
    'referrals',
    'referrals.days_to_ack',
    L('Giorni alla risposta (mediana)', 'Days to acknowledgement (median)'),
    L('mediana dei giorni di calendario tra invio e risposta', 'median calendar days from sending to answer'),
    sentOn,
    { unit: 'days', denominator: L('invii con risposta', 'referrals answered') },
  ),
  count(
    'referrals',
    'referrals.days_to_appointment',
    L('Giorni al primo appuntamento (mediana)', 'Days to first appointment (median)'),
    L(
      'mediana dei giorni di calendario tra invio e primo appuntamento',
      'median calendar days from sending to first appointment',
    ),
    sentOn,
    { unit: 'days', denominator: L('invii con primo appuntamento', 'referrals with a first appointment') },
  ),
  // ---------------------------------------------------------------- work and housing
  count(
    'work',
    'work.orientation',
    L('Orientamento al lavoro', 'Work orientation'),
    L(
      'percorsi con orientamento avviato (azione del piano o primo appuntamento al CPI)',
      'paths with orientation started (plan action or first CPI appointment)',
    ),
    onDate('del primo orientamento', 'of first orientation'),
  ),
  count(
    'work',
    'work.training_started',
    L('Formazione avviata', 'Training started'),
    L('percorsi con un corso avviato', 'paths with a course started'),
    onDate('di avvio', 'started'),
  ),
  count(
    'work',
    'work.training_completed',
    L('Formazione conclusa', 'Training completed'),
    L('percorsi con un corso concluso', 'paths with a course completed'),
    onDate('di conclusione', 'completed'),
  ),
  count(
    'work',
    'work.traineeships',
    L('Tirocini', 'Traineeships'),
    L('percorsi con un tirocinio avviato', 'paths with a traineeship started'),
    onDate('di avvio', 'started'),
  ),
  count(
    'work',
    'work.hires',
    L('Assunzioni', 'Hires'),
    L("percorsi con un'assunzione", 'paths with a hire'),
    onDate('della prima assunzione', 'of the first hire'),
  ),
  count(
    'work',
    'work.hires_by_contract',
    L('Assunzioni per tipo di contratto', 'Hires by contract type'),
    L('prime assunzioni', 'first hires'),
    onDate('della prima assunzione', 'of the first hire'),
    { dimensions: [...BREAKDOWN, 'contract_type'] },
  ),
  count(
    'work',
    'work.retained_3',
    L('Al lavoro dopo 3 mesi', 'In work after 3 months'),
    L('verifiche a 3 mesi con lavoro mantenuto', '3-month follow-ups still in work'),
    onDate('della verifica', 'of the follow-up'),
  ),
  count(
    'work',
    'work.retained_6',
    L('Al lavoro dopo 6 mesi', 'In work after 6 months'),
    L('verifiche a 6 mesi con lavoro mantenuto', '6-month follow-ups still in work'),
    onDate('della verifica', 'of the follow-up'),
  ),
  count(
    'work',
    'work.retained_12',
    L('Al lavoro dopo 12 mesi', 'In work after 12 months'),
    L('verifiche a 12 mesi con lavoro mantenuto', '12-month follow-ups still in work'),
    onDate('della verifica', 'of the follow-up'),
  ),
  count(
    'work',
    'work.retention_rate',
    L('Mantenimento del lavoro', 'Job retention'),
    L('assunte nel periodo ancora al lavoro alla verifica', 'women hired in the period still in work at the follow-up'),
    onDate('della prima assunzione', 'of the first hire'),
    {
      unit: 'rate',
      denominator: L('assunte nel periodo', 'women hired in the period'),
      dimensions: [...BREAKDOWN, 'months'],
    },
  ),
  count(
    'work',
    'housing.offered',
    L('Soluzioni abitative proposte', 'Housing solutions offered'),
    L(
      'percorsi con una soluzione abitativa proposta (azione del piano o invio accettato)',
      'paths with a housing solution offered (plan action or accepted referral)',
    ),
    onDate('della proposta', 'offered'),
  ),
  count(
    'work',
    'housing.reached',
    L('Soluzioni abitative raggiunte', 'Housing reached'),
    L('percorsi con una soluzione abitativa raggiunta', 'paths with housing reached'),
    onDate("dell'esito", 'of the outcome'),
  ),
  // ---------------------------------------------------------------- profile (ISTAT variables)
  ...(
    [
      ['age_band', L("Classe d'età (ISTAT)", 'Age band (ISTAT)')],
      ['citizenship', L('Cittadinanza', 'Citizenship')],
      ['children', L('Figli', 'Children')],
      ['work_status', L('Condizione lavorativa', 'Work status')],
      ['education', L('Titolo di studio', 'Education')],
      ['violence_type', L('Tipi di violenza (più risposte)', 'Types of violence (several answers)')],
      [
        'author_relationship',
        L("Relazione con l'autore (più risposte)", 'Relationship to the perpetrator (several answers)'),
      ],
    ] as const
  ).map(([dim, name]) =>
    count(
      'profile',
      `profile.${dim}`,
      name,
      L('donne prese in carico', 'women taken in charge'),
      onDate('della presa in carico', 'taken in charge'),
      { dimensions: [...BREAKDOWN, dim] },
    ),
  ),
  // ---------------------------------------------------------------- the network
  count(
    'network',
    'network.trained_cpi_referents',
    L('Referenti CPI formati per CPI', 'Trained CPI referents per CPI'),
    L(
      'referenti con formazione valida alla fine del periodo',
      'referents with valid training at the end of the period',
    ),
    L('fine del periodo', 'end of the period'),
    { dimensions: ['cpi'], source: 'training_coverage (registro della formazione)' },
  ),
  count(
    'network',
    'network.bodies',
    L('Enti per rete', 'Bodies per network'),
    L('enti aderenti alla rete, per tipo', 'member bodies of the network, by type'),
    L('alla data di oggi', 'as of today'),
    { dimensions: ['network', 'organisation_type'], source: 'organisation_networks, organisations' },
  ),
  count(
    'network',
    'network.signatories',
    L('Firmatari dei protocolli', 'Protocol signatories'),
    L(
      'firmatari (originari e adesioni) entro la fine del periodo',
      'signatories (original and adhesions) by the end of the period',
    ),
    L('data di adesione', 'date joined'),
    { dimensions: ['protocol', 'kind'], source: 'protocol_signatories' },
  ),
  // ---------------------------------------------------------------- her anonymous feedback
  ...(
    [
      ['listened', L('Si è sentita ascoltata al centro', 'Felt listened to at the centre')],
      ['referral_helped', L('Gli altri servizi sono stati utili', 'The other services were useful')],
      ['plan_own', L('Il piano è chiaro e suo', 'The plan is clear and her own')],
      ['missing', L('Che cosa è mancato (più risposte)', 'What was missing (several answers)')],
    ] as const
  ).map(([question, name]) =>
    count(
      'feedback',
      `feedback.${question}`,
      name,
      L('risposte al modulo anonimo di parere', 'answers to the anonymous feedback form'),
      L('mese del piano stampato con il modulo', 'month of the printed plan that carried the form'),
      {
        dimensions: ['network', 'centre', `feedback_${question}`],
        source: 'feedback_answers (modulo anonimo /parere, una riga per risposta)',
      },
    ),
  ),
];

/** The newest version of `code` valid on `day` (a period's last day). */
export function definitionOf(code: string, day = '9999-12-31', version?: number): IndicatorDefinition {
  const versions = CATALOGUE.filter(
    (d) => d.code === code && (version === undefined ? d.validFrom <= day : d.version === version),
  );
  const found = versions.sort((a, b) => b.version - a.version)[0];
  if (!found) throw new Error(`unknown indicator ${code}`);
  return found;
}

export function refOf(code: string, day?: string): IndicatorRef {
  const d = definitionOf(code, day);
  return { code: d.code, version: d.version, name: d.name, unit: d.unit };
}

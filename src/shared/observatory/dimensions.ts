/**
 * The observatory's dimensions: fixed lists of values with Italian and English labels. A table's
 * columns are always the whole list (with zeros), never only the values that happen to occur.
 */
import { AUTHOR_RELATIONSHIPS, CITIZENSHIPS, ISTAT_AGE_BANDS, VIOLENCE_TYPES } from '../codes/istat.ts';
import { DECLINE_REASONS } from '../codes/referrals.ts';
import type { Label } from './types.ts';

const L = (it: string, en: string): Label => ({ it, en });

/** The statistics store's coded columns (SQL CHECKs in migration 100, compared by db/codes.db.test.ts). */
export const STATS_AGE_BANDS = [...ISTAT_AGE_BANDS, 'unknown'] as const;
export const STATS_CITIZENSHIPS = [...CITIZENSHIPS, 'unknown'] as const;
export const STATS_CHILDREN = ['none', 'one', 'two', 'three_plus', 'unknown'] as const;

const yesPartlyNo = { yes: L('sì', 'yes'), partly: L('in parte', 'partly'), no: L('no', 'no') };

export const DIMENSIONS: Record<string, Record<string, Label>> = {
  age_band: {
    up_to_29: L('fino a 29', 'up to 29'),
    '30_39': L('30–39', '30–39'),
    '40_49': L('40–49', '40–49'),
    '50_59': L('50–59', '50–59'),
    '60_69': L('60–69', '60–69'),
    '70_plus': L('70 e oltre', '70 and over'),
    unknown: L('non indicata', 'not given'),
  },
  citizenship: {
    italian: L('italiana', 'Italian'),
    eu: L('UE', 'EU'),
    non_eu: L('extra UE', 'non-EU'),
    unknown: L('non indicata', 'not given'),
  },
  children: {
    none: L('nessuno', 'none'),
    one: L('uno', 'one'),
    two: L('due', 'two'),
    three_plus: L('tre o più', 'three or more'),
    unknown: L('non indicato', 'not given'),
  },
  work_status: {
    employed: L('occupata', 'employed'),
    unemployed: L('disoccupata', 'unemployed'),
    student: L('studentessa', 'student'),
    homemaker: L('casalinga', 'homemaker'),
    retired: L('pensionata', 'retired'),
    other: L('altro', 'other'),
    unknown: L('non indicata', 'not given'),
  },
  education: {
    none: L('nessuno', 'none'),
    primary: L('licenza elementare', 'primary'),
    lower_secondary: L('licenza media', 'lower secondary'),
    upper_secondary: L('diploma', 'upper secondary'),
    tertiary: L('laurea', 'tertiary'),
    unknown: L('non indicato', 'not given'),
  },
  violence_type: Object.fromEntries(
    VIOLENCE_TYPES.map((v) => [
      v,
      {
        physical: L('fisica', 'physical'),
        sexual: L('sessuale', 'sexual'),
        psychological: L('psicologica', 'psychological'),
        economic: L('economica', 'economic'),
        stalking: L('stalking', 'stalking'),
        witnessed: L('assistita', 'witnessed'),
        harmful_practices: L('pratiche dannose', 'harmful practices'),
      }[v] ?? L(v, v),
    ]),
  ),
  author_relationship: Object.fromEntries(
    AUTHOR_RELATIONSHIPS.map((v) => [
      v,
      {
        spouse: L('coniuge', 'spouse'),
        cohabiting_partner: L('convivente', 'cohabiting partner'),
        partner_not_cohabiting: L('partner non convivente', 'partner, not cohabiting'),
        former_spouse: L('ex coniuge', 'former spouse'),
        former_cohabiting_partner: L('ex convivente', 'former cohabiting partner'),
        former_partner_not_cohabiting: L('ex partner non convivente', 'former partner, not cohabiting'),
        father: L('padre', 'father'),
        mother: L('madre', 'mother'),
        son: L('figlio', 'son'),
        daughter: L('figlia', 'daughter'),
        brother_sister: L('fratello o sorella', 'brother or sister'),
        other_relative: L('altro parente', 'other relative'),
        colleague_employer: L('collega o datore di lavoro', 'colleague or employer'),
        acquaintance_friend: L('conoscente o amico', 'acquaintance or friend'),
        stranger: L('sconosciuto', 'stranger'),
      }[v] ?? L(v, v),
    ]),
  ),
  recipient_type: {
    employment_centre: L('Centro per l’impiego', 'Employment centre'),
    training_body: L('Ente di formazione', 'Training body'),
    housing_office: L('Servizi abitativi', 'Housing office'),
    social_services: L('Servizi sociali', 'Social services'),
    ats_asst: L('ATS/ASST', 'ATS/ASST'),
    other: L('Altro', 'Other'),
  },
  decline_reason: Object.fromEntries(
    DECLINE_REASONS.map((v) => [
      v,
      {
        not_competent: L('non di competenza', 'not competent'),
        no_capacity: L('nessuna disponibilità', 'no capacity'),
        not_eligible: L('requisiti mancanti', 'not eligible'),
        duplicate: L('doppione', 'duplicate'),
        other: L('altro', 'other'),
      }[v] ?? L(v, v),
    ]),
  ),
  contract_type: {
    permanent: L('tempo indeterminato', 'permanent'),
    fixed_term: L('tempo determinato', 'fixed term'),
    apprenticeship: L('apprendistato', 'apprenticeship'),
    agency: L('somministrazione', 'agency'),
    self_employed: L('autonomo', 'self-employed'),
    other: L('altro', 'other'),
  },
  body_type: {
    centre: L('Centri antiviolenza e case rifugio', 'Anti-violence centres and shelters'),
    employment_centre: L('Centri per l’impiego', 'Employment centres'),
    social_services: L('Servizi sociali', 'Social services'),
    housing_office: L('Servizi abitativi', 'Housing offices'),
    training_body: L('Enti di formazione', 'Training bodies'),
    ats_asst: L('ATS/ASST', 'ATS/ASST'),
    municipality: L('Comuni', 'Municipalities'),
    other: L('Altri enti', 'Other bodies'),
  },
  months: { '3': L('3 mesi', '3 months'), '6': L('6 mesi', '6 months'), '12': L('12 mesi', '12 months') },
  // the anonymous feedback form's answers (src/shared/codes/feedback.ts), one dimension per question
  feedback_listened: yesPartlyNo,
  feedback_referral_helped: {
    ...yesPartlyNo,
    not_referred: L('non indirizzata ad altri servizi', 'not referred to other services'),
  },
  feedback_plan_own: yesPartlyNo,
  feedback_missing: {
    work: L('lavoro', 'work'),
    housing: L('casa', 'housing'),
    childcare: L('aiuto con i figli', 'help with the children'),
    income: L('sostegno economico', 'financial support'),
    legal: L('aiuto legale', 'legal help'),
    health: L('cure e sostegno psicologico', 'care and psychological support'),
    time: L('più tempo con le operatrici', 'more time with the staff'),
    nothing: L('niente', 'nothing'),
  },
  signatory_kind: { original: L('firmatari originari', 'original signatories'), adhesion: L('adesioni', 'adhesions') },
};

/** The columns of a dimension, in its fixed order. */
export function columnsOf(dimension: string): { key: string; label: Label }[] {
  return Object.entries(DIMENSIONS[dimension] ?? {}).map(([key, label]) => ({ key, label }));
}

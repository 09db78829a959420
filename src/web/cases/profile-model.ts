/** Form values of the non-identifying profile (intake step 1–2, profile edit) and their checks. */
import type { SummaryError } from '../components/ErrorSummary.tsx';
import type { Messages } from '../i18n/it.ts';
import { fieldMessage } from '../forms/api-errors.ts';
import type { CaseDetail } from './types.ts';
import { inOrder } from './validate.ts';

export interface ProfileValues {
  firstContactOn: string;
  intakeOn: string;
  referralSource: string;
  ageBand: string;
  citizenship: string;
  residenceCode: string;
  education: string;
  employment: string;
  childrenCount: string;
  minorChildrenCount: string;
  /** '' unknown, 'yes', 'no' */
  childrenWitnessed: string;
  violenceTypes: string[];
  authorRelationships: string[];
  riskTool: string;
  riskLevel: string;
  riskAssessedOn: string;
}
export type ProfileKey = keyof ProfileValues;

export const DATE_KEYS = ['firstContactOn', 'intakeOn', 'referralSource'] as const;
export const PROFILE_KEYS: ProfileKey[] = [
  'ageBand',
  'citizenship',
  'residenceCode',
  'education',
  'employment',
  'childrenCount',
  'minorChildrenCount',
  'childrenWitnessed',
  'violenceTypes',
  'authorRelationships',
  'riskTool',
  'riskLevel',
  'riskAssessedOn',
];

export const emptyProfile = (): ProfileValues => ({
  firstContactOn: '',
  intakeOn: '',
  referralSource: '',
  ageBand: '',
  citizenship: '',
  residenceCode: '',
  education: '',
  employment: '',
  childrenCount: '',
  minorChildrenCount: '',
  childrenWitnessed: '',
  violenceTypes: [],
  authorRelationships: [],
  riskTool: '',
  riskLevel: '',
  riskAssessedOn: '',
});

const s = (v: string | null | undefined) => v ?? '';
const n = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function profileFromCase(c: CaseDetail): ProfileValues {
  return {
    firstContactOn: s(c.firstContactOn),
    intakeOn: s(c.intakeOn),
    referralSource: s(c.referralSource),
    ageBand: s(c.ageBand),
    citizenship: s(c.citizenship),
    residenceCode: s(c.residenceCode),
    education: s(c.education),
    employment: s(c.employment),
    childrenCount: n(c.childrenCount),
    minorChildrenCount: n(c.minorChildrenCount),
    childrenWitnessed: c.childrenWitnessed === null ? '' : c.childrenWitnessed ? 'yes' : 'no',
    violenceTypes: [...c.violenceTypes],
    authorRelationships: [...c.authorRelationships],
    riskTool: s(c.riskTool),
    riskLevel: s(c.riskLevel ?? ''),
    riskAssessedOn: s(c.riskAssessedOn),
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const intOrNull = (v: string) => (v.trim() === '' ? null : Number(v));

/** The API's profile fields (empty → null). */
export function profilePayload(v: ProfileValues): Record<string, unknown> {
  return {
    firstContactOn: orNull(v.firstContactOn),
    intakeOn: orNull(v.intakeOn),
    referralSource: orNull(v.referralSource),
    ageBand: orNull(v.ageBand),
    citizenship: orNull(v.citizenship),
    residenceCode: orNull(v.residenceCode),
    education: orNull(v.education),
    employment: orNull(v.employment),
    childrenCount: intOrNull(v.childrenCount),
    minorChildrenCount: intOrNull(v.minorChildrenCount),
    childrenWitnessed: v.childrenWitnessed === '' ? null : v.childrenWitnessed === 'yes',
    violenceTypes: v.violenceTypes,
    authorRelationships: v.authorRelationships,
    riskTool: orNull(v.riskTool),
    riskLevel: orNull(v.riskLevel),
    riskAssessedOn: orNull(v.riskAssessedOn),
  };
}

/** Label of each profile field, for error messages. */
export function profileLabels(t: Messages): Record<ProfileKey | 'takenInChargeOn', string> {
  const f = t.caseFields;
  return {
    takenInChargeOn: f.takenInChargeOn,
    firstContactOn: f.firstContactOn,
    intakeOn: f.intakeOn,
    referralSource: f.referralSource,
    ageBand: f.ageBand,
    citizenship: f.citizenship,
    residenceCode: f.residence,
    education: f.education,
    employment: f.employment,
    childrenCount: f.childrenCount,
    minorChildrenCount: f.minorChildrenCount,
    childrenWitnessed: f.childrenWitnessed,
    violenceTypes: f.violenceTypes,
    authorRelationships: f.authorRelationships,
    riskTool: f.riskTool,
    riskLevel: f.riskLevel,
    riskAssessedOn: f.riskAssessedOn,
  };
}

/** Dates of the path: present or past, in path order (first contact ≤ intake ≤ taken in charge). */
export function checkDates(
  v: ProfileValues,
  takenInChargeOn: string,
  today: string,
  t: Messages,
  prefix: string,
  withTaken: boolean,
): SummaryError[] {
  const L = profileLabels(t);
  const out: SummaryError[] = [];
  const add = (key: keyof typeof L, reason: string) =>
    out.push({ field: `${prefix}${key}`, message: fieldMessage(L[key], reason) });
  if (withTaken && !takenInChargeOn) add('takenInChargeOn', t.validation.required);
  else if (withTaken && takenInChargeOn > today) add('takenInChargeOn', t.validation.future);
  if (v.firstContactOn > today) add('firstContactOn', t.validation.future);
  if (v.intakeOn > today) add('intakeOn', t.validation.future);
  else if (!inOrder(v.firstContactOn, v.intakeOn)) add('intakeOn', t.validation.beforeFirstContact);
  if (withTaken && takenInChargeOn <= today) {
    if (!inOrder(v.intakeOn, takenInChargeOn)) add('takenInChargeOn', t.validation.beforeIntake);
    else if (!inOrder(v.firstContactOn, takenInChargeOn)) add('takenInChargeOn', t.validation.beforeFirstContact);
  } else if (!withTaken) {
    if (!inOrder(v.intakeOn, takenInChargeOn)) add('intakeOn', t.validation.afterTakenInCharge);
    if (!inOrder(v.firstContactOn, takenInChargeOn)) add('firstContactOn', t.validation.afterTakenInCharge);
  }
  return out;
}

const isCount = (v: string) => v === '' || (/^\d{1,2}$/.test(v) && Number(v) <= 30);

/** The statistical profile: counts, risk, residence code. */
export function checkProfile(v: ProfileValues, today: string, t: Messages, prefix: string): SummaryError[] {
  const L = profileLabels(t);
  const out: SummaryError[] = [];
  const add = (key: ProfileKey, reason: string) =>
    out.push({ field: `${prefix}${key}`, message: fieldMessage(L[key], reason) });
  if (v.residenceCode && !/^\d{6}$/.test(v.residenceCode)) add('residenceCode', t.validation.istatCode);
  if (!isCount(v.childrenCount)) add('childrenCount', t.validation.count);
  if (!isCount(v.minorChildrenCount)) add('minorChildrenCount', t.validation.count);
  else if (
    v.childrenCount !== '' &&
    v.minorChildrenCount !== '' &&
    Number(v.minorChildrenCount) > Number(v.childrenCount)
  ) {
    add('minorChildrenCount', t.validation.moreMinorsThanChildren);
  }
  if (v.riskLevel && !v.riskTool) add('riskTool', t.validation.riskToolNeeded);
  if (v.riskAssessedOn > today) add('riskAssessedOn', t.validation.future);
  return out;
}

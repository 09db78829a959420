/** The intake's request body, and where the server's field errors go (step and control). */
import type { ApiError } from '../../api.ts';
import type { SummaryError } from '../../components/ErrorSummary.tsx';
import type { Messages } from '../../i18n/it.ts';
import {
  IDENTITY_KEYS,
  type IdentityValues,
  identityLabels,
  identityPayload,
  type SafeContactValues,
  safeContactPayload,
  safeContactTarget,
} from '../../cases/contact-model.ts';
import { type ProfileValues, profileLabels, profilePayload } from '../../cases/profile-model.ts';
import { type FieldTarget, serverFieldErrors } from '../../forms/api-errors.ts';

export const P = 'intake-';
export const PI = 'intake-id-';
export const PS = 'intake-sc-';

export interface IntakeValues {
  taken: string;
  profile: ProfileValues;
  anonymous: boolean;
  identity: IdentityValues;
  contact: SafeContactValues;
}

export function intakeBody(v: IntakeValues) {
  return {
    takenInChargeOn: v.taken,
    ...profilePayload(v.profile),
    safeContact: safeContactPayload(v.contact),
    ...(v.anonymous ? {} : { identity: identityPayload(v.identity) }),
  };
}

const STEP_ONE = ['takenInChargeOn', 'firstContactOn', 'intakeOn', 'referralSource'];
/** The profile fields of the third step (violence and risk); the others are on the second. */
const SITUATION = ['violenceTypes', 'authorRelationships', 'riskTool', 'riskLevel', 'riskAssessedOn'];

/** The steps: dates, her profile, violence and risk, identity, safe contact, review. */
export const STEP = { dates: 0, person: 1, situation: 2, identity: 3, contact: 4, review: 5 } as const;

/** What the intake's draft holds: every value, and the step she was on. */
export interface IntakeDraft extends IntakeValues {
  [key: string]: unknown;
  step: number;
}

/** Server field errors grouped by step (0–4). */
export function errorsByStep(err: ApiError, t: Messages): Map<number, SummaryError[]> {
  const profile = profileLabels(t);
  const identity = identityLabels(t);
  const stepOf = new Map<string, number>();
  const target = (field: string): FieldTarget | null => {
    const [head = '', ...rest] = field.split('.');
    let where: FieldTarget | null = null;
    let step: number = STEP.review;
    if (head === 'safeContact') {
      where = safeContactTarget(field, PS, t);
      step = STEP.contact;
    } else if (head === 'identity' || (IDENTITY_KEYS as string[]).includes(head)) {
      const key = (head === 'identity' ? rest[0] : head) as keyof typeof identity | undefined;
      where =
        key && key in identity
          ? { id: `${PI}${key}`, label: identity[key] }
          : { id: `${PI}firstName`, label: t.intake.steps.identity };
      step = STEP.identity;
    } else if (head in profile) {
      where = { id: `${P}${head}`, label: profile[head as keyof typeof profile] };
      step = STEP_ONE.includes(head) ? STEP.dates : SITUATION.includes(head) ? STEP.situation : STEP.person;
    }
    if (where) stepOf.set(where.id, step);
    return where;
  };
  const list = serverFieldErrors(err, t, target);
  const groups = new Map<number, SummaryError[]>();
  for (const e of list) {
    const step = e.field ? (stepOf.get(e.field) ?? STEP.review) : STEP.review;
    groups.set(step, [...(groups.get(step) ?? []), e]);
  }
  return groups;
}

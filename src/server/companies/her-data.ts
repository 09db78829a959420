/**
 * What the anonymous matching reads of her (`Her`, companies/match.ts), from one of two sources:
 * her case at her centre (codes straight from the case, the latest needs analysis and the plan's
 * goals, never their titles), or a referral's share snapshot at a recipient, where the needs answers
 * are labels (build-share.ts) and are read back to their codes through the questionnaire. Both
 * carry each part under the share field it comes from; `matchVacancies` then keeps only the fields
 * the viewer may see.
 */
import type { CaseRow } from '../cases/access.ts';
import type { Tx } from '../db/context.ts';
import { QUESTIONS, SECTIONS } from '../needs/questionnaire.ts';
import type { Shared } from '../referrals/schemas.ts';
import type { Her } from './match.ts';

type Answers = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
const defined = <T extends object>(o: T): T | undefined => {
  const out = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(out).length ? out : undefined;
};

/** The needs parts of `Her` from coded answers (question id → code, number, boolean or codes). */
export function needsPartsOf(a: Answers): Her {
  const her: Her = {};
  const el = defined({
    education_level: str(a.education_level),
    italian_level: str(a.italian_level),
    other_languages: strs(a.other_languages),
  });
  if (el) her['needs.education_languages'] = el;
  const wh = defined({ last_job_sector: str(a.last_job_sector) });
  if (wh) her['needs.work_history'] = wh;
  const lm = defined({
    driving_licence: str(a.driving_licence),
    has_car: bool(a.has_car),
    public_transport: str(a.public_transport),
  });
  if (lm) her['needs.licences_mobility'] = lm;
  const av = defined({ hours_per_week: num(a.hours_per_week), shifts_ok: bool(a.shifts_ok) });
  if (av) her['needs.availability'] = av;
  const asp = defined({ desired_sectors: strs(a.desired_sectors) });
  if (asp) her['needs.aspirations'] = asp;
  return her;
}

/** At her centre: her case, her latest needs analysis, her plan's goals (domain and status only). */
export async function herFromCase(tx: Tx, row: CaseRow): Promise<Her> {
  const goals = await tx.selectFrom('plan_goals').select(['domain', 'status']).where('case_id', '=', row.id).execute();
  const latest = await tx
    .selectFrom('needs_assessments')
    .select('answers')
    .where('case_id', '=', row.id)
    .orderBy('assessed_on', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return {
    'plan.goals': goals,
    'profile.education': row.education,
    'profile.residence': row.residence_code,
    ...(latest ? needsPartsOf(latest.answers as Answers) : {}),
  };
}

/** A shared answer's labels back to the coded value of its question (Italian labels are unique per question). */
function answerValue(sectionId: string, question: string, values: Array<{ it: string }>): [string, unknown] | null {
  const section = SECTIONS.find((s) => s.id === sectionId);
  const q = section?.questions.find((x) => x.label.it === question);
  if (!q) return null;
  const full = QUESTIONS.get(q.id);
  if (!full) return null;
  const code = (label: string): unknown => {
    if ('options' in full) return full.options.find((o) => o.label.it === label)?.value;
    if (full.type === 'boolean') return label === 'Sì' ? true : label === 'No' ? false : undefined;
    if (full.type === 'integer') {
      const n = Number(label);
      return Number.isFinite(n) ? n : undefined;
    }
    return undefined;
  };
  const coded = values.map((v) => code(v.it)).filter((v) => v !== undefined);
  return [q.id, full.type === 'multi' ? coded : coded[0]];
}

/** At a recipient: only what the referral's snapshot holds. */
export function herFromShare(shared: Shared): Her {
  const her: Her = {};
  const goals = shared.plan?.goals;
  if (goals) her['plan.goals'] = goals.map((g) => ({ domain: g.domain, status: g.status }));
  const profile = shared.profile;
  if (profile && 'education' in profile) her['profile.education'] = profile.education ?? null;
  if (profile && 'residence' in profile) her['profile.residence'] = profile.residence?.code ?? null;
  const answers: Answers = {};
  for (const section of shared.needs?.sections ?? []) {
    for (const a of section.answers) {
      const pair = answerValue(section.id, a.question.it, a.values);
      if (pair) answers[pair[0]] = pair[1];
    }
  }
  return { ...her, ...needsPartsOf(answers) };
}

/**
 * Anonymous matching of open vacancies to a woman's plan and needs analysis (pure: no database,
 * no clock). It reads her data only through `Her`, whose every key is a share field
 * (shared/codes/sharing.ts), and first keeps only the fields the viewer may see
 * (`fieldsVisibleTo`, referrals/share-fields.ts: all of them to her centre, the share set to a
 * recipient). Each reason names the field it came from, so a match never rests on a field the
 * viewer may not see (match.test.ts checks it as a property).
 */
import {
  type ContractType,
  ITALIAN_LEVELS,
  type ItalianLevel,
  type JobSector,
  type MatchReason,
  type RequiredEducation,
  type VacancyLanguage,
  type VacancyStatus,
} from '../../shared/codes/companies.ts';
import { EDUCATION } from '../../shared/codes/istat.ts';
import type { ShareField } from '../../shared/codes/sharing.ts';

/** What matching may read of her, each part under the share field that carries it. */
export interface Her {
  'plan.goals'?: Array<{ domain: string; status: string }>;
  'profile.education'?: string | null;
  'profile.residence'?: string | null;
  'needs.education_languages'?: { education_level?: string; italian_level?: string; other_languages?: string[] };
  'needs.work_history'?: { last_job_sector?: string };
  'needs.licences_mobility'?: { driving_licence?: string; has_car?: boolean; public_transport?: string };
  'needs.availability'?: { hours_per_week?: number; shifts_ok?: boolean };
  'needs.aspirations'?: { desired_sectors?: string[] };
}
export const MATCH_FIELDS = [
  'plan.goals',
  'profile.education',
  'profile.residence',
  'needs.education_languages',
  'needs.work_history',
  'needs.licences_mobility',
  'needs.availability',
  'needs.aspirations',
] as const satisfies readonly (keyof Her & ShareField)[];
export type MatchField = (typeof MATCH_FIELDS)[number];

/** What matching reads of a vacancy: its own data, not about her (the Vacancy answer has these fields and more). */
export interface MatchableVacancy {
  id: string;
  sector: JobSector;
  municipality: { code: string };
  contractType: ContractType;
  hoursPerWeek: number;
  shifts: boolean;
  educationMin: RequiredEducation;
  italianMin: ItalianLevel;
  languages: VacancyLanguage[];
  drivingLicence: boolean;
  reserved: boolean;
  flexibleHours: boolean;
  status: VacancyStatus;
}

export type Effect = 'plus' | 'minus';
export interface Reason {
  code: MatchReason;
  effect: Effect;
}
export interface Match<V extends MatchableVacancy> {
  vacancy: V;
  score: number;
  reasons: Reason[];
}

/** Which of her fields each reason rests on (null: the vacancy's or the company's own data only). */
export const REASON_FIELD: Record<MatchReason, MatchField | null> = {
  work_goal_open: 'plan.goals',
  sector_desired: 'needs.aspirations',
  sector_experience: 'needs.work_history',
  education_met: 'needs.education_languages',
  education_below: 'needs.education_languages',
  italian_met: 'needs.education_languages',
  italian_below: 'needs.education_languages',
  languages_met: 'needs.education_languages',
  languages_missing: 'needs.education_languages',
  licence_met: 'needs.licences_mobility',
  licence_missing: 'needs.licences_mobility',
  same_municipality: 'profile.residence',
  reachable_by_car: 'needs.licences_mobility',
  reachable_by_transport: 'needs.licences_mobility',
  hard_to_reach: 'needs.licences_mobility',
  hours_fit: 'needs.availability',
  hours_too_many: 'needs.availability',
  shifts_ok: 'needs.availability',
  shifts_not_ok: 'needs.availability',
  reserved_vacancy: null,
  flexible_hours_company: null,
};

/** The weight of each reason: positive adds, negative takes away. */
export const WEIGHTS: Record<MatchReason, number> = {
  work_goal_open: 10,
  sector_desired: 25,
  sector_experience: 15,
  education_met: 10,
  education_below: -20,
  italian_met: 10,
  italian_below: -20,
  languages_met: 5,
  languages_missing: -10,
  licence_met: 5,
  licence_missing: -25,
  same_municipality: 15,
  reachable_by_car: 10,
  reachable_by_transport: 10,
  hard_to_reach: -20,
  hours_fit: 15,
  hours_too_many: -20,
  shifts_ok: 5,
  shifts_not_ok: -20,
  reserved_vacancy: 10,
  flexible_hours_company: 5,
};

/** A vacancy with more than this many unmet requirements is left out. */
export const MAX_MINUS = 1;
/** At most this many matches are listed. */
export const MAX_MATCHES = 20;

/** Her data as the viewer may see it: only the matching fields in `visible`. */
export function project(her: Her, visible: readonly string[]): Her {
  const out: Her = {};
  for (const f of MATCH_FIELDS) {
    if (visible.includes(f) && her[f] !== undefined) (out as Record<string, unknown>)[f] = her[f];
  }
  return out;
}

const rank = <T extends string>(list: readonly T[], v: string | null | undefined) =>
  v ? (list as readonly string[]).indexOf(v) : -1;
const EDUCATION_ORDER = EDUCATION.filter((e) => e !== 'unknown');

/** The reasons for one vacancy, from what is visible of her (already projected). */
export function reasonsFor(her: Her, v: MatchableVacancy): MatchReason[] {
  const out: MatchReason[] = [];
  const goals = her['plan.goals'];
  if (goals?.some((g) => g.domain === 'work' && g.status === 'open')) out.push('work_goal_open');

  const aspirations = her['needs.aspirations'];
  if (aspirations?.desired_sectors?.includes(v.sector)) out.push('sector_desired');
  if (her['needs.work_history']?.last_job_sector === v.sector) out.push('sector_experience');

  const el = her['needs.education_languages'];
  if (v.educationMin !== 'none') {
    // her education from the needs analysis (her own words at intake are the profile's, not asked here)
    const level = rank(EDUCATION_ORDER, el?.education_level);
    if (level >= 0) out.push(level >= rank(EDUCATION_ORDER, v.educationMin) ? 'education_met' : 'education_below');
  }
  if (v.italianMin !== 'none' && el?.italian_level) {
    out.push(
      rank(ITALIAN_LEVELS, el.italian_level) >= rank(ITALIAN_LEVELS, v.italianMin) ? 'italian_met' : 'italian_below',
    );
  }
  if (v.languages.length > 0 && el) {
    const hers = el.other_languages ?? [];
    out.push(v.languages.every((l) => hers.includes(l)) ? 'languages_met' : 'languages_missing');
  }

  const mobility = her['needs.licences_mobility'];
  if (v.drivingLicence && mobility?.driving_licence)
    out.push(mobility.driving_licence === 'b' ? 'licence_met' : 'licence_missing');

  const residence = her['profile.residence'];
  if (residence && residence === v.municipality.code) out.push('same_municipality');
  else if (mobility) {
    if (mobility.has_car === true && mobility.driving_licence === 'b') out.push('reachable_by_car');
    else if (mobility.public_transport === 'good') out.push('reachable_by_transport');
    else if (mobility.public_transport === 'none') out.push('hard_to_reach');
  }

  const availability = her['needs.availability'];
  if (typeof availability?.hours_per_week === 'number')
    out.push(availability.hours_per_week >= v.hoursPerWeek ? 'hours_fit' : 'hours_too_many');
  if (v.shifts && typeof availability?.shifts_ok === 'boolean')
    out.push(availability.shifts_ok ? 'shifts_ok' : 'shifts_not_ok');

  if (v.reserved) out.push('reserved_vacancy');
  if (v.flexibleHours) out.push('flexible_hours_company');
  return out;
}

/**
 * The open vacancies that fit her, best first, each with its score and reasons, computed on what
 * `visible` lets the viewer see. When her plan is visible and has no open work goal, nothing is
 * listed: the matching serves a work goal. A vacancy is listed when its score is positive and at
 * most MAX_MINUS of its requirements are unmet.
 */
export function matchVacancies<V extends MatchableVacancy>(
  her: Her,
  visible: readonly string[],
  vacancies: readonly V[],
): { items: Match<V>[]; fieldsUsed: MatchField[] } {
  const seen = project(her, visible);
  const goals = seen['plan.goals'];
  if (goals && !goals.some((g) => g.domain === 'work' && g.status === 'open')) return { items: [], fieldsUsed: [] };
  const used = new Set<MatchField>();
  const items: Match<V>[] = [];
  for (const v of vacancies) {
    if (v.status !== 'open') continue;
    const codes = reasonsFor(seen, v);
    const reasons = codes.map((code) => ({ code, effect: (WEIGHTS[code] > 0 ? 'plus' : 'minus') as Effect }));
    const score = codes.reduce((s, c) => s + WEIGHTS[c], 0);
    if (score <= 0 || reasons.filter((r) => r.effect === 'minus').length > MAX_MINUS) continue;
    for (const c of codes) {
      const f = REASON_FIELD[c];
      if (f) used.add(f);
    }
    items.push({ vacancy: v, score, reasons });
  }
  items.sort((a, b) => b.score - a.score || a.vacancy.id.localeCompare(b.vacancy.id));
  return { items: items.slice(0, MAX_MATCHES), fieldsUsed: MATCH_FIELDS.filter((f) => used.has(f)) };
}

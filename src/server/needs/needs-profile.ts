import { DOMAINS, type Domain, NEED_LEVELS, type NeedLevel as Level } from '../../shared/codes/needs.ts';
import type { Answers } from './answers.ts';

export interface DomainNeed {
  level: Level;
  /** stable codes; 'not_assessed' when no question feeding the domain was answered */
  reasons: string[];
}
export type NeedsProfile = Record<Domain, DomainNeed>;
export interface ProposedGoal {
  domain: Domain;
  level: Level;
  reasons: string[];
  /** codes of the shared action catalogue */
  suggestedActions: string[];
}

interface Rule {
  domain: Domain;
  reason: string;
  points: number;
  when: (a: Answers) => boolean;
  actions: string[];
}

const is = (a: Answers, id: string, ...values: Array<string | boolean>) => values.includes(a[id] as string | boolean);
const num = (a: Answers, id: string): number | undefined => (typeof a[id] === 'number' ? (a[id] as number) : undefined);
const has = (a: Answers, id: string, value: string) => Array.isArray(a[id]) && (a[id] as string[]).includes(value);
const under6 = (a: Answers) => (num(a, 'children_under_6') ?? 0) > 0;
const school = (a: Answers) => (num(a, 'children_6_to_17') ?? 0) > 0;
/** She has no job now: unemployed by her employment, or by when her last job ended. */
export const notWorking = (a: Answers) =>
  is(a, 'employment', 'unemployed') ||
  is(a, 'last_job_ended', 'under_6_months', '6_to_24_months', 'over_2_years', 'never_worked');
const noIncome = (a: Answers) => is(a, 'monthly_income', 'none');

/** Which answers feed each domain: a domain none of whose inputs is answered is 'not_assessed'. */
export const INPUTS: Record<Domain, string[]> = {
  work: [
    'employment',
    'last_job_ended',
    'years_worked',
    'professional_skills',
    'driving_licence',
    'public_transport',
    'hours_per_week',
    'work_limits',
  ],
  training: ['education_level', 'qualification_recognised', 'italian_level', 'digital_skills', 'wants_training'],
  housing: ['housing_situation', 'housing_at_risk'],
  economic_autonomy: ['monthly_income', 'debts', 'own_bank_account'],
  childcare: ['children_under_6', 'children_6_to_17', 'childcare_arranged', 'other_caring_duties'],
  legal: ['legal_matters', 'debts', 'housing_at_risk'],
  wellbeing: ['work_limits', 'other_caring_duties', 'housing_situation'],
};

const WORK_START = ['orientation_interview', 'cpi_registration'];
const LEGAL_POINTS: Record<string, number> = {
  separation_custody: 3,
  residence_permit: 3,
  debts: 2,
  employment_rights: 2,
  other: 1,
};

/** The rules, in the order their reasons and actions are listed. Points add up per domain. */
export const RULES: Rule[] = [
  {
    domain: 'work',
    reason: 'never_worked',
    points: 3,
    when: (a) => is(a, 'last_job_ended', 'never_worked'),
    actions: [...WORK_START, 'gol_pathway', 'traineeship'],
  },
  {
    domain: 'work',
    reason: 'long_term_unemployed',
    points: 3,
    when: (a) => is(a, 'last_job_ended', 'over_2_years'),
    actions: [...WORK_START, 'gol_pathway'],
  },
  {
    domain: 'work',
    reason: 'not_working',
    points: 2,
    // out of work, recently or for a time not said (never worked and over two years score above)
    when: (a) => notWorking(a) && !is(a, 'last_job_ended', 'never_worked', 'over_2_years'),
    actions: [...WORK_START, 'job_search_support'],
  },
  {
    // without a job and without any income, work is the first need whatever else she answered
    domain: 'work',
    reason: 'no_work_no_income',
    points: 3,
    when: (a) => notWorking(a) && noIncome(a),
    actions: [...WORK_START, 'job_search_support'],
  },
  {
    domain: 'work',
    reason: 'little_experience',
    points: 1,
    when: (a) => !is(a, 'last_job_ended', 'never_worked') && (num(a, 'years_worked') ?? 99) < 2,
    actions: ['traineeship'],
  },
  {
    domain: 'work',
    reason: 'low_professional_skills',
    points: 1,
    when: (a) => is(a, 'professional_skills', 'none', 'basic'),
    actions: ['gol_pathway'],
  },
  {
    domain: 'work',
    reason: 'limited_mobility',
    points: 1,
    when: (a) =>
      is(a, 'public_transport', 'limited', 'none') && !is(a, 'driving_licence', 'b', 'other') && a.has_car !== true,
    actions: [],
  },
  {
    domain: 'work',
    reason: 'limited_availability',
    points: 1,
    when: (a) => (num(a, 'hours_per_week') ?? 99) < 15,
    actions: [],
  },
  {
    domain: 'work',
    reason: 'health_limits',
    points: 1,
    when: (a) => is(a, 'work_limits', 'some', 'severe'),
    actions: [],
  },
  {
    domain: 'training',
    reason: 'italian_basic',
    points: 3,
    when: (a) => is(a, 'italian_level', 'none', 'a1', 'a2'),
    actions: ['italian_course'],
  },
  {
    domain: 'training',
    reason: 'italian_intermediate',
    points: 1,
    when: (a) => is(a, 'italian_level', 'b1'),
    actions: ['italian_course'],
  },
  {
    domain: 'training',
    reason: 'low_education',
    points: 2,
    when: (a) => is(a, 'education_level', 'none', 'primary', 'lower_secondary'),
    actions: ['course_enrolment'],
  },
  {
    domain: 'training',
    reason: 'qualification_not_recognised',
    points: 1,
    when: (a) => is(a, 'qualification_recognised', 'no'),
    actions: ['orientation_interview'],
  },
  {
    domain: 'training',
    reason: 'low_digital_skills',
    points: 1,
    when: (a) => is(a, 'digital_skills', 'none', 'basic'),
    actions: ['digital_skills_course'],
  },
  {
    domain: 'training',
    reason: 'wants_training',
    points: 1,
    when: (a) => a.wants_training === true,
    actions: ['course_enrolment'],
  },
  {
    domain: 'housing',
    reason: 'homeless',
    points: 5,
    when: (a) => is(a, 'housing_situation', 'homeless'),
    actions: ['social_housing_application'],
  },
  {
    domain: 'housing',
    reason: 'in_shelter',
    points: 3,
    when: (a) => is(a, 'housing_situation', 'shelter'),
    actions: ['social_housing_application'],
  },
  {
    domain: 'housing',
    reason: 'not_autonomous',
    points: 2,
    when: (a) => is(a, 'housing_situation', 'with_family', 'other'),
    actions: ['social_housing_application'],
  },
  {
    domain: 'housing',
    reason: 'housing_at_risk',
    points: 3,
    when: (a) => a.housing_at_risk === true,
    actions: ['rent_support', 'social_housing_application'],
  },
  {
    domain: 'housing',
    reason: 'rent_unaffordable',
    points: 2,
    when: (a) => is(a, 'housing_situation', 'own_rent') && is(a, 'monthly_income', 'none', 'under_500'),
    actions: ['rent_support'],
  },
  {
    domain: 'economic_autonomy',
    reason: 'no_income',
    points: 4,
    when: (a) => is(a, 'monthly_income', 'none'),
    actions: ['freedom_income_application'],
  },
  {
    domain: 'economic_autonomy',
    reason: 'no_work_no_income',
    points: 1,
    when: (a) => notWorking(a) && noIncome(a),
    actions: [],
  },
  {
    domain: 'economic_autonomy',
    reason: 'low_income',
    points: 2,
    when: (a) => is(a, 'monthly_income', 'under_500'),
    actions: ['freedom_income_application'],
  },
  {
    domain: 'economic_autonomy',
    reason: 'modest_income',
    points: 1,
    when: (a) => is(a, 'monthly_income', '500_999'),
    actions: [],
  },
  {
    domain: 'economic_autonomy',
    reason: 'overwhelming_debts',
    points: 3,
    when: (a) => is(a, 'debts', 'overwhelming'),
    actions: ['financial_literacy'],
  },
  {
    domain: 'economic_autonomy',
    reason: 'manageable_debts',
    points: 1,
    when: (a) => is(a, 'debts', 'manageable'),
    actions: ['financial_literacy'],
  },
  {
    domain: 'economic_autonomy',
    reason: 'no_own_bank_account',
    points: 2,
    when: (a) => a.own_bank_account === false,
    actions: ['bank_account'],
  },
  {
    domain: 'childcare',
    reason: 'childcare_missing',
    points: 4,
    when: (a) => under6(a) && is(a, 'childcare_arranged', 'no'),
    actions: ['childcare_place'],
  },
  {
    domain: 'childcare',
    reason: 'childcare_partial',
    points: 2,
    when: (a) => under6(a) && is(a, 'childcare_arranged', 'partly'),
    actions: ['childcare_place'],
  },
  {
    domain: 'childcare',
    reason: 'school_age_care',
    points: 1,
    when: (a) => !under6(a) && school(a) && is(a, 'childcare_arranged', 'no', 'partly'),
    actions: [],
  },
  {
    domain: 'childcare',
    reason: 'other_caring_duties',
    points: 1,
    when: (a) => a.other_caring_duties === true,
    actions: [],
  },
  ...Object.entries(LEGAL_POINTS).map(
    ([matter, points]): Rule => ({
      domain: 'legal',
      reason: `legal_${matter}`,
      points,
      when: (a) => has(a, 'legal_matters', matter),
      actions: ['legal_aid'],
    }),
  ),
  {
    domain: 'legal',
    reason: 'debt_advice',
    points: 1,
    when: (a) => is(a, 'debts', 'overwhelming'),
    actions: ['legal_aid'],
  },
  {
    domain: 'legal',
    reason: 'eviction_risk',
    points: 1,
    when: (a) => a.housing_at_risk === true,
    actions: ['legal_aid'],
  },
  {
    domain: 'wellbeing',
    reason: 'health_limits_severe',
    points: 4,
    when: (a) => is(a, 'work_limits', 'severe'),
    actions: ['health_services', 'psychological_support'],
  },
  {
    domain: 'wellbeing',
    reason: 'health_limits_some',
    points: 2,
    when: (a) => is(a, 'work_limits', 'some'),
    actions: ['health_services'],
  },
  {
    domain: 'wellbeing',
    reason: 'heavy_caring_load',
    points: 1,
    when: (a) => a.other_caring_duties === true && under6(a),
    actions: ['psychological_support'],
  },
  {
    domain: 'wellbeing',
    reason: 'no_stable_home',
    points: 1,
    when: (a) => is(a, 'housing_situation', 'homeless'),
    actions: ['psychological_support'],
  },
];

export function levelOf(points: number): Level {
  if (points <= 0) return 'none';
  if (points <= 2) return 'low';
  if (points <= 4) return 'medium';
  return 'high';
}

/** The needs profile by domain: a level from the points of the rules that apply, and their reasons. */
export function computeProfile(answers: Answers): NeedsProfile {
  const profile = {} as NeedsProfile;
  for (const domain of DOMAINS) {
    const assessed = INPUTS[domain].some((id) => answers[id] !== undefined);
    const hits = RULES.filter((r) => r.domain === domain && r.when(answers));
    if (!assessed && hits.length === 0) {
      profile[domain] = { level: 'none', reasons: ['not_assessed'] };
      continue;
    }
    profile[domain] = { level: levelOf(hits.reduce((n, r) => n + r.points, 0)), reasons: hits.map((r) => r.reason) };
  }
  return profile;
}

/**
 * Goals to propose for the plan: one per domain with a need, strongest first, with the shared
 * catalogue actions suggested by the reasons (deduplicated, in rule order).
 */
export function proposeGoals(profile: NeedsProfile): ProposedGoal[] {
  const rank = (l: Level) => NEED_LEVELS.indexOf(l);
  return DOMAINS.filter((d) => rank(profile[d].level) > 0)
    .map((domain) => {
      const { level, reasons } = profile[domain];
      const actions = RULES.filter((r) => r.domain === domain && reasons.includes(r.reason)).flatMap((r) => r.actions);
      return { domain, level, reasons: [...reasons], suggestedActions: [...new Set(actions)] };
    })
    .sort((a, b) => rank(b.level) - rank(a.level) || DOMAINS.indexOf(a.domain) - DOMAINS.indexOf(b.domain));
}

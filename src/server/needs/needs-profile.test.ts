import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.ts';
import { compareAssessments } from './compare.ts';
import { DOMAINS } from '../../shared/codes/needs.ts';
import { computeProfile, INPUTS, levelOf, proposeGoals, RULES } from './needs-profile.ts';
import { QUESTIONNAIRE_VERSION, QUESTIONS } from './questionnaire.ts';

/** Codes of the shared catalogue, as the migrations seed it. */
function sharedCatalogue(): Set<string> {
  const codes = new Set<string>();
  for (const file of ['003_cases.sql', '005_plans.sql']) {
    const text = readFileSync(new URL(`../db/migrations/${file}`, import.meta.url), 'utf8');
    const block = text.slice(text.indexOf('INSERT INTO action_catalogue'));
    for (const m of block.slice(0, block.indexOf(';')).matchAll(/\('([a-z0-9_]+)', '/g)) codes.add(m[1] ?? '');
  }
  return codes;
}

const struggling: Answers = {
  education_level: 'lower_secondary',
  italian_level: 'a2',
  last_job_ended: 'never_worked',
  years_worked: 0,
  digital_skills: 'basic',
  housing_situation: 'shelter',
  housing_at_risk: false,
  monthly_income: 'none',
  debts: 'overwhelming',
  own_bank_account: false,
  children_under_6: 2,
  childcare_arranged: 'no',
  work_limits: 'none',
  legal_matters: ['separation_custody', 'residence_permit'],
};

const settled: Answers = {
  education_level: 'tertiary',
  italian_level: 'native',
  last_job_ended: 'currently_working',
  years_worked: 12,
  professional_skills: 'advanced',
  digital_skills: 'advanced',
  housing_situation: 'own_rent',
  housing_at_risk: false,
  monthly_income: '1500_plus',
  debts: 'none',
  own_bank_account: true,
  children_under_6: 0,
  childcare_arranged: 'not_needed',
  work_limits: 'none',
  hours_per_week: 38,
  legal_matters: [],
};

describe('needs profile', () => {
  it('marks every domain not assessed when nothing was answered, and proposes nothing', () => {
    const profile = computeProfile({});
    for (const d of DOMAINS) expect(profile[d]).toEqual({ level: 'none', reasons: ['not_assessed'] });
    expect(proposeGoals(profile)).toEqual([]);
  });

  it('finds high needs where she has no income, no home of her own and no childcare', () => {
    const p = computeProfile(struggling);
    expect(p.economic_autonomy).toEqual({
      level: 'high',
      reasons: ['no_income', 'no_work_no_income', 'overwhelming_debts', 'no_own_bank_account'],
    });
    // never worked and no income: the first need is work (it read "medium" before the rule was fixed)
    expect(p.work).toEqual({ level: 'high', reasons: ['never_worked', 'no_work_no_income'] });
    expect(p.training).toEqual({ level: 'high', reasons: ['italian_basic', 'low_education', 'low_digital_skills'] });
    expect(p.housing).toEqual({ level: 'medium', reasons: ['in_shelter'] });
    expect(p.childcare).toEqual({ level: 'medium', reasons: ['childcare_missing'] });
    expect(p.legal).toEqual({
      level: 'high',
      reasons: ['legal_separation_custody', 'legal_residence_permit', 'debt_advice'],
    });
    expect(p.wellbeing).toEqual({ level: 'none', reasons: [] });
    const goals = proposeGoals(p);
    expect(goals.map((g) => g.domain)).toEqual([
      'work',
      'training',
      'economic_autonomy',
      'legal',
      'housing',
      'childcare',
    ]);
    expect(goals.find((g) => g.domain === 'economic_autonomy')?.suggestedActions).toEqual([
      'freedom_income_application',
      'financial_literacy',
      'bank_account',
    ]);
    expect(goals.find((g) => g.domain === 'work')?.suggestedActions).toEqual([
      'orientation_interview',
      'cpi_registration',
      'gol_pathway',
      'traineeship',
      'job_search_support',
    ]);
    expect(goals.find((g) => g.domain === 'childcare')?.suggestedActions).toEqual(['childcare_place']);
  });

  it('finds no need where she works, rents, earns and has her own account', () => {
    const p = computeProfile(settled);
    for (const d of DOMAINS) expect(p[d], d).toEqual({ level: 'none', reasons: [] });
    expect(proposeGoals(p)).toEqual([]);
  });

  it('follows single answers to their reasons and levels', () => {
    expect(computeProfile({ housing_situation: 'homeless' }).housing).toEqual({ level: 'high', reasons: ['homeless'] });
    expect(
      computeProfile({ housing_situation: 'own_rent', housing_at_risk: true, monthly_income: 'under_500' }).housing,
    ).toEqual({
      level: 'high',
      reasons: ['housing_at_risk', 'rent_unaffordable'],
    });
    expect(computeProfile({ work_limits: 'severe' }).wellbeing).toEqual({
      level: 'medium',
      reasons: ['health_limits_severe'],
    });
    expect(computeProfile({ last_job_ended: 'under_6_months', years_worked: 5 }).work).toEqual({
      level: 'low',
      reasons: ['not_working'],
    });
    expect(computeProfile({ children_under_6: 1, childcare_arranged: 'partly' }).childcare.level).toBe('low');
  });

  it('maps points to levels at the boundaries', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(levelOf)).toEqual(['none', 'low', 'low', 'medium', 'medium', 'high', 'high']);
  });

  it('only suggests actions of the shared catalogue and only reads questions of the questionnaire', () => {
    const shared = sharedCatalogue();
    expect(shared.size).toBeGreaterThanOrEqual(18);
    for (const rule of RULES) for (const code of rule.actions) expect(shared.has(code), code).toBe(true);
    for (const d of DOMAINS) for (const id of INPUTS[d]) expect(QUESTIONS.has(id), id).toBe(true);
  });
});

describe('comparing two assessments', () => {
  it('shows per domain how the need moved and per question what changed', () => {
    const later: Answers = {
      ...struggling,
      housing_situation: 'own_rent',
      monthly_income: '500_999',
      legal_matters: ['residence_permit', 'separation_custody'],
    };
    const a = {
      id: 'a',
      assessedOn: '2026-01-10',
      questionnaireVersion: QUESTIONNAIRE_VERSION,
      answers: struggling,
      profile: computeProfile(struggling),
    };
    const b = {
      id: 'b',
      assessedOn: '2026-04-10',
      questionnaireVersion: QUESTIONNAIRE_VERSION,
      answers: later,
      profile: computeProfile(later),
    };
    const diff = compareAssessments(a, b);
    expect(diff.a).toEqual({ id: 'a', assessedOn: '2026-01-10', questionnaireVersion: QUESTIONNAIRE_VERSION });
    expect(diff.domains.find((d) => d.domain === 'housing')).toMatchObject({
      trend: 'decreased',
      a: { level: 'medium' },
      b: { level: 'none' },
    });
    // she found income: without work and without income no longer adds to her need for work
    expect(diff.domains.find((d) => d.domain === 'work')?.trend).toBe('decreased');
    const changed = diff.questions.filter((q) => q.changed).map((q) => q.questionId);
    expect(changed).toEqual(['housing_situation', 'monthly_income']);
    expect(diff.questions.find((q) => q.questionId === 'legal_matters')?.changed).toBe(false);
    expect(diff.questions.find((q) => q.questionId === 'aspirations_note')).toEqual({
      questionId: 'aspirations_note',
      sectionId: 'aspirations',
      a: null,
      b: null,
      changed: false,
    });
    expect(diff.questions).toHaveLength(QUESTIONS.size);
    const reversed = compareAssessments(b, a);
    expect(reversed.domains.find((d) => d.domain === 'housing')?.trend).toBe('increased');
  });
});

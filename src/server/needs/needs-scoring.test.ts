/** The scoring rule held by properties: answers that say "no work, no income" never read as a low need. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEED_LEVELS } from '../../shared/codes/needs.ts';
import { type Answers, validateAnswers } from './answers.ts';
import { computeProfile, notWorking } from './needs-profile.ts';
import { QUESTIONNAIRE_VERSION, QUESTIONS, type Question } from './questionnaire.ts';

/** Any value a question accepts. */
function anyValue(q: Question): fc.Arbitrary<Answers[string]> {
  switch (q.type) {
    case 'choice':
      return fc.constantFrom(...q.options.map((o) => o.value));
    case 'multi':
      return fc.uniqueArray(fc.constantFrom(...q.options.map((o) => o.value)), { maxLength: q.maxItems });
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: q.min, max: q.max });
    case 'text':
      return fc.string({ maxLength: 20 });
  }
}

/** Answers the questionnaire accepts (each question answered or not), as recorded. */
const answers: fc.Arbitrary<Answers> = fc
  .record(Object.fromEntries([...QUESTIONS.values()].map((q) => [q.id, anyValue(q)])), { requiredKeys: [] })
  .filter((a) => {
    try {
      validateAnswers(QUESTIONNAIRE_VERSION, a);
      return true;
    } catch {
      return false;
    }
  })
  .map((a) => validateAnswers(QUESTIONNAIRE_VERSION, a));

const rank = (l: string) => NEED_LEVELS.indexOf(l as (typeof NEED_LEVELS)[number]);

describe('needs scoring', () => {
  it('the case of the issue: an unemployed woman with no income is a high need in work and money, not "low"', () => {
    const p = computeProfile({ employment: 'unemployed', monthly_income: 'none' });
    expect(p.work.level).toBe('high');
    expect(p.work.reasons).toEqual(['not_working', 'no_work_no_income']);
    expect(p.economic_autonomy.level).toBe('high');
  });

  it('no income and unemployed ⇒ high need for work and for economic autonomy, whatever else she answered', () => {
    fc.assert(
      fc.property(answers, fc.constantFrom('employment', 'last_job_ended'), (a, how) => {
        const out: Answers =
          how === 'employment'
            ? { ...a, employment: 'unemployed', monthly_income: 'none' }
            : { ...a, last_job_ended: 'over_2_years', monthly_income: 'none' };
        if (out.employment === 'employed' || out.last_job_ended === 'currently_working') return; // contradictory
        const p = computeProfile(out);
        expect(p.work.level).toBe('high');
        expect(p.economic_autonomy.level).toBe('high');
      }),
    );
  });

  it('losing her income never lowers a need', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const before = computeProfile(a);
        const after = computeProfile({ ...a, monthly_income: 'none' });
        for (const d of Object.keys(before) as Array<keyof typeof before>)
          expect(rank(after[d].level)).toBeGreaterThanOrEqual(rank(before[d].level));
      }),
    );
  });

  it('a woman who works is never scored "without work", and every level comes with its reasons', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const p = computeProfile(a);
        if (a.employment === 'employed' || a.last_job_ended === 'currently_working') {
          expect(notWorking(a)).toBe(a.employment === 'unemployed');
        }
        for (const need of Object.values(p)) {
          expect(NEED_LEVELS).toContain(need.level);
          if (need.level !== 'none') expect(need.reasons.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDUCATION, EMPLOYMENT } from '../../shared/codes/istat.ts';
import { validateAnswers } from './answers.ts';
import { prefillAnswers } from './prefill.ts';
import { QUESTIONNAIRE_VERSION } from './questionnaire.ts';

describe('needs prefill', () => {
  it('takes education, employment and "no minor children" from the profile, on the same scales', () => {
    const { answers, sources } = prefillAnswers(
      { education: 'lower_secondary', employment: 'unemployed', minorChildrenCount: 0 },
      null,
    );
    expect(answers).toEqual({
      education_level: 'lower_secondary',
      employment: 'unemployed',
      children_under_6: 0,
      children_6_to_17: 0,
    });
    expect(sources).toEqual({
      education_level: 'profile',
      employment: 'profile',
      children_under_6: 'profile',
      children_6_to_17: 'profile',
    });
  });

  it('keeps the last analysis where it still fits, the profile winning, and drops what no longer fits', () => {
    const { answers, sources } = prefillAnswers(
      { education: 'unknown', employment: 'employed', minorChildrenCount: 2 },
      { education_level: 'vocational', italian_level: 'b1', last_job_ended: 'over_2_years', gone: 'x' },
    );
    // 'vocational' was a 2026-1 level; she now works, so "ended over 2 years ago" is replaced
    expect(answers).toEqual({ italian_level: 'b1', employment: 'employed', last_job_ended: 'currently_working' });
    expect(sources).toEqual({ italian_level: 'previous', employment: 'profile', last_job_ended: 'profile' });
  });

  it('always gives answers the questionnaire accepts', () => {
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
    fc.assert(
      fc.property(
        opt(fc.constantFrom(...EDUCATION)),
        opt(fc.constantFrom(...EMPLOYMENT)),
        opt(fc.integer({ min: 0, max: 30 })),
        fc.constantFrom(
          null,
          { last_job_ended: 'never_worked', years_worked: 0 },
          { last_job_ended: 'currently_working', employment: 'employed' },
          { children_under_6: 2, italian_level: 'zz' },
        ),
        (education, employment, minorChildrenCount, previous) => {
          const { answers } = prefillAnswers({ education, employment, minorChildrenCount }, previous);
          expect(() => validateAnswers(QUESTIONNAIRE_VERSION, answers)).not.toThrow();
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.ts';
import { validateAnswers } from './answers.ts';
import { QUESTIONNAIRE, QUESTIONNAIRE_VERSION, QUESTIONS } from './questionnaire.ts';

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError && e.status === 400) return (e.fields ?? []).map((f) => f.field);
    throw e;
  }
  throw new Error('expected a 400');
}

describe('questionnaire', () => {
  it('has the sections of the protocol, unique ids and Italian and English labels everywhere', () => {
    expect(QUESTIONNAIRE.version).toBe('2026-2');
    expect(QUESTIONNAIRE.sections.map((s) => s.id)).toEqual([
      'education_languages',
      'work_history',
      'skills',
      'licences_mobility',
      'care',
      'housing',
      'income_debts',
      'health',
      'availability',
      'legal',
      'aspirations',
    ]);
    const ids = QUESTIONNAIRE.sections.flatMap((s) => s.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(QUESTIONS.size).toBe(ids.length);
    for (const s of QUESTIONNAIRE.sections) {
      expect(s.label.it && s.label.en).toBeTruthy();
      for (const q of s.questions) {
        expect(q.label.it && q.label.en, q.id).toBeTruthy();
        if (q.type === 'choice' || q.type === 'multi') {
          expect(new Set(q.options.map((o) => o.value)).size, q.id).toBe(q.options.length);
          for (const o of q.options) expect(o.label.it && o.label.en, `${q.id}.${o.value}`).toBeTruthy();
        }
      }
    }
    expect(QUESTIONS.get('italian_level')).toMatchObject({ type: 'choice' });
    const italian = QUESTIONS.get('italian_level');
    expect(italian?.type === 'choice' && italian.options.map((o) => o.value)).toEqual([
      'none',
      'a1',
      'a2',
      'b1',
      'b2',
      'c1',
      'c2',
      'native',
    ]);
    expect(QUESTIONS.get('aspirations_note')).toMatchObject({ type: 'text', maxLength: 500 });
  });
});

describe('answers', () => {
  it('keeps valid answers, drops nulls and empty text, trims text', () => {
    const out = validateAnswers(QUESTIONNAIRE_VERSION, {
      italian_level: 'b1',
      other_languages: ['en', 'ar'],
      has_car: false,
      years_worked: 3,
      driving_licence: null,
      aspirations_note: '  lavorare con i bambini  ',
      desired_sectors: [],
    });
    expect(out).toEqual({
      italian_level: 'b1',
      other_languages: ['en', 'ar'],
      has_car: false,
      years_worked: 3,
      aspirations_note: 'lavorare con i bambini',
      desired_sectors: [],
    });
    expect(validateAnswers(QUESTIONNAIRE_VERSION, { aspirations_note: '   ' })).toEqual({});
  });

  it('names each wrong answer as answers.<questionId>', () => {
    expect(fieldsOf(() => validateAnswers(QUESTIONNAIRE_VERSION, { favourite_colour: 'blue' }))).toEqual([
      'answers.favourite_colour',
    ]);
    expect(fieldsOf(() => validateAnswers(QUESTIONNAIRE_VERSION, { italian_level: 'd1' }))).toEqual([
      'answers.italian_level',
    ]);
    expect(fieldsOf(() => validateAnswers(QUESTIONNAIRE_VERSION, { italian_level: 3 }))).toEqual([
      'answers.italian_level',
    ]);
    expect(fieldsOf(() => validateAnswers(QUESTIONNAIRE_VERSION, { other_languages: ['en', 'en'] }))).toEqual([
      'answers.other_languages',
    ]);
    expect(fieldsOf(() => validateAnswers(QUESTIONNAIRE_VERSION, { other_languages: ['klingon'] }))).toEqual([
      'answers.other_languages',
    ]);
    expect(fieldsOf(() => validateAnswers(QUESTIONNAIRE_VERSION, { other_languages: 'en' }))).toEqual([
      'answers.other_languages',
    ]);
    expect(
      fieldsOf(() =>
        validateAnswers(QUESTIONNAIRE_VERSION, {
          desired_sectors: ['retail', 'cleaning', 'beauty', 'crafts', 'logistics', 'other'],
        }),
      ),
    ).toEqual(['answers.desired_sectors']);
    expect(fieldsOf(() => validateAnswers(QUESTIONNAIRE_VERSION, { years_worked: 61 }))).toEqual([
      'answers.years_worked',
    ]);
    expect(fieldsOf(() => validateAnswers(QUESTIONNAIRE_VERSION, { years_worked: 2.5 }))).toEqual([
      'answers.years_worked',
    ]);
    expect(fieldsOf(() => validateAnswers(QUESTIONNAIRE_VERSION, { has_car: 'yes' }))).toEqual(['answers.has_car']);
    expect(fieldsOf(() => validateAnswers(QUESTIONNAIRE_VERSION, { aspirations_note: 'x'.repeat(501) }))).toEqual([
      'answers.aspirations_note',
    ]);
    expect(fieldsOf(() => validateAnswers(QUESTIONNAIRE_VERSION, { 'Zenobia Canarino': 'x' }))).toEqual(['answers']);
    expect(fieldsOf(() => validateAnswers(QUESTIONNAIRE_VERSION, { italian_level: 'zz', has_car: 1 }))).toEqual([
      'answers.italian_level',
      'answers.has_car',
    ]);
  });

  it('refuses answers that contradict each other, and an unknown questionnaire version', () => {
    expect(
      fieldsOf(() =>
        validateAnswers(QUESTIONNAIRE_VERSION, {
          last_job_ended: 'never_worked',
          last_job_sector: 'retail',
          years_worked: 4,
        }),
      ),
    ).toEqual(['answers.last_job_sector', 'answers.years_worked']);
    expect(fieldsOf(() => validateAnswers('2019-1', {}))).toEqual(['questionnaireVersion']);
  });
});

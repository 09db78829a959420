import { AppError, type FieldError } from '../http/errors.ts';
import { QUESTIONNAIRE_VERSION, QUESTIONS, type Question } from './questionnaire.ts';

export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

/** Why one answer does not fit its question, or null when it does. */
function problem(q: Question, value: unknown): string | null {
  switch (q.type) {
    case 'choice':
      return typeof value === 'string' && q.options.some((o) => o.value === value)
        ? null
        : 'not one of the allowed values';
    case 'multi': {
      if (!Array.isArray(value)) return 'expected a list of values';
      if (value.length > q.maxItems) return `at most ${q.maxItems} values`;
      if (new Set(value).size !== value.length) return 'repeated value';
      return value.every((v) => typeof v === 'string' && q.options.some((o) => o.value === v))
        ? null
        : 'not one of the allowed values';
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected true or false';
    case 'integer':
      return Number.isInteger(value) && (value as number) >= q.min && (value as number) <= q.max
        ? null
        : `expected a whole number from ${q.min} to ${q.max}`;
    case 'text':
      if (typeof value !== 'string') return 'expected text';
      return value.length <= q.maxLength ? null : `at most ${q.maxLength} characters`;
  }
}

/**
 * Checks answers strictly against the questionnaire: an unknown question or value is a 400 naming
 * `answers.<questionId>`. Unanswered questions are left out (null means unanswered); text is
 * trimmed and empty text is unanswered.
 */
export function validateAnswers(version: string, answers: Record<string, unknown>): Answers {
  if (version !== QUESTIONNAIRE_VERSION) {
    throw new AppError(400, 'validation_failed', 'Unknown questionnaire version', [
      { field: 'questionnaireVersion', message: `expected ${QUESTIONNAIRE_VERSION}` },
    ]);
  }
  const fields: FieldError[] = [];
  const out: Answers = {};
  for (const [id, raw] of Object.entries(answers)) {
    const q = QUESTIONS.get(id);
    if (!q) {
      // the name is echoed only when it looks like a question id (never free text)
      fields.push({ field: /^[a-z0-9_]{1,60}$/.test(id) ? `answers.${id}` : 'answers', message: 'unknown question' });
      continue;
    }
    if (raw === null) continue;
    const value = typeof raw === 'string' && q.type === 'text' ? raw.trim() : raw;
    const why = problem(q, value);
    if (why) fields.push({ field: `answers.${id}`, message: why });
    else if (value !== '') out[id] = value as AnswerValue;
  }
  if (out.last_job_ended === 'never_worked') {
    if (out.last_job_sector !== undefined)
      fields.push({ field: 'answers.last_job_sector', message: 'not applicable when she never worked' });
    if (typeof out.years_worked === 'number' && out.years_worked > 0)
      fields.push({ field: 'answers.years_worked', message: 'must be 0 when she never worked' });
  }
  if (fields.length) throw new AppError(400, 'validation_failed', 'The answers do not fit the questionnaire', fields);
  return out;
}

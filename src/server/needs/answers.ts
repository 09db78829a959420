import type { FieldReason } from '../../shared/field-reasons.ts';
import { AppError, type FieldError, fieldError } from '../http/errors.ts';
import { QUESTIONNAIRE_VERSION, QUESTIONS, type Question } from './questionnaire.ts';

export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

type Problem = [FieldReason, string];
const NOT_ALLOWED: Problem = ['not_allowed_value', 'not one of the allowed values'];

/** Why one answer does not fit its question (reason and English text), or null when it does. */
function problem(q: Question, value: unknown): Problem | null {
  switch (q.type) {
    case 'choice':
      return typeof value === 'string' && q.options.some((o) => o.value === value) ? null : NOT_ALLOWED;
    case 'multi': {
      if (!Array.isArray(value)) return ['invalid_format', 'expected a list of values'];
      if (value.length > q.maxItems) return ['too_many', `at most ${q.maxItems} values`];
      if (new Set(value).size !== value.length) return ['repeated', 'repeated value'];
      return value.every((v) => typeof v === 'string' && q.options.some((o) => o.value === v)) ? null : NOT_ALLOWED;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : ['invalid_format', 'expected true or false'];
    case 'integer':
      if (!Number.isInteger(value)) return ['invalid_format', `expected a whole number from ${q.min} to ${q.max}`];
      if ((value as number) < q.min) return ['too_small', `expected a whole number from ${q.min} to ${q.max}`];
      return (value as number) <= q.max ? null : ['too_large', `expected a whole number from ${q.min} to ${q.max}`];
    case 'text':
      if (typeof value !== 'string') return ['invalid_format', 'expected text'];
      return value.length <= q.maxLength ? null : ['too_long', `at most ${q.maxLength} characters`];
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
      fieldError('questionnaireVersion', 'unknown_questionnaire', `expected ${QUESTIONNAIRE_VERSION}`),
    ]);
  }
  const fields: FieldError[] = [];
  const out: Answers = {};
  for (const [id, raw] of Object.entries(answers)) {
    const q = QUESTIONS.get(id);
    if (!q) {
      // the name is echoed only when it looks like a question id (never free text)
      fields.push(fieldError(/^[a-z0-9_]{1,60}$/.test(id) ? `answers.${id}` : 'answers', 'unknown_question'));
      continue;
    }
    if (raw === null) continue;
    const value = typeof raw === 'string' && q.type === 'text' ? raw.trim() : raw;
    const why = problem(q, value);
    if (why) fields.push(fieldError(`answers.${id}`, ...why));
    else if (value !== '') out[id] = value as AnswerValue;
  }
  if (out.last_job_ended === 'never_worked') {
    if (out.last_job_sector !== undefined)
      fields.push(fieldError('answers.last_job_sector', 'never_worked', 'not applicable when she never worked'));
    if (typeof out.years_worked === 'number' && out.years_worked > 0)
      fields.push(fieldError('answers.years_worked', 'never_worked', 'must be 0 when she never worked'));
  }
  // her employment and her last job tell one story: employed if and only if she works now
  if (out.employment !== undefined && out.last_job_ended !== undefined) {
    if ((out.employment === 'employed') !== (out.last_job_ended === 'currently_working'))
      fields.push(fieldError('answers.last_job_ended', 'contradicts_employment', 'does not match her employment'));
  }
  if (fields.length) throw new AppError(400, 'validation_failed', 'The answers do not fit the questionnaire', fields);
  return out;
}

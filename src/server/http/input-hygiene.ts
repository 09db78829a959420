/**
 * The one rule for every string the API accepts (body, query string, path parameters), applied
 * before the schema validates them: no NUL (PostgreSQL refuses the byte), no half of a surrogate
 * pair (it cannot be stored as UTF-8), nesting no deeper than MAX_DEPTH, and every string
 * normalised to Unicode NFC (so "è" typed two ways is one value and lengths are counted on it).
 * A refusal is a 400 `invalid_input` naming the field. Length limits are the schema's `maxLength`,
 * which every string of a request schema has (input-hygiene.test.ts walks every route).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldReason } from '../../shared/field-reasons.ts';
import { AppError, fieldError } from './errors.ts';

/** Objects and arrays nested deeper than this are refused (no request of the API needs more than a few levels). */
export const MAX_DEPTH = 16;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route wants to see refused input itself (the login, which audits every failed attempt):
     * the refusal is left in `request.inputError` and the handler runs (with `attachValidation`).
     */
    keepRefusedInput?: boolean;
  }
  interface FastifyRequest {
    inputError?: AppError;
  }
}

export interface InputProblem {
  field: string;
  reason: FieldReason;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A NUL or half of a surrogate pair. */
export const hasBadCharacters = (s: string): boolean => s.includes('\u0000') || LONE_SURROGATE.test(s);

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * Checks a parsed input in place: refuses what the rule refuses (the first problem, with its
 * field path in the style of the validator's field errors) and replaces every string by its NFC form.
 */
export function cleanInput(value: unknown, path = '', depth = 0): InputProblem | null {
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return { field: path || '(body)', reason: 'too_deep' };
  const container = value as Record<string | number, unknown>;
  for (const key of Object.keys(container)) {
    const field = join(path, key);
    if (hasBadCharacters(key)) return { field: path || '(body)', reason: 'invalid_characters' };
    const v = container[key];
    if (typeof v === 'string') {
      if (hasBadCharacters(v)) return { field, reason: 'invalid_characters' };
      const nfc = v.normalize('NFC');
      if (nfc !== v) container[key] = nfc;
    } else if (v !== null && typeof v === 'object') {
      const inner = cleanInput(v, field, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}

/** The 400 for an input the rule refuses. The message is fixed: it never quotes the input. */
export const invalidInput = (p: InputProblem) =>
  new AppError(400, 'invalid_input', 'The request holds characters or nesting that are not allowed', [
    fieldError(p.field, p.reason),
  ]);

/** A body that is a bare string (text/plain) is checked as the body itself. */
function checkRequest(request: FastifyRequest): InputProblem | null {
  for (const part of ['params', 'query', 'body'] as const) {
    const value = request[part];
    if (typeof value === 'string') {
      if (hasBadCharacters(value)) return { field: '(body)', reason: 'invalid_characters' };
      (request as unknown as Record<string, unknown>)[part] = value.normalize('NFC');
      continue;
    }
    const problem = cleanInput(value);
    if (problem) return problem;
  }
  return null;
}

/** Applies the rule to every route: a preValidation hook on the root instance, before any route is registered. */
export function installInputHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problem = checkRequest(request);
    if (!problem) return;
    const error = invalidInput(problem);
    if (request.routeOptions.config.keepRefusedInput) request.inputError = error;
    else throw error;
  });
}

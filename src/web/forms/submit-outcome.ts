/** What a failed submission means for a form (pure: the hook and its tests share it). */
import { ApiError } from '../api.ts';
import type { SummaryError } from '../components/ErrorSummary.tsx';
import type { Messages } from '../i18n/it.ts';
import { apiErrorText, type FieldTarget, type FieldTextOf, isConflict, serverFieldErrors } from './api-errors.ts';

export type FieldTargetOf = (field: string) => FieldTarget | null;

/** A form's own reading of an error: the errors to show ([] for none), or undefined to use the common one. */
export type ExplainError = (err: unknown) => SummaryError[] | undefined;

export interface FailureRules {
  /** which control a server field belongs to (null: a form-level error) */
  target?: FieldTargetOf;
  /** the form's own words for a field, instead of "Label: reason" */
  fieldText?: FieldTextOf;
  /** the form's own reading, asked first */
  explain?: ExplainError;
}

export type Failure = { kind: 'conflict' } | { kind: 'errors'; errors: SummaryError[] };

/**
 * The form's own reading first (`explain`); then a stale version (409 version_conflict, 412, 428) is
 * a conflict to reload; a 400 or 409 naming fields becomes one error per control (`target` maps the
 * server's field to it, or null for a form-level error); anything else is one form-level message.
 */
export function failureOf(err: unknown, t: Messages, rules: FailureRules = {}): Failure {
  const own = rules.explain?.(err);
  if (own) return { kind: 'errors', errors: own };
  if (isConflict(err)) return { kind: 'conflict' };
  if (err instanceof ApiError && (err.status === 400 || err.status === 409) && err.fields.length)
    return { kind: 'errors', errors: serverFieldErrors(err, t, rules.target ?? (() => null), rules.fieldText) };
  return { kind: 'errors', errors: [{ message: apiErrorText(err, t) }] };
}

/** The If-Match header for a record's version. */
export const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** What a failed submission means for a form (pure: the hook and its tests share it). */
import { ApiError } from '../api.ts';
import type { SummaryError } from '../components/ErrorSummary.tsx';
import type { Messages } from '../i18n/it.ts';
import { apiErrorText, type FieldTarget, isConflict, serverFieldErrors } from './api-errors.ts';

export type FieldTargetOf = (field: string) => FieldTarget | null;

export type Failure = { kind: 'conflict' } | { kind: 'errors'; errors: SummaryError[] };

/**
 * A stale version (409 version_conflict, 412, 428) is a conflict to reload; a 400 naming fields
 * becomes one error per control (`target` maps the server's field to it, or null for a form-level
 * error); anything else is one form-level message.
 */
export function failureOf(err: unknown, t: Messages, target: FieldTargetOf = () => null): Failure {
  if (isConflict(err)) return { kind: 'conflict' };
  if (err instanceof ApiError && err.status === 400 && err.fields.length)
    return { kind: 'errors', errors: serverFieldErrors(err, t, target) };
  return { kind: 'errors', errors: [{ message: apiErrorText(err, t) }] };
}

/** The If-Match header for a record's version. */
export const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** Errors with stable codes. Their messages are fixed strings: never put input or personal data in them. */
import type { FieldReason } from '../../shared/field-reasons.ts';

/** One refused field: its path, why (a stable code the UI translates) and a fixed English text for API clients. */
export interface FieldError {
  field: string;
  reason: FieldReason;
  message: string;
}

/** A field error; the English message defaults to the reason in words ("in_the_future" → "in the future"). */
export const fieldError = (field: string, reason: FieldReason, message = reason.replace(/_/g, ' ')): FieldError => ({
  field,
  reason,
  message,
});

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }
}

export const notFound = () => new AppError(404, 'not_found', 'Not found');
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Authentication required');
export const forbidden = () => new AppError(403, 'forbidden', 'Not allowed');
export const versionConflict = () =>
  new AppError(409, 'version_conflict', 'The record was changed by someone else; reload it');
export const preconditionRequired = () =>
  new AppError(428, 'precondition_required', 'This change needs an If-Match header with the version');

/** A 400 about one field. `code` defaults to validation_failed; `message` to the reason in words. */
export const invalidField = (
  field: string,
  reason: FieldReason,
  { code = 'validation_failed', message }: { code?: string; message?: string } = {},
) => {
  const f = fieldError(field, reason, message);
  return new AppError(400, code, f.message, [f]);
};

/** The 400 for a list of field errors. */
export const invalidFields = (fields: FieldError[], message = 'The request is not valid') =>
  new AppError(400, 'validation_failed', message, fields);

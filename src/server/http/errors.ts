/** Errors with stable codes. Their messages are fixed strings: never put input or personal data in them. */
export interface FieldError {
  field: string;
  message: string;
}

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
export const invalidField = (field: string, code: string, message: string) =>
  new AppError(400, code, message, [{ field, message }]);

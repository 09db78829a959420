import { Type } from '@sinclair/typebox';
import { AppError, preconditionRequired, fieldError } from './errors.ts';

/** Optimistic concurrency: writes that can conflict send `If-Match: "<version>"` (the ETag). */
export const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 40 })) });

export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw preconditionRequired();
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m)
    throw new AppError(400, 'validation_failed', 'The If-Match header is not a version', [
      fieldError('if-match', 'invalid_format', 'expected "<version>"'),
    ]);
  return Number(m[1]);
}

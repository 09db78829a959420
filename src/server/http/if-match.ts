import { Type } from '@sinclair/typebox';
import { AppError, preconditionRequired, fieldError } from './errors.ts';

/** What an If-Match holds: the version the client last read, as its ETag (`"3"`, `W/"3"` or `3`). */
export const IF_MATCH_PATTERN = '^\\s*(?:W/)?"?[0-9]{1,9}"?\\s*$';

/**
 * Optimistic concurrency: writes that can conflict send `If-Match: "<version>"` (the ETag). The header
 * is required (documented so); without it the error handler answers 428 precondition_required.
 */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.String({
    maxLength: 40,
    pattern: IF_MATCH_PATTERN,
    description: 'The version last read, as its ETag ("3"); without it the answer is 428',
  }),
});

export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw preconditionRequired();
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m)
    throw new AppError(400, 'validation_failed', 'The If-Match header is not a version', [
      fieldError('if-match', 'invalid_format', 'expected "<version>"'),
    ]);
  return Number(m[1]);
}

import { ValueErrorType } from '@sinclair/typebox/errors';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { FieldReason } from '../../shared/field-reasons.ts';
import { AppError, type FieldError, fieldError, preconditionRequired } from './errors.ts';

export interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  params?: { missingProperty?: string; additionalProperty?: string; limit?: number };
  message?: string;
}

/** The schema validator's (Ajv's) keywords as field reasons; anything else is "invalid". */
const KEYWORD_REASONS: Record<string, FieldReason> = {
  required: 'required',
  type: 'invalid_format',
  format: 'invalid_format',
  pattern: 'invalid_format',
  enum: 'not_allowed_value',
  const: 'not_allowed_value',
  anyOf: 'not_allowed_value',
  oneOf: 'not_allowed_value',
  minLength: 'too_short',
  maxLength: 'too_long',
  minItems: 'too_few',
  maxItems: 'too_many',
  minimum: 'too_small',
  exclusiveMinimum: 'too_small',
  maximum: 'too_large',
  exclusiveMaximum: 'too_large',
  uniqueItems: 'repeated',
  additionalProperties: 'unknown_field',
};

/** Why the validator refused a value. A minimum length or count of 1 means "fill it in". */
export function reasonOfIssue(v: ValidationIssue): FieldReason {
  if ((v.keyword === 'minLength' || v.keyword === 'minItems') && v.params?.limit === 1) return 'required';
  return (v.keyword && KEYWORD_REASONS[v.keyword]) || 'invalid';
}

/** Why TypeBox's `Value.Errors` refused a value (checks run in code rather than by the route's schema). */
export function reasonOfValueError(type: ValueErrorType): FieldReason {
  const name = ValueErrorType[type] ?? '';
  if (name === 'ObjectRequiredProperty') return 'required';
  if (name === 'ObjectAdditionalProperties') return 'unknown_field';
  if (name === 'ArrayUniqueItems') return 'repeated';
  if (/MaxLength$/.test(name)) return 'too_long';
  if (/MinLength$/.test(name)) return 'too_short';
  if (/MaxItems$/.test(name)) return 'too_many';
  if (/MinItems$/.test(name)) return 'too_few';
  if (/Maximum/.test(name)) return 'too_large';
  if (/Minimum/.test(name)) return 'too_small';
  if (name === 'Literal' || name === 'Union') return 'not_allowed_value';
  return 'invalid_format';
}

/** The validator's issues as field errors, one per field (the first issue of a field says the most). */
export function fieldErrorsOf(issues: ValidationIssue[]): FieldError[] {
  const out = new Map<string, FieldError>();
  for (const v of issues) {
    const field = fieldOf(v);
    if (out.has(field)) continue;
    const reason = reasonOfIssue(v);
    out.set(field, { field, reason, message: reason === 'unknown_field' ? 'unknown field' : (v.message ?? 'invalid') });
  }
  return [...out.values()];
}

/** The required headers keep their own answers: no If-Match is a 428, a bad Idempotency-Key its own 400. */
function headerError(fields: FieldError[]): AppError | null {
  if (fields.some((f) => f.field === 'if-match' && f.reason === 'required')) return preconditionRequired();
  if (fields.some((f) => f.field === 'idempotency-key')) {
    return new AppError(
      400,
      'idempotency_key_required',
      'Send an Idempotency-Key header (8–200 letters, digits, - or _)',
      [fieldError('idempotency-key', 'required')],
    );
  }
  return null;
}

function fieldOf(v: ValidationIssue): string {
  const base = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const extra = v.params?.missingProperty ?? v.params?.additionalProperty;
  return [base, extra].filter(Boolean).join('.') || '(body)';
}

/**
 * Every error leaves as `{code, message, fields?}` with a stable code. Database errors, stack
 * traces and input values never reach the client or the log: only codes do.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { validation?: ValidationIssue[] }, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ code: error.code, message: error.message, fields: error.fields });
    }
    if (error.validation) {
      const fields = fieldErrorsOf(error.validation);
      const header =
        (error as { validationContext?: string }).validationContext === 'headers' ? headerError(fields) : null;
      if (header)
        return reply.status(header.status).send({ code: header.code, message: header.message, fields: header.fields });
      return reply.status(400).send({ code: 'validation_failed', message: 'The request is not valid', fields });
    }
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ code: 'payload_too_large', message: 'The request body is too large' });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ code: 'unsupported_media_type', message: 'Send application/json' });
    }
    if (status === 429) {
      return reply.status(429).send({ code: 'rate_limited', message: 'Too many requests; try again later' });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: 'bad_request', message: 'The request is not valid' });
    }
    // Only the error's code and class go to the log: a database error's message or detail can
    // quote the values it was given.
    request.log.error({ errCode: error.code, errName: error.name }, 'request failed');
    return reply.status(500).send({ code: 'internal_error', message: 'Something went wrong' });
  });
}

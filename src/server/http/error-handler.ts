import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

interface ValidationIssue {
  instancePath?: string;
  params?: { missingProperty?: string; additionalProperty?: string };
  message?: string;
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
      const fields = error.validation.map((v) => ({
        field: fieldOf(v),
        message: v.params?.additionalProperty ? 'unknown field' : (v.message ?? 'invalid'),
      }));
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

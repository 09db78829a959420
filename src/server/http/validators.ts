/**
 * How request schemas are checked. Bodies are JSON: their types are what the client sent, so they
 * are validated WITHOUT type coercion (`"summary": false` is a 400, not the text "false"). The query
 * string, path parameters and headers arrive as text, so there the documented coercion stays
 * ("?limit=20" is the number 20; a single value is a one-item array).
 */
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

// the options of Fastify's own compiler (@fastify/ajv-compiler), with every error reported and
// unknown fields refused rather than dropped
const common: Options = { useDefaults: true, removeAdditional: false, allErrors: true, addUsedSchema: false };

function makeAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...common, coerceTypes });
  addFormats(ajv);
  return ajv;
}

export function installValidators(app: FastifyInstance): void {
  const bodies = makeAjv(false);
  const texts = makeAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? bodies : texts).compile(schema as Record<string, unknown>),
  );
}

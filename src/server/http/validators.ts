/**
 * How request schemas are checked. Bodies are JSON: their types are what the client sent, so they
 * are validated WITHOUT type coercion (`"summary": false` is a 400, not the text "false"). The query
 * string, path parameters and headers arrive as text, so there the documented coercion stays
 * ("?limit=20" is the number 20; a single value is a one-item array).
 */
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import SerializerSelector, { type SerializerFactory } from '@fastify/fast-json-stringify-compiler';
import type { FastifyInstance } from 'fastify';

// the options of Fastify's own compiler (@fastify/ajv-compiler), with every error reported and
// unknown fields refused rather than dropped
const common: Options = { useDefaults: true, removeAdditional: false, allErrors: true, addUsedSchema: false };

function makeAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...common, coerceTypes });
  addFormats(ajv);
  return ajv;
}

/**
 * A route's validator is compiled on its first request, not at start: compiling every schema at
 * `ready` was most of a restart (issue 13; measured in ARCHITECTURE.md). The walk of every route in
 * input-hygiene.test.ts compiles them all, so a broken schema still fails the tests.
 */
export function installValidators(app: FastifyInstance): void {
  const bodies = makeAjv(false);
  const texts = makeAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) => {
    let compiled: ValidateFunction | undefined;
    const validate = (data: unknown) => {
      compiled ??= (httpPart === 'body' ? bodies : texts).compile(schema as Record<string, unknown>);
      const ok = compiled(data);
      validate.errors = compiled.errors;
      return ok;
    };
    validate.errors = null as ValidateFunction['errors'];
    return validate;
  });
}

/**
 * Fastify's own response serializers (fast-json-stringify, the same options), each compiled on its
 * route's first answer with that status instead of at start, for the same reason as the validators.
 */
export function lazySerializers(): SerializerFactory {
  const build = SerializerSelector();
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options);
    return (route) => {
      let serialize: ((doc: unknown) => string) | undefined;
      return (doc: unknown) => {
        serialize ??= compile(route);
        return serialize(doc);
      };
    };
  };
}

/**
 * Holds a response against the OpenAPI document: the status is documented for the operation, the
 * content type is one the document lists for it, and a JSON body matches the documented schema
 * (ajv, with the formats). Errors are `{code, message}` in JSON; nothing answers 5xx.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FuzzRequest, Operation } from './openapi-cases.ts';

export interface Answer {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
addFormats(ajv);
const compiled = new WeakMap<object, ValidateFunction>();
function validatorOf(schema: object): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

/** What is wrong with the answer (empty: nothing). Each problem is a short stable text, to group them. */
export function problemsOf(req: FuzzRequest, res: Answer): string[] {
  const problems: string[] = [];
  const type =
    String(res.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim() ?? '';
  if (res.statusCode >= 500) problems.push(`answered ${res.statusCode}`);
  if (res.statusCode >= 400) {
    let body: { code?: unknown; message?: unknown } | null = null;
    try {
      body = JSON.parse(res.body);
    } catch {}
    if (type !== 'application/json' || typeof body?.code !== 'string' || typeof body?.message !== 'string') {
      problems.push(`${res.statusCode} is not a JSON {code, message}`);
    }
  }
  if (req.op.method !== req.method) {
    // a method the path does not have: 405 with Allow (or another operation of the path answered)
    if (res.statusCode === 405 && !res.headers.allow) problems.push('405 without Allow');
    return problems;
  }
  problems.push(...againstDocument(req.op, res, type));
  if (res.statusCode < 300 && req.payload !== undefined && req.op.body && !bodyFits(req.op.body, req.payload)) {
    problems.push(`${res.statusCode} for a body the document refuses`);
  }
  return problems;
}

/** Whether a body is one the document's schema accepts as sent (JSON, no coercion). */
function bodyFits(schema: object, payload: string): boolean {
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return false;
  }
  return validatorOf(schema)(body) as boolean;
}

function againstDocument(op: Operation, res: Answer, type: string): string[] {
  const documented = op.responses[String(res.statusCode)] ?? op.responses.default;
  if (!documented) return [`status ${res.statusCode} not documented`];
  const content = documented.content;
  if (!content || res.statusCode === 204) {
    return res.body.length > 0 && res.statusCode === 204 ? ['204 with a body'] : [];
  }
  const media = content[type];
  if (!media)
    return [`${res.statusCode} sent ${type || 'no content type'}, documented ${Object.keys(content).join(',')}`];
  if (type !== 'application/json' || !media.schema) return [];
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    return [`${res.statusCode} body is not JSON`];
  }
  const validate = validatorOf(media.schema);
  if (validate(json)) return [];
  const e = validate.errors?.[0];
  return [`${res.statusCode} body off schema: ${e?.instancePath || '/'} ${e?.message ?? ''}`];
}

/**
 * Fuzz cases generated from the OpenAPI document: for every operation a valid request and its
 * hostile variants (wrong types, missing and extra fields, huge strings, deep nesting, NUL,
 * surrogates, RTL, SQL- and HTML-looking values, bad dates and ids, malformed JSON, no session,
 * a method the path does not have).
 */
import {
  BAD_DATES,
  BAD_IDS,
  deepNest,
  HOSTILE_STRINGS,
  type IdSource,
  type Rng,
  type Schema,
  sample,
  wrongType,
} from './schema-values.ts';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** the document's path, `/api/v1/cases/{id}` */
  path: string;
  parameters: Parameter[];
  body?: Schema;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  /** `security: []` in the document: reachable without a session */
  public: boolean;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content;
      out.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        body: content?.['application/json']?.schema,
        responses: op.responses as Operation['responses'],
        public: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  return out;
}

export const KINDS = [
  'valid',
  'wrong_type',
  'missing',
  'extra',
  'huge',
  'deep',
  'hostile',
  'bad_date',
  'bad_id',
  'body_type',
  'malformed_json',
  'anonymous',
  'method',
] as const;
export type Kind = (typeof KINDS)[number];

export interface FuzzRequest {
  kind: Kind;
  op: Operation;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** raw text sent as application/json (undefined: no body) */
  payload?: string;
  /** send without the session */
  anonymous: boolean;
}

type Path = Array<string | number>;

/** The paths of every value inside `v` (not `v` itself). */
function pathsIn(v: unknown, base: Path = [], out: Path[] = []): Path[] {
  if (v && typeof v === 'object') {
    for (const [k, inner] of Object.entries(v)) {
      const p = [...base, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      pathsIn(inner, p, out);
    }
  }
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1) as string | number] = value;
}

function deleteAt(root: unknown, path: Path): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last];
}

/** The schema of the value at `path` (through properties and items; the first branch of a union). */
function schemaAt(schema: Schema | undefined, path: Path): Schema | undefined {
  let s = schema;
  for (const key of path) {
    if (!s) return undefined;
    const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (branches) s = branches.find((b) => b.type === 'object' || b.type === 'array') ?? branches[0];
    s = typeof key === 'number' ? (s?.items as Schema | undefined) : (s?.properties as Record<string, Schema>)?.[key];
  }
  return s;
}

const stringsIn = (v: unknown) => pathsIn(v).filter((p) => typeof get(v, p) === 'string');
const get = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], root);

/** Percent-encodes a path segment; half a surrogate pair goes as the bytes a careless client would send. */
function encodePart(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return v
      .split('')
      .map((c) => (/[\uD800-\uDFFF]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c)))
      .join('');
  }
}

/** The query string; half a surrogate pair is sent as invalid UTF-8 bytes. */
function encodeQuery(query: Record<string, string>): string {
  return Object.entries(query)
    .map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`)
    .join('&');
}

const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** One request of `kind` for `op`, from a valid sample changed the way the kind says. */
export function makeCase(op: Operation, kind: Kind, rng: Rng, ids: IdSource, methodsOfPath: string[]): FuzzRequest {
  const params: Record<string, string> = {};
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  const segments = op.path.split('/');
  for (const p of op.parameters) {
    if (p.in === 'path') {
      const before = segments[segments.indexOf(`{${p.name}}`) - 1] ?? '';
      params[p.name] = String(sample(p.schema, rng, (n) => ids(`${before}/${n}`) ?? ids(n), p.name));
    } else if (p.in === 'query' && (p.required || rng.chance(0.5))) {
      query[p.name] = String(sample(p.schema, rng, ids, p.name));
    } else if (p.in === 'header' && (p.required || rng.chance(0.5))) {
      headers[p.name] = p.name === 'if-match' ? `"${rng.int(1, 3)}"` : String(sample(p.schema, rng, ids, p.name));
    }
  }
  let body: unknown = op.body ? sample(op.body, rng, ids, '') : undefined;
  let raw: string | undefined;
  let method = op.method;
  let anonymous = false;

  const bodyPaths = body === undefined ? [] : pathsIn(body);
  const pickQuery = () => rng.pick(Object.keys(query));
  switch (kind) {
    case 'wrong_type':
      if (bodyPaths.length > 0) {
        const at = rng.pick(bodyPaths);
        setAt(body, at, wrongType(get(body, at), rng));
      } else if (Object.keys(query).length > 0) query[pickQuery()] = rng.pick(['abc', '-1', '1.5', 'true', '[]']);
      else if (op.body) body = wrongType(body, rng);
      break;
    case 'missing': {
      const required = ((op.body?.required as string[] | undefined) ?? []).filter(
        (k) => body && typeof body === 'object' && k in (body as object),
      );
      if (required.length > 0) delete (body as Record<string, unknown>)[rng.pick(required)];
      else if (bodyPaths.length > 0) deleteAt(body, rng.pick(bodyPaths));
      else {
        const req = op.parameters.find((p) => p.in === 'query' && p.required);
        if (req) delete query[req.name];
        const header = op.parameters.find((p) => p.in === 'header' && p.required);
        if (header) delete headers[header.name];
      }
      break;
    }
    case 'extra':
      if (body && typeof body === 'object' && !Array.isArray(body))
        (body as Record<string, unknown>).role = 'platform_admin';
      else query.zzExtra = '1';
      break;
    case 'huge': {
      const strings = stringsIn(body);
      if (strings.length > 0) {
        const at = rng.pick(strings);
        const max = (schemaAt(op.body, at)?.maxLength as number | undefined) ?? 1000;
        setAt(body, at, rng.chance(0.5) ? 'x'.repeat(max + 1) : 'é'.repeat(rng.pick([max + 1, 70_000])));
      } else if (Object.keys(query).length > 0) query[pickQuery()] = 'x'.repeat(rng.pick([300, 5000]));
      else if (op.body) body = { huge: 'x'.repeat(70_000) };
      break;
    }
    case 'deep':
      if (bodyPaths.length > 0) setAt(body, rng.pick(bodyPaths), deepNest(rng.pick([20, 60, 200])));
      else if (op.body) body = deepNest(40);
      break;
    case 'hostile': {
      const strings = stringsIn(body);
      const value = rng.pick(HOSTILE_STRINGS);
      if (strings.length > 0 && rng.chance(0.7)) setAt(body, rng.pick(strings), value);
      else if (Object.keys(query).length > 0 && rng.chance(0.7)) query[pickQuery()] = value;
      else if (Object.keys(params).length > 0) params[rng.pick(Object.keys(params))] = value;
      else query.q = value;
      break;
    }
    case 'bad_date': {
      const dates = stringsIn(body).filter((p) => schemaAt(op.body, p)?.format === 'date');
      const queryDates = op.parameters.filter((p) => p.in === 'query' && p.schema.format === 'date');
      if (dates.length > 0) setAt(body, rng.pick(dates), rng.pick(BAD_DATES));
      else if (queryDates.length > 0) query[rng.pick(queryDates).name] = rng.pick(BAD_DATES);
      else if (bodyPaths.length > 0) setAt(body, rng.pick(bodyPaths), rng.pick(BAD_DATES));
      break;
    }
    case 'bad_id': {
      const names = Object.keys(params);
      if (names.length > 0) params[rng.pick(names)] = rng.pick(BAD_IDS);
      else {
        const ids = stringsIn(body).filter((p) => schemaAt(op.body, p)?.format === 'uuid');
        if (ids.length > 0) setAt(body, rng.pick(ids), rng.pick(BAD_IDS));
        else query.id = rng.pick(BAD_IDS);
      }
      break;
    }
    case 'body_type':
      body = rng.pick<unknown>([[], 'text', 42, null, true, [{}]]);
      break;
    case 'malformed_json':
      raw = rng.pick(['{"a":', '{a:1}', "{'a':1}", '[1,2', '\u0000', '{"a":"\\ud800"}', 'null null']);
      break;
    case 'anonymous':
      anonymous = true;
      if (rng.chance(0.5)) raw = '{"broken":';
      break;
    case 'method': {
      const others = ALL_METHODS.filter((m) => !methodsOfPath.includes(m));
      if (others.length > 0) method = rng.pick(others);
      break;
    }
    default:
      break;
  }

  const path = segments
    .map((seg) => {
      const m = /^\{(.+)\}$/.exec(seg);
      return m ? encodePart(params[m[1] as string] ?? 'x') : seg;
    })
    .join('/');
  const qs = encodeQuery(query);
  const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  return { kind, op, method, url: qs ? `${path}?${qs}` : path, headers, payload, anonymous };
}

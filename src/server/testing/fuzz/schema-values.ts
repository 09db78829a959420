/**
 * Values from a JSON schema (as the OpenAPI document gives them), driven by a seeded random source:
 * a valid sample of a schema, and the hostile values the fuzz suite puts in its place.
 */
import fc from 'fast-check';

export type Schema = Record<string, unknown>;

/** A small seeded random source (mulberry32): the same seed gives the same cases. */
export class Rng {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Where a sample can take a real id: by the field or parameter's name. */
export type IdSource = (name: string) => string | undefined;

const matchingCache = new Map<string, string[]>();
function matching(pattern: string, rng: Rng): string {
  let samples = matchingCache.get(pattern);
  if (!samples) {
    samples = fc.sample(fc.stringMatching(new RegExp(pattern)), { seed: 42, numRuns: 20 });
    matchingCache.set(pattern, samples);
  }
  return rng.pick(samples);
}

function sampleString(s: Schema, name: string, rng: Rng, ids: IdSource): string {
  if (s.format === 'uuid') return ids(name) ?? crypto.randomUUID();
  if (s.format === 'date') return `2026-0${rng.int(1, 9)}-${String(rng.int(10, 28))}`;
  if (s.format === 'date-time') return '2026-02-01T10:00:00.000Z';
  if (s.format === 'email') return `prova${rng.int(1, 999)}@example.org`;
  const id = ids(name);
  if (id !== undefined) return id;
  const min = (s.minLength as number | undefined) ?? 0;
  const max = (s.maxLength as number | undefined) ?? 40;
  if (typeof s.pattern === 'string') {
    const v = matching(s.pattern, rng);
    if (v.length >= min && v.length <= max) return v;
  }
  const words = ['prova', 'Percorsi', 'testo', 'àèìòù', 'nota'];
  let out = `${rng.pick(words)}${rng.int(0, 999_999)}`;
  while (out.length < min) out += ` ${rng.pick(words)}`;
  return out.slice(0, Math.max(min, Math.min(max, out.length)));
}

/** A value the schema accepts (as far as a schema can say: server rules may still refuse it). */
export function sample(schema: Schema | undefined, rng: Rng, ids: IdSource, name = '', depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return rng.pick(schema.enum);
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (union) {
    const notNull = union.filter((u) => u.type !== 'null');
    return sample(rng.pick(notNull.length > 0 ? notNull : union), rng, ids, name, depth);
  }
  if (schema.nullable === true && rng.chance(0.2)) return null;
  const type = [schema.type].flat()[0];
  switch (type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(props)) {
        if (required.has(k) || rng.chance(0.5)) out[k] = sample(v, rng, ids, k, depth + 1);
      }
      return out;
    }
    case 'array': {
      const min = (schema.minItems as number | undefined) ?? 0;
      const max = Math.min((schema.maxItems as number | undefined) ?? 2, Math.max(min, 2));
      const n = rng.int(min, max);
      const items = Array.from({ length: n }, () => sample(schema.items as Schema, rng, ids, name, depth + 1));
      return schema.uniqueItems ? [...new Map(items.map((i) => [JSON.stringify(i), i])).values()] : items;
    }
    case 'string':
      return sampleString(schema, name, rng, ids);
    case 'integer':
    case 'number': {
      const min = (schema.minimum as number | undefined) ?? 0;
      const max = (schema.maximum as number | undefined) ?? min + 20;
      return rng.int(Math.ceil(min), Math.floor(max));
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    default:
      return rng.pick(['x', 1, true]);
  }
}

/** Strings an attacker tries in any text field. */
export const HOSTILE_STRINGS = [
  'a\u0000b', // NUL
  '\uD800', // a lone high surrogate
  'x\uDC00', // a lone low surrogate
  '\u202Eevil\u202C \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627', // RTL override, Hebrew, Arabic
  "' OR '1'='1'; DROP TABLE cases; --",
  '1; SELECT pg_sleep(5)',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '{{7*7}}\u0024{7*7}<%= 7*7 %>', // template-looking (\u0024 is the dollar sign)
  '../../../../etc/passwd',
  'e\u0301\u0301\u0301', // combining marks (NFC)
  '\uFEFF\u200B\u00A0 ',
  '%00%27%22',
  '😀👩‍👩‍👧‍👦',
  '',
  ' ',
] as const;

/** Dates that are not dates. */
export const BAD_DATES = ['2026-02-30', '2026-13-01', '0000-00-00', '99999-01-01', 'yesterday', '2026/02/01', '1e9'];

/** Ids that are not ids (or are nobody's). */
export const BAD_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66',
  '6e8bc430-9c3a-11d9-9669-0800200c9a6',
  "1' OR '1'='1",
  '%00',
  '..%2F..%2Fetc',
  '-1',
  '999999999999999999999',
];

/** A value of another JSON type than `v`. */
export function wrongType(v: unknown, rng: Rng): unknown {
  const options: unknown[] = [false, true, 0, -1, 1.5, 1e308, 'text', null, [], {}, ['a'], { a: 1 }];
  const other = options.filter((o) => typeof o !== typeof v || Array.isArray(o) !== Array.isArray(v));
  return rng.pick(other);
}

/** `{a:{a:{…}}}` nested `depth` levels. */
export function deepNest(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { a: v } : [v];
  return v;
}

import fc from 'fast-check';
import Fastify, { type RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerApiRoutes } from '../app.ts';
import type { Database } from '../db/database.ts';
import { testConfig } from '../testing/harness.ts';
import { cleanInput, hasBadCharacters, MAX_DEPTH } from './input-hygiene.ts';

/** Every route of /api/v1 with its schemas (handlers never run: no database). */
async function registeredRoutes(): Promise<RouteOptions[]> {
  const routes: RouteOptions[] = [];
  const app = Fastify();
  app.addHook('onRoute', (r) => {
    routes.push(r);
  });
  await app.register(async (api) => registerApiRoutes(api, { db: {} as Database, config: testConfig() }), {
    prefix: '/api/v1',
  });
  await app.ready();
  await app.close();
  return routes;
}

type Json = Record<string, unknown>;

/** The paths of the strings of a schema that have no maxLength (enums and constants are bounded already). */
function unboundedStrings(schema: unknown, path: string, out: string[]): string[] {
  if (!schema || typeof schema !== 'object') return out;
  const s = schema as Json;
  const types = [s.type].flat();
  if (types.includes('string') && s.enum === undefined && s.const === undefined && s.maxLength === undefined) {
    out.push(path || '(root)');
  }
  for (const key of ['properties', 'patternProperties', '$defs', 'definitions'] as const) {
    const group = s[key] as Record<string, unknown> | undefined;
    if (group) for (const [k, v] of Object.entries(group)) unboundedStrings(v, `${path}.${k}`, out);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = s[key] as unknown[] | undefined;
    for (const [i, v] of (list ?? []).entries()) unboundedStrings(v, `${path}|${i}`, out);
  }
  for (const key of ['items', 'additionalProperties', 'not'] as const) {
    if (s[key] && typeof s[key] === 'object') unboundedStrings(s[key], `${path}[]`, out);
  }
  return out;
}

describe('length limits everywhere', async () => {
  const routes = await registeredRoutes();

  it('every string a route accepts (body, query, path, headers) has a maxLength', () => {
    const missing: string[] = [];
    for (const r of routes) {
      for (const part of ['body', 'querystring', 'params', 'headers'] as const) {
        const schema = (r.schema as Record<string, unknown> | undefined)?.[part];
        for (const p of unboundedStrings(schema, '', []))
          missing.push(`${[r.method].flat().join(',')} ${r.url} ${part}${p}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the walk finds a string without a limit (it is not vacuous)', () => {
    expect(unboundedStrings({ type: 'object', properties: { a: { type: 'string' } } }, '', [])).toEqual(['.a']);
    expect(unboundedStrings({ anyOf: [{ type: 'string', maxLength: 3 }, { type: 'null' }] }, '', [])).toEqual([]);
  });
});

describe('the input rule', () => {
  it('refuses a NUL anywhere, naming the field', () => {
    expect(cleanInput({ a: { b: ['ok', 'x\u0000y'] } })).toEqual({ field: 'a.b.1', reason: 'invalid_characters' });
    expect(cleanInput({ 'k\u0000': 1 })).toEqual({ field: '(body)', reason: 'invalid_characters' });
  });

  it('refuses half a surrogate pair and keeps whole ones', () => {
    expect(cleanInput({ s: 'a\uD800' })?.reason).toBe('invalid_characters');
    expect(cleanInput({ s: '\uDC00b' })?.reason).toBe('invalid_characters');
    expect(cleanInput({ s: 'a😀b' })).toBeNull();
  });

  it('normalises every string to NFC in place', () => {
    const body = { name: 'Cafe\u0301', list: ['e\u0301'] };
    expect(cleanInput(body)).toBeNull();
    expect(body).toEqual({ name: 'Café', list: ['é'] });
  });

  it('refuses nesting deeper than the limit', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < MAX_DEPTH + 1; i++) deep = { d: deep };
    expect(cleanInput(deep)?.reason).toBe('too_deep');
  });

  it('lets through every well-formed string without NUL, unchanged up to NFC (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        fc.pre(!s.includes('\u0000'));
        const body = { s };
        expect(cleanInput(body)).toBeNull();
        expect(body.s).toBe(s.normalize('NFC'));
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const bad = hasBadCharacters(s);
        const wellFormed = !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));
        expect(bad).toBe(s.includes('\u0000') || !wellFormed);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});

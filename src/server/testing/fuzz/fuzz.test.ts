import { describe, expect, it } from 'vitest';
import { problemsOf } from './check-response.ts';
import { KINDS, makeCase, type Operation } from './openapi-cases.ts';
import { Rng, sample } from './schema-values.ts';

const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  additionalProperties: false,
  properties: { code: { type: 'string' }, message: { type: 'string' } },
};
const op: Operation = {
  method: 'POST',
  path: '/api/v1/cases/{id}/plan/reviews',
  parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid', maxLength: 36 } }],
  body: {
    type: 'object',
    required: ['reviewedOn', 'summary'],
    additionalProperties: false,
    properties: {
      reviewedOn: { type: 'string', format: 'date' },
      summary: { type: 'string', minLength: 1, maxLength: 20 },
    },
  },
  responses: {
    '201': {
      content: {
        'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } },
      },
    },
    '400': { content: { 'application/json': { schema: errorSchema } } },
  },
  public: false,
};
const json = { 'content-type': 'application/json; charset=utf-8' };
const ok = makeCase(op, 'valid', new Rng(1), () => undefined, ['POST']);

describe('the fuzz checker holds answers against the document', () => {
  it('accepts a documented answer', () => {
    expect(problemsOf(ok, { statusCode: 201, headers: json, body: '{"id":"x"}' })).toEqual([]);
    expect(problemsOf(ok, { statusCode: 400, headers: json, body: '{"code":"a","message":"b"}' })).toEqual([]);
  });

  it('flags a 5xx, an undocumented status, an error that is not JSON, a body off its schema', () => {
    expect(problemsOf(ok, { statusCode: 500, headers: json, body: '{"code":"a","message":"b"}' })).toContain(
      'answered 500',
    );
    expect(problemsOf(ok, { statusCode: 404, headers: json, body: '{"code":"a","message":"b"}' })).toEqual([
      'status 404 not documented',
    ]);
    expect(problemsOf(ok, { statusCode: 400, headers: { 'content-type': 'text/html' }, body: 'x' })[0]).toBe(
      '400 is not a JSON {code, message}',
    );
    expect(problemsOf(ok, { statusCode: 201, headers: json, body: '{"nope":1}' })[0]).toMatch(/off schema/);
  });
});

describe('fuzz cases', () => {
  it('a valid sample satisfies the schema it came from', () => {
    const body = JSON.parse(ok.payload ?? '{}');
    expect(Object.keys(body).sort()).toEqual(['reviewedOn', 'summary']);
    expect(body.summary.length).toBeLessThanOrEqual(20);
    expect(ok.url).toMatch(/^\/api\/v1\/cases\/[0-9a-f-]{36}\/plan\/reviews$/);
  });

  it('every kind changes the request, and the same seed gives the same cases', () => {
    for (const kind of KINDS) {
      const a = makeCase(op, kind, new Rng(9), () => undefined, ['POST']);
      const b = makeCase(op, kind, new Rng(9), () => undefined, ['POST']);
      expect({ ...a, url: a.url.replace(/[0-9a-f-]{36}/, 'ID') }).toEqual({
        ...b,
        url: b.url.replace(/[0-9a-f-]{36}/, 'ID'),
      });
      if (kind !== 'valid' && kind !== 'hostile') {
        const changed = a.payload !== ok.payload || a.method !== 'POST' || a.anonymous || a.url !== ok.url;
        expect(changed, kind).toBe(true);
      }
    }
  });

  it('samples enums, patterns and bounds', () => {
    const rng = new Rng(3);
    expect(['a', 'b']).toContain(sample({ enum: ['a', 'b'] }, rng, () => undefined));
    expect(sample({ type: 'string', pattern: '^[0-9]{6}$', maxLength: 6 }, rng, () => undefined)).toMatch(/^[0-9]{6}$/);
    const n = sample({ type: 'integer', minimum: 5, maximum: 7 }, rng, () => undefined) as number;
    expect(n >= 5 && n <= 7).toBe(true);
  });
});

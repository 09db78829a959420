import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_REASONS } from '../../shared/field-reasons.ts';
import { installErrorHandler, reasonOfIssue, reasonOfValueError } from './error-handler.ts';
import { invalidField } from './errors.ts';

/** One property per validator keyword, so each refusal is about one keyword. */
const Body = Type.Object(
  {
    required: Type.String(),
    type: Type.Optional(Type.Integer()),
    format: Type.Optional(Type.String({ format: 'date' })),
    pattern: Type.Optional(Type.String({ pattern: '^[a-z]+$' })),
    enum: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['a', 'b'] })),
    const: Type.Optional(Type.Literal('x')),
    anyOf: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2)])),
    oneOf: Type.Optional(Type.Unsafe<number>({ oneOf: [{ const: 1 }, { const: 2 }] })),
    minLength: Type.Optional(Type.String({ minLength: 3 })),
    emptyText: Type.Optional(Type.String({ minLength: 1 })),
    maxLength: Type.Optional(Type.String({ maxLength: 2 })),
    minimum: Type.Optional(Type.Integer({ minimum: 1 })),
    maximum: Type.Optional(Type.Integer({ maximum: 1 })),
    minItems: Type.Optional(Type.Array(Type.String(), { minItems: 2 })),
    emptyList: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
    maxItems: Type.Optional(Type.Array(Type.String(), { maxItems: 1 })),
    uniqueItems: Type.Optional(Type.Array(Type.String(), { uniqueItems: true })),
    nullableDate: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
  },
  { additionalProperties: false },
);

const app = Fastify({ ajv: { customOptions: { removeAdditional: false, allErrors: true } } });
installErrorHandler(app);
app.post('/check', { schema: { body: Body } }, async () => ({ ok: true }));
app.post('/refuse', async () => {
  throw invalidField('agreedOn', 'in_the_future', { message: 'must not be in the future' });
});
beforeAll(() => app.ready());
afterAll(() => app.close());

async function reasonsFor(payload: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/check', payload: { required: 'ok', ...payload } });
  expect(res.statusCode).toBe(400);
  const body = res.json() as { code: string; fields: Array<{ field: string; reason: string; message: string }> };
  expect(body.code).toBe('validation_failed');
  return Object.fromEntries(body.fields.map((f) => [f.field, f.reason]));
}

describe('validation errors carry a reason per field', () => {
  it.each([
    ['type', 'x', 'invalid_format'],
    ['format', '2024-13-45', 'invalid_format'],
    ['pattern', 'ABC', 'invalid_format'],
    ['enum', 'c', 'not_allowed_value'],
    ['const', 'y', 'not_allowed_value'],
    ['anyOf', 3, 'not_allowed_value'],
    ['oneOf', 3, 'not_allowed_value'],
    ['minLength', 'ab', 'too_short'],
    ['emptyText', '', 'required'],
    ['maxLength', 'abc', 'too_long'],
    ['minimum', 0, 'too_small'],
    ['maximum', 2, 'too_large'],
    ['minItems', ['a'], 'too_few'],
    ['emptyList', [], 'required'],
    ['maxItems', ['a', 'b'], 'too_many'],
    ['uniqueItems', ['a', 'a'], 'repeated'],
    ['nullableDate', 'soon', 'invalid_format'],
  ])('%s → %s', async (field, value, reason) => {
    expect(await reasonsFor({ [field]: value })).toEqual({ [field]: reason });
  });

  it('a missing property and an unknown one', async () => {
    const res = await app.inject({ method: 'POST', url: '/check', payload: { role: 'admin' } });
    expect(res.json().fields).toEqual([
      { field: 'required', reason: 'required', message: expect.any(String) },
      { field: 'role', reason: 'unknown_field', message: 'unknown field' },
    ]);
  });

  it('names each field once, with the first reason', async () => {
    const reasons = await reasonsFor({ enum: 'c', maxLength: 'abcd', minimum: 0 });
    expect(reasons).toEqual({ enum: 'not_allowed_value', maxLength: 'too_long', minimum: 'too_small' });
  });

  it('an unknown keyword is "invalid", and every mapped reason is a known one', () => {
    expect(reasonOfIssue({ keyword: 'multipleOf' })).toBe('invalid');
    expect(reasonOfIssue({})).toBe('invalid');
    for (const k of ['required', 'type', 'enum', 'maxLength', 'additionalProperties'])
      expect(FIELD_REASONS).toContain(reasonOfIssue({ keyword: k }));
  });

  it('invalidField answers 400 with the reason and the English text', async () => {
    const res = await app.inject({ method: 'POST', url: '/refuse' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 'validation_failed',
      message: 'must not be in the future',
      fields: [{ field: 'agreedOn', reason: 'in_the_future', message: 'must not be in the future' }],
    });
  });
});

describe('checks in code (TypeBox Value.Errors) map to the same reasons', () => {
  const Details = Type.Object(
    { hours: Type.Integer({ minimum: 1, maximum: 60 }), note: Type.String({ maxLength: 3 }), kind: Type.Literal('a') },
    { additionalProperties: false },
  );
  /** The first error of each path, as outcomeDetailsErrors keeps it. */
  const reasons = (value: unknown) =>
    Object.fromEntries([...Value.Errors(Details, value)].reverse().map((e) => [e.path, reasonOfValueError(e.type)]));

  it('required, too_large, too_long, not_allowed_value, unknown_field, invalid_format', () => {
    expect(reasons({ hours: 61, note: 'abcd', kind: 'b', extra: 1 })).toMatchObject({
      '/hours': 'too_large',
      '/note': 'too_long',
      '/kind': 'not_allowed_value',
      '/extra': 'unknown_field',
    });
    expect(reasons({ note: 'a', kind: 'a' })).toMatchObject({ '/hours': 'required' });
    expect(reasons({ hours: 0, note: 'a', kind: 'a' })).toMatchObject({ '/hours': 'too_small' });
    expect(reasons({ hours: 'x', note: 'a', kind: 'a' })).toMatchObject({ '/hours': 'invalid_format' });
  });
});

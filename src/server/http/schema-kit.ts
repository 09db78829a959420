/**
 * The building blocks of every feature's TypeBox schemas: enums from the shared code lists
 * (src/shared/codes), nullable values, ids, dates, and the error body every error leaves as.
 */
import {
  type Static,
  type TLiteral,
  type TNull,
  type TObject,
  type TProperties,
  type TSchema,
  type TUnion,
  Type,
} from '@sinclair/typebox';
import { FieldErrorSchema } from './field-error-schema.ts';

/** Objects list every field: an unknown field is a 400 in a request and never leaves in a response. */
export const strict = { additionalProperties: false } as const;

/** An object that lists every field (additionalProperties: false). */
export const Obj = <T extends TProperties>(properties: T): TObject<T> => Type.Object(properties, strict);

/** One of the codes of a shared list, typed as their union: `Enum(SHARING_PURPOSES)`. */
export const Enum = <T extends string>(values: readonly T[]): TUnion<TLiteral<T>[]> =>
  Type.Union(values.map((v) => Type.Literal(v)));

/** The value or null. */
export const Nullable = <T extends TSchema>(schema: T): TUnion<[T, TNull]> => Type.Union([schema, Type.Null()]);

/** A UUID in its canonical form (the pattern also refuses what PostgreSQL would not read, e.g. `urn:uuid:`). */
export const Uuid = Type.String({
  format: 'uuid',
  maxLength: 36,
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
});
/** The `:id` of a resource's path. */
export const IdParams = Obj({ id: Uuid });
/** A calendar day, YYYY-MM-DD. */
export const DateOnly = Type.String({ format: 'date', maxLength: 10 });
/** A point in time, ISO 8601. */
export const DateTime = Type.String({ format: 'date-time', maxLength: 40 });
/** A text in Italian and English. */
export const Label = Obj({ it: Type.String(), en: Type.String() });
export type Label = Static<typeof Label>;

/** What every error leaves as: a stable code, a fixed English message, and the fields at fault. */
export const ErrorBody = Obj({
  code: Type.String(),
  message: Type.String(),
  fields: Type.Optional(Type.Array(FieldErrorSchema)),
});
export type ErrorBody = Static<typeof ErrorBody>;
/** A 409 that may carry the record's current version (a stale If-Match). */
export const ConflictBody = Obj({ ...ErrorBody.properties, currentVersion: Type.Optional(Type.Integer()) });

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 412 | 422 | 428;

/** The error responses of a route: `response: { 200: Thing, ...errorResponses(400, 401, 404) }`. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): Record<S, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody])) as Record<S, typeof ErrorBody>;
}

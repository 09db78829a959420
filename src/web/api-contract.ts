/**
 * Types of the API, derived from the server's TypeBox schemas (src/server/http/contract.ts) with
 * `import type` only: nothing of the server reaches the bundle (src/web/no-server-imports.test.ts).
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { Contract } from '../server/http/contract.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Key = keyof Contract;

/** The paths the API answers to for a method, e.g. PathOf<'GET'> includes '/cases/:id'. */
export type PathOf<M extends Method> = Key extends infer K ? (K extends `${M} ${infer P}` ? P : never) : never;
type Entry<M extends Method, P extends PathOf<M>> = Contract[`${M} ${P}` & Key];

/** The names of a path's parameters: ParamName<'/cases/:id/consents/:consentId'> is 'id' | 'consentId'. */
export type ParamName<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? N | ParamName<`/${Rest}`>
  : P extends `${string}:${infer N}`
    ? N
    : never;

/** What a successful answer carries (undefined for a 204). */
export type ResponseOf<M extends Method, P extends PathOf<M>> =
  Entry<M, P> extends { response: infer R extends TSchema } ? Static<R> : never;
export type BodyOf<M extends Method, P extends PathOf<M>> =
  Entry<M, P> extends { body: infer B extends TSchema } ? Static<B> : never;
export type QueryOf<M extends Method, P extends PathOf<M>> =
  Entry<M, P> extends { query: infer Q extends TSchema } ? Static<Q> : never;

/**
 * Query values as the UI holds them (often strings read from the page's own URL; the server validates
 * them): only the names are checked; an empty or missing value is left out of the URL.
 */
export type QueryInput<Q> = { [K in keyof Q]?: Q[K] | string | null };
export type ParamsInput<P extends string> = Record<ParamName<P>, string | number>;

type ParamsPart<P extends string> = [ParamName<P>] extends [never]
  ? { params?: undefined }
  : { params: ParamsInput<P> };
type QueryPart<M extends Method, P extends PathOf<M>> = [QueryOf<M, P>] extends [never]
  ? { query?: undefined }
  : { query?: QueryInput<QueryOf<M, P>> };
type BodyPart<M extends Method, P extends PathOf<M>> = [BodyOf<M, P>] extends [never]
  ? { body?: undefined }
  : { body: BodyInput<BodyOf<M, P>> };

/**
 * A body as the forms hold it: the shape is checked (names, nesting, types), while code values may be
 * plain strings (the forms keep them as strings; the server validates them against its lists).
 */
export type BodyInput<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? BodyInput<U>[]
    : T extends object
      ? { [K in keyof T]: BodyInput<T[K]> }
      : T;

export interface CallOptions {
  headers?: Record<string, string>;
  /** Login-flow calls: a 401 means "wrong credentials/code", not "session lost". */
  authFlow?: boolean;
  signal?: AbortSignal;
}

export type RequestOf<M extends Method, P extends PathOf<M>> = ParamsPart<P> &
  QueryPart<M, P> &
  BodyPart<M, P> &
  CallOptions;

/** The request argument may be left out when nothing in it is required. */
export type ArgsOf<M extends Method, P extends PathOf<M>> = [RequiredKeys<RequestOf<M, P>>] extends [never]
  ? [request?: RequestOf<M, P>]
  : [request: RequestOf<M, P>];
export type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

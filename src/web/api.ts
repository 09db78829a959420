/**
 * Fetch wrapper for /api/v1.
 * - same-origin credentials, JSON bodies;
 * - X-CSRF-Token on every non-GET request (token fetched lazily, refetched once on csrf_invalid);
 * - a 401 outside the login flow reports "session lost" to the registered handler;
 * - typed by path: `api` below, with the types of src/web/api-contract.ts.
 */
import type { ArgsOf, CallOptions, Method, PathOf, ResponseOf } from './api-contract.ts';
import { buildPath } from './api-path.ts';

import { type FieldReason, isFieldReason } from '../shared/field-reasons.ts';

/** One refused field: its path and why (a reason the UI translates); `message` is the server's English text. */
export interface FieldError {
  field: string;
  reason: FieldReason;
  message: string;
}

/** The body's field errors, keeping only well-formed ones; an unknown reason reads as "invalid". */
export function fieldErrorsOf(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f: { field?: unknown; reason?: unknown; message?: unknown }) =>
    f && typeof f.field === 'string'
      ? [
          {
            field: f.field,
            reason: isFieldReason(f.reason) ? f.reason : 'invalid',
            message: typeof f.message === 'string' ? f.message : '',
          },
        ]
      : [],
  );
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

interface RequestOptions extends CallOptions {
  method?: Method;
  body?: unknown;
}

const BASE = '/api/v1';
let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;
let activityListener: (() => void) | null = null;
let stepUpHandler: (() => Promise<boolean>) | null = null;
let stepUpPending: Promise<boolean> | null = null;

/**
 * Registered by the auth provider: asks for a fresh second factor in place (a dialog) and answers
 * whether it was given. A request refused with 403 step_up_required is then sent again, once.
 */
export function onStepUp(handler: (() => Promise<boolean>) | null): void {
  stepUpHandler = handler;
}

/** Asks once for all the requests refused at the same time. */
export function askStepUp(): Promise<boolean> {
  if (!stepUpHandler) return Promise.resolve(false);
  if (!stepUpPending) {
    stepUpPending = stepUpHandler().finally(() => {
      stepUpPending = null;
    });
  }
  return stepUpPending;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registered by the auth provider: called on a 401 outside the login flow. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/** Registered by the idle-timeout watcher: called on every API request. */
export function onActivity(listener: (() => void) | null): void {
  activityListener = listener;
}

async function fetchCsrfToken(): Promise<string | null> {
  try {
    const res = await fetch(`${BASE}/auth/csrf`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) return null;
    const data = (await res.json()) as { csrfToken?: string };
    csrfToken = data.csrfToken ?? null;
    return csrfToken;
  } catch {
    return null;
  }
}

async function parseError(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = res.statusText;
  let fields: FieldError[] = [];
  try {
    const data = (await res.json()) as { code?: string; message?: string; fields?: unknown };
    if (data.code) code = data.code;
    if (data.message) message = data.message;
    fields = fieldErrorsOf(data.fields);
  } catch {
    // not JSON: keep the defaults
  }
  return new ApiError(res.status, code, message, fields);
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    // Login-flow calls take no token (there is no session yet): only send one we already have.
    const token = csrfToken ?? (opts.authFlow ? null : await fetchCsrfToken());
    if (token) headers['X-CSRF-Token'] = token;
  }
  return fetch(`${BASE}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: opts.signal,
  });
}

/** Performs a request to a built URL and returns the parsed JSON body (undefined for 204). Throws ApiError. */
async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  activityListener?.();
  let res = await send(path, opts);
  if (res.status === 403 && (opts.method ?? 'GET') !== 'GET') {
    const err = await parseError(res.clone());
    if (err.code === 'csrf_invalid') {
      csrfToken = null;
      await fetchCsrfToken();
      res = await send(path, opts);
    }
  }
  if (res.status === 403 && !opts.authFlow) {
    const err = await parseError(res.clone());
    if (err.code === 'step_up_required' && (await askStepUp())) res = await send(path, opts);
  }
  if (!res.ok) {
    const err = await parseError(res);
    if (res.status === 401 && !opts.authFlow) {
      csrfToken = null;
      unauthorizedHandler?.();
    }
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

interface AnyRequest extends CallOptions {
  params?: Record<string, string | number>;
  query?: object;
  body?: unknown;
}

/** GETs a URL built by urlOf; useApi types the answer by the path it built the URL from. */
export const getUrl = (url: string, signal?: AbortSignal): Promise<unknown> => request<unknown>(url, { signal });

/** The URL of a GET call (useApi keys its loading on it). */
export function urlOf<P extends PathOf<'GET'>>(path: P, ...[req]: ArgsOf<'GET', P>): string {
  const r = req as AnyRequest | undefined;
  return buildPath(path, r?.params, r?.query as Record<string, unknown> | undefined);
}

function call<T>(method: Method, path: string, req: unknown): Promise<T> {
  const { params, query, body, ...opts } = (req ?? {}) as AnyRequest;
  const url = buildPath(path, params, query as Record<string, unknown> | undefined);
  // A POST always carries a JSON body ({} when the route takes none), as the server expects.
  return request<T>(url, { ...opts, method, body: method === 'POST' ? (body ?? {}) : body });
}

/**
 * The typed API client: the path (with its :parameters) picks the request and response types from the
 * server's schemas, e.g. `api.get('/cases/:id', { params: { id } })` is a Promise<CaseDetail>.
 */
export const api = {
  get: <P extends PathOf<'GET'>>(path: P, ...[req]: ArgsOf<'GET', P>) => call<ResponseOf<'GET', P>>('GET', path, req),
  post: <P extends PathOf<'POST'>>(path: P, ...[req]: ArgsOf<'POST', P>) =>
    call<ResponseOf<'POST', P>>('POST', path, req),
  put: <P extends PathOf<'PUT'>>(path: P, ...[req]: ArgsOf<'PUT', P>) => call<ResponseOf<'PUT', P>>('PUT', path, req),
  patch: <P extends PathOf<'PATCH'>>(path: P, ...[req]: ArgsOf<'PATCH', P>) =>
    call<ResponseOf<'PATCH', P>>('PATCH', path, req),
  delete: <P extends PathOf<'DELETE'>>(path: P, ...[req]: ArgsOf<'DELETE', P>) =>
    call<ResponseOf<'DELETE', P>>('DELETE', path, req),
};

/**
 * net-control: a multipart upload (a document and its fields). The browser sets the boundary; the
 * CSRF token rides along as for every change. Answers like `api` (ApiError on failure).
 */
export async function postForm<T>(path: string, form: FormData): Promise<T> {
  activityListener?.();
  const token = csrfToken ?? (await fetchCsrfToken());
  const res = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { Accept: 'application/json', ...(token ? { 'X-CSRF-Token': token } : {}) },
    credentials: 'same-origin',
    body: form,
  });
  if (!res.ok) throw await parseError(res);
  return (await res.json()) as T;
}

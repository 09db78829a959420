// A small HTTP client for the proof suites (crash safety, authorisation matrix): sign in over the
// real endpoints (password, then TOTP), keep the session cookie and CSRF token, send JSON.
import { totpCode } from '../../src/server/auth/totp.ts';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Answer {
  status: number;
  body: unknown;
  text: string;
}

const cookieOf = (res: Response, name: string) => {
  for (const c of res.headers.getSetCookie()) if (c.startsWith(`${name}=`)) return c.split(';')[0] ?? '';
  return '';
};

export async function call(
  base: string,
  method: string,
  url: string,
  options: { session?: Session | null; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.session) {
    headers.cookie = options.session.cookie;
    if (!('x-csrf-token' in headers)) headers['x-csrf-token'] = options.session.csrf;
  }
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: res.status, body, text };
}

/**
 * Signs in through the real endpoints: password, then the TOTP code of the user's secret.
 * `headers` go with both steps (the soak's office address in X-Forwarded-For).
 */
export async function signInOver(
  base: string,
  user: { username: string; password: string; totpSecret: string },
  headers: Record<string, string> = {},
): Promise<Session> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const pre = cookieOf(login, '__Host-percorsi_pre');
  const totp = await fetch(`${base}/api/v1/auth/totp`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', cookie: pre },
    body: JSON.stringify({ code: totpCode(user.totpSecret) }),
  });
  if (totp.status !== 200) throw new Error(`totp failed: ${totp.status}`);
  const cookie = cookieOf(totp, '__Host-percorsi_session');
  const { csrfToken } = (await totp.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

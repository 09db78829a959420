import { totpCode } from '../src/server/auth/totp.ts';

export interface Credentials {
  username: string;
  password: string;
  totpSecret: string;
}

function cookieFrom(res: Response, name: string): string {
  const found = res.headers
    .getSetCookie()
    .map((c) => c.split(';', 1)[0] ?? '')
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);
  if (!found) throw new Error(`no ${name} cookie (status ${res.status})`);
  return found;
}

/** Signs in over HTTP through the real endpoints (password, then TOTP); returns the session cookie. */
export async function signInHttp(baseUrl: string, who: Credentials): Promise<string> {
  const json = { 'content-type': 'application/json' };
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: who.username, password: who.password }),
  });
  if (login.status !== 200) throw new Error(`login of ${who.username} failed: ${login.status} ${await login.text()}`);
  const pre = cookieFrom(login, '__Host-percorsi_pre');
  const totp = await fetch(`${baseUrl}/api/v1/auth/totp`, {
    method: 'POST',
    headers: { ...json, cookie: pre },
    body: JSON.stringify({ code: totpCode(who.totpSecret) }),
  });
  if (totp.status !== 200) throw new Error(`totp of ${who.username} failed: ${totp.status} ${await totp.text()}`);
  return cookieFrom(totp, '__Host-percorsi_session');
}

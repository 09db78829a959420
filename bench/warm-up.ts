import { type Credentials, signInHttp } from './sign-in.ts';

export interface DemoLoginFile extends Credentials {
  organisationId: string;
}

/**
 * Some realistic traffic before reading the RSS: a few demo users sign in (argon2 and TOTP), each
 * then lists the organisations and reads their own a few times. Login is limited to 30 a minute
 * per client address, so 5 logins stay well under it.
 */
export async function warmUpWithLogins(baseUrl: string, logins: DemoLoginFile[], count = 5, readsEach = 20) {
  let reads = 0;
  const chosen = logins.slice(0, count);
  const cookies: Array<{ cookie: string; organisationId: string }> = [];
  for (const who of chosen) {
    const cookie = await signInHttp(baseUrl, who);
    cookies.push({ cookie, organisationId: who.organisationId });
    for (let i = 0; i < readsEach; i++) {
      const path = i % 2 ? '/api/v1/organisations' : `/api/v1/organisations/${who.organisationId}`;
      const res = await fetch(baseUrl + path, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`warm-up GET ${path} answered ${res.status}`);
      await res.arrayBuffer();
      reads++;
    }
  }
  return { logins: chosen.length, reads, cookies };
}

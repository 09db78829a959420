import { describe, expect, it } from 'vitest';
import { auditRows, cookieFrom, makeOrg, makeUser, openTestAppPerFile, signIn } from '../testing/harness.ts';
import { totpCode } from './totp.ts';

const t = openTestAppPerFile();

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });

describe('login', () => {
  it('answers unknown users and wrong passwords the same way', async () => {
    const user = await makeUser(t.db, t.config, { organisationId: await makeOrg(t.db), roles: ['centre_operator'] });
    const unknown = await login('nessuno.qui', 'Qualcosa-di-lungo-1');
    const wrong = await login(user.username, 'Qualcosa-di-lungo-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.cookies).toHaveLength(0);
  });

  it('gives only a pre-authentication cookie for a password: no session without TOTP', async () => {
    const user = await makeUser(t.db, t.config, { organisationId: await makeOrg(t.db), roles: ['centre_operator'] });
    const res = await login(user.username, user.password);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ mfaRequired: true });
    expect(cookieFrom(res, '__Host-percorsi_session')).toBeUndefined();
    const pre = cookieFrom(res, '__Host-percorsi_pre') as string;
    expect((await me(pre)).statusCode).toBe(401);
    // the pre-auth token presented as a session cookie is no session either
    expect((await me(pre.replace('__Host-percorsi_pre', '__Host-percorsi_session'))).statusCode).toBe(401);
    const attrs = res.cookies[0];
    expect(attrs).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
  });

  it('signs in with TOTP, shows /me, and never accepts the same code twice', async () => {
    const orgId = await makeOrg(t.db);
    const user = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });
    const first = await login(user.username, user.password);
    const code = totpCode(user.totpSecret);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp',
      headers: { cookie: cookieFrom(first, '__Host-percorsi_pre') as string },
      payload: { code },
    });
    expect(ok.statusCode).toBe(200);
    const session = cookieFrom(ok, '__Host-percorsi_session') as string;
    const body = (await me(session)).json();
    expect(body.user.username).toBe(user.username);
    expect(body.organisation.id).toBe(orgId);
    expect(body.roles).toEqual(['centre_operator']);
    const second = await login(user.username, user.password);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp',
      headers: { cookie: cookieFrom(second, '__Host-percorsi_pre') as string },
      payload: { code },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid_code');
  });

  it('locks the account after repeated failures, and says so only in the audit', async () => {
    const user = await makeUser(t.db, t.config, { organisationId: await makeOrg(t.db), roles: ['dpo'] });
    await t.db.owner.updateTable('users').set({ failed_logins: 9 }).where('id', '=', user.id).execute();
    expect((await login(user.username, 'Sbagliata-davvero-1')).statusCode).toBe(401);
    const correct = await login(user.username, user.password);
    expect(correct.statusCode).toBe(401);
    const rows = (await auditRows(t.db)).filter((r) => r.subject_id === user.id && r.action === 'auth.login');
    expect(rows.at(-1)?.details).toMatchObject({ reason: 'locked' });
  });
});

describe('sessions', () => {
  it('refuses a cookie replayed after logout, and logout needs the CSRF token', async () => {
    const user = await makeUser(t.db, t.config, { organisationId: await makeOrg(t.db), roles: ['centre_operator'] });
    const s = await signIn(t.app, t.db, user);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_invalid');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expect(out.headers['clear-site-data']).toContain('cookies');
    expect((await me(s.cookie)).statusCode).toBe(401);
  });

  it('ends a session idle for more than 15 minutes, or older than 12 hours', async () => {
    const user = await makeUser(t.db, t.config, { organisationId: await makeOrg(t.db), roles: ['centre_operator'] });
    const idle = await signIn(t.app, t.db, user);
    await t.db.owner
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 16 * 60_000) })
      .where('user_id', '=', user.id)
      .execute();
    const res = await me(idle.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session_expired');
    expect((await me(idle.cookie)).json().code).toBe('unauthenticated');

    const old = await signIn(t.app, t.db, user);
    expect((await me(old.cookie)).statusCode).toBe(200);
    await t.db.owner
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await me(old.cookie)).statusCode).toBe(401);
  });

  it('gives a new session id at every login', async () => {
    const user = await makeUser(t.db, t.config, { organisationId: await makeOrg(t.db), roles: ['centre_operator'] });
    const a = await signIn(t.app, t.db, user);
    const b = await signIn(t.app, t.db, user);
    expect(a.cookie).not.toBe(b.cookie);
  });
});

describe('canaries', () => {
  it('never writes passwords, usernames or codes to t.logs or error bodies', async () => {
    const canaryPassword = 'CANARY-Zelda-Ferrari-3391';
    const canaryName = 'canary.zelda.ferrari';
    const a = await login(canaryName, canaryPassword);
    const b = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: canaryName, password: canaryPassword, extra: canaryPassword },
    });
    const c = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { username: canaryName },
    });
    for (const body of [a.body, b.body, c.body]) {
      expect(body).not.toContain(canaryPassword);
      expect(body).not.toContain(canaryName);
    }
    expect(b.statusCode).toBe(400);
    const text = t.logs.join('\n');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(canaryPassword);
    expect(text).not.toContain('Zelda');
    const audit = JSON.stringify(await auditRows(t.db));
    expect(audit).not.toContain('Zelda');
  });
});

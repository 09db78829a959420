import { describe, expect, it } from 'vitest';
import { cookieFrom, makeOrg, makeUser, openTestAppPerFile, signIn } from '../testing/harness.ts';
import { totpCode } from './totp.ts';

const t = openTestAppPerFile();

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers });
const tokenOf = (url: string) => url.split('/').at(-1) as string;

describe('invitations and first login', () => {
  it('lets an invited person choose a password, enrol TOTP with recovery codes, and sign in', async () => {
    const orgId = await makeOrg(t.db);
    const admin = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['org_admin'] });
    const s = await signIn(t.app, t.db, admin);
    const invite = await post(
      '/api/v1/users/invitations',
      { username: 'nuova.collega', displayName: 'Nuova Collega', roles: ['centre_operator'] },
      s.headers,
    );
    expect(invite.statusCode).toBe(201);
    const token = tokenOf(invite.json().inviteUrl);

    const weak = await post('/api/v1/auth/invitations/accept', { token, password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0]).toMatchObject({ field: 'password' });
    expect(weak.json().code).toBe('password_common');
    expect((await post('/api/v1/auth/invitations/accept', { token, password: 'corta' })).json().code).toBe(
      'password_too_short',
    );
    const password = 'Un-fiume-tranquillo-42';
    expect((await post('/api/v1/auth/invitations/accept', { token, password })).statusCode).toBe(204);
    expect((await post('/api/v1/auth/invitations/accept', { token, password })).statusCode).toBe(410);

    const login = await post('/api/v1/auth/login', { username: 'nuova.collega', password });
    expect(login.json()).toEqual({ mfaEnrolmentRequired: true });
    const pre = { cookie: cookieFrom(login, '__Host-percorsi_pre') as string };
    const totpDirect = await post('/api/v1/auth/totp', { code: '123456' }, pre);
    expect(totpDirect.statusCode).toBe(409);
    const enrol = await post('/api/v1/auth/totp/enrolment', {}, pre);
    expect(enrol.statusCode).toBe(200);
    const { secret, qrDataUrl, otpauthUrl } = enrol.json();
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(otpauthUrl).toContain('otpauth://totp/');
    const bad = await post('/api/v1/auth/totp/enrolment/confirm', { code: '000000' }, pre);
    expect(bad.statusCode).toBe(401);
    const done = await post('/api/v1/auth/totp/enrolment/confirm', { code: totpCode(secret) }, pre);
    expect(done.statusCode).toBe(200);
    const codes = done.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const session = cookieFrom(done, '__Host-percorsi_session') as string;
    const meRes = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } });
    expect(meRes.json().roles).toEqual(['centre_operator']);

    // a recovery code works once
    const again = await post('/api/v1/auth/login', { username: 'nuova.collega', password });
    const pre2 = { cookie: cookieFrom(again, '__Host-percorsi_pre') as string };
    expect((await post('/api/v1/auth/recovery', { code: codes[0] as string }, pre2)).statusCode).toBe(200);
    const third = await post('/api/v1/auth/login', { username: 'nuova.collega', password });
    const pre3 = { cookie: cookieFrom(third, '__Host-percorsi_pre') as string };
    expect((await post('/api/v1/auth/recovery', { code: codes[0] as string }, pre3)).statusCode).toBe(401);
  });

  it('refuses an expired invitation and grants only the invited roles', async () => {
    const orgId = await makeOrg(t.db);
    const admin = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['org_admin'] });
    const s = await signIn(t.app, t.db, admin);
    const escalate = await post(
      '/api/v1/users/invitations',
      { username: 'furbetta', displayName: 'Furbetta', roles: ['platform_admin'] },
      s.headers,
    );
    expect(escalate.statusCode).toBe(400);
    const invite = await post(
      '/api/v1/users/invitations',
      { username: 'scaduta', displayName: 'Scaduta', roles: ['dpo'] },
      s.headers,
    );
    await t.db.owner
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('username', '=', 'scaduta')
      .execute();
    const res = await post('/api/v1/auth/invitations/accept', {
      token: tokenOf(invite.json().inviteUrl),
      password: 'Un-fiume-tranquillo-42',
    });
    expect(res.statusCode).toBe(410);
    expect(await t.db.owner.selectFrom('users').select('id').where('username', '=', 'scaduta').execute()).toHaveLength(
      0,
    );
  });
});

describe('password reset', () => {
  it('answers the same for unknown users, and the admin link resets the password and ends sessions', async () => {
    const orgId = await makeOrg(t.db);
    const admin = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['org_admin'] });
    const user = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });
    const known = await post('/api/v1/auth/password-reset', { username: user.username });
    const unknown = await post('/api/v1/auth/password-reset', { username: 'non.esiste' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);

    const userSession = await signIn(t.app, t.db, user);
    const s = await signIn(t.app, t.db, admin);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: s.headers });
    expect(list.json().items.find((u: { id: string }) => u.id === user.id).resetRequestedAt).not.toBeNull();
    const link = await post(`/api/v1/users/${user.id}/password-reset`, {}, s.headers);
    expect(link.statusCode).toBe(201);
    const token = tokenOf(link.json().resetUrl);
    expect(
      (await post('/api/v1/auth/password-reset/complete', { token, password: 'Nuova-password-sicura-7' })).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: userSession.cookie } })).statusCode,
    ).toBe(401);
    expect((await post('/api/v1/auth/login', { username: user.username, password: user.password })).statusCode).toBe(
      401,
    );
    expect(
      (await post('/api/v1/auth/login', { username: user.username, password: 'Nuova-password-sicura-7' })).statusCode,
    ).toBe(200);
  });
});

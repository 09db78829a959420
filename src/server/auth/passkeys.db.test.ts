import { describe, expect, it } from 'vitest';
import {
  auditRows,
  cookieFrom,
  makeOrg,
  makeUser,
  openTestAppPerFile,
  type Signed,
  signIn,
} from '../testing/harness.ts';
import { softAuthenticator } from '../testing/soft-authenticator.ts';

const t = openTestAppPerFile();
const ORIGIN = 'https://percorsi.test';
const RP = 'percorsi.test';

import type { InjectOptions } from 'fastify';

const call = (opts: InjectOptions) => t.app.inject(opts);

async function enrol(s: Signed, name = 'Chiave ufficio', auth = softAuthenticator(RP)) {
  const opts = await call({ method: 'POST', url: '/api/v1/auth/passkeys/options', headers: s.headers, payload: {} });
  expect(opts.statusCode).toBe(200);
  const res = await call({
    method: 'POST',
    url: '/api/v1/auth/passkeys',
    headers: s.headers,
    payload: { name, response: auth.register(opts.json().options, ORIGIN) },
  });
  return { auth, res };
}

async function passwordStep(user: { username: string; password: string }) {
  const login = await call({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: user.username, password: user.password },
  });
  expect(login.statusCode).toBe(200);
  return { answer: login.json(), pre: cookieFrom(login, '__Host-percorsi_pre') as string };
}

async function newUser() {
  const user = await makeUser(t.db, t.config, { organisationId: await makeOrg(t.db), roles: ['centre_operator'] });
  return { user, s: await signIn(t.app, t.db, user) };
}

describe('passkeys', () => {
  it('enrols several named passkeys, lists them without key material, and audits the enrolment', async () => {
    const { user, s } = await newUser();
    expect((await enrol(s, 'Telefono')).res.statusCode).toBe(201);
    expect((await enrol(s, 'Chiave USB')).res.statusCode).toBe(201);
    const list = await call({ method: 'GET', url: '/api/v1/auth/passkeys', headers: s.headers });
    expect(list.json().passkeys.map((p: { name: string }) => p.name)).toEqual(['Telefono', 'Chiave USB']);
    expect(Object.keys(list.json().passkeys[0]).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name']);
    const rows = (await auditRows(t.db)).filter((r) => r.subject_id === user.id && r.action === 'auth.passkey_enrol');
    expect(rows).toHaveLength(2);
  });

  it('refuses an enrolment answer for another origin, or replayed', async () => {
    const { s } = await newUser();
    const auth = softAuthenticator(RP);
    const opts = await call({ method: 'POST', url: '/api/v1/auth/passkeys/options', headers: s.headers, payload: {} });
    const bad = await call({
      method: 'POST',
      url: '/api/v1/auth/passkeys',
      headers: s.headers,
      payload: { name: 'x', response: auth.register(opts.json().options, 'https://evil.test') },
    });
    expect(bad.statusCode).toBe(400);
    // the challenge was spent by the failed try: the right origin now finds none
    const again = await call({
      method: 'POST',
      url: '/api/v1/auth/passkeys',
      headers: s.headers,
      payload: { name: 'x', response: auth.register(opts.json().options, ORIGIN) },
    });
    expect(again.statusCode).toBe(400);
  });

  it('needs a full session to enrol: a password alone does not add a passkey', async () => {
    const { user } = await newUser();
    const { pre } = await passwordStep(user);
    const res = await call({
      method: 'POST',
      url: '/api/v1/auth/passkeys/options',
      headers: { cookie: pre },
      payload: {},
    });
    expect(res.statusCode).toBe(401);
  });

  it('is a second factor after the password, once per challenge', async () => {
    const { user, s } = await newUser();
    const { auth } = await enrol(s);
    const { answer, pre } = await passwordStep(user);
    expect(answer).toEqual({ mfaRequired: true, passkey: true });
    const opts = await call({
      method: 'POST',
      url: '/api/v1/auth/passkey/options',
      headers: { cookie: pre },
      payload: {},
    });
    expect(opts.json().options.allowCredentials).toEqual([
      expect.objectContaining({ id: auth.credentialId, type: 'public-key' }),
    ]);
    const assertion = auth.assert(opts.json().options, ORIGIN, { userVerified: false });
    const ok = await call({
      method: 'POST',
      url: '/api/v1/auth/passkey',
      headers: { cookie: pre },
      payload: { response: assertion },
    });
    expect(ok.statusCode).toBe(200);
    const session = cookieFrom(ok, '__Host-percorsi_session') as string;
    expect((await call({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } })).statusCode).toBe(200);
    // the same answer again, on a new password step: its challenge is gone
    const second = await passwordStep(user);
    const replay = await call({
      method: 'POST',
      url: '/api/v1/auth/passkey',
      headers: { cookie: second.pre },
      payload: { response: assertion },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid_code');
    const rows = (await auditRows(t.db)).filter((r) => r.subject_id === user.id && r.action === 'auth.passkey');
    expect(rows.map((r) => r.outcome)).toEqual(['success', 'failure']);
  });

  it('signs in without a password when the device verified the user, and not otherwise', async () => {
    const { user, s } = await newUser();
    const { auth } = await enrol(s);
    const start = async () =>
      (await call({ method: 'POST', url: '/api/v1/auth/passkey/sign-in/options', payload: {} })).json().options;
    const withoutUv = await call({
      method: 'POST',
      url: '/api/v1/auth/passkey/sign-in',
      payload: { response: auth.assert(await start(), ORIGIN, { userVerified: false }) },
    });
    expect(withoutUv.statusCode).toBe(401);
    const ok = await call({
      method: 'POST',
      url: '/api/v1/auth/passkey/sign-in',
      payload: { response: auth.assert(await start(), ORIGIN) },
    });
    expect(ok.statusCode).toBe(200);
    const session = cookieFrom(ok, '__Host-percorsi_session') as string;
    const me = await call({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } });
    expect(me.json().user.id).toBe(user.id);
    // a disabled account: the same refusal
    await t.db.owner.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', user.id).execute();
    const disabled = await call({
      method: 'POST',
      url: '/api/v1/auth/passkey/sign-in',
      payload: { response: auth.assert(await start(), ORIGIN) },
    });
    expect(disabled.statusCode).toBe(401);
    expect(disabled.json()).toEqual(withoutUv.json());
  });

  it('refuses a credential nobody enrolled, and a challenge asked for someone else', async () => {
    const stranger = softAuthenticator(RP);
    stranger.userHandle = 'x';
    const opts = (await call({ method: 'POST', url: '/api/v1/auth/passkey/sign-in/options', payload: {} })).json();
    const res = await call({
      method: 'POST',
      url: '/api/v1/auth/passkey/sign-in',
      payload: { response: stranger.assert(opts.options, ORIGIN) },
    });
    expect(res.statusCode).toBe(401);
    // a challenge issued to one user's half-open sign-in does not serve the passwordless door
    const { user, s } = await newUser();
    const { auth } = await enrol(s);
    const { pre } = await passwordStep(user);
    const forHer = (
      await call({ method: 'POST', url: '/api/v1/auth/passkey/options', headers: { cookie: pre }, payload: {} })
    ).json();
    const cross = await call({
      method: 'POST',
      url: '/api/v1/auth/passkey/sign-in',
      payload: { response: auth.assert(forHer.options, ORIGIN) },
    });
    expect(cross.statusCode).toBe(401);
  });

  it('revokes only her own passkeys; a revoked one no longer signs in', async () => {
    const { user, s } = await newUser();
    const other = await newUser();
    const { auth, res } = await enrol(s);
    const id = res.json().id as string;
    const theirs = await call({ method: 'DELETE', url: `/api/v1/auth/passkeys/${id}`, headers: other.s.headers });
    expect(theirs.statusCode).toBe(404);
    const mine = await call({ method: 'DELETE', url: `/api/v1/auth/passkeys/${id}`, headers: s.headers });
    expect(mine.statusCode).toBe(204);
    const opts = (await call({ method: 'POST', url: '/api/v1/auth/passkey/sign-in/options', payload: {} })).json();
    const after = await call({
      method: 'POST',
      url: '/api/v1/auth/passkey/sign-in',
      payload: { response: auth.assert(opts.options, ORIGIN) },
    });
    expect(after.statusCode).toBe(401);
    const { answer } = await passwordStep(user);
    expect(answer).toEqual({ mfaRequired: true });
    const rows = (await auditRows(t.db)).filter((r) => r.action === 'auth.passkey_revoke');
    expect(rows.map((r) => [r.subject_id, r.outcome])).toEqual([[user.id, 'success']]);
  });
});

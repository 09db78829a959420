import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { auditRows, makeOrg, makeUser, openTestAppPerFile, type Signed, signIn } from '../testing/harness.ts';
import { sha256 } from './tokens.ts';
import { totpCode } from './totp.ts';

const t = openTestAppPerFile();

const sessionHash = (s: Signed) => sha256(decodeURIComponent(s.cookie.split('=')[1] as string));
/** Dates this session's last second factor `seconds` ago (the database's clock). */
const factorAgo = (s: Signed, seconds: number) =>
  t.db.owner
    .updateTable('sessions')
    .set({ second_factor_at: sql`now() - make_interval(secs => ${seconds})` })
    .where('id_hash', '=', sessionHash(s))
    .execute();

async function centreWithCase() {
  const orgId = await makeOrg(t.db, { type: 'cav' });
  const operator = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });
  const s = await signIn(t.app, t.db, operator);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: s.headers,
    payload: {
      takenInChargeOn: '2026-03-02',
      ageBand: '30_39',
      violenceTypes: ['psychological'],
      identity: { firstName: 'Ada', lastName: 'Prova' },
    },
  });
  expect(res.statusCode).toBe(201);
  return { operator, s, caseId: res.json().id as string };
}

const readIdentity = (s: Signed, caseId: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/identity?purpose=colloquio`, headers: s.headers });

describe('step-up', () => {
  it('reads her identity within 10 minutes of the sign-in, and asks again after', async () => {
    const { s, caseId } = await centreWithCase();
    expect((await readIdentity(s, caseId)).statusCode).toBe(200);
    await factorAgo(s, 9 * 60 + 58);
    expect((await readIdentity(s, caseId)).statusCode).toBe(200);
    await factorAgo(s, 10 * 60 + 1);
    const stale = await readIdentity(s, caseId);
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('step_up_required');
    expect(stale.body).not.toContain('Prova');
    const state = await t.app.inject({ method: 'GET', url: '/api/v1/auth/step-up', headers: s.headers });
    expect(state.json().fresh).toBe(false);
  });

  it('a TOTP code on the open session makes it fresh again, once per code; audited', async () => {
    const { operator, s, caseId } = await centreWithCase();
    await factorAgo(s, 11 * 60);
    await t.db.owner.updateTable('users').set({ totp_last_step: null }).where('id', '=', operator.id).execute();
    const code = totpCode(operator.totpSecret);
    const step = (c: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/step-up/totp', headers: s.headers, payload: { code: c } });
    const ok = await step(code);
    expect(ok.statusCode).toBe(200);
    expect(new Date(ok.json().freshUntil).getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect((await readIdentity(s, caseId)).statusCode).toBe(200);
    await factorAgo(s, 11 * 60);
    const replay = await step(code);
    expect(replay.statusCode).toBe(401);
    expect((await readIdentity(s, caseId)).statusCode).toBe(403);
    const rows = (await auditRows(t.db)).filter((r) => r.action === 'auth.step_up' && r.subject_id === operator.id);
    expect(rows.map((r) => r.outcome)).toEqual(['success', 'failure']);
  });

  it('bulk exports ask for it too; a session that never proved a factor is never fresh', async () => {
    const { s } = await centreWithCase();
    const exp = () => t.app.inject({ method: 'GET', url: '/api/v1/cases/export?format=csv', headers: s.headers });
    expect((await exp()).statusCode).toBe(200);
    await t.db.owner
      .updateTable('sessions')
      .set({ second_factor_at: null })
      .where('id_hash', '=', sessionHash(s))
      .execute();
    const refused = await exp();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('step_up_required');
  });

  it('needs a session: no cookie is a 401, not a step-up', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/step-up/totp', payload: { code: '123456' } });
    expect(res.statusCode).toBe(401);
  });
});

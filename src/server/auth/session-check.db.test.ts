/**
 * The session check in one statement (auth_session_check, migration 060), from the caller's side:
 * it sets the actor only for a live session of the right stage, and a disabled user's or a stale
 * session is refused and deleted; called directly by the app role with a guessed hash it gives
 * nothing and sets no actor.
 */
import { describe, expect, it } from 'vitest';
import { withContext } from '../db/context.ts';
import { makeOrg, makeUser, openTestAppPerFile, signIn, sql } from '../testing/harness.ts';
import { sha256 } from './tokens.ts';

const t = openTestAppPerFile();
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
const tokenOf = (cookie: string) => cookie.split('=')[1] ?? '';

/** Calls the function as percorsi_app, then reads the actor settings it left on the transaction. */
const check = (hash: string, stage: string) =>
  withContext(t.db, async (tx) => {
    const r = await sql<{ status: string; user_id: string | null; roles: string[] | null }>`
      SELECT status, user_id, roles FROM auth_session_check(${hash}, ${stage}, 15)`.execute(tx);
    const s = await sql<{ user_id: string; org_id: string }>`
      SELECT current_setting('app.user_id', true) AS user_id, current_setting('app.org_id', true) AS org_id`.execute(
      tx,
    );
    return { ...r.rows[0], setting: s.rows[0] };
  });

describe('auth_session_check', () => {
  it('sets the actor of a live session with its roles; nothing for the wrong stage or a guessed hash', async () => {
    const orgId = await makeOrg(t.db);
    const user = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator', 'dpo'] });
    const signed = await signIn(t.app, t.db, user);
    const hash = sha256(tokenOf(signed.cookie));

    const ok = await check(hash, 'full');
    expect(ok).toMatchObject({ status: 'ok', user_id: user.id, roles: ['centre_operator', 'dpo'] });
    expect(ok.setting).toEqual({ user_id: user.id, org_id: orgId });

    for (const [h, stage] of [
      [hash, 'pre_auth'],
      [sha256('guessed-token'), 'full'],
    ] as const) {
      const refused = await check(h, stage);
      expect(refused.status).toBe('missing');
      expect(refused.user_id).toBeNull();
      expect(refused.setting?.user_id ?? '').toBe('');
    }
    // The wrong stage does not end the session.
    expect((await me(signed.cookie)).statusCode).toBe(200);
  });

  it("ends a disabled user's session at its next request", async () => {
    const user = await makeUser(t.db, t.config, { organisationId: await makeOrg(t.db), roles: ['centre_operator'] });
    const signed = await signIn(t.app, t.db, user);
    await t.db.owner.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', user.id).execute();
    const res = await me(signed.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session_expired');
    const left = await t.db.owner.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute();
    expect(left).toEqual([]);
  });

  it('writes last_seen_at at most once a minute', async () => {
    const user = await makeUser(t.db, t.config, { organisationId: await makeOrg(t.db), roles: ['centre_operator'] });
    const signed = await signIn(t.app, t.db, user);
    const seen = async () =>
      (
        await t.db.owner
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('user_id', '=', user.id)
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await t.db.owner
      .updateTable('sessions')
      .set({ last_seen_at: twoMinutesAgo })
      .where('user_id', '=', user.id)
      .execute();
    expect((await me(signed.cookie)).statusCode).toBe(200);
    const touched = new Date(await seen());
    expect(touched.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
    expect((await me(signed.cookie)).statusCode).toBe(200);
    expect(new Date(await seen()).getTime()).toBe(touched.getTime());
  });
});

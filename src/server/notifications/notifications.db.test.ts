import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type Actor, setActor, type Tx, withContext } from '../db/context.ts';
import { makeOrg, makeUser, openTestAppPerFile, type Signed, signIn, type TestUser } from '../testing/harness.ts';
import { notify, notifyFromSystem } from './notify.ts';

const t = openTestAppPerFile();

const actorOf = (u: TestUser): Actor => ({ userId: u.id, organisationId: u.organisationId, roles: u.roles });
const as = <T>(u: TestUser, fn: (tx: Tx) => Promise<T>) =>
  withContext(t.db, async (tx) => {
    await setActor(tx, actorOf(u));
    return fn(tx);
  });
const setEmail = (u: TestUser, email: string | null) =>
  t.db.owner.updateTable('users').set({ email }).where('id', '=', u.id).execute();
const inboxOf = async (u: TestUser) =>
  t.db.owner.selectFrom('notifications').selectAll().where('user_id', '=', u.id).execute();
const outboxOf = async (u: TestUser) =>
  t.db.owner.selectFrom('email_outbox').selectAll().where('user_id', '=', u.id).execute();
const get = (s: Signed | null, url: string) => t.app.inject({ method: 'GET', url, headers: s?.headers ?? {} });
/** The inbox's groups, flattened (the grouping is tested in notification-context.db.test.ts). */
const flat = (inbox: { groups: Array<{ items: object[] }>; unread: number }) => ({
  unread: inbox.unread,
  groups: inbox.groups,
  items: inbox.groups.flatMap((g) => g.items) as [{ id: string; kind: string }, { id: string; kind: string }],
});
const post = (s: Signed | null, url: string) => t.app.inject({ method: 'POST', url, headers: s?.headers ?? {} });

/** A centre operator, and a CPI with: two active referents (one without e-mail), a disabled one, an admin. */
async function network() {
  const centreOrg = await makeOrg(t.db, { type: 'cav' });
  const cpiOrg = await makeOrg(t.db, { type: 'employment_centre' });
  const otherOrg = await makeOrg(t.db, { type: 'employment_centre' });
  const operator = await makeUser(t.db, t.config, { organisationId: centreOrg, roles: ['centre_operator'] });
  const colleague = await makeUser(t.db, t.config, { organisationId: centreOrg, roles: ['centre_operator'] });
  const referent = await makeUser(t.db, t.config, { organisationId: cpiOrg, roles: ['cpi_referent'] });
  const noEmail = await makeUser(t.db, t.config, { organisationId: cpiOrg, roles: ['cpi_referent', 'org_admin'] });
  const disabled = await makeUser(t.db, t.config, { organisationId: cpiOrg, roles: ['cpi_referent'] });
  const admin = await makeUser(t.db, t.config, { organisationId: cpiOrg, roles: ['org_admin'] });
  const elsewhere = await makeUser(t.db, t.config, { organisationId: otherOrg, roles: ['cpi_referent'] });
  for (const u of [operator, colleague, referent, disabled, admin, elsewhere])
    await setEmail(u, `${u.username}@example.test`);
  await t.db.owner.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', disabled.id).execute();
  return { centreOrg, cpiOrg, operator, colleague, referent, noEmail, disabled, admin, elsewhere };
}

describe('notify_users', () => {
  it('notifies the active users with the roles in that organisation, and mails those with an address', async () => {
    const n = await network();
    const referralId = randomUUID();
    const count = await as(n.operator, (tx) =>
      notify(tx, { organisationId: n.cpiOrg, roles: ['cpi_referent'], kind: 'referral_received', referralId }),
    );
    expect(count).toBe(2);
    expect((await inboxOf(n.referent)).map((r) => [r.kind, r.referral_id, r.organisation_id, r.read_at])).toEqual([
      ['referral_received', referralId, n.cpiOrg, null],
    ]);
    expect(await inboxOf(n.noEmail)).toHaveLength(1);
    for (const u of [n.disabled, n.admin, n.elsewhere, n.operator, n.colleague])
      expect(await inboxOf(u), u.username).toHaveLength(0);
    const mails = await outboxOf(n.referent);
    expect(mails.map((m) => [m.to_address, m.template, m.attempts, m.sent_at, m.failed_at])).toEqual([
      [`${n.referent.username}@example.test`, 'referral_received', 0, null, null],
    ]);
    expect(await outboxOf(n.noEmail)).toHaveLength(0);
  });

  it('notifies exactly the given users, only in that organisation, never the actor', async () => {
    const n = await network();
    const ids = [n.referent.id, n.disabled.id, n.elsewhere.id, n.operator.id];
    expect(
      await as(n.operator, (tx) => notify(tx, { organisationId: n.cpiOrg, userIds: ids, kind: 'referral_message' })),
    ).toBe(1);
    expect((await inboxOf(n.referent)).map((r) => [r.kind, r.referral_id])).toEqual([['referral_message', null]]);
    expect(await inboxOf(n.elsewhere)).toHaveLength(0);
    // users and roles together: the given users who hold one of the roles
    expect(
      await as(n.operator, (tx) =>
        notify(tx, {
          organisationId: n.cpiOrg,
          userIds: [n.referent.id, n.admin.id],
          roles: ['org_admin'],
          kind: 'referral_overdue',
        }),
      ),
    ).toBe(1);
    expect(await inboxOf(n.admin)).toHaveLength(1);
    // the centre's own operators, less the one who acted
    expect(
      await as(n.operator, (tx) =>
        notify(tx, { organisationId: n.centreOrg, roles: ['centre_operator'], kind: 'referral_accepted' }),
      ),
    ).toBe(1);
    expect(await inboxOf(n.colleague)).toHaveLength(1);
    expect(await inboxOf(n.operator)).toHaveLength(0);
    expect(
      await as(n.operator, (tx) => notify(tx, { organisationId: n.cpiOrg, userIds: [], kind: 'referral_message' })),
    ).toBe(0);
  });

  it('refuses without a signed-in actor, and gives the app role nothing of the outbox', async () => {
    const n = await network();
    const anonymous = withContext(t.db, (tx) =>
      notify(tx, { organisationId: n.cpiOrg, roles: ['cpi_referent'], kind: 'referral_received' }),
    );
    await expect(anonymous).rejects.toMatchObject({ code: '42501' });
    expect(await inboxOf(n.referent)).toHaveLength(0);
    await as(n.operator, (tx) =>
      notify(tx, { organisationId: n.cpiOrg, roles: ['cpi_referent'], kind: 'referral_received' }),
    );
    for (const u of [n.operator, n.referent]) {
      const read = as(u, (tx) => tx.selectFrom('email_outbox').select('id').execute());
      await expect(read, u.username).rejects.toMatchObject({ code: '42501' });
    }
    // nor call the actor-less body of notify_users
    const direct = as(n.operator, (tx) =>
      sql`SELECT notify_recipients(${n.cpiOrg}::uuid, NULL, ${[n.referent.id]}::uuid[], 'referral_received', NULL, NULL)`.execute(
        tx,
      ),
    );
    await expect(direct).rejects.toMatchObject({ code: '42501' });
    // the app role cannot write notifications directly either
    const forged = as(n.operator, (tx) =>
      tx
        .insertInto('notifications')
        .values({ user_id: n.referent.id, organisation_id: n.cpiOrg, kind: 'referral_received' })
        .execute(),
    );
    await expect(forged).rejects.toMatchObject({ code: '42501' });
  });

  it('lets system jobs notify through the owner connection', async () => {
    const n = await network();
    expect(
      await notifyFromSystem(t.db.owner, {
        organisationId: n.centreOrg,
        roles: ['centre_operator'],
        kind: 'referral_overdue',
      }),
    ).toBe(2);
    for (const u of [n.operator, n.colleague])
      expect((await inboxOf(u)).map((r) => r.kind)).toEqual(['referral_overdue']);
    expect(await outboxOf(n.operator)).toHaveLength(1);
  });
});

describe('the inbox', () => {
  it('lists and marks as read only the user’s own notifications', async () => {
    const n = await network();
    const referralId = randomUUID();
    await as(n.operator, (tx) =>
      notify(tx, { organisationId: n.cpiOrg, roles: ['cpi_referent'], kind: 'referral_received', referralId }),
    );
    await as(n.operator, (tx) =>
      notify(tx, { organisationId: n.cpiOrg, userIds: [n.referent.id], kind: 'referral_withdrawn', referralId }),
    );
    const s = await signIn(t.app, t.db, n.referent);
    const inbox = flat((await get(s, '/api/v1/notifications')).json());
    expect(inbox.unread).toBe(2);
    expect(inbox.items.map((i: { kind: string }) => i.kind).sort()).toEqual([
      'referral_received',
      'referral_withdrawn',
    ]);
    expect(Object.keys(inbox.items[0]).sort()).toEqual(['createdAt', 'id', 'kind', 'readAt', 'referralId']);
    expect(inbox.items[0]).toMatchObject({ referralId, readAt: null });
    // one referral, one group; a referral she cannot see (here: none) gives no context
    expect(inbox.groups.map((g) => [g, g.items.length])).toEqual([
      [expect.objectContaining({ referralId, context: null, unread: 2 }), 2],
    ]);

    const theirs = (await inboxOf(n.noEmail))[0]?.id as string;
    const stranger = await signIn(t.app, t.db, n.elsewhere);
    expect((await post(s, `/api/v1/notifications/${theirs}/read`)).statusCode).toBe(404);
    expect((await post(stranger, `/api/v1/notifications/${inbox.items[0].id}/read`)).statusCode).toBe(404);
    expect((await get(stranger, '/api/v1/notifications')).json()).toEqual({ groups: [], unread: 0 });
    expect((await post(s, `/api/v1/notifications/${randomUUID()}/read`)).statusCode).toBe(404);
    expect((await inboxOf(n.noEmail))[0]?.read_at).toBeNull();

    expect((await post(s, `/api/v1/notifications/${inbox.items[0].id}/read`)).statusCode).toBe(204);
    expect((await post(s, `/api/v1/notifications/${inbox.items[0].id}/read`)).statusCode).toBe(204);
    const unread = flat((await get(s, '/api/v1/notifications?unread=true')).json());
    expect([unread.unread, unread.items.map((i: { id: string }) => i.id)]).toEqual([1, [inbox.items[1].id]]);
    expect((await post(s, '/api/v1/notifications/read-all')).statusCode).toBe(204);
    expect((await get(s, '/api/v1/notifications?unread=true')).json()).toEqual({ groups: [], unread: 0 });
    expect(flat((await get(s, '/api/v1/notifications')).json()).items).toHaveLength(2);
    expect((await inboxOf(n.noEmail))[0]?.read_at).toBeNull();
  });

  it('answers 401 without a session, 403 without the CSRF header, 400 on unknown parameters', async () => {
    const n = await network();
    expect((await get(null, '/api/v1/notifications')).statusCode).toBe(401);
    expect((await post(null, '/api/v1/notifications/read-all')).statusCode).toBe(401);
    expect((await post(null, `/api/v1/notifications/${randomUUID()}/read`)).statusCode).toBe(401);
    const s = await signIn(t.app, t.db, n.admin);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: { cookie: s.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await get(s, '/api/v1/notifications?unread=maybe')).statusCode).toBe(400);
    expect((await get(s, '/api/v1/notifications?userId=x')).statusCode).toBe(400);
    expect((await post(s, '/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);
  });
});

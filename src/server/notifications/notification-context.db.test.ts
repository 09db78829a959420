import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setActor, withContext } from '../db/context.ts';
import { makeUser, openTestAppPerFile, type Signed, signIn } from '../testing/harness.ts';
import { CANARY, referralFixture } from '../testing/referral-fixture.ts';

const t = openTestAppPerFile();
const f = referralFixture(() => t);

interface Group {
  referralId: string | null;
  unread: number;
  context: Record<string, unknown> | null;
  items: Array<{ id: string; kind: string; readAt: string | null }>;
}
const inbox = async (s: Signed) => {
  const res = await f.inject('GET', s, '/api/v1/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { groups: Group[]; unread: number; raw: string } & { body?: string };
};
const rawInbox = async (s: Signed) => (await f.inject('GET', s, '/api/v1/notifications')).body;
const kinds = (g: Group | undefined) => g?.items.map((i) => [i.kind, i.readAt === null ? 'unread' : 'read']);

/** A centre's referral to a CPI with two referents, neither named: both are notified. */
async function referral() {
  const centre = await f.centreWithCase();
  const cpi = await f.party('employment_centre', ['cpi_referent']);
  const colleague = await signIn(
    t.app,
    t.db,
    await makeUser(t.db, t.config, { organisationId: cpi.orgId, roles: ['cpi_referent'] }),
  );
  await f.consent(centre.s, centre.caseId, cpi.orgId);
  const res = await f.send(centre.s, {
    caseId: centre.caseId,
    recipientOrganisationId: cpi.orgId,
    purpose: 'work_orientation',
    urgency: 'routine',
    shareFields: ['profile.ageBand'],
  });
  expect(res.statusCode, res.body).toBe(201);
  const sent = res.json() as { id: string; pseudonym: string; ackDueOn: string; appointmentDueOn: string };
  return { centre, cpi, colleague, sent };
}

describe('notifications with context', () => {
  it('show the recipient the pseudonym, sender, purpose and due date, and the centre the case code', async () => {
    const { centre, cpi, sent } = await referral();
    const theirs = await inbox(cpi.s);
    expect(theirs.groups).toHaveLength(1);
    expect(theirs.groups[0]?.context).toEqual({
      side: 'recipient',
      caseId: null,
      caseCode: null,
      pseudonym: sent.pseudonym,
      senderName: expect.any(String),
      recipientName: expect.any(String),
      purpose: 'work_orientation',
      status: 'sent',
      dueOn: sent.ackDueOn,
      dueKind: 'acknowledgement',
      overdue: null,
    });
    const body = await rawInbox(cpi.s);
    for (const secret of [centre.code, centre.caseId, CANARY.lastName]) expect(body).not.toContain(secret);

    expect((await f.step(cpi.s, sent.id, 1, { action: 'accept' })).statusCode).toBe(200);
    const ours = await inbox(centre.s);
    expect(ours.groups[0]?.context).toMatchObject({
      side: 'sender',
      caseId: centre.caseId,
      caseCode: centre.code,
      pseudonym: null,
      status: 'accepted',
      dueOn: sent.appointmentDueOn,
      dueKind: 'first_appointment',
    });
    // e-mails carry a template code and an address, nothing of the referral
    const mails = await t.db.owner.selectFrom('email_outbox').selectAll().execute();
    const text = JSON.stringify(mails);
    for (const secret of [centre.code, sent.pseudonym, 'work_orientation']) expect(text).not.toContain(secret);
  });

  it('group a referral’s notifications, newest first, with their unread count', async () => {
    const { centre, cpi, sent } = await referral();
    expect((await f.step(cpi.s, sent.id, 1, { action: 'accept' })).statusCode).toBe(200);
    const report = { kind: 'registered', occurredOn: new Date().toISOString().slice(0, 10) };
    expect((await f.step(cpi.s, sent.id, 2, { action: 'report', report })).statusCode).toBe(200);
    const second = await referral();
    const ours = await inbox(centre.s);
    expect(ours.groups.map((g) => g.referralId)).toEqual([sent.id]);
    expect(ours.groups[0]?.unread).toBe(2);
    expect(kinds(ours.groups[0])).toEqual([
      ['referral_reported', 'unread'],
      ['referral_accepted', 'unread'],
    ]);
    // another centre's referral is another inbox
    expect((await inbox(second.centre.s)).groups).toEqual([]);
  });

  it('clear themselves: opening reads hers, acting settles her organisation’s, not the other side’s', async () => {
    const { centre, cpi, colleague, sent } = await referral();
    expect(kinds((await inbox(colleague)).groups[0])).toEqual([['referral_received', 'unread']]);
    // she opens it: hers is read, her colleague's is not
    expect((await f.inject('GET', cpi.s, `/api/v1/referrals/${sent.id}`)).statusCode).toBe(200);
    expect(kinds((await inbox(cpi.s)).groups[0])).toEqual([['referral_received', 'read']]);
    expect(kinds((await inbox(colleague)).groups[0])).toEqual([['referral_received', 'unread']]);
    // she accepts: the task is done for the whole CPI
    expect((await f.step(cpi.s, sent.id, 1, { action: 'accept' })).statusCode).toBe(200);
    expect(kinds((await inbox(colleague)).groups[0])).toEqual([['referral_received', 'read']]);
    expect((await inbox(colleague)).unread).toBe(0);
    // the centre's notification of the acceptance stays until the centre acts on it
    expect(kinds((await inbox(centre.s)).groups[0])).toEqual([['referral_accepted', 'unread']]);
    // a message, answered: the thread is settled at the answering body
    const msg = (s: Signed) =>
      f.inject('POST', s, `/api/v1/referrals/${sent.id}/messages`, { body: 'Appuntamento martedì?' });
    expect((await msg(centre.s)).statusCode).toBe(201);
    expect(kinds((await inbox(colleague)).groups[0])?.[0]).toEqual(['referral_message', 'unread']);
    expect((await msg(cpi.s)).statusCode).toBe(201);
    expect(kinds((await inbox(colleague)).groups[0])?.[0]).toEqual(['referral_message', 'read']);
    expect(kinds((await inbox(centre.s)).groups[0])).toEqual([
      ['referral_message', 'unread'],
      ['referral_accepted', 'unread'],
    ]);
    // the centre opens the referral: everything of it is read for her
    expect((await f.inject('GET', centre.s, `/api/v1/referrals/${sent.id}`)).statusCode).toBe(200);
    expect((await inbox(centre.s)).unread).toBe(0);
  });

  it('lose their context, and clear, when a decline ends the recipient’s access', async () => {
    const { cpi, colleague, sent } = await referral();
    const declined = await f.step(cpi.s, sent.id, 1, { action: 'decline', declineReason: 'no_capacity' });
    expect(declined.statusCode, declined.body).toBe(200);
    const g = (await inbox(colleague)).groups[0];
    expect(g?.context).toBeNull();
    expect(kinds(g)).toEqual([['referral_received', 'read']]);
  });

  it('cannot be cleared by another organisation, through the door or the table', async () => {
    const { cpi, colleague, sent } = await referral();
    const stranger = await f.party('employment_centre', ['cpi_referent']);
    const other = await f.centreWithCase();
    for (const who of [stranger, other]) {
      const n = await withContext(t.db, async (tx) => {
        await setActor(tx, { userId: who.user.id, organisationId: who.orgId, roles: who.user.roles });
        const cleared = await sql<{
          n: number;
        }>`SELECT clear_notifications(${sent.id}::uuid, ARRAY['referral_received']) AS n`.execute(tx);
        const direct = await tx
          .updateTable('notifications')
          .set({ read_at: new Date() })
          .where('referral_id', '=', sent.id)
          .executeTakeFirst();
        return [cleared.rows[0]?.n, Number(direct.numUpdatedRows)];
      });
      expect(n).toEqual([0, 0]);
    }
    for (const s of [cpi.s, colleague]) expect((await inbox(s)).unread).toBe(1);
    const anonymous = withContext(t.db, (tx) =>
      sql`SELECT clear_notifications(${sent.id}::uuid, ARRAY['referral_received'])`.execute(tx),
    );
    await expect(anonymous).rejects.toMatchObject({ code: '42501' });
  });
});

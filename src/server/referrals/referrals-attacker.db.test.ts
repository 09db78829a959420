import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setActor, withContext } from '../db/context.ts';
import { openTestAppPerFile } from '../testing/harness.ts';
import { CANARY, type Party, referralFixture } from '../testing/referral-fixture.ts';

const t = openTestAppPerFile();
const f = referralFixture(() => t);
const FIELDS = ['profile.ageBand', 'identity.name', 'identity.phone'];

async function scene() {
  const centre = await f.centreWithCase();
  const cpi = await f.party('employment_centre', ['cpi_referent']);
  await f.consent(centre.s, centre.caseId, cpi.orgId, { includesIdentity: true });
  const res = await f.send(centre.s, {
    caseId: centre.caseId,
    recipientOrganisationId: cpi.orgId,
    purpose: 'work_orientation',
    urgency: 'routine',
    shareFields: FIELDS,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { centre, cpi, id: res.json().id as string, pseudonym: res.json().pseudonym as string };
}

const everyReferralEndpoint = (p: Party | null, id: string) => [
  f.inject('GET', p?.s ?? null, `/api/v1/referrals/${id}`),
  f.inject('GET', p?.s ?? null, `/api/v1/referrals/${id}/messages`),
  f.inject('POST', p?.s ?? null, `/api/v1/referrals/${id}/messages`, { body: 'ciao' }),
  f.inject('POST', p?.s ?? null, `/api/v1/referrals/${id}/transitions`, { action: 'accept' }, { 'if-match': '"1"' }),
  f.inject('POST', p?.s ?? null, `/api/v1/referrals/${id}/transitions`, { action: 'withdraw' }, { 'if-match': '"1"' }),
];

describe('referrals from the attacker’s side', () => {
  it('shows nothing to a third organisation, another CPI, the control room, or a colleague without a receiving role', async () => {
    const { id, cpi } = await scene();
    const otherCentre = await f.party('cav', ['centre_operator', 'dpo']);
    const otherCpi = await f.party('employment_centre', ['cpi_referent']);
    const controlRoom = await f.party('metro_city', ['control_room_member', 'network_coordinator']);
    const { makeUser, signIn } = await import('../testing/harness.ts');
    const admin = await makeUser(t.db, t.config, { organisationId: cpi.orgId, roles: ['org_admin'] });
    const cpiAdmin = { orgId: cpi.orgId, user: admin, s: await signIn(t.app, t.db, admin) };
    for (const p of [otherCentre, otherCpi, controlRoom, cpiAdmin]) {
      const answers = await Promise.all(everyReferralEndpoint(p, id));
      expect(
        answers.map((a) => a.statusCode),
        p.user.roles.join(),
      ).toEqual([404, 404, 404, 404, 404]);
      for (const a of answers) expect(a.body).not.toContain(CANARY.lastName);
    }
    expect((await f.inject('GET', otherCpi.s, '/api/v1/referrals?box=inbox')).json().items).toEqual([]);
    expect((await f.inject('GET', otherCentre.s, '/api/v1/referrals?box=outbox')).json().items).toEqual([]);
    const anonymous = await Promise.all(everyReferralEndpoint(null, id));
    expect(anonymous.map((a) => a.statusCode)).toEqual([401, 401, 401, 401, 401]);
    expect((await f.inject('GET', null, '/api/v1/referrals?box=inbox')).statusCode).toBe(401);
  });

  it('never lets the recipient read the case, its identity, consents or plan, nor send a referral from it', async () => {
    const { centre, cpi } = await scene();
    for (const url of [
      '',
      '/identity?purpose=verifica%20contatto',
      '/consents',
      '/plan',
      '/outcomes',
      '/timeline',
      '/needs-assessments',
      '/referral-destinations',
    ]) {
      expect((await f.inject('GET', cpi.s, `/api/v1/cases/${centre.caseId}${url}`)).statusCode, url).toBe(404);
    }
    expect((await f.inject('GET', cpi.s, '/api/v1/referrals?box=outbox')).json().items).toEqual([]);
    const forged = await f.send(cpi.s, {
      caseId: centre.caseId,
      recipientOrganisationId: centre.orgId,
      purpose: 'work_orientation',
      urgency: 'routine',
      shareFields: [],
    });
    expect(forged.statusCode).toBe(404);
  });

  it('gives two recipients different pseudonyms, and one recipient the same one each time', async () => {
    const centre = await f.centreWithCase();
    const a = await f.party('employment_centre', ['cpi_referent']);
    const b = await f.party('training_body', ['service_operator']);
    await f.consent(centre.s, centre.caseId, a.orgId);
    await f.consent(centre.s, centre.caseId, b.orgId);
    const body = (to: string) => ({
      caseId: centre.caseId,
      recipientOrganisationId: to,
      purpose: 'work_orientation',
      urgency: 'routine',
      shareFields: ['profile.ageBand'],
    });
    const [r1, r2, r3] = [
      await f.send(centre.s, body(a.orgId)),
      await f.send(centre.s, body(b.orgId)),
      await f.send(centre.s, body(a.orgId)),
    ].map((r) => r.json());
    expect(r1.pseudonym).not.toBe(r2.pseudonym);
    expect(r3.pseudonym).toBe(r1.pseudonym);
    expect((await f.inject('GET', b.s, `/api/v1/referrals/${r1.id}`)).statusCode).toBe(404);
  });

  it('lets the recipient’s DPO read but not act; RLS hides ended shares even from a direct query', async () => {
    const { centre, cpi, id } = await scene();
    const { makeUser, signIn } = await import('../testing/harness.ts');
    const dpoUser = await makeUser(t.db, t.config, { organisationId: cpi.orgId, roles: ['dpo'] });
    const dpo = await signIn(t.app, t.db, dpoUser);
    expect((await f.inject('GET', dpo, `/api/v1/referrals/${id}`)).json().allowedActions).toEqual([]);
    expect((await f.step(dpo, id, 1, { action: 'accept' })).statusCode).toBe(404);
    await t.db.owner.updateTable('referrals').set({ access_until: '2026-01-01' }).where('id', '=', id).execute();
    const asRecipient = (q: (tx: Parameters<Parameters<typeof withContext>[1]>[0]) => Promise<unknown[]>) =>
      withContext(t.db, async (tx) => {
        await setActor(tx, { userId: cpi.user.id, organisationId: cpi.orgId, roles: ['cpi_referent'] });
        return q(tx);
      });
    expect(await asRecipient((tx) => tx.selectFrom('referral_shares').selectAll().execute())).toEqual([]);
    expect(await asRecipient((tx) => tx.selectFrom('referrals').selectAll().execute())).toEqual([]);
    expect(await asRecipient((tx) => tx.selectFrom('cases').selectAll().execute())).toEqual([]);
    // the sender still sees its referral, without the share once swept
    expect((await f.inject('GET', centre.s, `/api/v1/referrals/${id}`)).json().accessOpen).toBe(false);
  });

  it('keeps every identity canary out of the database in clear, and notifies without personal data', async () => {
    const { cpi, id, centre } = await scene();
    const message = await f.inject('POST', centre.s, `/api/v1/referrals/${id}/messages`, {
      body: `Chiamare ${CANARY.firstName} ${CANARY.lastName} dopo le 10`,
    });
    expect(message.statusCode).toBe(201);
    expect((await f.inject('GET', cpi.s, `/api/v1/referrals/${id}/messages`)).json().items[0].body).toContain(
      CANARY.lastName,
    );
    const dump = await sql<{ t: string }>`SELECT string_agg(t, ' ') AS t FROM (
      SELECT row_to_json(r)::text AS t FROM referrals r UNION ALL SELECT row_to_json(s)::text FROM referral_shares s
      UNION ALL SELECT row_to_json(e)::text FROM referral_events e UNION ALL SELECT row_to_json(m)::text FROM referral_messages m UNION ALL SELECT row_to_json(a)::text FROM audit_log a
      UNION ALL SELECT row_to_json(n)::text FROM notifications n UNION ALL SELECT row_to_json(o)::text FROM email_outbox o) x`.execute(
      t.db.owner,
    );
    const text = dump.rows[0]?.t ?? '';
    for (const v of [CANARY.firstName, CANARY.lastName, CANARY.phone, CANARY.email, CANARY.address])
      expect(text).not.toContain(v);
    const notes = await t.db.owner
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'referral_id'])
      .where('referral_id', '=', id)
      .execute();
    expect(notes.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { user_id: cpi.user.id, kind: 'referral_message', referral_id: id },
      { user_id: cpi.user.id, kind: 'referral_received', referral_id: id },
    ]);
  });

  it('lists overdue referrals to the coordinator of the network and the control room, with bodies and dates only', async () => {
    const { centre, cpi, id } = await scene();
    await t.db.owner
      .insertInto('networks')
      .values({
        id: 'rete-prova',
        name: 'Rete di prova',
        lead_municipality_code: null,
        municipalities_basis: null,
        has_shelters: false,
        shelters_note: null,
        notes: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const coordinator = await f.party('municipality', ['network_coordinator']);
    const elsewhere = await f.party('municipality', ['network_coordinator']);
    await t.db.owner
      .insertInto('organisation_networks')
      .values([
        { organisation_id: coordinator.orgId, network_id: 'rete-prova' },
        { organisation_id: centre.orgId, network_id: 'rete-prova' },
      ])
      .execute();
    await t.db.owner
      .updateTable('referrals')
      .set({ network_id: 'rete-prova', sent_on: '2026-11-02', ack_due_on: '2026-11-09', expires_on: '2099-01-01' })
      .where('id', '=', id)
      .execute();
    const list = (await f.inject('GET', coordinator.s, '/api/v1/referrals/overdue')).json().items;
    expect(list.map((r: { id: string; overdue: string }) => [r.id, r.overdue])).toEqual([[id, 'acknowledgement']]);
    expect(Object.keys(list[0]).sort()).toEqual([
      'dueOn',
      'id',
      'networkId',
      'overdue',
      'purpose',
      'recipient',
      'sender',
      'sentOn',
      'status',
      'urgency',
      'workingDaysLate',
    ]);
    expect(list[0].workingDaysLate).toBeGreaterThan(10);
    expect((await f.inject('GET', elsewhere.s, '/api/v1/referrals/overdue')).json().items).toEqual([]);
    expect((await f.inject('GET', centre.s, '/api/v1/referrals/overdue')).statusCode).toBe(404);
    const flagged = (await f.inject('GET', centre.s, '/api/v1/referrals?box=outbox&overdue=true')).json().items;
    expect(flagged.map((r: { id: string; overdue: string }) => [r.id, r.overdue])).toEqual([[id, 'acknowledgement']]);
    // both sides are told once per missed deadline
    const { notifyOverdue } = await import('./sweep.ts');
    expect(await notifyOverdue(t.db)).toBe(1);
    expect(await notifyOverdue(t.db)).toBe(0);
    const told = await t.db.owner
      .selectFrom('notifications')
      .select(['user_id'])
      .where('referral_id', '=', id)
      .where('kind', '=', 'referral_overdue')
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([centre.user.id, cpi.user.id].sort());
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkQueue } from '../../shared/codes/worklist.ts';
import {
  isActionOverdue,
  isConsentExpiring,
  isFollowUpDue,
  isWindowClosing,
  plusDays,
  referralOverdue,
} from '../../shared/urgency.ts';
import { isoDate, isoDateOrNull, todayInItaly } from '../db/dates.ts';
import { makeUser, openTestAppPerFile, type Signed, signIn, signInNew } from '../testing/harness.ts';
import { referralFixture } from '../testing/referral-fixture.ts';

const t = openTestAppPerFile();
const f = referralFixture(() => t);
const today = todayInItaly();
const d = (n: number) => plusDays(today, n);

const get = (s: Signed | null, url: string) => f.inject('GET', s, url);
const post = (s: Signed, url: string, payload: object, headers: Record<string, string> = {}) =>
  f.inject('POST', s, url, payload, headers);
const putPlan = (s: Signed, caseId: string, payload: object) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/cases/${caseId}/plan`,
    headers: { ...s.headers, 'if-match': '"0"' },
    payload,
  });
async function ok(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as Record<string, unknown> & { id: string; version: number };
}

async function counts(s: Signed): Promise<Record<string, number>> {
  const body = (await ok(await get(s, '/api/v1/worklist'))) as unknown as {
    queues: Array<{ queue: string; count: number }>;
  };
  return Object.fromEntries(body.queues.map((q) => [q.queue, q.count]));
}
type Item = { id: string; caseCode: string | null; pseudonym: string | null; dueOn: string | null; detail: string };
async function page(s: Signed, queue: WorkQueue, query = 'limit=200') {
  return (await ok(await get(s, `/api/v1/worklist/${queue}?${query}`))) as unknown as { total: number; items: Item[] };
}
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();

let w: Awaited<ReturnType<typeof world>>;

/** A centre with her cases in every state a queue looks at, a CPI that received referrals, and their neighbours. */
async function world() {
  const centre = await f.centreWithCase();
  const cpi = await f.party('employment_centre', ['cpi_referent']);
  const colleague = await makeUser(t.db, t.config, { organisationId: centre.orgId, roles: ['centre_operator'] });
  const colleagueS = await signIn(t.app, t.db, colleague);
  const dpo = await signInNew(t, { organisationId: centre.orgId, roles: ['dpo'] });
  const caseId = centre.caseId;
  // her plan: two actions overdue, three not
  const plan = {
    goals: [
      {
        domain: 'work',
        title: 'Lavoro',
        actions: [
          { catalogueCode: 'cpi_registration', dueOn: d(-3), status: 'planned' },
          { catalogueCode: 'cpi_registration', dueOn: d(-1), status: 'in_progress' },
          { catalogueCode: 'cpi_registration', dueOn: d(-10), status: 'done' },
          { catalogueCode: 'cpi_registration', dueOn: today, status: 'planned' },
          { catalogueCode: 'cpi_registration', dueOn: null, status: 'planned' },
        ],
      },
    ],
  };
  await ok(await putPlan(centre.s, caseId, plan));
  // consents: one expiring in 10 days, one in 40
  const consent = { decision: 'granted', textVersion: '2026-01', method: 'signed_form', givenOn: d(-300) };
  const consents = `/api/v1/cases/${caseId}/consents`;
  await ok(await post(centre.s, consents, { ...consent, purpose: 'statistics', expiresOn: d(10) }), 201);
  await ok(await post(centre.s, consents, { ...consent, purpose: 'service', expiresOn: d(40) }), 201);
  // a hire 200 days ago: the 3- and 6-month follow-ups are due; the first is then done
  await ok(
    await post(centre.s, `/api/v1/cases/${caseId}/outcomes`, {
      kind: 'hired',
      occurredOn: d(-200),
      details: { contractType: 'fixed_term', weeklyHours: 20, sector: 'G' },
    }),
    201,
  );
  const fus = (await ok(await get(centre.s, `/api/v1/cases/${caseId}/follow-ups`))) as unknown as {
    items: Array<{ id: string; months: number }>;
  };
  const three = fus.items.find((x) => x.months === 3);
  await ok(
    await post(centre.s, `/api/v1/cases/${caseId}/follow-ups/${three?.id}`, { doneOn: d(-100), stillWorking: true }),
  );
  // closed cases: one in the last 30 days of its window, one not, one of the colleague's
  const closed = async (s: Signed, closedOn: string) => {
    const c = await ok(await post(s, '/api/v1/cases', { takenInChargeOn: '2025-01-10' }), 201);
    await ok(
      await post(
        s,
        `/api/v1/cases/${c.id}/closure`,
        { closedOn, outcome: 'goals_reached' },
        { 'if-match': `"${c.version}"` },
      ),
    );
    return c.id;
  };
  const closing = await closed(centre.s, d(-160));
  await closed(centre.s, d(-100));
  const colleagues = await closed(colleagueS, d(-170));

  // referrals to the CPI, their dates moved into the past
  await f.consent(centre.s, caseId, cpi.orgId);
  const send = async () =>
    (await ok(
      await f.send(centre.s, {
        caseId,
        recipientOrganisationId: cpi.orgId,
        purpose: 'work_orientation',
        urgency: 'routine',
        shareFields: ['profile.ageBand'],
      }),
      201,
    )) as { id: string; version: number };
  const dates = (id: string, v: Record<string, string>) =>
    t.db.owner.updateTable('referrals').set(v).where('id', '=', id).execute();
  const unanswered = await send(); // past its answer deadline
  await dates(unanswered.id, { sent_on: d(-7), ack_due_on: d(-2), appointment_due_on: d(8), expires_on: d(10) });
  const fresh = await send(); // within its deadlines
  const toBook = await send(); // accepted, first appointment past due
  await ok(await f.step(cpi.s, toBook.id, 1, { action: 'accept' }));
  await dates(toBook.id, { sent_on: d(-20), ack_due_on: d(-15), appointment_due_on: d(-1) });
  const toReport = await send(); // appointment held, nothing reported since
  await dates(toReport.id, { sent_on: d(-20) });
  await ok(await f.step(cpi.s, toReport.id, 1, { action: 'accept' }));
  await ok(await f.step(cpi.s, toReport.id, 2, { action: 'book', appointmentOn: d(-5) }));
  const reported = await send(); // appointment held and reported on
  await dates(reported.id, { sent_on: d(-20) });
  await ok(await f.step(cpi.s, reported.id, 1, { action: 'accept' }));
  await ok(await f.step(cpi.s, reported.id, 2, { action: 'book', appointmentOn: d(-5) }));
  await ok(
    await f.step(cpi.s, reported.id, 3, {
      action: 'report',
      report: { kind: 'first_appointment', occurredOn: d(-5) },
    }),
  );

  // the DPO's trail: an identity read by the team, a refusal to the colleague
  await ok(await get(centre.s, `/api/v1/cases/${caseId}/identity?purpose=colloquio`));
  await get(colleagueS, `/api/v1/cases/${caseId}/identity?purpose=curiosita`);

  // the neighbours: another centre with its own overdue action and referral, another CPI
  const other = await f.centreWithCase();
  const otherCpi = await f.party('employment_centre', ['cpi_referent']);
  await ok(
    await putPlan(other.s, other.caseId, {
      goals: [{ domain: 'work', title: 'X', actions: [{ catalogueCode: 'cpi_registration', dueOn: d(-5) }] }],
    }),
  );
  await f.consent(other.s, other.caseId, otherCpi.orgId);
  const theirs = (await ok(
    await f.send(other.s, {
      caseId: other.caseId,
      recipientOrganisationId: otherCpi.orgId,
      purpose: 'work_orientation',
      urgency: 'routine',
      shareFields: ['profile.ageBand'],
    }),
    201,
  )) as { id: string };
  await dates(theirs.id, { sent_on: d(-7), ack_due_on: d(-2), appointment_due_on: d(8), expires_on: d(10) });
  const otherDpo = await signInNew(t, { organisationId: other.orgId, roles: ['dpo'] });
  const room = await signInNew(t, { organisationId: cpi.orgId, roles: ['control_room_member'] });
  return {
    centre,
    cpi,
    colleagueS,
    dpo,
    caseId,
    closing,
    colleagues,
    unanswered,
    fresh,
    toBook,
    toReport,
    reported,
    other,
    otherCpi,
    theirs,
    otherDpo,
    room,
  };
}

beforeAll(async () => {
  w = await world();
}, 120_000);

describe('the work queues', () => {
  it('count for a centre operator exactly the items of her cases, and each count is its list', async () => {
    const c = await counts(w.centre.s);
    expect(c).toMatchObject({
      actions_overdue: 2,
      follow_ups_due: 1,
      referrals_sent_overdue: 2,
      consents_expiring: 1,
      windows_closing: 1,
      referrals_to_answer: 0,
      appointments_to_book: 0,
      reports_due: 0,
    });
    expect(Object.keys(c)).not.toContain('identity_reads');
    expect(Object.keys(c)).not.toContain('referrals_overdue_network');
    for (const [queue, count] of Object.entries(c)) {
      const p = await page(w.centre.s, queue as WorkQueue);
      expect([queue, p.total, p.items.length]).toEqual([queue, count, count]);
    }
    const windows = await page(w.centre.s, 'windows_closing');
    expect(ids(windows.items)).toEqual([w.closing]);
    expect(windows.items[0]?.dueOn).toBe(d(22));
    const sent = await page(w.centre.s, 'referrals_sent_overdue');
    expect(ids(sent.items)).toEqual([w.unanswered.id, w.toBook.id].sort());
    expect(sent.items.map((i) => [i.id, i.caseCode, i.pseudonym, i.detail]).sort()).toEqual(
      [
        [w.unanswered.id, w.centre.code, null, 'acknowledgement'],
        [w.toBook.id, w.centre.code, null, 'first_appointment'],
      ].sort(),
    );
  });

  it('agree with the pure rules of shared/urgency.ts over every row the centre holds', async () => {
    const o = t.db.owner;
    const cases = await o.selectFrom('cases').selectAll().where('organisation_id', '=', w.centre.orgId).execute();
    const team = new Set(
      (await o.selectFrom('case_team').select('case_id').where('user_id', '=', w.centre.user.id).execute()).map(
        (r) => r.case_id,
      ),
    );
    const mine = new Set(cases.filter((x) => x.status === 'open' && team.has(x.id)).map((x) => x.id));
    const actions = await o
      .selectFrom('plan_actions')
      .selectAll()
      .where('organisation_id', '=', w.centre.orgId)
      .execute();
    const expectActions = actions
      .filter(
        (a) => mine.has(a.case_id) && isActionOverdue({ status: a.status, dueOn: isoDateOrNull(a.due_on) }, today),
      )
      .map((a) => a.id);
    expect(ids((await page(w.centre.s, 'actions_overdue')).items)).toEqual(expectActions.sort());
    const fus = await o.selectFrom('follow_ups').selectAll().where('organisation_id', '=', w.centre.orgId).execute();
    const expectFus = fus
      .filter(
        (x) =>
          mine.has(x.case_id) && isFollowUpDue({ dueOn: isoDate(x.due_on), doneOn: isoDateOrNull(x.done_on) }, today),
      )
      .map((x) => x.id);
    expect(ids((await page(w.centre.s, 'follow_ups_due')).items)).toEqual(expectFus.sort());
    const consents = await o.selectFrom('consents').selectAll().where('organisation_id', '=', w.centre.orgId).execute();
    const expectConsents = consents
      .filter(
        (x) =>
          mine.has(x.case_id) &&
          isConsentExpiring(
            { decision: x.decision, expiresOn: isoDateOrNull(x.expires_on), revokedOn: isoDateOrNull(x.revoked_on) },
            today,
          ),
      )
      .map((x) => x.id);
    expect(ids((await page(w.centre.s, 'consents_expiring')).items)).toEqual(expectConsents.sort());
    const expectWindows = cases
      .filter(
        (x) =>
          team.has(x.id) &&
          isWindowClosing({ status: x.status, closedOn: isoDateOrNull(x.closed_on), windowDays: 182 }, today),
      )
      .map((x) => x.id);
    expect(ids((await page(w.centre.s, 'windows_closing')).items)).toEqual(expectWindows.sort());
    const refs = await o.selectFrom('referrals').selectAll().where('organisation_id', '=', w.centre.orgId).execute();
    const expectRefs = refs
      .filter((r) =>
        referralOverdue(
          {
            status: r.status,
            ackDueOn: isoDate(r.ack_due_on),
            appointmentDueOn: isoDate(r.appointment_due_on),
            appointmentOn: isoDateOrNull(r.appointment_on),
            expiresOn: isoDate(r.expires_on),
          },
          today,
        ),
      )
      .map((r) => r.id);
    expect(ids((await page(w.centre.s, 'referrals_sent_overdue')).items)).toEqual(expectRefs.sort());
  });

  it('give a CPI referent the referrals addressed to her body only, by pseudonym', async () => {
    const c = await counts(w.cpi.s);
    expect(c).toEqual({ referrals_to_answer: 2, appointments_to_book: 1, reports_due: 1 });
    const answer = await page(w.cpi.s, 'referrals_to_answer');
    expect(ids(answer.items)).toEqual([w.unanswered.id, w.fresh.id].sort());
    expect(answer.items.every((i) => i.caseCode === null && /^P-/.test(i.pseudonym ?? ''))).toBe(true);
    expect(answer.items.map((i) => i.dueOn)).toEqual([d(-2), expect.any(String)]);
    expect(ids((await page(w.cpi.s, 'appointments_to_book')).items)).toEqual([w.toBook.id]);
    expect(ids((await page(w.cpi.s, 'reports_due')).items)).toEqual([w.toReport.id]);
    // the other CPI sees its own referral and nothing of this one
    expect(await counts(w.otherCpi.s)).toEqual({ referrals_to_answer: 1, appointments_to_book: 0, reports_due: 0 });
    expect(ids((await page(w.otherCpi.s, 'referrals_to_answer')).items)).toEqual([w.theirs.id]);
  });

  it('never count another organisation’s items, nor a colleague’s cases', async () => {
    const them = await counts(w.other.s);
    expect(them).toMatchObject({
      actions_overdue: 1,
      referrals_sent_overdue: 1,
      follow_ups_due: 0,
      windows_closing: 0,
    });
    expect(ids((await page(w.other.s, 'referrals_sent_overdue')).items)).toEqual([w.theirs.id]);
    const colleague = await counts(w.colleagueS);
    expect(colleague).toMatchObject({
      actions_overdue: 0,
      follow_ups_due: 0,
      windows_closing: 1,
      consents_expiring: 0,
    });
    expect(ids((await page(w.colleagueS, 'windows_closing')).items)).toEqual([w.colleagues]);
  });

  it('give the DPO her organisation’s identity reads and refusals, and nobody else’s', async () => {
    const c = await counts(w.dpo);
    expect(c).toEqual({ identity_reads: 1, access_refused: 1 });
    const reads = await page(w.dpo, 'identity_reads');
    expect(reads.items.map((i) => [i.caseCode, i.detail])).toEqual([[w.centre.code, 'case.identity_read']]);
    const refused = await page(w.dpo, 'access_refused');
    expect(refused.items.map((i) => [i.caseCode, i.detail])).toEqual([[w.centre.code, 'case.identity_read']]);
    expect(await counts(w.otherDpo)).toEqual({ identity_reads: 0, access_refused: 0 });
  });

  it('give the control room the overdue referrals, as many as its overdue list', async () => {
    const c = await counts(w.room);
    const list = (await ok(await get(w.room, '/api/v1/referrals/overdue'))) as unknown as { items: unknown[] };
    // net-control: the control room's own action items (none in this fixture: control-room.db.test.ts)
    expect(c).toEqual({ referrals_overdue_network: list.items.length, room_actions_overdue: 0 });
    expect(list.items.length).toBe(3);
    expect(ids((await page(w.room, 'referrals_overdue_network')).items)).toEqual(
      [w.unanswered.id, w.toBook.id, w.theirs.id].sort(),
    );
  });

  it('page a queue without changing its total', async () => {
    const all = await page(w.centre.s, 'actions_overdue');
    const second = await page(w.centre.s, 'actions_overdue', 'limit=1&offset=1');
    expect(second.total).toBe(2);
    expect(second.items.map((i) => i.id)).toEqual([all.items[1]?.id]);
    expect(all.items.map((i) => i.dueOn)).toEqual([d(-3), d(-1)]);
  });

  it('refuse a queue to a role without its permission, and everything without a session', async () => {
    expect((await get(w.cpi.s, '/api/v1/worklist/actions_overdue')).statusCode).toBe(404);
    expect((await get(w.centre.s, '/api/v1/worklist/identity_reads')).statusCode).toBe(404);
    expect((await get(w.dpo, '/api/v1/worklist/referrals_to_answer')).statusCode).toBe(404);
    expect((await get(w.centre.s, '/api/v1/worklist/nonsense')).statusCode).toBe(400);
    expect((await get(null, '/api/v1/worklist')).statusCode).toBe(401);
    expect((await get(null, '/api/v1/worklist/actions_overdue')).statusCode).toBe(401);
  });
});

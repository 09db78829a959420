/**
 * Training and coverage (issue 8): the coverage rule at its edges (expiry day, disabled user, a
 * referent at a branch, a referent who moved CPI), the notification once per drop, the
 * observatory's relation, and the attacker side of every route (other network, a CPI referent, a
 * centre operator, another body's administrator, no session).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type Actor, setActor, withContext } from '../db/context.ts';
import { makeOrg, makeUser, openTestAppPerFile, type Signed, signInNew } from '../testing/harness.ts';
import { addSession, createCourse, createEdition, enrol, recordAttendance } from './courses.ts';
import { checkCoverage } from './sweep.ts';

const t = openTestAppPerFile();

async function network(orgIds: string[]): Promise<string> {
  const id = `rete-${Math.random().toString(36).slice(2, 8)}`;
  await t.db.owner
    .insertInto('networks')
    .values({ id, name: `Rete ${id}`, has_shelters: false })
    .execute();
  await t.db.owner
    .insertInto('organisation_networks')
    .values(orgIds.map((organisation_id) => ({ organisation_id, network_id: id, role: null })))
    .execute();
  return id;
}

/** A network with a coordinating body and its coordinator, and CPIs in it. */
async function world(cpiCount = 1) {
  const coordinating = await makeOrg(t.db, { type: 'municipality' });
  const cpis: string[] = [];
  for (let i = 0; i < cpiCount; i++) cpis.push(await makeOrg(t.db, { type: 'employment_centre' }));
  const net = await network([coordinating, ...cpis]);
  const coordinator = await makeUser(t.db, t.config, { organisationId: coordinating, roles: ['network_coordinator'] });
  const actor: Actor = { userId: coordinator.id, organisationId: coordinating, roles: ['network_coordinator'] };
  return { coordinating, cpis, net, coordinator, actor };
}

const as = <T>(actor: Actor, fn: Parameters<typeof withContext<T>>[1]) =>
  withContext(t.db, async (tx) => {
    await setActor(tx, actor);
    return fn(tx);
  });

/** One edition of a 12-hour course for CPI referents, held on `days` (4 h each), everyone present. */
async function trainOn(actor: Actor, net: string, people: Array<{ id: string; org: string }>, days: string[]) {
  return as(actor, async (tx) => {
    const course = await createCourse(tx, actor, {
      networkId: net,
      runningBodyId: actor.organisationId,
      title: 'Corso per referenti CPI',
      audiences: ['cpi_referent'],
      hours: 12,
      topics: [],
    });
    const edition = await createEdition(tx, course, 'Edizione');
    const enrolments = [];
    for (const p of people)
      enrolments.push(await enrol(tx, edition, { organisationId: p.org, userId: p.id, name: null }));
    for (const day of days) {
      const session = await addSession(tx, edition, { heldOn: day, hours: 4, place: 'Aula', onlineUrl: null });
      await recordAttendance(tx, edition, { sessionId: session, present: enrolments });
    }
    return { course, edition, enrolments };
  });
}

async function trainedOn(cpi: string, day: string): Promise<number> {
  const r = await sql<{ trained: number }>`
    SELECT trained FROM training_coverage_all(${day}::date) WHERE cpi_id = ${cpi}`.execute(t.db.owner);
  return r.rows[0]?.trained ?? -1;
}

const referent = (org: string) => makeUser(t.db, t.config, { organisationId: org, roles: ['cpi_referent'] });

describe('the coverage rule', () => {
  it('counts a referent until the day before her training expires (24 months after her last session)', async () => {
    const w = await world();
    const cpi = w.cpis[0] as string;
    const r = await referent(cpi);
    await trainOn(w.actor, w.net, [{ id: r.id, org: cpi }], ['2024-11-20', '2024-11-27', '2024-12-04']);
    expect(await trainedOn(cpi, '2024-12-03')).toBe(0); // not completed yet on that day
    expect(await trainedOn(cpi, '2024-12-04')).toBe(1);
    expect(await trainedOn(cpi, '2026-12-03')).toBe(1);
    expect(await trainedOn(cpi, '2026-12-04')).toBe(0); // the expiry day
    const due = await sql<{ next_due: string }>`
      SELECT next_due::text FROM training_coverage_all('2026-01-01'::date) WHERE cpi_id = ${cpi}`.execute(t.db.owner);
    expect(due.rows[0]?.next_due).toBe('2026-12-04');
  });

  it('needs 75% of the hours, a course for CPI referents, an active user', async () => {
    const w = await world();
    const cpi = w.cpis[0] as string;
    const [a, b] = [await referent(cpi), await referent(cpi)];
    // two of three sessions: 8 of 12 hours < 9 → not completed
    await trainOn(w.actor, w.net, [{ id: a.id, org: cpi }], ['2026-03-01', '2026-03-08']);
    expect(await trainedOn(cpi, '2026-06-01')).toBe(0);
    await trainOn(w.actor, w.net, [{ id: b.id, org: cpi }], ['2026-03-01', '2026-03-08', '2026-03-15']);
    expect(await trainedOn(cpi, '2026-06-01')).toBe(1);
    await t.db.owner.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', b.id).execute();
    expect(await trainedOn(cpi, '2026-06-01')).toBe(0);
    // a course for teachers does not train a CPI referent
    await as(w.actor, async (tx) => {
      const course = await createCourse(tx, w.actor, {
        networkId: w.net,
        runningBodyId: w.coordinating,
        title: 'Corso per insegnanti',
        audiences: ['teachers'],
        hours: 4,
        topics: [],
      });
      const edition = await createEdition(tx, course, 'Unica');
      const e = await enrol(tx, edition, { organisationId: cpi, userId: a.id, name: null });
      const s = await addSession(tx, edition, { heldOn: '2026-04-01', hours: 4, place: 'Aula', onlineUrl: null });
      await recordAttendance(tx, edition, { sessionId: s, present: [e] });
    });
    expect(await trainedOn(cpi, '2026-06-01')).toBe(0);
  });

  it('counts a referent of a branch for its CPI, and a referent who moved only at her new CPI', async () => {
    const w = await world(2);
    const [rho, magenta] = w.cpis as [string, string];
    const branch = await makeOrg(t.db, { type: 'employment_centre' });
    await t.db.owner.updateTable('organisations').set({ parent_id: rho }).where('id', '=', branch).execute();
    const atBranch = await referent(branch);
    const mover = await referent(rho);
    await trainOn(
      w.actor,
      w.net,
      [
        { id: atBranch.id, org: branch },
        { id: mover.id, org: rho },
      ],
      ['2026-05-01', '2026-05-08', '2026-05-15'],
    );
    expect(await trainedOn(rho, '2026-06-01')).toBe(2);
    expect(await trainedOn(branch, '2026-06-01')).toBe(-1); // a branch has no row of its own
    // she moves to Magenta: her training goes with her, and counts in one CPI only
    await t.db.owner.updateTable('users').set({ organisation_id: magenta }).where('id', '=', mover.id).execute();
    await t.db.owner
      .updateTable('user_roles')
      .set({ organisation_id: magenta })
      .where('user_id', '=', mover.id)
      .execute();
    expect(await trainedOn(rho, '2026-06-01')).toBe(1);
    expect(await trainedOn(magenta, '2026-06-01')).toBe(1);
  });
});

describe('the drop below two', () => {
  it('tells the network coordinator and AFOL’s administrator once per drop', async () => {
    const w = await world();
    const cpi = w.cpis[0] as string;
    const afol = await makeOrg(t.db, { type: 'training_body' });
    const afolAdmin = await makeUser(t.db, t.config, { organisationId: afol, roles: ['org_admin'] });
    await sql`UPDATE training_settings SET cpi_operator_id = ${afol}`.execute(t.db.owner);
    const [a, b] = [await referent(cpi), await referent(cpi)];
    const today = '2026-06-01';
    await trainOn(
      w.actor,
      w.net,
      [
        { id: a.id, org: cpi },
        { id: b.id, org: cpi },
      ],
      ['2026-05-01', '2026-05-08', '2026-05-15'],
    );
    const told = async (user: string) =>
      (
        await sql<{ n: number }>`SELECT count(*)::int AS n FROM notifications
          WHERE user_id = ${user} AND kind = 'training_coverage_low'`.execute(t.db.owner)
      ).rows[0]?.n;
    await checkCoverage(t.db, today);
    expect(await told(w.coordinator.id)).toBe(0);
    await t.db.owner.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', b.id).execute();
    const first = await checkCoverage(t.db, today);
    expect(first?.notified).toContain(cpi);
    await checkCoverage(t.db, today);
    expect(await told(w.coordinator.id)).toBe(1);
    const afolTold = await told(afolAdmin.id);
    expect(afolTold).toBeGreaterThanOrEqual(1);
    // back at two, then down again: told again
    await t.db.owner.updateTable('users').set({ disabled_at: null }).where('id', '=', b.id).execute();
    await checkCoverage(t.db, today);
    expect(await told(w.coordinator.id)).toBe(1);
    // her training expires (validity 24 months: 2028-05-15)
    await checkCoverage(t.db, '2028-05-15');
    expect(await told(w.coordinator.id)).toBe(2);
    await checkCoverage(t.db, '2028-05-16');
    expect(await told(w.coordinator.id)).toBe(2);
    const audit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log
      WHERE action = 'training.coverage_alert' AND subject_id = ${cpi}`.execute(t.db.owner);
    expect(audit.rows[0]?.n).toBe(2);
  });
});

describe('the routes, and who gets 404', () => {
  const get = (s: Signed | null, url: string) => t.app.inject({ url, headers: s ? { cookie: s.cookie } : {} });
  const post = (s: Signed, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: s.headers, payload });

  it('records a course with attendance through the API; the board and the certificate follow', async () => {
    const w = await world();
    const cpi = w.cpis[0] as string;
    const r = await referent(cpi);
    const me = await signInNew(t, { organisationId: w.coordinating, roles: ['network_coordinator'] });
    const created = await post(me, '/api/v1/training/courses', {
      networkId: w.net,
      runningBodyId: w.coordinating,
      title: 'Referenti CPI: la rete antiviolenza',
      audiences: ['cpi_referent'],
      hours: 4,
      topics: ['=cmd|calc'],
    });
    expect(created.statusCode).toBe(201);
    const courseId = created.json().id as string;
    const edition = (await post(me, `/api/v1/training/courses/${courseId}/editions`, { label: 'Prima' })).json().id;
    const today = new Date().toISOString().slice(0, 10);
    const session = await post(me, `/api/v1/training/editions/${edition}/sessions`, {
      heldOn: today,
      hours: 4,
      place: null,
      onlineUrl: 'https://meet.example/aula',
    });
    expect(session.statusCode).toBe(201);
    const people = await get(me, `/api/v1/training/candidates?organisationId=${cpi}`);
    expect(people.json().items.map((p: { id: string }) => p.id)).toContain(r.id);
    const enrolled = await post(me, `/api/v1/training/editions/${edition}/enrolments`, {
      organisationId: cpi,
      userId: r.id,
      name: null,
    });
    expect(enrolled.statusCode).toBe(201);
    const before = (await get(me, '/api/v1/training/coverage')).json();
    expect(before.items.find((x: { cpiId: string }) => x.cpiId === cpi).trained).toBe(0);
    const att = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/training/editions/${edition}/attendance`,
      headers: me.headers,
      payload: { sessionId: session.json().id, present: [enrolled.json().id] },
    });
    expect(att.statusCode).toBe(200);
    expect(att.json().editions[0].participants[0].completed).toBe(true);
    const after = (await get(me, '/api/v1/training/coverage')).json();
    const row = after.items.find((x: { cpiId: string }) => x.cpiId === cpi);
    expect(row.trained).toBe(1);
    expect(row.state).toBe('one');
    const pdf = await get(me, `/api/v1/training/enrolments/${enrolled.json().id}/certificate`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const csv = await get(me, `/api/v1/training/hours/export?format=csv&year=${today.slice(0, 4)}`);
    expect(csv.statusCode).toBe(200);
    const hours = (await get(me, `/api/v1/training/hours?year=${today.slice(0, 4)}`)).json();
    expect(hours.items.some((h: { given: number }) => h.given === 4)).toBe(true);
    // every read and write is audited, with ids and codes only
    const actions = await sql<{ action: string; details: unknown }>`
      SELECT action, details FROM audit_log WHERE actor_user_id IN (
        SELECT id FROM users WHERE organisation_id = ${w.coordinating}) AND action LIKE 'training.%'`.execute(
      t.db.owner,
    );
    const kinds = new Set(actions.rows.map((a) => a.action));
    for (const k of [
      'training.course_create',
      'training.edition_create',
      'training.session_create',
      'training.candidates',
      'training.enrol',
      'training.attendance',
      'training.coverage_read',
      'training.certificate',
      'training.hours_read',
    ])
      expect(kinds).toContain(k);
    expect(JSON.stringify(actions.rows)).not.toContain('Referenti CPI');

    // the attackers
    const other = await world();
    const otherCoordinator = await signInNew(t, { organisationId: other.coordinating, roles: ['network_coordinator'] });
    const cpiReferent = await signInNew(t, { organisationId: cpi, roles: ['cpi_referent'] });
    const centre = await makeOrg(t.db, { type: 'cav' });
    const operator = await signInNew(t, { organisationId: centre, roles: ['centre_operator'] });
    const centreAdmin = await signInNew(t, { organisationId: centre, roles: ['org_admin'] });
    const urls = [
      `/api/v1/training/courses/${courseId}`,
      `/api/v1/training/enrolments/${enrolled.json().id}/certificate`,
    ];
    for (const s of [otherCoordinator, cpiReferent, operator, centreAdmin]) {
      for (const url of urls) expect((await get(s, url)).statusCode, url).toBe(404);
    }
    for (const s of [cpiReferent, operator, centreAdmin]) {
      expect((await get(s, '/api/v1/training/courses')).statusCode).toBe(404);
      expect((await get(s, `/api/v1/training/candidates?organisationId=${cpi}`)).statusCode).toBe(404);
    }
    // the other network's coordinator lists only her own body's courses
    expect((await get(otherCoordinator, '/api/v1/training/courses')).json().items).toEqual([]);
    // a centre's operator and administrator have no business with the board; a CPI's referent neither
    for (const s of [operator, centreAdmin, cpiReferent])
      expect((await get(s, '/api/v1/training/coverage')).statusCode).toBe(404);
    // writing into another body's course
    for (const s of [otherCoordinator, operator]) {
      expect((await post(s, `/api/v1/training/courses/${courseId}/editions`, { label: 'X' })).statusCode).toBe(404);
      expect(
        (
          await post(s, `/api/v1/training/editions/${edition}/enrolments`, {
            organisationId: cpi,
            userId: null,
            name: 'Ada Rossi',
          })
        ).statusCode,
      ).toBe(404);
    }
    expect((await get(null, '/api/v1/training/coverage')).statusCode).toBe(401);
    // the CPI's own administrator sees the board
    const cpiAdmin = await signInNew(t, { organisationId: cpi, roles: ['org_admin'] });
    expect((await get(cpiAdmin, '/api/v1/training/coverage')).statusCode).toBe(200);
  });

  it('gives the observatory its training_coverage relation, to its readers only', async () => {
    const w = await world();
    const cpi = w.cpis[0] as string;
    const r = await referent(cpi);
    const today = new Date().toISOString().slice(0, 10);
    await trainOn(w.actor, w.net, [{ id: r.id, org: cpi }], [today, today, today]);
    const read = (actor: Actor) =>
      as(
        actor,
        async (tx) =>
          (
            await sql<{
              cpi_id: string;
              trained: number;
            }>`SELECT cpi_id::text, trained::int FROM training_coverage`.execute(tx)
          ).rows,
      );
    const room = await makeOrg(t.db, { type: 'metro_city' });
    const rows = await read({ userId: randomUUID(), organisationId: room, roles: ['control_room_member'] });
    expect(rows.find((x) => x.cpi_id === cpi)?.trained).toBe(1);
    const centre = await makeOrg(t.db, { type: 'cav' });
    expect(await read({ userId: randomUUID(), organisationId: centre, roles: ['centre_operator'] })).toEqual([]);
  });
});

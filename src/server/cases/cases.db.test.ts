import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withContext } from '../db/context.ts';
import {
  auditRows,
  makeOrg,
  makeUser,
  openTestAppPerFile,
  type Signed,
  signIn,
  signInNew,
} from '../testing/harness.ts';
import { dataKeyOf, openWith } from './keys.ts';

const t = openTestAppPerFile();

const CANARY = {
  firstName: 'Zenobia',
  lastName: 'Canarino',
  taxCode: 'CNRZNB85T50F205J',
  phone: '+39 333 0001122',
  email: 'zenobia.canarino@example.invalid',
  address: 'Via dei Canarini 7, Milano',
};

async function centre() {
  const orgId = await makeOrg(t.db, { type: 'cav' });
  const operator = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });
  return { orgId, operator, s: await signIn(t.app, t.db, operator) };
}

const create = (s: Signed, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: s.headers, payload });

/** Every text of every table, as a dump would show it. */
async function dumpText(): Promise<string> {
  const tables = await sql<{ t: string }>`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`.execute(
    t.db.owner,
  );
  const parts: string[] = [];
  for (const { t: table } of tables.rows) {
    const rows = await sql<{ j: string }>`SELECT row_to_json(x)::text AS j FROM ${sql.table(table)} x`.execute(
      t.db.owner,
    );
    parts.push(...rows.rows.map((r) => r.j));
  }
  return parts.join('\n');
}

describe('cases and identity', () => {
  it('opens a case with a pseudonymous code and keeps her identity sealed', async () => {
    const { s } = await centre();
    const res = await create(s, {
      takenInChargeOn: '2026-03-02',
      ageBand: '30_39',
      violenceTypes: ['psychological', 'economic'],
      identity: CANARY,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.code).toMatch(/^[A-Z]+-2026-\d{5}$/);
    expect(body.hasIdentity).toBe(true);
    expect(body.onMyTeam).toBe(true);
    expect(res.body).not.toContain('Canarino');
    const dump = await dumpText();
    for (const value of Object.values(CANARY)) expect(dump).not.toContain(value);
    expect(dump).not.toContain('CANARINO');
    expect(t.logs.join('\n')).not.toContain('Canarino');

    const who = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${body.id}/identity?purpose=colloquio`,
      headers: s.headers,
    });
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ firstName: 'Zenobia', lastName: 'Canarino', taxCode: 'CNRZNB85T50F205J' });
    const audit = (await auditRows(t.db)).filter((r) => r.action === 'case.identity_read' && r.subject_id === body.id);
    expect(audit.at(-1)).toMatchObject({ purpose: 'colloquio', outcome: 'success' });
    expect(JSON.stringify(await auditRows(t.db))).not.toContain('Canarino');
  });

  it('finds a case by surname or tax code through the blind indexes', async () => {
    const { s } = await centre();
    const made = (
      await create(s, {
        takenInChargeOn: '2026-01-10',
        identity: { firstName: 'Ada', lastName: "D'Àngelo", taxCode: 'RSSMRA85T10A562S' },
      })
    ).json();
    const find = (text: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/cases/search', headers: s.headers, payload: { text } });
    const bySurname = await find('dangelo');
    expect(bySurname.json().items.map((c: { id: string }) => c.id)).toEqual([made.id]);
    const byCode = await find('rssmra85t10a562s');
    expect(byCode.json().items).toHaveLength(1);
    // a prefix of the surname finds her (search.db.test.ts); a tax code must be whole
    expect((await find('dange')).json().items).toHaveLength(1);
    expect((await find('rssmra85t10a562')).json().items).toHaveLength(0);
  });

  it('seals equal values differently, and another organisation’s key cannot open them', async () => {
    const { s, orgId } = await centre();
    const a = (
      await create(s, { takenInChargeOn: '2026-02-01', identity: { firstName: 'Uguale', lastName: 'Stessa' } })
    ).json();
    const b = (
      await create(s, { takenInChargeOn: '2026-02-01', identity: { firstName: 'Uguale', lastName: 'Stessa' } })
    ).json();
    const rows = await t.db.owner
      .selectFrom('case_identities')
      .select(['case_id', 'sealed', 'surname_index'])
      .where('case_id', 'in', [a.id, b.id])
      .execute();
    expect(rows[0]?.sealed).not.toBe(rows[1]?.sealed);
    expect(rows[0]?.surname_index).toBe(rows[1]?.surname_index);
    const other = await makeOrg(t.db, { type: 'cav' });
    const keys = await t.db.owner.transaction().execute(async (tx) => {
      await sql`SET LOCAL ROLE percorsi_app`.execute(tx);
      const k = async (org: string) => {
        await sql`SELECT set_config('app.org_id', ${org}, true), set_config('app.user_id', ${org}, true), set_config('app.roles', 'centre_operator', true)`.execute(
          tx,
        );
        return dataKeyOf(tx, t.config.masterKey, org);
      };
      return { mine: await k(orgId), theirs: await k(other) };
    });
    const sealed = rows.find((r) => r.case_id === a.id)?.sealed as string;
    expect(JSON.parse(openWith(keys.mine, sealed, `identity:${a.id}`)).lastName).toBe('Stessa');
    expect(() => openWith(keys.theirs, sealed, `identity:${a.id}`)).toThrow();
    expect(() => openWith(keys.mine, sealed, `identity:${b.id}`)).toThrow();
  });

  it('refuses an invalid tax code, dates out of order or an unknown town, naming the field, writing nothing', async () => {
    const { s, orgId } = await centre();
    const bad = await create(s, {
      takenInChargeOn: '2026-01-10',
      identity: { firstName: 'A', lastName: 'B', taxCode: 'RSSMRA85T10A562T' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([{ field: 'taxCode', reason: 'tax_code_invalid', message: 'invalid tax code' }]);
    // a right check character on an impossible date (31 February): refused the same way
    const february = await create(s, {
      takenInChargeOn: '2026-01-10',
      identity: { firstName: 'A', lastName: 'B', taxCode: 'RSSMRA85B31F205E' },
    });
    expect(february.statusCode).toBe(400);
    expect(february.json().fields).toEqual([
      { field: 'taxCode', reason: 'tax_code_invalid', message: 'invalid tax code' },
    ]);
    const order = await create(s, { takenInChargeOn: '2026-01-10', firstContactOn: '2026-02-01' });
    expect(order.statusCode).toBe(400);
    expect(order.json().fields.map((f: { field: string }) => f.field)).toContain('takenInChargeOn');
    const unknown = await create(s, { takenInChargeOn: '2026-01-10', violenceTypes: ['invented'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].field).toContain('violenceTypes');
    // a well-formed ISTAT code of no municipality (the fuzz suite found it answered 500)
    const town = await create(s, { takenInChargeOn: '2026-01-10', residenceCode: '336002' });
    expect(town.statusCode).toBe(400);
    expect(town.json().fields).toEqual([
      { field: 'residenceCode', reason: 'unknown_municipality', message: 'no municipality has this ISTAT code' },
    ]);
    const count = await t.db.owner
      .selectFrom('cases')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organisation_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('answers 409 to a stale If-Match, and closes and reopens with audit', async () => {
    const { s } = await centre();
    const c = (await create(s, { takenInChargeOn: '2026-01-10' })).json();
    const patch = (version: number, payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/cases/${c.id}`,
        headers: { ...s.headers, 'if-match': `"${version}"` },
        payload,
      });
    expect((await patch(1, { riskTool: 'sara', riskLevel: 'high' })).statusCode).toBe(200);
    const stale = await patch(1, { education: 'tertiary' });
    expect(stale.statusCode).toBe(409);
    const noMatch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/cases/${c.id}`,
      headers: s.headers,
      payload: { education: 'tertiary' },
    });
    expect(noMatch.statusCode).toBe(428);
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/closure`,
      headers: { ...s.headers, 'if-match': '"2"' },
      payload: { closedOn: '2026-06-01', outcome: 'goals_reached' },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closureOutcome: 'goals_reached',
      eligibility: { reason: expect.any(String) },
    });
    // a closed case offers reopening and the changes allowed on closed cases, no more
    expect(closed.json().allowedActions).toEqual([
      'reopen',
      'record_follow_up',
      'withdraw_consent',
      'print_plan',
      'read_identity',
    ]);
    expect((await patch(3, { education: 'tertiary' })).json().code).toBe('case_closed');
    const reopened = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/reopen`,
      headers: { ...s.headers, 'if-match': '"3"' },
      payload: {},
    });
    expect(reopened.json().status).toBe('open');
    expect(reopened.json().allowedActions).toEqual(expect.arrayContaining(['update', 'close', 'send_referral']));
    const timeline = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/timeline`, headers: s.headers });
    expect(timeline.json().items.map((e: { kind: string }) => e.kind)).toEqual([
      'case.reopened',
      'case.closed',
      'profile.updated',
      'case.opened',
    ]);
    expect((await auditRows(t.db)).some((r) => r.action === 'case.reopen' && r.subject_id === c.id)).toBe(true);
  });
});

describe('caseload filters', () => {
  it('filters by due actions and by eligibility windows closing within 30 days', async () => {
    const { s, orgId } = await centre();
    const a = (await create(s, { takenInChargeOn: '2026-01-10' })).json();
    const b = (await create(s, { takenInChargeOn: '2025-01-10' })).json();
    const c = (await create(s, { takenInChargeOn: '2024-01-10' })).json();
    const goal = await t.db.owner
      .insertInto('plan_goals')
      .values({ case_id: a.id, organisation_id: orgId, domain: 'work', title_sealed: 'v1.not-opened-here' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.owner
      .insertInto('plan_actions')
      .values({
        case_id: a.id,
        organisation_id: orgId,
        goal_id: goal.id,
        catalogue_code: 'orientation_interview',
        due_on: '2026-02-01',
      })
      .execute();
    const closeAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    await t.db.owner
      .updateTable('cases')
      .set({ status: 'closed', closed_on: closeAgo(170), closure_outcome: 'goals_reached' })
      .where('id', '=', b.id)
      .execute();
    await t.db.owner
      .updateTable('cases')
      .set({ status: 'closed', closed_on: closeAgo(100), closure_outcome: 'goals_reached' })
      .where('id', '=', c.id)
      .execute();
    const ids = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/cases?${query}`, headers: s.headers }))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await ids('due=actions')).toEqual([a.id]);
    expect(await ids('due=follow_ups')).toEqual([]);
    expect(await ids('eligibility=closing_soon')).toEqual([b.id]);
    expect((await ids('eligibility=eligible')).sort()).toEqual([a.id, b.id, c.id].sort());
  });
});

describe('who sees a case', () => {
  it('hides cases from other centres, CPI referents and the control room, and identity from colleagues off the team', async () => {
    const { s, orgId } = await centre();
    const c = (await create(s, { takenInChargeOn: '2026-01-10', identity: CANARY })).json();
    const otherCentre = await centre();
    const cpiOrg = await makeOrg(t.db, { type: 'employment_centre' });
    const cpi = await signInNew(t, { organisationId: cpiOrg, roles: ['cpi_referent'] });
    const room = await signInNew(t, {
      organisationId: await makeOrg(t.db, { type: 'metro_city' }),
      roles: ['control_room_member'],
    });
    const admin = await signInNew(t, { organisationId: orgId, roles: ['org_admin'] });
    for (const who of [otherCentre.s, cpi, room, admin]) {
      for (const url of [
        `/api/v1/cases/${c.id}`,
        `/api/v1/cases/${c.id}/identity?purpose=curiosita`,
        `/api/v1/cases/${c.id}/timeline`,
      ]) {
        const res = await t.app.inject({ method: 'GET', url, headers: who.headers });
        expect(res.statusCode, url).toBe(404);
        expect(res.body).not.toContain('Canarino');
      }
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: who.headers });
      expect(list.body).not.toContain(c.id);
    }
    const colleagueUser = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });
    const colleague = await signIn(t.app, t.db, colleagueUser);
    const seen = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: colleague.headers });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().onMyTeam).toBe(false);
    expect(seen.json().allowedActions).toContain('read_identity');
    expect(seen.json().allowedActions).not.toContain('write_identity');
    const denied = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${c.id}/identity?purpose=verifica`,
      headers: colleague.headers,
    });
    expect(denied.statusCode).toBe(403);
    expect((await auditRows(t.db)).filter((r) => r.subject_id === c.id && r.outcome === 'denied')).toHaveLength(1);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/team`,
      headers: s.headers,
      payload: { userIds: [colleagueUser.id] },
    });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/cases/${c.id}/identity?purpose=verifica`,
          headers: colleague.headers,
        })
      ).statusCode,
    ).toBe(200);
    const dpo = await signInNew(t, { organisationId: orgId, roles: ['dpo'] });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/cases/${c.id}/identity?purpose=richiesta%20di%20accesso`,
          headers: dpo.headers,
        })
      ).statusCode,
    ).toBe(200);
    expect((await create(dpo, { takenInChargeOn: '2026-01-10' })).statusCode).toBe(404);
  });

  it('denies case tables at the database level to a CPI referent even with a forged query', async () => {
    const { s } = await centre();
    await create(s, { takenInChargeOn: '2026-01-10' });
    const cpiOrg = await makeOrg(t.db, { type: 'employment_centre' });
    const n = await withContext(t.db, async (tx) => {
      await sql`SELECT set_config('app.org_id', ${cpiOrg}, true), set_config('app.user_id', ${cpiOrg}, true), set_config('app.roles', 'cpi_referent', true)`.execute(
        tx,
      );
      return sql<{
        n: number;
      }>`SELECT (SELECT count(*) FROM cases)::int + (SELECT count(*) FROM case_identities)::int AS n`.execute(tx);
    });
    expect(n.rows[0]?.n).toBe(0);
  });
});

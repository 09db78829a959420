import { describe, expect, it } from 'vitest';
import { addDays } from '../cases/eligibility.ts';
import { todayInItaly } from '../db/dates.ts';
import { auditRows, makeOrg, openTestAppPerFile, type Signed, signInNew } from '../testing/harness.ts';

const t = openTestAppPerFile();

async function centre(takenInChargeOn = '2026-01-10') {
  const orgId = await makeOrg(t.db, { type: 'cav' });
  const s = await signInNew(t, { organisationId: orgId, roles: ['centre_operator'] });
  const c = (
    await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: s.headers, payload: { takenInChargeOn } })
  ).json() as { id: string; code: string };
  return {
    orgId,
    s,
    caseId: c.id,
    code: c.code,
    newCase: async () =>
      (
        await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: s.headers, payload: { takenInChargeOn } })
      ).json().id as string,
  };
}

const post = (s: Signed, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: s.headers, payload });
const get = (s: Signed, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
const hire = (occurredOn: string) => ({
  kind: 'hired',
  occurredOn,
  details: { contractType: 'fixed_term', weeklyHours: 30, sector: 'G' },
});
const count = async (table: 'outcomes' | 'follow_ups', caseId: string) =>
  Number(
    (
      await t.db.owner
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).n,
  );
type FU = { id: string; months: number; dueOn: string; doneOn: string | null; caseId: string };

describe('outcomes and follow-ups', () => {
  it('records a hire and schedules follow-ups at 3, 6 and 12 months, clamped to the end of the month', async () => {
    const { s, caseId, code, orgId } = await centre();
    const res = await post(s, `/api/v1/cases/${caseId}/outcomes`, hire('2026-01-31'));
    expect(res.statusCode).toBe(201);
    const outcome = res.json();
    expect(outcome).toMatchObject({
      kind: 'hired',
      occurredOn: '2026-01-31',
      details: { contractType: 'fixed_term', weeklyHours: 30, sector: 'G' },
      reportedByOrganisationId: null,
    });
    expect(outcome.followUps.map((f: FU) => [f.months, f.dueOn, f.doneOn])).toEqual([
      [3, '2026-04-30', null],
      [6, '2026-07-31', null],
      [12, '2027-01-31', null],
    ]);
    const listed = (await get(s, `/api/v1/cases/${caseId}/follow-ups`)).json().items;
    expect(listed.map((f: FU & { caseCode: string }) => [f.dueOn, f.caseCode])).toEqual([
      ['2026-04-30', code],
      ['2026-07-31', code],
      ['2027-01-31', code],
    ]);

    const cpi = await makeOrg(t.db, { type: 'employment_centre', name: 'CPI di prova Legnano' });
    const housing = await post(s, `/api/v1/cases/${caseId}/outcomes`, {
      kind: 'housing_reached',
      occurredOn: '2026-02-10',
      details: { housingType: 'social_housing' },
      reportedByOrganisationId: cpi,
    });
    expect(housing.json()).toMatchObject({ followUps: [], reportedByOrganisationName: 'CPI di prova Legnano' });
    expect(await count('follow_ups', caseId)).toBe(3);
    const course = await post(s, `/api/v1/cases/${caseId}/outcomes`, {
      kind: 'course_completed',
      occurredOn: '2026-02-01',
      details: { certificate: true, courseTitle: 'Contabilità di base' },
    });
    expect(course.statusCode).toBe(201);
    expect(
      (await get(s, `/api/v1/cases/${caseId}/outcomes`)).json().items.map((o: { kind: string }) => o.kind),
    ).toEqual(['housing_reached', 'course_completed', 'hired']);

    const timeline = (await get(s, `/api/v1/cases/${caseId}/timeline`)).json().items;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'outcome.recorded')).toHaveLength(3);
    const audit = (await auditRows(t.db)).filter((r) => r.action === 'outcome.record' && r.organisation_id === orgId);
    expect(audit.map((r) => r.subject_id)).toEqual([outcome.id, housing.json().id, course.json().id]);
    expect(audit[0]?.details).toMatchObject({ caseId, kind: 'hired', contractType: 'fixed_term', followUps: 3 });
    expect(JSON.stringify(audit)).not.toContain('Contabilità');
  });

  it('checks the details of each kind and the dates, naming the field, and writes nothing', async () => {
    const { s, caseId } = await centre();
    const bad: Array<[object, string]> = [
      [
        { ...hire('2026-02-01'), details: { contractType: 'fixed_term', weeklyHours: 61, sector: 'G' } },
        'details.weeklyHours',
      ],
      [{ ...hire('2026-02-01'), details: { weeklyHours: 20, sector: 'G' } }, 'details.contractType'],
      [
        { ...hire('2026-02-01'), details: { contractType: 'internship', weeklyHours: 20, sector: 'G' } },
        'details.contractType',
      ],
      [
        { ...hire('2026-02-01'), details: { contractType: 'permanent', weeklyHours: 20, sector: 'Z' } },
        'details.sector',
      ],
      [{ ...hire('2026-02-01'), details: undefined }, 'details.contractType'],
      [{ kind: 'housing_reached', occurredOn: '2026-02-01', details: {} }, 'details.housingType'],
      [{ kind: 'course_completed', occurredOn: '2026-02-01', details: { certificate: 'yes' } }, 'details.certificate'],
      [{ kind: 'leave_used', occurredOn: '2026-02-01', details: { days: 120 } }, 'details.days'],
      [{ kind: 'freedom_income_granted', occurredOn: '2026-02-01', details: { amount: 500 } }, 'details.amount'],
      [hire('2026-01-09'), 'occurredOn'],
      [hire('2099-01-01'), 'occurredOn'],
      [{ ...hire('2026-02-01'), kind: 'promoted' }, 'kind'],
      [
        { ...hire('2026-02-01'), reportedByOrganisationId: '00000000-0000-4000-8000-000000000000' },
        'reportedByOrganisationId',
      ],
    ];
    for (const [payload, field] of bad) {
      const res = await post(s, `/api/v1/cases/${caseId}/outcomes`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(
        res.json().fields.map((f: { field: string }) => f.field),
        JSON.stringify(payload),
      ).toContain(field);
    }
    expect(await count('outcomes', caseId)).toBe(0);
    expect(await count('follow_ups', caseId)).toBe(0);
  });

  it('records each follow-up once, still after the case is closed, while a closed case takes no new outcome', async () => {
    const { s, caseId, orgId, newCase } = await centre();
    const fus: FU[] = (await post(s, `/api/v1/cases/${caseId}/outcomes`, hire('2026-01-31'))).json().followUps;
    const [three, six] = fus;
    if (!three || !six) throw new Error('no follow-ups');
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/closure`,
      headers: { ...s.headers, 'if-match': '"1"' },
      payload: { closedOn: '2026-02-15', outcome: 'goals_reached' },
    });
    expect(closed.statusCode).toBe(200);
    const late = await post(s, `/api/v1/cases/${caseId}/outcomes`, hire('2026-02-10'));
    expect([late.statusCode, late.json().code]).toEqual([409, 'case_closed']);

    const url = (id: string, c = caseId) => `/api/v1/cases/${c}/follow-ups/${id}`;
    const done = await post(s, url(three.id), {
      doneOn: '2026-05-04',
      stillWorking: true,
      contractType: 'permanent',
      weeklyHours: 36,
      sameEmployer: true,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      id: three.id,
      doneOn: '2026-05-04',
      stillWorking: true,
      contractType: 'permanent',
      weeklyHours: 36,
      sameEmployer: true,
    });
    const again = await post(s, url(three.id), { doneOn: '2026-05-05', stillWorking: false });
    expect([again.statusCode, again.json().code]).toEqual([409, 'follow_up_done']);

    expect(
      (await post(s, url(six.id), { doneOn: '2026-08-01', stillWorking: false, contractType: 'agency' })).json()
        .fields[0].field,
    ).toBe('contractType');
    expect((await post(s, url(six.id), { doneOn: '2026-01-30', stillWorking: false })).json().fields[0].field).toBe(
      'doneOn',
    );
    expect((await post(s, url(six.id), { doneOn: '2099-01-01', stillWorking: false })).json().fields[0].field).toBe(
      'doneOn',
    );
    expect(
      (await post(s, url(six.id, await newCase()), { doneOn: '2026-08-01', stillWorking: false })).statusCode,
    ).toBe(404);
    const lost = await post(s, url(six.id), { doneOn: '2026-08-01', stillWorking: false });
    expect(lost.json()).toMatchObject({ stillWorking: false, contractType: null, weeklyHours: null });

    const timeline = (await get(s, `/api/v1/cases/${caseId}/timeline`)).json().items;
    expect(
      timeline.filter((e: { kind: string }) => e.kind === 'follow_up.recorded').map((e: { refId: string }) => e.refId),
    ).toEqual([six.id, three.id]);
    const audit = (await auditRows(t.db)).filter((r) => r.action === 'follow_up.record' && r.organisation_id === orgId);
    expect(audit.map((r) => [r.subject_id, r.details.months, r.details.stillWorking])).toEqual([
      [three.id, 3, true],
      [six.id, 6, false],
    ]);
  });

  it("lists the centre's due follow-ups — overdue, next 30 days, all — and only its own", async () => {
    const today = todayInItaly();
    const mine = await centre('2025-01-10');
    const a: FU[] = (await post(mine.s, `/api/v1/cases/${mine.caseId}/outcomes`, hire(addDays(today, -100)))).json()
      .followUps;
    const b: FU[] = (
      await post(mine.s, `/api/v1/cases/${await mine.newCase()}/outcomes`, hire(addDays(today, -80)))
    ).json().followUps;
    const theirs = await centre('2025-01-10');
    const c: FU[] = (await post(theirs.s, `/api/v1/cases/${theirs.caseId}/outcomes`, hire(addDays(today, -100)))).json()
      .followUps;
    const ids = async (s: Signed, due: string) =>
      (await get(s, `/api/v1/follow-ups?due=${due}`)).json().items.map((f: FU) => f.id);

    expect(await ids(mine.s, 'overdue')).toEqual([a[0]?.id]);
    expect(await ids(mine.s, 'next30')).toEqual([b[0]?.id]);
    const all = (await get(mine.s, '/api/v1/follow-ups?due=all')).json().items as FU[];
    expect(all.map((f) => f.id).sort()).toEqual([...a, ...b].map((f) => f.id).sort());
    expect(all.map((f) => f.dueOn)).toEqual([...all.map((f) => f.dueOn)].sort());
    expect(await ids(theirs.s, 'overdue')).toEqual([c[0]?.id]);

    await post(mine.s, `/api/v1/cases/${mine.caseId}/follow-ups/${a[0]?.id}`, { doneOn: today, stillWorking: true });
    expect(await ids(mine.s, 'overdue')).toEqual([]);
    const after = (await get(mine.s, '/api/v1/follow-ups')).json().items as FU[];
    expect(after.find((f) => f.id === a[0]?.id)).toMatchObject({ doneOn: today, caseId: mine.caseId });
    expect(
      (await auditRows(t.db)).some(
        (r) => r.action === 'case.list' && r.organisation_id === mine.orgId && r.details.view === 'follow_ups',
      ),
    ).toBe(true);
  });

  it('shows nothing to another centre, a CPI referent or the control room, and lets none of them write', async () => {
    const { s, caseId, code } = await centre();
    const outcome = (await post(s, `/api/v1/cases/${caseId}/outcomes`, hire('2026-01-31'))).json();
    const fu = outcome.followUps[0] as FU;
    const cpiOrg = await makeOrg(t.db, { type: 'employment_centre' });
    const other = (await centre()).s;
    const cpi = await signInNew(t, { organisationId: cpiOrg, roles: ['cpi_referent'] });
    const room = await signInNew(t, {
      organisationId: await makeOrg(t.db, { type: 'metro_city' }),
      roles: ['control_room_member'],
    });
    for (const who of [other, cpi, room]) {
      const answers = [
        await get(who, `/api/v1/cases/${caseId}/outcomes`),
        await get(who, `/api/v1/cases/${caseId}/follow-ups`),
        await post(who, `/api/v1/cases/${caseId}/outcomes`, hire('2026-02-01')),
        await post(who, `/api/v1/cases/${caseId}/follow-ups/${fu.id}`, { doneOn: '2026-05-01', stillWorking: true }),
      ];
      if (who !== other) answers.push(await get(who, '/api/v1/follow-ups?due=all'));
      for (const res of answers) {
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain(code);
      }
    }
    const theirList = await get(other, '/api/v1/follow-ups?due=all');
    expect(theirList.statusCode).toBe(200);
    expect(theirList.json().items).toEqual([]);
    expect(await count('outcomes', caseId)).toBe(1);
    const row = await t.db.owner
      .selectFrom('follow_ups')
      .select('done_on')
      .where('id', '=', fu.id)
      .executeTakeFirstOrThrow();
    expect(row.done_on).toBeNull();
  });
});

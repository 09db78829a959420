import { describe, expect, it } from 'vitest';
import { todayInItaly } from '../db/dates.ts';
import { makeOrg, openTestAppPerFile, type Signed } from '../testing/harness.ts';
import { referralFixture } from '../testing/referral-fixture.ts';

const t = openTestAppPerFile();
const f = referralFixture(() => t);
const today = todayInItaly();

const putPlan = (s: Signed, caseId: string, version: number, payload: object) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/cases/${caseId}/plan`,
    headers: { ...s.headers, 'if-match': `"${version}"` },
    payload,
  });
const mark = (s: Signed, caseId: string, actionId: string, version: number | null, status = 'done') =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/cases/${caseId}/plan/actions/${actionId}/status`,
    headers: version === null ? s.headers : { ...s.headers, 'if-match': `"${version}"` },
    payload: { status },
  });

/** A case whose plan has one action for the CPI and one for another body, and the CPI's consent. */
async function planned() {
  const centre = await f.centreWithCase();
  const cpi = await f.party('employment_centre', ['cpi_referent']);
  const training = await makeOrg(t.db, { type: 'training_body' });
  await f.consent(centre.s, centre.caseId, cpi.orgId);
  const res = await putPlan(centre.s, centre.caseId, 0, {
    goals: [
      {
        domain: 'work',
        title: 'Lavoro',
        actions: [
          { catalogueCode: 'cpi_registration', responsibleOrganisationId: cpi.orgId, dueOn: '2027-01-31' },
          { catalogueCode: 'course_enrolment', responsibleOrganisationId: training },
        ],
      },
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
  const [cpiAction, trainingAction] = res.json().goals[0].actions.map((a: { id: string }) => a.id);
  return { centre, cpi, training, cpiAction, trainingAction };
}

async function referAndReport(p: Awaited<ReturnType<typeof planned>>, shareFields: string[], kind: string) {
  const sent = await f.send(p.centre.s, {
    caseId: p.centre.caseId,
    recipientOrganisationId: p.cpi.orgId,
    purpose: 'work_orientation',
    urgency: 'routine',
    shareFields,
    planActionId: p.cpiAction,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const id = sent.json().id as string;
  expect((await f.step(p.cpi.s, id, 1, { action: 'accept' })).statusCode).toBe(200);
  const reported = await f.step(p.cpi.s, id, 2, { action: 'report', report: { kind, occurredOn: today } });
  expect(reported.statusCode, reported.body).toBe(200);
  return id;
}

describe('partners’ reports on the outcomes tab', () => {
  it('shows a CPI’s report (“service agreement signed”) marked with the reporting body and the action it serves', async () => {
    const p = await planned();
    const referralId = await referAndReport(p, ['profile.ageBand'], 'service_agreement_signed');
    const res = await f.inject('GET', p.centre.s, `/api/v1/cases/${p.centre.caseId}/partner-reports`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.planVersion).toBe(1);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      referralId,
      kind: 'service_agreement_signed',
      occurredOn: today,
      outcomeId: null,
      reportedByOrganisationId: p.cpi.orgId,
      planAction: { id: p.cpiAction, status: 'planned', label: 'Iscrizione al CPI e patto di servizio' },
    });
    expect(body.items[0].reportedByOrganisationName).toMatch(/^Ente di prova/);
  });

  it('lists a report that is an outcome among the outcomes too, marked with the body', async () => {
    const p = await planned();
    const sent = await f.send(p.centre.s, {
      caseId: p.centre.caseId,
      recipientOrganisationId: p.cpi.orgId,
      purpose: 'work_orientation',
      urgency: 'routine',
      shareFields: [],
    });
    const id = sent.json().id;
    await f.step(p.cpi.s, id, 1, { action: 'accept' });
    await f.step(p.cpi.s, id, 2, {
      action: 'report',
      report: { kind: 'course_completed', occurredOn: today, details: { certificate: true } },
    });
    const outcomes = (await f.inject('GET', p.centre.s, `/api/v1/cases/${p.centre.caseId}/outcomes`)).json().items;
    const reports = (await f.inject('GET', p.centre.s, `/api/v1/cases/${p.centre.caseId}/partner-reports`)).json();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].reportedByOrganisationId).toBe(p.cpi.orgId);
    expect(reports.items[0].outcomeId).toBe(outcomes[0].id);
    expect(reports.items[0].planAction).toBeNull();
  });

  it('is the centre’s: another organisation and the CPI get 404', async () => {
    const p = await planned();
    await referAndReport(p, [], 'first_appointment');
    const other = await f.party('cav', ['centre_operator']);
    for (const s of [other.s, p.cpi.s])
      expect((await f.inject('GET', s, `/api/v1/cases/${p.centre.caseId}/partner-reports`)).statusCode).toBe(404);
  });
});

describe('the one-click update of the action a report serves', () => {
  it('needs If-Match, moves the plan to a new version, and is refused when stale', async () => {
    const p = await planned();
    await referAndReport(p, [], 'service_agreement_signed');
    const c = p.centre.caseId;
    expect((await mark(p.centre.s, c, p.cpiAction, null)).statusCode).toBe(428);
    const done = await mark(p.centre.s, c, p.cpiAction, 1, 'in_progress');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.headers.etag).toBe('"2"');
    expect(done.json().goals[0].actions.map((a: { status: string }) => a.status)).toEqual(['in_progress', 'planned']);
    const stale = await mark(p.centre.s, c, p.cpiAction, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(2);
    const versions = (await f.inject('GET', p.centre.s, `/api/v1/cases/${c}/plan/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const reports = (await f.inject('GET', p.centre.s, `/api/v1/cases/${c}/partner-reports`)).json();
    expect(reports.planVersion).toBe(2);
    expect(reports.items[0].planAction.status).toBe('in_progress');
    // an action of another case, or no action at all: 404
    expect((await mark(p.centre.s, c, '00000000-0000-4000-8000-000000000001', 2)).statusCode).toBe(404);
  });

  it('is never the partner’s: a CPI referent, or another centre, cannot change her plan', async () => {
    const p = await planned();
    await referAndReport(p, ['plan.actions'], 'service_agreement_signed');
    const other = await f.party('cav', ['centre_operator']);
    for (const s of [p.cpi.s, other.s]) expect((await mark(s, p.centre.caseId, p.cpiAction, 1)).statusCode).toBe(404);
    const plan = (await f.inject('GET', p.centre.s, `/api/v1/cases/${p.centre.caseId}/plan`)).json();
    expect(plan.version).toBe(1);
    expect(plan.goals[0].actions[0].status).toBe('planned');
  });
});

describe('the plan action a referral serves', () => {
  it('must be one the recipient is responsible for', async () => {
    const p = await planned();
    const res = await f.send(p.centre.s, {
      caseId: p.centre.caseId,
      recipientOrganisationId: p.cpi.orgId,
      purpose: 'work_orientation',
      urgency: 'routine',
      shareFields: [],
      planActionId: p.trainingAction,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      expect.objectContaining({ field: 'planActionId', reason: 'not_the_recipients' }),
    ]);
  });

  it('is shown to the recipient only when the plan’s actions went with the referral', async () => {
    const p = await planned();
    const hidden = await referAndReport(p, ['profile.ageBand'], 'first_appointment');
    const shown = await referAndReport(p, ['plan.actions'], 'first_appointment');
    const asCpi = async (id: string) => (await f.inject('GET', p.cpi.s, `/api/v1/referrals/${id}`)).json();
    expect((await asCpi(hidden)).planAction).toBeNull();
    const seen = await asCpi(shown);
    expect(seen.planAction).toEqual({
      id: null,
      label: { it: 'Iscrizione al CPI e patto di servizio', en: expect.any(String) },
      status: 'planned',
      dueOn: '2027-01-31',
    });
    expect(seen.shared.plan.actions).toEqual([expect.objectContaining({ served: true })]);
    // the centre sees it as it is now, with its id
    const asCentre = (await f.inject('GET', p.centre.s, `/api/v1/referrals/${hidden}`)).json();
    expect(asCentre.planAction).toMatchObject({ id: p.cpiAction, status: 'planned' });
  });
});

describe('who the wizard suggests', () => {
  it('her consent’s body first, then her plan’s, then her town’s CPI', async () => {
    const centre = await f.centreWithCase();
    const town = await t.db.owner
      .insertInto('organisations')
      .values({ name: 'CPI del suo comune', type: 'employment_centre', municipality_code: '015146' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const planBody = await makeOrg(t.db, { type: 'training_body', name: 'Ente del piano' });
    const named = await makeOrg(t.db, { type: 'employment_centre', name: 'CPI del consenso' });
    await f.consent(centre.s, centre.caseId, named);
    const police = await makeOrg(t.db, { type: 'police' });
    expect(
      (
        await putPlan(centre.s, centre.caseId, 0, {
          goals: [
            {
              domain: 'training',
              title: 'Corso',
              actions: [{ catalogueCode: 'course_enrolment', responsibleOrganisationId: planBody }],
            },
          ],
        })
      ).statusCode,
    ).toBe(200);
    const d = (await f.inject('GET', centre.s, `/api/v1/cases/${centre.caseId}/referral-destinations`)).json();
    expect(d.suggestions.map((s: { id: string; reasons: string[] }) => [s.id, s.reasons])).toEqual([
      [named, ['consent']],
      [planBody, ['plan']],
      [town.id, ['residence']],
    ]);
    // police cannot own a plan action
    const refused = await putPlan(centre.s, centre.caseId, 1, {
      goals: [
        {
          domain: 'legal',
          title: 'Tutela',
          actions: [{ catalogueCode: 'legal_aid', responsibleOrganisationId: police }],
        },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0]).toMatchObject({
      field: 'goals.0.actions.0.responsibleOrganisationId',
      reason: 'not_for_this_field',
    });
  });
});

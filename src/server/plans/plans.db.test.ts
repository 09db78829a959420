import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInItaly } from '../db/dates.ts';
import {
  auditRows,
  makeOrg,
  makeUser,
  openTestAppPerFile,
  type Signed,
  signIn,
  signInNew,
} from '../testing/harness.ts';

let cpiOrg: string;

const t = openTestAppPerFile();
beforeAll(async () => {
  cpiOrg = await makeOrg(t.db, { type: 'employment_centre', name: 'CPI di prova' });
});

async function centre() {
  const orgId = await makeOrg(t.db, { type: 'cav' });
  const operator = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });
  return { orgId, operator, s: await signIn(t.app, t.db, operator) };
}
async function openCase(s: Signed): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: s.headers,
    payload: { takenInChargeOn: '2026-01-10' },
  });
  return res.json().id;
}
const put = (s: Signed, caseId: string, version: number | null, payload: object) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/cases/${caseId}/plan`,
    headers: version === null ? s.headers : { ...s.headers, 'if-match': `"${version}"` },
    payload,
  });
const get = (s: Signed, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
const post = (s: Signed, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: s.headers, payload });

const planBody = (operatorId: string) => ({
  goals: [
    {
      domain: 'work',
      title: 'Lavoro part-time',
      targetOn: '2026-09-30',
      actions: [
        {
          catalogueCode: 'cpi_registration',
          responsibleOrganisationId: cpiOrg,
          operatorUserId: operatorId,
          startsOn: '2026-03-01',
          dueOn: '2026-03-31',
          notes: 'nota interna',
        },
        { catalogueCode: 'gol_pathway', status: 'in_progress' },
      ],
    },
    { domain: 'housing', title: 'Casa', status: 'open', actions: [] },
  ],
});

describe('the plan', () => {
  it('starts at version 0, and every save keeps a snapshot and moves the ETag', async () => {
    const { s, operator } = await centre();
    const c = await openCase(s);
    const empty = await get(s, `/api/v1/cases/${c}/plan`);
    expect(empty.json()).toEqual({ version: 0, secondLanguage: null, goals: [], agreedVersion: null, reviews: [] });
    expect(empty.headers.etag).toBe('"0"');
    expect((await put(s, c, null, planBody(operator.id))).statusCode).toBe(428);

    const v1 = await put(s, c, 0, planBody(operator.id));
    expect(v1.statusCode).toBe(200);
    expect(v1.headers.etag).toBe('"1"');
    const plan = v1.json();
    expect(plan.version).toBe(1);
    expect(plan.goals.map((g: { domain: string }) => g.domain)).toEqual(['work', 'housing']);
    expect(plan.goals[0].actions[0]).toMatchObject({
      catalogueCode: 'cpi_registration',
      label: 'Iscrizione al CPI e patto di servizio',
      responsibleOrganisationId: cpiOrg,
      responsibleOrganisationName: 'CPI di prova',
      operatorUserId: operator.id,
      operatorName: `Utente ${operator.username}`,
      startsOn: '2026-03-01',
      dueOn: '2026-03-31',
      status: 'planned',
      notes: 'nota interna',
    });
    expect(plan.goals[0].actions[1]).toMatchObject({
      catalogueCode: 'gol_pathway',
      status: 'in_progress',
      responsibleOrganisationId: null,
      dueOn: null,
    });

    // the second save keeps the goal's id, drops the housing goal and renames the work goal
    const work = plan.goals[0];
    const v2 = await put(s, c, 1, {
      secondLanguage: 'ar',
      goals: [
        {
          id: work.id,
          domain: 'work',
          title: 'Lavoro a tempo pieno',
          actions: [{ id: work.actions[1].id, catalogueCode: 'gol_pathway' }],
        },
      ],
    });
    expect(v2.statusCode).toBe(200);
    expect(v2.json()).toMatchObject({
      version: 2,
      secondLanguage: 'ar',
      goals: [{ id: work.id, title: 'Lavoro a tempo pieno', actions: [{ id: work.actions[1].id }] }],
    });

    const versions = (await get(s, `/api/v1/cases/${c}/plan/versions`)).json().items;
    expect(
      versions.map((v: { version: number; goals: number; actions: number }) => [v.version, v.goals, v.actions]),
    ).toEqual([
      [2, 1, 1],
      [1, 2, 2],
    ]);
    expect(versions[0]).toMatchObject({ changedBy: operator.id, agreed: false, agreedOn: null });
    const old = (await get(s, `/api/v1/cases/${c}/plan/versions/1`)).json();
    expect(old.goals[0].title).toBe('Lavoro part-time');
    expect(old.goals[1].title).toBe('Casa');
    expect((await get(s, `/api/v1/cases/${c}/plan/versions/9`)).statusCode).toBe(404);

    const timeline = (await get(s, `/api/v1/cases/${c}/timeline`))
      .json()
      .items.filter((e: { kind: string }) => e.kind === 'plan.updated');
    expect(timeline.map((e: { details: { version: number } }) => e.details.version)).toEqual([2, 1]);
    expect((await auditRows(t.db)).filter((r) => r.action === 'plan.update' && r.subject_id === c)).toHaveLength(2);
  });

  it('answers 409 with the current version to a stale If-Match, never overwriting', async () => {
    const { s, operator } = await centre();
    const c = await openCase(s);
    await put(s, c, 0, planBody(operator.id));
    await put(s, c, 1, { goals: [{ domain: 'legal', title: 'Separazione', actions: [] }] });
    const stale = await put(s, c, 1, { goals: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect(stale.headers.etag).toBe('"2"');
    const fresh = await put(s, c, 0, { goals: [] });
    expect(fresh.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    const now = (await get(s, `/api/v1/cases/${c}/plan`)).json();
    expect(now).toMatchObject({ version: 2, goals: [{ title: 'Separazione' }] });
  });

  it('lets exactly one of two concurrent saves from the same version win', async () => {
    const { s, operator } = await centre();
    const colleague = await signInNew(t, { organisationId: operator.organisationId, roles: ['centre_operator'] });
    for (const start of [0, 1]) {
      const c = await openCase(s);
      if (start === 1) await put(s, c, 0, { goals: [] });
      const [a, b] = await Promise.all([
        put(s, c, start, { goals: [{ domain: 'work', title: 'Versione A', actions: [] }] }),
        put(colleague, c, start, { goals: [{ domain: 'training', title: 'Versione B', actions: [] }] }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const loser = a.statusCode === 409 ? a : b;
      expect(loser.json()).toMatchObject({ code: 'version_conflict', currentVersion: start + 1 });
      const winner = (a.statusCode === 200 ? a : b).json();
      const now = (await get(s, `/api/v1/cases/${c}/plan`)).json();
      expect(now.version).toBe(start + 1);
      expect(now.goals).toEqual(winner.goals);
      const versions = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM plan_versions WHERE case_id = ${c}`.execute(t.db.owner);
      expect(versions.rows[0]?.n).toBe(start + 1);
    }
  });

  it('refuses unknown codes, organisations, operators, ids and dates out of order, naming the field', async () => {
    const { s, operator } = await centre();
    const other = await centre();
    const c = await openCase(s);
    const ownOfOther = await post(other.s, '/api/v1/action-catalogue', {
      code: `altrui_${Date.now()}`,
      domain: 'work',
      labelIt: 'Altrui',
      labelEn: 'Theirs',
    });
    expect(ownOfOther.statusCode).toBe(201);
    const res = await put(s, c, 0, {
      goals: [
        {
          domain: 'work',
          title: 'Lavoro',
          actions: [
            { catalogueCode: 'made_up_action' },
            { catalogueCode: 'traineeship', startsOn: '2026-05-01', dueOn: '2026-04-30' },
          ],
        },
        {
          id: '00000000-0000-4000-8000-000000000000',
          domain: 'legal',
          title: 'Legale',
          actions: [
            { catalogueCode: ownOfOther.json().code },
            {
              catalogueCode: 'legal_aid',
              responsibleOrganisationId: '00000000-0000-4000-8000-000000000001',
              operatorUserId: other.operator.id,
            },
          ],
        },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(
      [
        'goals.0.actions.0.catalogueCode',
        'goals.0.actions.1.dueOn',
        'goals.1.id',
        'goals.1.actions.0.catalogueCode',
        'goals.1.actions.1.responsibleOrganisationId',
        'goals.1.actions.1.operatorUserId',
      ].sort(),
    );
    const domain = await put(s, c, 0, { goals: [{ domain: 'fun', title: 'x', actions: [] }] });
    expect(domain.statusCode).toBe(400);
    expect(domain.json().fields[0].field).toBe('goals.0.domain');
    const blank = await put(s, c, 0, { goals: [{ domain: 'work', title: '   ', actions: [] }] });
    expect(blank.json().fields).toEqual([{ field: 'goals.0.title', reason: 'required', message: 'must not be empty' }]);
    expect((await get(s, `/api/v1/cases/${c}/plan`)).json().version).toBe(0);
    const ok = await put(s, c, 0, {
      goals: [
        {
          domain: 'work',
          title: 'Lavoro',
          actions: [
            { catalogueCode: 'traineeship', operatorUserId: operator.id, startsOn: '2026-05-01', dueOn: '2026-05-01' },
          ],
        },
      ],
    });
    expect(ok.statusCode).toBe(200);
  });

  it('records her agreement on a version, and reviews with the plan version', async () => {
    const { s, operator } = await centre();
    const c = await openCase(s);
    expect(
      (await post(s, `/api/v1/cases/${c}/plan/reviews`, { reviewedOn: '2026-02-01', summary: 'Primo incontro' })).json()
        .code,
    ).toBe('plan_missing');
    await put(s, c, 0, planBody(operator.id));
    expect(
      (
        await post(s, `/api/v1/cases/${c}/plan/agreement`, { version: 1, agreedOn: '2099-01-01', method: 'verbal' })
      ).json().fields[0].field,
    ).toBe('agreedOn');
    expect(
      (
        await post(s, `/api/v1/cases/${c}/plan/agreement`, { version: 1, agreedOn: '2020-01-01', method: 'verbal' })
      ).json().fields[0].field,
    ).toBe('agreedOn');
    const agreed = await post(s, `/api/v1/cases/${c}/plan/agreement`, {
      version: 1,
      agreedOn: todayInItaly(),
      method: 'signed',
    });
    expect(agreed.statusCode).toBe(200);
    expect(agreed.json().agreedVersion).toMatchObject({ version: 1, method: 'signed' });
    expect(
      (
        await post(s, `/api/v1/cases/${c}/plan/agreement`, {
          version: 1,
          agreedOn: agreed.json().agreedVersion.agreedOn,
          method: 'verbal',
        })
      ).json().code,
    ).toBe('already_agreed');
    expect(
      (
        await post(s, `/api/v1/cases/${c}/plan/agreement`, { version: 7, agreedOn: '2026-02-01', method: 'verbal' })
      ).json().fields[0].field,
    ).toBe('version');
    await put(s, c, 1, { goals: [] });
    const plan = (await get(s, `/api/v1/cases/${c}/plan`)).json();
    expect(plan).toMatchObject({ version: 2, agreedVersion: { version: 1 } });
    const versions = (await get(s, `/api/v1/cases/${c}/plan/versions`)).json().items;
    expect(versions.map((v: { version: number; agreed: boolean }) => [v.version, v.agreed])).toEqual([
      [2, false],
      [1, true],
    ]);

    const review = await post(s, `/api/v1/cases/${c}/plan/reviews`, {
      reviewedOn: '2026-02-15',
      summary: 'Obiettivi confermati',
    });
    expect(review.statusCode).toBe(201);
    expect(review.json()).toMatchObject({
      reviewedOn: '2026-02-15',
      summary: 'Obiettivi confermati',
      planVersion: 2,
      recordedBy: operator.id,
    });
    expect(
      (await post(s, `/api/v1/cases/${c}/plan/reviews`, { reviewedOn: '2099-01-01', summary: 'x' })).json().fields[0]
        .field,
    ).toBe('reviewedOn');
    expect((await get(s, `/api/v1/cases/${c}/plan`)).json().reviews).toHaveLength(1);
    const kinds = (await get(s, `/api/v1/cases/${c}/timeline`)).json().items.map((e: { kind: string }) => e.kind);
    expect(kinds.slice(0, 4)).toEqual(['plan.reviewed', 'plan.updated', 'plan.agreed', 'plan.updated']);
    const actions = (await auditRows(t.db)).filter((r) => r.subject_id === c).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['plan.agree', 'plan.review']));
  });

  it('refuses changes to the plan of a closed case', async () => {
    const { s } = await centre();
    const c = await openCase(s);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c}/closure`,
      headers: { ...s.headers, 'if-match': '"1"' },
      payload: { closedOn: '2026-02-01', outcome: 'moved_away' },
    });
    const res = await put(s, c, 0, { goals: [] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('case_closed');
  });
});

describe('the API contract', () => {
  it('lists the needs and plan endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/cases/{id}/plan',
      '/api/v1/cases/{id}/plan/print',
      '/api/v1/cases/{id}/plan/versions/{version}',
      '/api/v1/cases/{id}/needs-assessments',
      '/api/v1/action-catalogue',
      '/api/v1/needs/questionnaire',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});

describe('the action catalogue', () => {
  it('is shared plus the centre’s own actions, which other centres neither see nor use', async () => {
    const { s } = await centre();
    const other = await centre();
    const before = (await get(s, '/api/v1/action-catalogue')).json().items;
    expect(before.find((i: { code: string }) => i.code === 'italian_course')).toEqual({
      code: 'italian_course',
      domain: 'training',
      labelIt: 'Corso di lingua italiana',
      labelEn: 'Italian language course',
      shared: true,
    });
    const code = `sportello_${Date.now()}`;
    const made = await post(s, '/api/v1/action-catalogue', {
      code,
      domain: 'economic_autonomy',
      labelIt: 'Sportello bilancio familiare',
      labelEn: 'Household budget desk',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toEqual({
      code,
      domain: 'economic_autonomy',
      labelIt: 'Sportello bilancio familiare',
      labelEn: 'Household budget desk',
      shared: false,
    });
    expect(
      (await post(s, '/api/v1/action-catalogue', { code, domain: 'work', labelIt: 'x', labelEn: 'x' })).json().code,
    ).toBe('code_taken');
    expect(
      (await post(s, '/api/v1/action-catalogue', { code: 'Bad Code', domain: 'work', labelIt: 'x', labelEn: 'x' }))
        .statusCode,
    ).toBe(400);
    expect((await get(s, '/api/v1/action-catalogue')).json().items.some((i: { code: string }) => i.code === code)).toBe(
      true,
    );
    expect(
      (await get(other.s, '/api/v1/action-catalogue')).json().items.some((i: { code: string }) => i.code === code),
    ).toBe(false);
    const c = await openCase(s);
    expect(
      (
        await put(s, c, 0, {
          goals: [{ domain: 'economic_autonomy', title: 'Bilancio', actions: [{ catalogueCode: code }] }],
        })
      ).statusCode,
    ).toBe(200);
    expect((await auditRows(t.db)).some((r) => r.action === 'catalogue.extend' && r.subject_id === code)).toBe(true);
    const dpo = await signInNew(t, { organisationId: other.orgId, roles: ['dpo'] });
    expect(
      (
        await post(dpo, '/api/v1/action-catalogue', {
          code: `dpo_${Date.now()}`,
          domain: 'work',
          labelIt: 'x',
          labelEn: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });
});

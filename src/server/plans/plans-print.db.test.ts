import { describe, expect, it } from 'vitest';
import {
  auditRows,
  makeOrg,
  makeUser,
  openTestAppPerFile,
  type Signed,
  signIn,
  signInNew,
} from '../testing/harness.ts';
import { pdfText } from '../testing/pdf-text.ts';
import { PRINT_LANGUAGES } from '../../shared/codes/plans.ts';

const t = openTestAppPerFile();

const NOTE = 'NOTA-RISERVATA-teme-il-marito';
const SHELTER_ADDRESS = 'Via Segretissima 13';

/** A centre with a case (her identity on file), an agreed plan whose action carries an internal note. */
async function casePlan() {
  const orgId = await makeOrg(t.db, { type: 'cav' });
  const user = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });
  const s = await signIn(t.app, t.db, user);
  const identity = { firstName: 'Zenobia', lastName: 'Canarino', address: SHELTER_ADDRESS };
  const made = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: s.headers,
    payload: { takenInChargeOn: '2026-01-10', identity },
  });
  expect(made.statusCode).toBe(201);
  const { id, code } = made.json() as { id: string; code: string };
  const cpi = await makeOrg(t.db, { type: 'employment_centre', name: 'CPI Rho' });
  const plan = {
    goals: [
      {
        domain: 'work',
        title: 'Trovare lavoro nella logistica',
        targetOn: '2026-10-31',
        actions: [
          {
            catalogueCode: 'cpi_registration',
            responsibleOrganisationId: cpi,
            operatorUserId: user.id,
            startsOn: '2026-02-01',
            dueOn: '2026-02-28',
            notes: NOTE,
          },
        ],
      },
      {
        domain: 'housing',
        title: 'Alloggio autonomo',
        actions: [{ catalogueCode: 'social_housing_application', responsibleOrganisationId: cpi, dueOn: '2026-06-30' }],
      },
    ],
  };
  expect(
    (
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/cases/${id}/plan`,
        headers: { ...s.headers, 'if-match': '"0"' },
        payload: plan,
      })
    ).statusCode,
  ).toBe(200);
  return { orgId, user, s, id, code };
}
const print = (s: Signed, id: string, lang?: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/cases/${id}/plan/print${lang ? `?lang=${lang}` : ''}`,
    headers: s.headers,
  });

describe('the printed plan', () => {
  it('is a PDF in each language with the case code, never her name, the shelter address, operators or notes', async () => {
    const { s, id, code, user } = await casePlan();
    for (const lang of PRINT_LANGUAGES) {
      const res = await print(s, id, lang);
      expect(res.statusCode, lang).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`inline; filename="piano-${code}-${lang}.pdf"`);
      const pdf = res.rawPayload;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text).toContain(`Codice del percorso: ${code}`);
      expect(text).toContain('Trovare lavoro nella logistica');
      expect(text).toContain('CPI Rho');
      expect(text).toContain('28/02/2026');
      for (const secret of ['Zenobia', 'Canarino', 'CANARINO', SHELTER_ADDRESS, NOTE, user.username]) {
        expect(text, `${lang}: ${secret}`).not.toContain(secret);
        expect(text.replace(/\s+/g, ''), `${lang}: ${secret}`).not.toContain(secret.replace(/\s+/g, ''));
        expect(pdf.toString('latin1'), `${lang}: ${secret}`).not.toContain(secret);
      }
    }
    expect((await print(s, id)).statusCode).toBe(200);
  });

  it('keeps her second language on the plan, audits each print and puts it on the timeline', async () => {
    const { s, id } = await casePlan();
    expect((await print(s, id, 'uk')).statusCode).toBe(200);
    const plan = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}/plan`, headers: s.headers });
    expect(plan.json()).toMatchObject({ secondLanguage: 'uk', version: 1 });
    expect(plan.headers.etag).toBe('"1"');
    await print(s, id, 'it');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}/plan`, headers: s.headers })).json()
        .secondLanguage,
    ).toBe('uk');
    const audit = (await auditRows(t.db)).filter((r) => r.action === 'plan.print' && r.subject_id === id);
    expect(audit.map((r) => r.details)).toEqual([
      { lang: 'uk', version: 1 },
      { lang: 'it', version: 1 },
    ]);
    const timeline = (
      await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}/timeline`, headers: s.headers })
    ).json();
    expect(timeline.items.filter((e: { kind: string }) => e.kind === 'plan.printed')).toHaveLength(2);
    expect((await print(s, id, 'de')).statusCode).toBe(400);
  });
});

describe('who reaches a plan', () => {
  it('answers 404 on every endpoint to another centre, a CPI referent and the control room', async () => {
    const { s, id, orgId } = await casePlan();
    const assessment = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/needs-assessments`,
      headers: s.headers,
      payload: { questionnaireVersion: '2026-2', assessedOn: '2026-01-20', answers: { housing_situation: 'shelter' } },
    });
    const aid = assessment.json().id as string;
    const other = await signInNew(t, {
      organisationId: await makeOrg(t.db, { type: 'cav' }),
      roles: ['centre_operator'],
    });
    const cpi = await signInNew(t, {
      organisationId: await makeOrg(t.db, { type: 'employment_centre' }),
      roles: ['cpi_referent'],
    });
    const room = await signInNew(t, {
      organisationId: await makeOrg(t.db, { type: 'metro_city' }),
      roles: ['control_room_member'],
    });
    const admin = await signInNew(t, { organisationId: orgId, roles: ['org_admin'] });
    const caseCalls: Array<[string, string, object?]> = [
      ['GET', `/api/v1/cases/${id}/plan`],
      ['PUT', `/api/v1/cases/${id}/plan`, { goals: [] }],
      ['GET', `/api/v1/cases/${id}/plan/versions`],
      ['GET', `/api/v1/cases/${id}/plan/versions/1`],
      ['POST', `/api/v1/cases/${id}/plan/agreement`, { version: 1, agreedOn: '2026-02-01', method: 'verbal' }],
      ['POST', `/api/v1/cases/${id}/plan/reviews`, { reviewedOn: '2026-02-01', summary: 'x' }],
      ['GET', `/api/v1/cases/${id}/plan/print?lang=en`],
      ['GET', `/api/v1/cases/${id}/needs-assessments`],
      [
        'POST',
        `/api/v1/cases/${id}/needs-assessments`,
        { questionnaireVersion: '2026-2', assessedOn: '2026-01-20', answers: {} },
      ],
      ['GET', `/api/v1/cases/${id}/needs-assessments/compare?a=${aid}&b=${aid}`],
    ];
    const catalogueCalls: Array<[string, string, object?]> = [
      ['GET', '/api/v1/action-catalogue'],
      ['POST', '/api/v1/action-catalogue', { code: 'intruso_1', domain: 'work', labelIt: 'x', labelEn: 'x' }],
      ['GET', '/api/v1/needs/questionnaire'],
    ];
    const calls = async (who: Signed, list: Array<[string, string, object?]>) => {
      const out: Array<{ url: string; status: number; body: string }> = [];
      for (const [method, url, payload] of list) {
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          payload,
          headers: { ...who.headers, 'if-match': '"1"' },
        });
        out.push({ url: `${method} ${url}`, status: res.statusCode, body: res.body });
      }
      return out;
    };
    for (const who of [other, cpi, room, admin]) {
      for (const res of await calls(who, caseCalls)) {
        expect(res.status, res.url).toBe(404);
        expect(res.body).not.toContain('Trovare lavoro');
      }
    }
    for (const who of [cpi, room, admin])
      for (const res of await calls(who, catalogueCalls)) expect(res.status, res.url).toBe(404);
    const plan = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}/plan`, headers: s.headers })).json();
    expect(plan).toMatchObject({ version: 1, agreedVersion: null, reviews: [] });
    expect(plan.goals).toHaveLength(2);

    // the centre's DPO reads, but neither changes nor prints
    const dpo = await signInNew(t, { organisationId: orgId, roles: ['dpo'] });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}/plan`, headers: dpo.headers })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}/needs-assessments`, headers: dpo.headers }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/v1/cases/${id}/plan`,
          headers: { ...dpo.headers, 'if-match': '"1"' },
          payload: { goals: [] },
        })
      ).statusCode,
    ).toBe(404);
    expect((await print(dpo, id, 'it')).statusCode).toBe(404);
  });
});

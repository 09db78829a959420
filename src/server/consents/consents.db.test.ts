import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { setActor, withContext } from '../db/context.ts';
import { todayInItaly } from '../db/dates.ts';
import {
  auditRows,
  makeOrg,
  makeUser,
  openTestAppPerFile,
  type Signed,
  signIn,
  signInNew,
  type TestUser,
} from '../testing/harness.ts';
import { type ConsentRequest, findValidConsent } from './validity.ts';

const t = openTestAppPerFile();

const CANARY = { firstName: 'Ottavia', lastName: 'Canarossi', taxCode: 'CNRTTV85T50F205X' };

async function centre() {
  const orgId = await makeOrg(t.db, { type: 'cav' });
  const operator = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });
  const s = await signIn(t.app, t.db, operator);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: s.headers,
    payload: { takenInChargeOn: '2026-01-10', identity: { firstName: CANARY.firstName, lastName: CANARY.lastName } },
  });
  const c = res.json() as { id: string; code: string };
  return { orgId, operator, s, caseId: c.id, code: c.code };
}

const post = (s: Signed, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: s.headers, payload });
const sharing = (recipientOrganisationId: string, over: object = {}) => ({
  purpose: 'sharing',
  decision: 'granted',
  textVersion: '2026-01',
  method: 'signed_form',
  givenOn: '2026-03-10',
  recipientOrganisationId,
  sharingPurpose: 'work_orientation',
  ...over,
});

/** Asks as `user` (RLS applies) whether a consent covers the request. */
const valid = (user: TestUser, caseId: string, request: ConsentRequest) =>
  withContext(t.db, async (tx) => {
    await setActor(tx, { userId: user.id, organisationId: user.organisationId, roles: user.roles });
    return findValidConsent(tx, caseId, request);
  });

/** The text a PDF shows: every (deflated) content stream's TJ/Tj strings, decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const bytes = Buffer.from(m[1] ?? '', 'latin1');
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const op of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      out.push(
        [...(op[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)]
          .map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1'))
          .join(''),
      );
    }
  }
  return out.join(' ');
}

describe('consents', () => {
  it('records decisions per purpose and recipient, lists them with their status, and answers whether one covers a referral', async () => {
    const { s, operator, orgId, caseId } = await centre();
    const cpi = await makeOrg(t.db, { type: 'employment_centre', name: 'CPI di prova Sesto' });
    const colleague = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });

    const granted = await post(s, `/api/v1/cases/${caseId}/consents`, sharing(cpi));
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({
      purpose: 'sharing',
      decision: 'granted',
      status: 'active',
      recipientOrganisationId: cpi,
      recipientOrganisationName: 'CPI di prova Sesto',
      recipientType: null,
      includesIdentity: false,
      givenOn: '2026-03-10',
      expiresOn: '2027-03-09',
      revokedOn: null,
      recordedBy: operator.id,
    });
    const refused = await post(s, `/api/v1/cases/${caseId}/consents`, {
      purpose: 'statistics',
      decision: 'refused',
      textVersion: '2026-01',
      method: 'signed_form',
      givenOn: '2026-03-11',
    });
    expect(refused.json()).toMatchObject({ status: 'refused', expiresOn: null });
    // a refusal blocks nothing else: the next decision is recorded as usual
    const verbal = await post(s, `/api/v1/cases/${caseId}/consents`, {
      purpose: 'service',
      decision: 'granted',
      textVersion: '2026-01',
      method: 'verbal_with_witness',
      witnessUserId: colleague.id,
      givenOn: '2026-03-12',
    });
    expect(verbal.statusCode).toBe(201);
    expect(verbal.json()).toMatchObject({ witnessUserId: colleague.id, expiresOn: null, status: 'active' });

    const list = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/consents`, headers: s.headers });
    expect(list.json().items.map((c: { purpose: string }) => c.purpose)).toEqual(['service', 'statistics', 'sharing']);

    const ask = {
      purpose: 'sharing',
      recipientOrganisationId: cpi,
      recipientType: 'employment_centre',
      sharingPurpose: 'work_orientation',
      on: '2026-06-01',
    } as const;
    expect((await valid(operator, caseId, ask))?.id).toBe(granted.json().id);
    expect(
      await valid(operator, caseId, {
        ...ask,
        recipientOrganisationId: await makeOrg(t.db, { type: 'employment_centre' }),
      }),
    ).toBeNull();
    expect(await valid(operator, caseId, { ...ask, sharingPurpose: 'housing' })).toBeNull();
    expect(await valid(operator, caseId, { ...ask, on: '2027-03-10' })).toBeNull();
    expect(await valid(operator, caseId, { purpose: 'statistics', on: '2026-06-01' })).toBeNull();

    const timeline = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/timeline`, headers: s.headers });
    expect(timeline.json().items.filter((e: { kind: string }) => e.kind === 'consent.recorded')).toHaveLength(3);
    const audit = (await auditRows(t.db)).filter((r) => r.action === 'consent.record' && r.organisation_id === orgId);
    expect(audit.map((r) => r.subject_id).sort()).toEqual(
      [granted.json().id, refused.json().id, verbal.json().id].sort(),
    );
    expect(audit[0]?.details).toMatchObject({ caseId, purpose: 'sharing', decision: 'granted' });
    expect(JSON.stringify(audit)).not.toContain(CANARY.lastName);
  });

  it('refuses invalid combinations naming the field, a verbal consent without a colleague as witness, and writes nothing', async () => {
    const { s, orgId, caseId, operator } = await centre();
    const cpi = await makeOrg(t.db, { type: 'employment_centre' });
    const elsewhere = await makeUser(t.db, t.config, {
      organisationId: await makeOrg(t.db, { type: 'cav' }),
      roles: ['centre_operator'],
    });
    const cases: Array<[object, string]> = [
      [sharing(cpi, { method: 'verbal_with_witness' }), 'witnessUserId'],
      [sharing(cpi, { method: 'verbal_with_witness', witnessUserId: elsewhere.id }), 'witnessUserId'],
      [sharing(cpi, { method: 'verbal_with_witness', witnessUserId: operator.id }), 'witnessUserId'],
      [sharing(cpi, { recipientOrganisationId: undefined }), 'recipientOrganisationId'],
      [sharing(cpi, { recipientType: 'employment_centre' }), 'recipientType'],
      [sharing(cpi, { recipientOrganisationId: orgId }), 'recipientOrganisationId'],
      [sharing(cpi, { recipientOrganisationId: '00000000-0000-4000-8000-000000000000' }), 'recipientOrganisationId'],
      [sharing(cpi, { recipientOrganisationId: undefined, recipientType: 'spaceship' }), 'recipientType'],
      [sharing(cpi, { sharingPurpose: undefined }), 'sharingPurpose'],
      [sharing(cpi, { textVersion: '1999-12' }), 'textVersion'],
      [sharing(cpi, { givenOn: '2099-01-01' }), 'givenOn'],
      [sharing(cpi, { expiresOn: '2026-03-01' }), 'expiresOn'],
      [{ ...sharing(cpi), purpose: 'statistics' }, 'recipientOrganisationId'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(s, `/api/v1/cases/${caseId}/consents`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(
        res.json().fields.map((f: { field: string }) => f.field),
        JSON.stringify(payload),
      ).toContain(field);
    }
    const n = await t.db.owner
      .selectFrom('consents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
    expect((await auditRows(t.db)).some((r) => r.action === 'consent.record' && r.organisation_id === orgId)).toBe(
      false,
    );
  });

  it('revokes a granted consent once, from the day given, also after closure; a closed case takes no new consent', async () => {
    const { s, operator, orgId, caseId } = await centre();
    const cpi = await makeOrg(t.db, { type: 'employment_centre' });
    const c = (await post(s, `/api/v1/cases/${caseId}/consents`, sharing(cpi))).json();
    const other = (
      await post(s, `/api/v1/cases/${caseId}/consents`, sharing(cpi, { sharingPurpose: 'training' }))
    ).json();
    const no = (
      await post(
        s,
        `/api/v1/cases/${caseId}/consents`,
        sharing(cpi, { decision: 'refused', sharingPurpose: 'housing' }),
      )
    ).json();
    const url = (id: string) => `/api/v1/cases/${caseId}/consents/${id}/revocation`;
    const today = todayInItaly();
    const ask = {
      purpose: 'sharing',
      recipientOrganisationId: cpi,
      sharingPurpose: 'work_orientation',
      on: today,
    } as const;
    expect((await valid(operator, caseId, ask))?.id).toBe(c.id);

    expect((await post(s, url(c.id), { revokedOn: '2026-03-09' })).json().fields[0].field).toBe('revokedOn');
    expect((await post(s, url(c.id), { revokedOn: '2099-01-01' })).json().fields[0].field).toBe('revokedOn');
    const revoked = await post(s, url(c.id), { revokedOn: today });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: c.id, revokedOn: today, status: 'revoked' });
    expect(await valid(operator, caseId, ask)).toBeNull();
    const twice = await post(s, url(c.id), { revokedOn: today });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'consent_revoked']);
    expect((await post(s, url(no.id), { revokedOn: today })).json().code).toBe('consent_refused');
    expect((await post(s, url('00000000-0000-4000-8000-000000000000'), { revokedOn: today })).statusCode).toBe(404);

    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/closure`,
      headers: { ...s.headers, 'if-match': '"1"' },
      payload: { closedOn: today, outcome: 'goals_reached' },
    });
    expect(closed.statusCode).toBe(200);
    expect((await post(s, url(other.id), { revokedOn: today })).statusCode).toBe(200);
    const late = await post(s, `/api/v1/cases/${caseId}/consents`, sharing(cpi));
    expect([late.statusCode, late.json().code]).toEqual([409, 'case_closed']);

    const timeline = (
      await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/timeline`, headers: s.headers })
    ).json();
    expect(
      timeline.items
        .filter((e: { kind: string }) => e.kind === 'consent.revoked')
        .map((e: { refId: string }) => e.refId)
        .sort(),
    ).toEqual([c.id, other.id].sort());
    const audit = (await auditRows(t.db)).filter((r) => r.action === 'consent.revoke' && r.organisation_id === orgId);
    expect(audit.map((r) => r.subject_id).sort()).toEqual([c.id, other.id].sort());
  });

  it('prints the form as a PDF in Italian or English, with the case code and never her name', async () => {
    const { s, caseId, code, orgId } = await centre();
    const cpi = await makeOrg(t.db, { type: 'employment_centre', name: 'CPI di prova Rho' });
    const form = (q: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/consents/form?${q}`, headers: s.headers });

    const it = await form(`lang=it&purpose=sharing&recipientOrganisationId=${cpi}&sharingPurpose=work_orientation`);
    expect(it.statusCode).toBe(200);
    expect(it.headers['content-type']).toContain('application/pdf');
    expect(it.headers['content-disposition']).toContain(code);
    expect(it.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const itText = pdfText(it.rawPayload);
    for (const words of [
      code,
      'Modulo di consenso',
      'Acconsento',
      'Non acconsento',
      'CPI di prova Rho',
      'Orientamento e inserimento lavorativo',
      '12 mesi',
      'Come ritirare il consenso',
      'Firma della donna',
    ]) {
      expect(itText).toContain(words);
    }
    const en = await form(
      `lang=en&purpose=sharing&recipientType=housing_office&sharingPurpose=housing&expiresOn=2099-06-30&includesIdentity=true`,
    );
    const enText = pdfText(en.rawPayload);
    for (const words of [
      code,
      'Consent to share information',
      'I agree',
      'Any organisation of this type: Housing office',
      '30/06/2099',
      'How to withdraw',
    ]) {
      expect(enText).toContain(words);
    }
    expect(pdfText((await form('lang=en&purpose=service')).rawPayload)).toContain('Until you withdraw it');
    for (const pdf of [it.rawPayload, en.rawPayload]) {
      for (const secret of [CANARY.firstName, CANARY.lastName]) {
        expect(pdfText(pdf)).not.toContain(secret);
        expect(pdf.toString('latin1')).not.toContain(secret);
      }
    }

    expect((await form('purpose=sharing&sharingPurpose=training')).json().fields[0].field).toBe(
      'recipientOrganisationId',
    );
    expect((await form('purpose=marketing')).statusCode).toBe(400);
    expect((await form('purpose=service&lang=de')).statusCode).toBe(400);
    const prints = (await auditRows(t.db)).filter(
      (r) => r.action === 'consent.form_print' && r.organisation_id === orgId,
    );
    expect(prints).toHaveLength(3);
    expect(prints[0]).toMatchObject({
      subject_id: caseId,
      details: { purpose: 'sharing', lang: 'it', textVersion: '2026-01' },
    });
  });

  it('shows nothing to another centre, a CPI referent or the control room, and lets none of them write', async () => {
    const { s, orgId, caseId, code } = await centre();
    const cpiOrg = await makeOrg(t.db, { type: 'employment_centre' });
    const c = (await post(s, `/api/v1/cases/${caseId}/consents`, sharing(cpiOrg))).json();
    const other = (await centre()).s;
    const cpi = await signInNew(t, { organisationId: cpiOrg, roles: ['cpi_referent'] });
    const room = await signInNew(t, {
      organisationId: await makeOrg(t.db, { type: 'metro_city' }),
      roles: ['control_room_member'],
    });
    for (const who of [other, cpi, room]) {
      const answers = [
        await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/consents`, headers: who.headers }),
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/cases/${caseId}/consents/form?purpose=service`,
          headers: who.headers,
        }),
        await post(who, `/api/v1/cases/${caseId}/consents`, sharing(cpiOrg)),
        await post(who, `/api/v1/cases/${caseId}/consents/${c.id}/revocation`, { revokedOn: todayInItaly() }),
      ];
      for (const res of answers) {
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain(code);
        expect(res.body).not.toContain(c.id);
      }
    }
    const rows = await t.db.owner
      .selectFrom('consents')
      .select(['id', 'revoked_on'])
      .where('case_id', '=', caseId)
      .execute();
    expect(rows).toEqual([{ id: c.id, revoked_on: null }]);
    const dpo = await signInNew(t, { organisationId: orgId, roles: ['dpo'] });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/consents`, headers: dpo.headers })).json()
        .items,
    ).toHaveLength(1);
    expect((await post(dpo, `/api/v1/cases/${caseId}/consents`, sharing(cpiOrg))).statusCode).toBe(404);
  });
});

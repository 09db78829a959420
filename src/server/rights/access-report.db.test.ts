import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { setActor, withContext } from '../db/context.ts';
import { sha256 } from '../auth/tokens.ts';
import { auditRows, makeUser, type Signed, signIn, signInNew } from '../testing/harness.ts';
import { openTestAppPerFile } from '../testing/harness.ts';
import { pdfText } from '../testing/pdf-text.ts';
import { CANARY, referralFixture } from '../testing/referral-fixture.ts';
import type { AccessReport } from './schemas.ts';

const t = openTestAppPerFile();
const f = referralFixture(() => t);

const report = (s: Signed | null, caseId: string, lang = 'it') =>
  f.inject('GET', s, `/api/v1/cases/${caseId}/access-report?lang=${lang}`);
const reportPdf = (s: Signed | null, caseId: string, lang = 'it') =>
  f.inject('GET', s, `/api/v1/cases/${caseId}/access-report/pdf?lang=${lang}`);

/** A centre's case sent to two recipients (the CPI with her name), each of which opens it; a third never does. */
async function caseSeenByTwo() {
  const centre = await f.centreWithCase();
  const cpi = await f.party('employment_centre', ['cpi_referent']);
  const service = await f.party('social_services', ['service_operator']);
  const idle = await f.party('employment_centre', ['cpi_referent']);
  const send = async (to: { orgId: string }, fields: string[], identity: boolean) => {
    await f.consent(centre.s, centre.caseId, to.orgId, identity ? { includesIdentity: true } : {});
    const res = await f.send(centre.s, {
      caseId: centre.caseId,
      recipientOrganisationId: to.orgId,
      purpose: 'work_orientation',
      urgency: 'routine',
      shareFields: fields,
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const toCpi = await send(cpi, ['profile.ageBand', 'identity.name'], true);
  const toService = await send(service, ['profile.ageBand'], false);
  await send(idle, ['profile.ageBand'], false);
  for (const [who, id] of [
    [cpi, toCpi],
    [cpi, toCpi],
    [service, toService],
  ] as const)
    expect((await f.inject('GET', who.s, `/api/v1/referrals/${id}`)).statusCode).toBe(200);
  const dpoUser = await makeUser(t.db, t.config, { organisationId: centre.orgId, roles: ['dpo'] });
  const dpo = await signIn(t.app, t.db, dpoUser);
  return { centre, cpi, service, idle, toCpi, toService, dpo, dpoUser };
}

describe('her access report', { timeout: 240_000 }, () => {
  // one case for the file (signing in and sending is slow on a loaded machine); the tests that add
  // reads or change the policy come after the one that counts them
  let x: Awaited<ReturnType<typeof caseSeenByTwo>>;
  beforeAll(async () => {
    x = await caseSeenByTwo();
  }, 300_000);

  it('lists exactly the reads by the two recipients, by role, with what each saw and why', async () => {
    const res = await report(x.dpo, x.centre.caseId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`accesso-${x.centre.code}.json`);
    const r = res.json() as AccessReport;
    const atRecipients = r.reads.filter((e) => e.side === 'recipient');
    expect(atRecipients.map((e) => [e.organisationId, e.referralId, e.roles, e.purpose, e.kind])).toEqual([
      [x.cpi.orgId, x.toCpi, ['cpi_referent'], 'work_orientation', 'shared'],
      [x.cpi.orgId, x.toCpi, ['cpi_referent'], 'work_orientation', 'shared'],
      [x.service.orgId, x.toService, ['service_operator'], 'work_orientation', 'shared'],
    ]);
    expect(atRecipients[0]?.fields).toEqual(['profile.ageBand', 'identity.name']);
    expect(atRecipients[2]?.fields).toEqual(['profile.ageBand']);
    // role only by default
    expect(r.staffNames).toBe(false);
    expect(r.reads.every((e) => e.staffName === null)).toBe(true);
    expect(res.body).not.toContain(x.cpi.user.username);
    // the centre's own reads are there too, the report itself last
    const atCentre = r.reads.filter((e) => e.side === 'centre');
    expect(atCentre.every((e) => e.organisationId === x.centre.orgId)).toBe(true);
    expect(atCentre.at(-1)).toMatchObject({ action: 'case.access_report', roles: ['dpo'], kind: 'report' });
    // her data, consents and referrals (with what was shared, with whom, until when)
    expect(r.identity).toMatchObject({ firstName: CANARY.firstName, lastName: CANARY.lastName, phone: CANARY.phone });
    expect(r.identity).not.toHaveProperty('codeWord');
    expect(r.case).toMatchObject({ id: x.centre.caseId, code: x.centre.code, ageBand: '30_39' });
    expect(r.consents).toHaveLength(3);
    expect(r.consents.filter((c) => c.includesIdentity)).toHaveLength(1);
    expect(r.referrals.map((e) => [e.recipientOrganisationId, e.sharesIdentity])).toEqual([
      [x.cpi.orgId, true],
      [x.service.orgId, false],
      [x.idle.orgId, false],
    ]);
    // audited, ids and counts only
    const rows = (await auditRows(t.db)).filter((a) => a.action === 'case.access_report');
    expect(rows.at(-1)).toMatchObject({
      actor_user_id: x.dpoUser.id,
      subject_id: x.centre.caseId,
      details: { lang: 'it', format: 'json', referrals: 3, consents: 3 },
    });
  });

  it('names staff only when the centre’s DPO sets the policy', async () => {
    const put = (s: Signed, reportStaffNames: boolean) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/privacy-settings',
        headers: s.headers,
        payload: { reportStaffNames },
      });
    expect((await put(x.centre.s, true)).statusCode).toBe(404); // an operator is not the DPO
    expect((await f.inject('GET', x.dpo, '/api/v1/privacy-settings')).json()).toEqual({
      reportStaffNames: false,
      version: 0,
    });
    const saved = await put(x.dpo, true);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ reportStaffNames: true, version: 1 });
    const r = (await report(x.dpo, x.centre.caseId)).json() as AccessReport;
    expect(r.staffNames).toBe(true);
    const cpiRead = r.reads.find((e) => e.organisationId === x.cpi.orgId);
    expect(cpiRead?.staffName).toBe(`Utente ${x.cpi.user.username}`);
    // another centre's DPO still has the default
    const otherDpo = await signInNew(t, { organisationId: x.cpi.orgId, roles: ['dpo'] });
    expect((await f.inject('GET', otherDpo, '/api/v1/privacy-settings')).json().reportStaffNames).toBe(false);
  });

  it('answers 404 to every other role and organisation, 401 without a session', async () => {
    const otherCentreDpo = await signInNew(t, {
      organisationId: (await f.party('cav', ['dpo'])).orgId,
      roles: ['dpo'],
    });
    const recipientDpo = await signInNew(t, { organisationId: x.cpi.orgId, roles: ['dpo'] });
    const admin = await signInNew(t, { organisationId: x.centre.orgId, roles: ['org_admin'] });
    const platform = await signInNew(t, { organisationId: x.centre.orgId, roles: ['platform_admin'] });
    for (const s of [x.centre.s, x.cpi.s, x.service.s, otherCentreDpo, recipientDpo, admin, platform]) {
      for (const res of [await report(s, x.centre.caseId), await reportPdf(s, x.centre.caseId)]) {
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain(CANARY.lastName);
      }
    }
    expect((await report(null, x.centre.caseId)).statusCode).toBe(401);
    expect((await reportPdf(null, x.centre.caseId)).statusCode).toBe(401);
    expect((await report(x.dpo, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('prints the PDF in Italian and English; her identity appears only in the report she asked for', async () => {
    const logStart = t.logs.length;
    const it = await reportPdf(x.dpo, x.centre.caseId, 'it');
    expect(it.statusCode, it.body.slice(0, 200)).toBe(200);
    expect(it.headers['content-type']).toBe('application/pdf');
    const itText = pdfText(it.rawPayload);
    expect(itText).toContain('Rapporto di accesso ai dati personali');
    expect(itText).toContain(CANARY.lastName);
    expect(itText).toContain('Referente del centro per');
    const en = await reportPdf(x.dpo, x.centre.caseId, 'en');
    const enText = pdfText(en.rawPayload);
    expect(enText).toContain('Report of access to personal data');
    expect(enText).toContain('Who saw her record');
    expect(enText).toContain(CANARY.lastName);
    // nowhere else: not in the log lines, not in the audit trail, not in any answer to the recipients
    const logs = t.logs.slice(logStart).join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const value of Object.values(CANARY)) {
      expect(t.logs.join('\n')).not.toContain(value);
      expect(JSON.stringify(await auditRows(t.db))).not.toContain(value);
    }
    for (const [who, id] of [
      [x.service, x.toService],
      [x.idle, (await report(x.dpo, x.centre.caseId)).json().referrals[2].id as string],
    ] as const) {
      const seen = await f.inject('GET', who.s, `/api/v1/referrals/${id}`);
      expect(seen.body).not.toContain(CANARY.lastName);
    }
  });

  it('keeps the privacy settings to the centre’s DPO in the database too (RLS, deny by default)', async () => {
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/privacy-settings',
      headers: x.dpo.headers,
      payload: { reportStaffNames: true },
    });
    const count = (actor: Parameters<typeof setActor>[1] | null) =>
      withContext(t.db, async (tx) => {
        if (actor) await setActor(tx, actor);
        return (
          await sql<{
            n: number;
          }>`SELECT count(*)::int AS n FROM privacy_settings WHERE organisation_id = ${x.centre.orgId}`.execute(tx)
        ).rows[0]?.n;
      });
    expect(await count(null)).toBe(0);
    expect(await count({ userId: x.centre.user.id, organisationId: x.centre.orgId, roles: ['centre_operator'] })).toBe(
      0,
    );
    expect(await count({ userId: x.cpi.user.id, organisationId: x.cpi.orgId, roles: ['dpo'] })).toBe(0);
    expect(await count({ userId: x.dpoUser.id, organisationId: x.centre.orgId, roles: ['dpo'] })).toBe(1);
    // an operator cannot write it, nor a DPO another centre's row
    const write = (actor: Parameters<typeof setActor>[1], org: string) =>
      withContext(t.db, async (tx) => {
        await setActor(tx, actor);
        await sql`INSERT INTO privacy_settings (organisation_id, report_staff_names, updated_by)
          VALUES (${org}, true, ${actor.userId})
          ON CONFLICT (organisation_id) DO UPDATE SET report_staff_names = false`.execute(tx);
      });
    await expect(
      write({ userId: x.centre.user.id, organisationId: x.centre.orgId, roles: ['centre_operator'] }, x.centre.orgId),
    ).rejects.toThrow();
    await expect(
      write({ userId: x.cpi.user.id, organisationId: x.cpi.orgId, roles: ['dpo'] }, x.centre.orgId),
    ).rejects.toThrow();
    // and the recipient's view rows carry roles, never readable by the recipient's DPO for another centre's case
    const views = await withContext(t.db, async (tx) => {
      await setActor(tx, { userId: randomUUID(), organisationId: x.cpi.orgId, roles: ['dpo'] });
      return (
        await sql<{ n: number }>`SELECT count(*)::int AS n FROM referral_views WHERE referral_id = ${x.toCpi}`.execute(
          tx,
        )
      ).rows[0]?.n;
    });
    expect(views).toBe(0);
  });

  it('asks the DPO for a fresh second factor, since it opens her identity (step-up)', async () => {
    const idHash = sha256(decodeURIComponent(x.dpo.cookie.split('=')[1] as string));
    await t.db.owner
      .updateTable('sessions')
      .set({ second_factor_at: sql`now() - interval '11 minutes'` })
      .where('id_hash', '=', idHash)
      .execute();
    for (const res of [await report(x.dpo, x.centre.caseId), await reportPdf(x.dpo, x.centre.caseId)]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('step_up_required');
      expect(res.body).not.toContain(CANARY.lastName);
    }
    await t.db.owner
      .updateTable('sessions')
      .set({ second_factor_at: sql`now()` })
      .where('id_hash', '=', idHash)
      .execute();
    expect((await report(x.dpo, x.centre.caseId)).statusCode).toBe(200);
  });
});

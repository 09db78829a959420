import { describe, expect, it } from 'vitest';
import { setActor, withContext } from '../db/context.ts';
import { makeOrg, makeUser, openTestAppPerFile, type Signed, signIn, sql } from '../testing/harness.ts';

const t = openTestAppPerFile();

async function centre() {
  const orgId = await makeOrg(t.db, { type: 'cav' });
  const cpi = await makeOrg(t.db, { type: 'employment_centre' });
  const users = await Promise.all(
    [0, 1].map(() => makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] })),
  );
  const [a, b] = await Promise.all(users.map((u) => signIn(t.app, t.db, u)));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: (a as Signed).headers,
    payload: { takenInChargeOn: '2026-01-10' },
  });
  return { orgId, cpi, users, a: a as Signed, b: b as Signed, caseId: (res.json() as { id: string }).id };
}

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
const record = (s: Signed, caseId: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/consents`, headers: s.headers, payload });
const count = async (caseId: string) =>
  Number(
    (
      await t.db.owner
        .selectFrom('consents')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('duplicate consents', () => {
  it('refuses the same consent twice with a 409 naming the existing one, and accepts what differs', async () => {
    const { a, caseId, cpi } = await centre();
    const first = await record(a, caseId, sharing(cpi));
    expect(first.statusCode).toBe(201);
    const id = first.json().id as string;

    const again = await record(a, caseId, sharing(cpi, { givenOn: '2026-06-01', method: 'signed_form' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('duplicate_consent');
    expect(again.json().fields).toEqual([
      { field: 'purpose', reason: 'duplicate_consent', message: `same as consent ${id} given on 2026-03-10` },
    ]);
    // with her identity too, it is a wider consent (revoking the first would end the referrals made
    // under it): recorded; the same wider consent again is a repeat
    expect((await record(a, caseId, sharing(cpi, { includesIdentity: true }))).statusCode).toBe(201);
    expect((await record(a, caseId, sharing(cpi, { includesIdentity: true }))).statusCode).toBe(409);

    // another sharing purpose, a refusal, a later period: not duplicates
    expect((await record(a, caseId, sharing(cpi, { sharingPurpose: 'training' }))).statusCode).toBe(201);
    expect((await record(a, caseId, sharing(cpi, { decision: 'refused' }))).statusCode).toBe(201);
    expect((await record(a, caseId, sharing(cpi, { givenOn: '2026-01-20', expiresOn: '2026-03-09' }))).statusCode).toBe(
      201,
    );
    // once revoked, she may give it again from the revocation day
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/consents/${id}/revocation`,
      headers: a.headers,
      payload: { revokedOn: '2026-04-01' },
    });
    expect(revoke.statusCode).toBe(200);
    expect((await record(a, caseId, sharing(cpi, { givenOn: '2026-04-01' }))).statusCode).toBe(201);
    expect(await count(caseId)).toBe(6);
  });

  it('the database refuses a duplicate that skips the use case (exclusion constraint)', async () => {
    const { users, caseId, cpi, orgId } = await centre();
    const u = users[0] as (typeof users)[0];
    const row = {
      case_id: caseId,
      organisation_id: orgId,
      purpose: 'sharing',
      recipient_organisation_id: cpi,
      sharing_purpose: 'housing',
      decision: 'granted' as const,
      text_version: '2026-01',
      method: 'signed_form',
      given_on: '2026-03-10',
      expires_on: '2026-12-31',
      recorded_by: u.id,
    };
    const insert = (over: object) =>
      withContext(t.db, async (tx) => {
        await setActor(tx, { userId: u.id, organisationId: orgId, roles: ['centre_operator'] });
        await tx
          .insertInto('consents')
          .values({ ...row, ...over })
          .execute();
      });
    await insert({});
    await expect(insert({ given_on: '2026-12-31', expires_on: null })).rejects.toMatchObject({ code: '23P01' });
    // the wider consent (her identity too) is another consent (migration 061); twice, a repeat
    await insert({ includes_identity: true });
    await expect(insert({ includes_identity: true, given_on: '2026-05-01' })).rejects.toMatchObject({ code: '23P01' });
    await insert({ given_on: '2027-01-01', expires_on: null });
    await insert({ decision: 'refused', expires_on: null });
    await expect(insert({ decision: 'refused', expires_on: null })).rejects.toMatchObject({ code: '23P01' });
    await insert({ decision: 'refused', expires_on: null, given_on: '2026-03-11' });
    expect(await count(caseId)).toBe(5);
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM consents WHERE kept_duplicate`.execute(
      t.db.owner,
    );
    expect(rows.rows[0]?.n).toBe(0);
  });

  it('of two concurrent identical requests from two operators, one is recorded and the other gets the 409', async () => {
    const { a, b, caseId, cpi } = await centre();
    for (const givenOn of ['2026-02-01', '2026-05-01', '2026-08-01']) {
      const payload = sharing(cpi, { givenOn, expiresOn: givenOn.replace(/-\d\d$/, '-28') });
      const results = await Promise.all([record(a, caseId, payload), record(b, caseId, payload)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const refused = results.find((r) => r.statusCode === 409);
      const created = results.find((r) => r.statusCode === 201);
      expect(refused?.json().code).toBe('duplicate_consent');
      expect(refused?.json().fields[0].message).toContain(created?.json().id);
    }
    expect(await count(caseId)).toBe(3);
  });
});

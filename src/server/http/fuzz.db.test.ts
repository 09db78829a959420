import { describe, expect, it } from 'vitest';
import { changed, describeReport, runFuzz, snapshotOf } from '../testing/fuzz/run-fuzz.ts';
import type { Operation } from '../testing/fuzz/openapi-cases.ts';
import { makeOrg, makeUser, openTestAppPerFile, type Signed, signIn, testConfig } from '../testing/harness.ts';
import { referralFixture } from '../testing/referral-fixture.ts';

/**
 * The fuzz suite: requests generated from the OpenAPI document for every operation (see
 * src/server/testing/fuzz), signed in with roles that reach the routes and real ids, held against
 * the document. `npm test` runs a bounded seeded sample; `.ci/run` a wider one (FUZZ_CASES, FUZZ_SEED).
 */
const CASES = Number(process.env.FUZZ_CASES ?? 700);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

// the rate limits (per user, per username) are not what this suite measures (rate-limit.db.test.ts does)
const t = openTestAppPerFile({ config: () => testConfig({ rateLimits: { user: 1_000_000, username: 1_000_000 } }) });
const f = referralFixture(() => t);

describe('fuzz from the OpenAPI document', () => {
  it('the write check sees an update that changes no count', async () => {
    const orgId = await makeOrg(t.db);
    const before = await snapshotOf(t.db, ['organisations', 'users']);
    await t.db.owner.updateTable('organisations').set({ name: 'Rinominato' }).where('id', '=', orgId).execute();
    expect(changed(before, await snapshotOf(t.db, ['organisations', 'users']))).toEqual(['organisations']);
  });

  it(`${CASES} cases (seed ${SEED}): no 5xx, errors in JSON, nothing written on a 4xx, answers as documented`, async () => {
    // a centre whose operator (also administrator and DPO of it) has a case, a consent and a referral
    // to a job centre; a coordinator of the network elsewhere; a colleague to be the target of user changes
    const centre = await f.centreWithCase();
    const cpi = await f.party('employment_centre', ['cpi_referent']);
    const consentId = await f.consent(centre.s, centre.caseId, cpi.orgId);
    const sent = await f.send(centre.s, {
      caseId: centre.caseId,
      recipientOrganisationId: cpi.orgId,
      purpose: 'work_orientation',
      urgency: 'priority',
      shareFields: ['profile.ageBand'],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const referralId = (sent.json() as { id: string }).id;
    const manager = await makeUser(t.db, t.config, {
      organisationId: centre.orgId,
      roles: ['centre_operator', 'org_admin', 'dpo'],
    });
    const colleague = await makeUser(t.db, t.config, { organisationId: centre.orgId, roles: ['centre_operator'] });
    await t.db.owner
      .insertInto('case_team')
      .values({ organisation_id: centre.orgId, case_id: centre.caseId, user_id: manager.id })
      .execute();
    const main: Signed = await signIn(t.app, t.db, manager);
    const coordinatorOrg = await makeOrg(t.db, { type: 'municipality' });
    const coordinator = await signIn(
      t.app,
      t.db,
      await makeUser(t.db, t.config, {
        organisationId: coordinatorOrg,
        roles: ['network_coordinator', 'platform_admin'],
      }),
    );

    const byName: Record<string, string> = {
      'cases/id': centre.caseId,
      caseId: centre.caseId,
      'referrals/id': referralId,
      referralId,
      'consents/consentId': consentId,
      'users/id': colleague.id,
      'team/userId': colleague.id,
      userIds: colleague.id,
      'organisations/id': centre.orgId,
      'entries/organisationId': centre.orgId,
      recipientOrganisationId: cpi.orgId,
      organisationId: centre.orgId,
      'versions/version': '1',
    };
    const networkWide = /^\/api\/v1\/(organisations|protocols|networks|directory|action-catalogue)/;
    const report = await runFuzz({
      app: t.app,
      db: t.db,
      cases: CASES,
      seed: SEED,
      ids: (name) => byName[name],
      sessionFor: (op: Operation) => (networkWide.test(op.path) ? coordinator.headers : main.headers),
      anonymousOnly: (op) => op.path === '/api/v1/auth/logout',
    });
    console.log(describeReport(report));
    expect(report.cases).toBe(CASES);
    expect([...report.problems.keys()]).toEqual([]);
  }, 600_000);
});

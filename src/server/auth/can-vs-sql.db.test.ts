/**
 * The two walls agree: for every role, the SQL helpers that row-level security policies use
 * (migrations/*.sql) answer as the shared `can()` does, for the actor's own organisation and for
 * another one. Changing either side alone fails here.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Action, can } from '../../shared/can.ts';
import { ROLES, type Role } from '../../shared/codes/roles.ts';
import { type Actor, setActor, withContext } from '../db/context.ts';
import { openTestAppPerFile } from '../testing/harness.ts';

const t = openTestAppPerFile();

/** Each role-deciding SQL helper, and the can() actions whose rule it repeats. */
const HELPERS: Record<string, { call: (org: string) => ReturnType<typeof sql<boolean>>; actions: Action[] }> = {
  app_sees_cases: {
    call: (org) => sql<boolean>`app_sees_cases(${org}::uuid)`,
    actions: ['case.read', 'case.identity.read'],
  },
  app_works_cases: {
    call: (org) => sql<boolean>`app_works_cases(${org}::uuid)`,
    actions: ['case.write', 'case.identity.write', 'referral.send'],
  },
  app_receives_referrals: {
    call: (org) => sql<boolean>`app_receives_referrals(${org}::uuid)`,
    actions: ['referral.read'],
  },
  app_works_referrals: { call: (org) => sql<boolean>`app_works_referrals(${org}::uuid)`, actions: ['referral.answer'] },
  app_admins_org: {
    call: (org) => sql<boolean>`app_admins_org(${org}::uuid)`,
    actions: ['user.manage', 'organisation.update'],
  },
  // a coordinator's other organisations (members of her networks) are decided with the row
  app_edits_directory: {
    call: (org) => sql<boolean>`app_edits_directory(${org}::uuid)`,
    actions: ['directory.edit', 'directory.publish'],
  },
  // observatory (issue 7): the row's centre is the organisation asked about
  app_reads_statistics: {
    call: (org) => sql<boolean>`app_reads_statistics(NULL, ${org}::uuid, NULL)`,
    actions: ['observatory.read'],
  },
  // training (issue 8): the course's recording organisation is the organisation asked about
  app_reads_training: { call: (org) => sql<boolean>`app_reads_training(${org}::uuid)`, actions: ['training.read'] },
  app_manages_training: {
    call: (org) => sql<boolean>`app_manages_training(${org}::uuid)`,
    actions: ['training.manage'],
  },
  app_reads_training_coverage: {
    call: (org) => sql<boolean>`app_reads_training_coverage(${org}::uuid)`,
    actions: ['training.coverage'],
  },
  // prevention (issue 8): the activity's recording organisation
  app_reads_prevention: {
    call: (org) => sql<boolean>`app_reads_prevention(${org}::uuid)`,
    actions: ['prevention.read'],
  },
  app_manages_prevention: {
    call: (org) => sql<boolean>`app_manages_prevention(${org}::uuid)`,
    actions: ['prevention.manage'],
  },
  // migration 210: asked about the protocol the organisation signed — the control room and the
  // platform administrator decide every protocol's adhesions, a coordinator those of her signatory's
  app_decides_adhesion: {
    call: (org) => sql<boolean>`app_decides_adhesion(${signedBy(org)})`,
    actions: ['protocol.decide_adhesion', 'protocol.invite_adhesion'],
  },
  // net-control: asked about the protocol the organisation signed (beforeAll: OWN and OTHER each sign one)
  app_in_control_room: {
    call: (org) => sql<boolean>`app_in_control_room(${signedBy(org)})`,
    actions: ['control_room.read', 'control_room.update_action'],
  },
  app_runs_control_room: {
    call: (org) => sql<boolean>`app_runs_control_room(${signedBy(org)})`,
    actions: ['control_room.manage', 'procedure.manage', 'document.upload'],
  },
  // net-companies: the roles only; the network is decided with the row (app_org_networks())
  app_reads_companies: { call: () => sql<boolean>`app_reads_companies()`, actions: ['company.read'] },
  app_writes_companies: { call: () => sql<boolean>`app_writes_companies()`, actions: ['company.write'] },
};

const OWN = randomUUID();
const OTHER = randomUUID();

/** net-control: the protocol an organisation signed (its control room is that protocol's). */
function signedBy(org: string) {
  return sql`(SELECT s.protocol_id FROM protocol_signatories s WHERE s.organisation_id = ${org}::uuid LIMIT 1)`;
}
beforeAll(async () => {
  for (const org of [OWN, OTHER]) {
    await t.db.owner
      .insertInto('organisations')
      .values({ id: org, name: `Ente ${org.slice(0, 8)}`, type: 'municipality' })
      .execute();
    const p = await t.db.owner
      .insertInto('protocols')
      .values({ code: `p-${org.slice(0, 8)}`, name: 'Protocollo di prova', signed_on: '2024-01-01', scope: 'prova' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.owner
      .insertInto('protocol_signatories')
      .values({ protocol_id: p.id, organisation_id: org, kind: 'original', joined_on: '2024-01-01' })
      .execute();
  }
});

/** What the SQL helpers answer for `roles`, set on the transaction as request-context does. */
async function sqlAnswers(roles: Role[]) {
  const actor: Actor = { userId: randomUUID(), organisationId: OWN, roles };
  return withContext(t.db, async (tx) => {
    await setActor(tx, actor);
    const answers: Record<string, { own: boolean; other: boolean }> = {};
    for (const [name, helper] of Object.entries(HELPERS)) {
      const row = await sql<{ own: boolean; other: boolean }>`
        SELECT ${helper.call(OWN)} AS own, ${helper.call(OTHER)} AS other`.execute(tx);
      answers[name] = { own: Boolean(row.rows[0]?.own), other: Boolean(row.rows[0]?.other) };
    }
    return { actor, answers };
  });
}

/** What can() answers for the same question, one entry per helper and action. */
function canAnswers(actor: Actor) {
  return Object.fromEntries(
    Object.entries(HELPERS).flatMap(([name, helper]) =>
      helper.actions.map((action) => [
        `${name} ~ ${action}`,
        { own: can(actor, action, { organisationId: OWN }), other: can(actor, action, { organisationId: OTHER }) },
      ]),
    ),
  );
}

function expectAgreement(actor: Actor, answers: Record<string, { own: boolean; other: boolean }>) {
  const fromSql = Object.fromEntries(
    Object.entries(HELPERS).flatMap(([name, helper]) =>
      helper.actions.map((action) => [`${name} ~ ${action}`, answers[name]]),
    ),
  );
  expect(fromSql).toEqual(canAnswers(actor));
}

describe('can() against the SQL policy helpers', () => {
  for (const role of ROLES) {
    it(`agrees for ${role}`, async () => {
      const { actor, answers } = await sqlAnswers([role]);
      expectAgreement(actor, answers);
    });
  }

  it('agrees with no role: nothing on either side', async () => {
    const { actor, answers } = await sqlAnswers([]);
    expectAgreement(actor, answers);
    expect(Object.values(answers).every((a) => !a.own && !a.other)).toBe(true);
  });

  it('agrees for a user holding several roles', async () => {
    const { actor, answers } = await sqlAnswers(['dpo', 'org_admin', 'cpi_referent']);
    expectAgreement(actor, answers);
  });

  it('covers every role-deciding helper in the migrations', async () => {
    const rows = await sql<{ proname: string }>`
      SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.proname LIKE 'app\\_%' AND p.proname <> 'app_has_role'
        AND p.prosrc LIKE '%app_has_role%'
      ORDER BY p.proname`.execute(t.db.owner);
    expect(rows.rows.map((r) => r.proname)).toEqual(Object.keys(HELPERS).sort());
  });
});

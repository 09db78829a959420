import { sql } from 'kysely';
import { isoDate, isoDateOrNull, todayInItaly } from '../db/dates.ts';
import { AppError, fieldError, invalidFields, notFound } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { assertOpen, bumpCaseVersion, loadCase, recordCaseEvent } from './access.ts';
import { deleteDraft } from '../drafts/drafts.ts';
import { storeIdentity } from './identity.ts';
import { checkProfile, profileColumns } from './profile.ts';
import type { CaseCreate, ProfilePatch } from './schemas.ts';

const HOLDERS = ['cav', 'shelter_operator'];
const PREFIX: Record<string, string> = {
  milano: 'MI',
  rozzano: 'ROZ',
  melzo: 'MEL',
  'san-donato-milanese': 'SDM',
  rho: 'RHO',
  'cinisello-balsamo': 'CIN',
  legnano: 'LEG',
  pavia: 'PV',
};

/** Her town of residence must be a municipality we know (the fuzz suite found a 500 from the foreign key). */
async function checkResidence(ctx: Ctx, code: string | null | undefined) {
  if (!code) return;
  const known = await ctx.tx
    .selectFrom('municipalities')
    .select('istat_code')
    .where('istat_code', '=', code)
    .executeTakeFirst();
  if (!known)
    throw invalidFields([fieldError('residenceCode', 'unknown_municipality', 'no municipality has this ISTAT code')]);
}

/** Takes a woman in charge: opens her case at the actor's centre, with a pseudonymous code. */
export async function createCase(ctx: Ctx, masterKey: Buffer, body: CaseCreate) {
  const me = ctx.authorise('case.write');
  const org = await ctx.tx
    .selectFrom('organisations')
    .leftJoin('organisation_networks', 'organisation_networks.organisation_id', 'organisations.id')
    .select(['organisations.type', 'organisation_networks.network_id'])
    .where('organisations.id', '=', me.organisationId)
    .orderBy('organisation_networks.network_id')
    .executeTakeFirst();
  if (!org || !HOLDERS.includes(org.type)) {
    throw new AppError(409, 'not_a_case_holder', 'Only an anti-violence centre or shelter operator holds cases');
  }
  checkProfile(body, todayInItaly());
  await checkResidence(ctx, body.residenceCode);
  const year = Number(body.takenInChargeOn.slice(0, 4));
  const prefix = org.network_id ? (PREFIX[org.network_id] ?? org.network_id.slice(0, 3).toUpperCase()) : 'RETE';
  const code = await sql<{ code: string }>`SELECT next_case_code(${prefix}, ${year}) AS code`.execute(ctx.tx);
  const { identity, takenInChargeOn, ...profile } = body;
  const created = await ctx.tx
    .insertInto('cases')
    .values({
      organisation_id: me.organisationId,
      code: code.rows[0]?.code as string,
      network_id: org.network_id,
      taken_in_charge_on: takenInChargeOn,
      created_by: me.userId,
      ...profileColumns(profile),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.tx
    .insertInto('case_team')
    .values({ case_id: created.id, user_id: me.userId, organisation_id: me.organisationId, role_in_case: 'lead' })
    .execute();
  if (identity) await storeIdentity(ctx.tx, masterKey, { id: created.id, organisationId: me.organisationId }, identity);
  await recordCaseEvent(ctx.tx, me, {
    caseId: created.id,
    kind: 'case.opened',
    details: { identity: Boolean(identity) },
  });
  await ctx.audit({ action: 'case.create', subjectType: 'case', subjectId: created.id });
  // her intake's draft has done its work: it goes with the submission, in the same transaction
  await deleteDraft(ctx, 'intake', null, 'submitted');
  return created.id;
}

export async function updateProfile(ctx: Ctx, caseId: string, patch: ProfilePatch, version: number) {
  const { me, row } = await loadCase(ctx, caseId, 'write');
  assertOpen(row);
  const current = {
    firstContactOn: row.first_contact_on,
    intakeOn: row.intake_on,
    takenInChargeOn: row.taken_in_charge_on,
    childrenCount: row.children_count,
    minorChildrenCount: row.minor_children_count,
    riskLevel: row.risk_level,
    riskTool: row.risk_tool,
  };
  const dates = {
    firstContactOn: isoDateOrNull(current.firstContactOn),
    intakeOn: isoDateOrNull(current.intakeOn),
    takenInChargeOn: isoDate(current.takenInChargeOn),
  };
  checkProfile({ ...current, ...dates, ...patch }, todayInItaly());
  await checkResidence(ctx, patch.residenceCode);
  await bumpCaseVersion(ctx.tx, caseId, version);
  const columns = profileColumns(patch);
  if (Object.keys(columns).length) await ctx.tx.updateTable('cases').set(columns).where('id', '=', caseId).execute();
  const fields = Object.keys(patch);
  await recordCaseEvent(ctx.tx, me, { caseId, kind: 'profile.updated', details: { fields } });
  await ctx.audit({ action: 'case.update', subjectType: 'case', subjectId: caseId, details: { fields } });
}

/** Adds colleagues of the same centre (operators) to the case team. */
export async function addToTeam(ctx: Ctx, caseId: string, userIds: string[]) {
  const { me } = await loadCase(ctx, caseId, 'write');
  const colleagues = await ctx.tx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.organisation_id', '=', me.organisationId)
    .where('user_roles.role', '=', 'centre_operator')
    .where('users.disabled_at', 'is', null)
    .where('users.id', 'in', userIds)
    .execute();
  if (colleagues.length !== userIds.length) throw notFound();
  await ctx.tx
    .insertInto('case_team')
    .values(userIds.map((id) => ({ case_id: caseId, user_id: id, organisation_id: me.organisationId })))
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
    .execute();
  await recordCaseEvent(ctx.tx, me, { caseId, kind: 'team.added', details: { userIds } });
  await ctx.audit({ action: 'case.team_change', subjectType: 'case', subjectId: caseId, details: { added: userIds } });
}

export async function removeFromTeam(ctx: Ctx, caseId: string, userId: string) {
  const { me } = await loadCase(ctx, caseId, 'write');
  const left = await ctx.tx.selectFrom('case_team').select('user_id').where('case_id', '=', caseId).execute();
  if (!left.some((t) => t.user_id === userId)) throw notFound();
  if (left.length === 1)
    throw new AppError(409, 'team_cannot_be_empty', 'A case keeps at least one operator on its team');
  await ctx.tx.deleteFrom('case_team').where('case_id', '=', caseId).where('user_id', '=', userId).execute();
  await recordCaseEvent(ctx.tx, me, { caseId, kind: 'team.removed', details: { userIds: [userId] } });
  await ctx.audit({
    action: 'case.team_change',
    subjectType: 'case',
    subjectId: caseId,
    details: { removed: [userId] },
  });
}

/** Closes the path with the ISTAT outcome; the eligibility window starts. */
export async function closeCase(
  ctx: Ctx,
  caseId: string,
  body: { closedOn: string; outcome: string },
  version: number,
) {
  const { me, row } = await loadCase(ctx, caseId, 'write');
  assertOpen(row);
  const takenOn = isoDate(row.taken_in_charge_on);
  checkProfile({ takenInChargeOn: takenOn, closedOn: body.closedOn }, todayInItaly());
  await bumpCaseVersion(ctx.tx, caseId, version);
  await ctx.tx
    .updateTable('cases')
    .set({ status: 'closed', closed_on: body.closedOn, closure_outcome: body.outcome })
    .where('id', '=', caseId)
    .execute();
  await recordCaseEvent(ctx.tx, me, { caseId, kind: 'case.closed', details: { outcome: body.outcome } });
  await ctx.audit({ action: 'case.close', subjectType: 'case', subjectId: caseId, details: { outcome: body.outcome } });
}

export async function reopenCase(ctx: Ctx, caseId: string, version: number) {
  const { me, row } = await loadCase(ctx, caseId, 'write');
  if (row.status !== 'closed') throw new AppError(409, 'case_open', 'The case is already open');
  await bumpCaseVersion(ctx.tx, caseId, version);
  await ctx.tx
    .updateTable('cases')
    .set({ status: 'open', closed_on: null, closure_outcome: null })
    .where('id', '=', caseId)
    .execute();
  await recordCaseEvent(ctx.tx, me, {
    caseId,
    kind: 'case.reopened',
    details: { previousOutcome: row.closure_outcome },
  });
  await ctx.audit({ action: 'case.reopen', subjectType: 'case', subjectId: caseId });
}

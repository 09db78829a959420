import { randomUUID } from 'node:crypto';
import { assertOpen, loadCase, recordCaseEvent } from '../cases/access.ts';
import type { Actor, Tx } from '../db/context.ts';
import { todayInItaly } from '../db/dates.ts';
import { AppError, type FieldError, fieldError, invalidField, invalidFields, notFound } from '../http/errors.ts';
import type { ActionStatus } from '../../shared/codes/plans.ts';
import type { Ctx } from '../http/request-context.ts';
import { caseTexts } from '../cases/case-text.ts';
import { readGoals, sealSnapshot } from './read-plan.ts';
import type { PlanIn } from './schemas.ts';
import { fitsField } from '../../shared/organisation-fields.ts';

/** A stale If-Match on the plan: the 409 carries the version to reload. */
export class PlanVersionConflict extends AppError {
  constructor(readonly currentVersion: number) {
    super(409, 'version_conflict', 'The plan was changed by someone else; reload it', [
      fieldError('if-match', 'version_mismatch', `current version is ${currentVersion}`),
    ]);
  }
}

const ids = (rows: Array<{ id: string }>) => new Set(rows.map((r) => r.id));

/** Every reference and date of the plan, checked at once: 400 naming each wrong field. */
async function checkPlan(tx: Tx, me: Actor, caseId: string, body: PlanIn): Promise<void> {
  const fields: FieldError[] = [];
  const actions = body.goals.flatMap((g, i) => g.actions.map((a, j) => ({ a, at: `goals.${i}.actions.${j}` })));
  const distinct = (values: Array<string | null | undefined>) => [
    ...new Set(values.filter((v): v is string => typeof v === 'string')),
  ];
  const codes = distinct(actions.map(({ a }) => a.catalogueCode));
  const orgs = distinct(actions.map(({ a }) => a.responsibleOrganisationId));
  const users = distinct(actions.map(({ a }) => a.operatorUserId));
  const knownCodes = codes.length
    ? new Set(
        (
          await tx
            .selectFrom('action_catalogue')
            .select('code')
            .where('code', 'in', codes)
            .where((eb) => eb.or([eb('organisation_id', 'is', null), eb('organisation_id', '=', me.organisationId)]))
            .execute()
        ).map((r) => r.code),
      )
    : new Set<string>();
  const orgTypes = new Map(
    orgs.length
      ? (await tx.selectFrom('organisations').select(['id', 'type']).where('id', 'in', orgs).execute()).map((o) => [
          o.id,
          o.type,
        ])
      : [],
  );
  const knownUsers = users.length
    ? ids(
        await tx
          .selectFrom('users')
          .select('id')
          .where('organisation_id', '=', me.organisationId)
          .where('id', 'in', users)
          .execute(),
      )
    : new Set<string>();
  const goalIds = ids(await tx.selectFrom('plan_goals').select('id').where('case_id', '=', caseId).execute());
  const actionIds = ids(await tx.selectFrom('plan_actions').select('id').where('case_id', '=', caseId).execute());
  const seen = new Set<string>();
  const checkId = (id: string | undefined, known: Set<string>, at: string) => {
    if (id === undefined) return;
    if (!known.has(id))
      fields.push(fieldError(`${at}.id`, 'not_in_plan', 'not part of this plan; leave it out for a new one'));
    else if (seen.has(id)) fields.push(fieldError(`${at}.id`, 'repeated', 'repeated id'));
    seen.add(id);
  };
  body.goals.forEach((g, i) => {
    checkId(g.id, goalIds, `goals.${i}`);
    if (!g.title.trim()) fields.push(fieldError(`goals.${i}.title`, 'required', 'must not be empty'));
  });
  for (const { a, at } of actions) {
    checkId(a.id, actionIds, at);
    if (!knownCodes.has(a.catalogueCode))
      fields.push(fieldError(`${at}.catalogueCode`, 'not_in_catalogue', 'not in the action catalogue'));
    const orgType = a.responsibleOrganisationId ? orgTypes.get(a.responsibleOrganisationId) : null;
    if (orgType === undefined)
      fields.push(fieldError(`${at}.responsibleOrganisationId`, 'unknown_organisation', 'no such organisation'));
    else if (orgType !== null && !fitsField('plan_action.responsible', orgType))
      fields.push(fieldError(`${at}.responsibleOrganisationId`, 'not_for_this_field', 'cannot own a plan action'));
    if (a.operatorUserId && !knownUsers.has(a.operatorUserId))
      fields.push(fieldError(`${at}.operatorUserId`, 'not_colleague', 'not a user of the centre'));
    if (a.startsOn && a.dueOn && a.dueOn < a.startsOn)
      fields.push(fieldError(`${at}.dueOn`, 'before_start', 'must not be before startsOn'));
  }
  if (fields.length) throw invalidFields(fields, 'The plan is not valid');
}

/** Moves the plan from `expected` to the next version, or answers 409 with the current one. */
async function bumpPlan(
  tx: Tx,
  me: Actor,
  caseId: string,
  expected: number,
  secondLanguage: PlanIn['secondLanguage'],
): Promise<number> {
  const row =
    expected === 0
      ? await tx
          .insertInto('plans')
          .values({
            case_id: caseId,
            organisation_id: me.organisationId,
            version: 1,
            second_language: secondLanguage ?? null,
          })
          .onConflict((oc) => oc.column('case_id').doNothing())
          .returning('version')
          .executeTakeFirst()
      : await tx
          .updateTable('plans')
          .set((eb) => ({
            version: eb('version', '+', 1),
            updated_at: new Date(),
            ...(secondLanguage === undefined ? {} : { second_language: secondLanguage }),
          }))
          .where('case_id', '=', caseId)
          .where('version', '=', expected)
          .returning('version')
          .executeTakeFirst();
  if (row) return row.version;
  const current = await tx.selectFrom('plans').select('version').where('case_id', '=', caseId).executeTakeFirst();
  throw new PlanVersionConflict(current?.version ?? 0);
}

/**
 * Replaces the plan's goals and actions in the request's one transaction, bumps the version and
 * keeps a snapshot of it. The version row is written first, so that of two saves from the same
 * version exactly one wins (the other waits on the row, then finds it moved: 409).
 */
export async function replacePlan(
  ctx: Ctx,
  masterKey: Buffer,
  caseId: string,
  body: PlanIn,
  expected: number,
): Promise<number> {
  const { me, row } = await loadCase(ctx, caseId, 'write');
  assertOpen(row);
  const version = await bumpPlan(ctx.tx, me, caseId, expected, body.secondLanguage);
  await checkPlan(ctx.tx, me, caseId, body);
  const tx = ctx.tx;
  const texts = await caseTexts(tx, masterKey, caseId);
  await tx.deleteFrom('plan_actions').where('case_id', '=', caseId).execute();
  await tx.deleteFrom('plan_goals').where('case_id', '=', caseId).execute();
  const goals = body.goals.map((g, i) => ({ ...g, id: g.id ?? randomUUID(), position: i }));
  if (goals.length) {
    await tx
      .insertInto('plan_goals')
      .values(
        goals.map((g) => ({
          id: g.id,
          case_id: caseId,
          organisation_id: me.organisationId,
          domain: g.domain,
          title_sealed: texts.seal('plan_goal.title', g.title.trim()),
          status: g.status ?? 'open',
          target_on: g.targetOn ?? null,
          position: g.position,
        })),
      )
      .execute();
  }
  const actions = goals.flatMap((g) =>
    g.actions.map((a, j) => ({
      id: a.id ?? randomUUID(),
      case_id: caseId,
      organisation_id: me.organisationId,
      goal_id: g.id,
      catalogue_code: a.catalogueCode,
      responsible_organisation_id: a.responsibleOrganisationId ?? null,
      operator_user_id: a.operatorUserId ?? null,
      starts_on: a.startsOn ?? null,
      due_on: a.dueOn ?? null,
      status: a.status ?? 'planned',
      notes_sealed: texts.sealOrNull('plan_action.notes', a.notes?.trim() || null),
      position: j,
    })),
  );
  if (actions.length) await tx.insertInto('plan_actions').values(actions).execute();
  await keepVersion(ctx, masterKey, caseId, version, { version, goals: goals.length, actions: actions.length });
  return version;
}

/** Stores the snapshot of the version just written, with its timeline entry and audit row. */
async function keepVersion(
  ctx: Ctx,
  masterKey: Buffer,
  caseId: string,
  version: number,
  details: Record<string, string | number>,
): Promise<void> {
  const me = ctx.me();
  const plan = await ctx.tx
    .selectFrom('plans')
    .select('second_language')
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const texts = await caseTexts(ctx.tx, masterKey, caseId);
  const snapshot = sealSnapshot(texts, {
    secondLanguage: plan.second_language as PlanIn['secondLanguage'] & string,
    goals: await readGoals(ctx.tx, masterKey, caseId),
  });
  await ctx.tx
    .insertInto('plan_versions')
    .values({
      case_id: caseId,
      version,
      organisation_id: me.organisationId,
      snapshot: JSON.stringify(snapshot),
      changed_by: me.userId,
    })
    .execute();
  await recordCaseEvent(ctx.tx, me, { caseId, kind: 'plan.updated', details });
  await ctx.audit({ action: 'plan.update', subjectType: 'case', subjectId: caseId, details });
}

/**
 * Sets the status of one action (the centre's answer to a partner's report, in one click): a new
 * version of the plan like any save, If-Match on the plan's version, only by the centre's team
 * (a partner never changes her plan).
 */
export async function setActionStatus(
  ctx: Ctx,
  masterKey: Buffer,
  caseId: string,
  actionId: string,
  status: ActionStatus,
  expected: number,
): Promise<number> {
  const { me, row } = await loadCase(ctx, caseId, 'write');
  assertOpen(row);
  const action = await ctx.tx
    .selectFrom('plan_actions')
    .select('id')
    .where('id', '=', actionId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!action) throw notFound();
  const version = await bumpPlan(ctx.tx, me, caseId, expected, undefined);
  await ctx.tx.updateTable('plan_actions').set({ status }).where('id', '=', actionId).execute();
  await keepVersion(ctx, masterKey, caseId, version, { version, actionId, status });
  return version;
}

/** Records her agreement to one stored version, once, with the date and how she gave it. */
export async function agreePlan(
  ctx: Ctx,
  caseId: string,
  body: { version: number; agreedOn: string; method: 'signed' | 'verbal' },
): Promise<void> {
  const { me, row } = await loadCase(ctx, caseId, 'write');
  assertOpen(row);
  const stored = await ctx.tx
    .selectFrom('plan_versions')
    .select(['changed_at', 'agreed_on'])
    .where('case_id', '=', caseId)
    .where('version', '=', body.version)
    .executeTakeFirst();
  if (!stored) throw invalidField('version', 'unknown_plan_version', { message: 'no such plan version' });
  if (stored.agreed_on !== null)
    throw new AppError(409, 'already_agreed', 'Her agreement to this version is already recorded');
  if (body.agreedOn > todayInItaly())
    throw invalidField('agreedOn', 'in_the_future', { message: 'must not be in the future' });
  if (body.agreedOn < todayInItaly(new Date(stored.changed_at))) {
    throw invalidField('agreedOn', 'before_version', { message: 'must not be before the version was saved' });
  }
  const done = await ctx.tx
    .updateTable('plan_versions')
    .set({ agreed_on: body.agreedOn, agreement_method: body.method })
    .where('case_id', '=', caseId)
    .where('version', '=', body.version)
    .where('agreed_on', 'is', null)
    .returning('version')
    .executeTakeFirst();
  if (!done) throw new AppError(409, 'already_agreed', 'Her agreement to this version is already recorded');
  const details = { version: body.version, method: body.method };
  await recordCaseEvent(ctx.tx, me, { caseId, kind: 'plan.agreed', details });
  await ctx.audit({ action: 'plan.agree', subjectType: 'case', subjectId: caseId, details });
}

/** A review of the current plan, with its date and a summary; the plan version is kept with it. */
export async function addReview(
  ctx: Ctx,
  masterKey: Buffer,
  caseId: string,
  body: { reviewedOn: string; summary: string },
): Promise<string> {
  const { me, row } = await loadCase(ctx, caseId, 'write');
  assertOpen(row);
  const plan = await ctx.tx.selectFrom('plans').select('version').where('case_id', '=', caseId).executeTakeFirst();
  if (!plan) throw new AppError(409, 'plan_missing', 'There is no plan to review yet');
  if (body.reviewedOn > todayInItaly())
    throw invalidField('reviewedOn', 'in_the_future', { message: 'must not be in the future' });
  const summary = body.summary.trim();
  if (!summary) throw invalidField('summary', 'required', { message: 'must not be empty' });
  const inserted = await ctx.tx
    .insertInto('plan_reviews')
    .values({
      case_id: caseId,
      organisation_id: me.organisationId,
      reviewed_on: body.reviewedOn,
      summary_sealed: (await caseTexts(ctx.tx, masterKey, caseId)).seal('plan_review.summary', summary),
      plan_version: plan.version,
      recorded_by: me.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordCaseEvent(ctx.tx, me, {
    caseId,
    kind: 'plan.reviewed',
    refId: inserted.id,
    details: { planVersion: plan.version },
  });
  await ctx.audit({
    action: 'plan.review',
    subjectType: 'case',
    subjectId: caseId,
    details: { reviewId: inserted.id, planVersion: plan.version },
  });
  return inserted.id;
}

import { sql } from 'kysely';
import type { Tx } from '../db/context.ts';
import { isoDate, isoDateOrNull, isoTimestamp } from '../db/dates.ts';
import { notFound } from '../http/errors.ts';
import { type CaseTexts, caseTexts } from '../cases/case-text.ts';
import type { Action, Goal, PlanOut } from './schemas.ts';

type SecondLanguage = PlanOut['secondLanguage'];
type Method = 'signed' | 'verbal';

/** plan_actions.position comes with migration 005 (schema.ts does not list it yet). */

/** The plan's goals in order, each with its actions and the names an operator needs to see (texts opened). */
export async function readGoals(tx: Tx, masterKey: Buffer, caseId: string): Promise<Goal[]> {
  return readGoalsWith(tx, await caseTexts(tx, masterKey, caseId), caseId);
}

async function readGoalsWith(tx: Tx, texts: CaseTexts, caseId: string): Promise<Goal[]> {
  const goals = await tx
    .selectFrom('plan_goals')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const actions = await tx
    .selectFrom('plan_actions as a')
    .leftJoin('action_catalogue as c', 'c.code', 'a.catalogue_code')
    .leftJoin('organisations as o', 'o.id', 'a.responsible_organisation_id')
    .leftJoin('users as u', 'u.id', 'a.operator_user_id')
    .select([
      'a.id',
      'a.goal_id',
      'a.catalogue_code',
      'c.label_it',
      'c.label_en',
      'a.responsible_organisation_id',
      'o.name as organisation_name',
      'a.operator_user_id',
      'u.display_name',
      'a.starts_on',
      'a.due_on',
      'a.status',
      'a.notes_sealed',
    ])
    .where('a.case_id', '=', caseId)
    .orderBy('a.position')
    .orderBy('a.id')
    .execute();
  return goals.map((g) => ({
    id: g.id,
    domain: g.domain as Goal['domain'],
    title: texts.open('plan_goal.title', g.title_sealed),
    status: g.status as Goal['status'],
    targetOn: isoDateOrNull(g.target_on),
    actions: actions
      .filter((a) => a.goal_id === g.id)
      .map(
        (a): Action => ({
          id: a.id,
          catalogueCode: a.catalogue_code,
          label: a.label_it ?? a.catalogue_code,
          labelEn: a.label_en ?? a.catalogue_code,
          responsibleOrganisationId: a.responsible_organisation_id,
          responsibleOrganisationName: a.organisation_name,
          operatorUserId: a.operator_user_id,
          operatorName: a.display_name,
          startsOn: isoDateOrNull(a.starts_on),
          dueOn: isoDateOrNull(a.due_on),
          status: a.status as Action['status'],
          notes: texts.openOrNull('plan_action.notes', a.notes_sealed),
        }),
      ),
  }));
}

/** The latest version she agreed to, if any. */
export async function readAgreed(tx: Tx, caseId: string): Promise<PlanOut['agreedVersion']> {
  const row = await tx
    .selectFrom('plan_versions')
    .select(['version', 'agreed_on', 'agreement_method'])
    .where('case_id', '=', caseId)
    .where('agreed_on', 'is not', null)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!row?.agreed_on) return null;
  return { version: row.version, agreedOn: isoDate(row.agreed_on), method: row.agreement_method as Method };
}

export async function readReviews(tx: Tx, masterKey: Buffer, caseId: string): Promise<PlanOut['reviews']> {
  const rows = await tx
    .selectFrom('plan_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.recorded_by')
    .select([
      'r.id',
      'r.reviewed_on',
      'r.summary_sealed',
      'r.plan_version',
      'r.recorded_by',
      'u.display_name',
      'r.created_at',
    ])
    .where('r.case_id', '=', caseId)
    .orderBy('r.reviewed_on', 'desc')
    .orderBy('r.created_at', 'desc')
    .limit(200)
    .execute();
  const texts = rows.length ? await caseTexts(tx, masterKey, caseId) : null;
  return rows.map((r) => ({
    id: r.id,
    reviewedOn: isoDate(r.reviewed_on),
    summary: texts?.open('plan_review.summary', r.summary_sealed) ?? '',
    planVersion: r.plan_version,
    recordedBy: r.recorded_by,
    recordedByName: r.display_name,
    createdAt: isoTimestamp(r.created_at),
  }));
}

/** The current plan; a case without one has version 0 and no goals. */
export async function readPlan(tx: Tx, masterKey: Buffer, caseId: string): Promise<PlanOut> {
  const plan = await tx
    .selectFrom('plans')
    .select(['version', 'second_language'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return {
    version: plan?.version ?? 0,
    secondLanguage: (plan?.second_language ?? null) as SecondLanguage,
    goals: plan ? await readGoals(tx, masterKey, caseId) : [],
    agreedVersion: await readAgreed(tx, caseId),
    reviews: await readReviews(tx, masterKey, caseId),
  };
}

const versionColumns = (tx: Tx) =>
  tx
    .selectFrom('plan_versions as v')
    .leftJoin('users as u', 'u.id', 'v.changed_by')
    .select(['v.version', 'v.changed_at', 'v.changed_by', 'u.display_name', 'v.agreed_on', 'v.agreement_method']);

function head(r: {
  version: number;
  changed_at: Date | string;
  changed_by: string;
  display_name: string | null;
  agreed_on: string | Date | null;
  agreement_method: string | null;
}) {
  return {
    version: r.version,
    changedAt: isoTimestamp(r.changed_at),
    changedBy: r.changed_by,
    changedByName: r.display_name,
    agreed: r.agreed_on !== null,
    agreedOn: isoDateOrNull(r.agreed_on),
    agreementMethod: r.agreement_method as Method | null,
  };
}

/** Every stored version, newest first, with counts and whether she agreed to it. */
export async function listVersions(tx: Tx, caseId: string) {
  const rows = await versionColumns(tx)
    .select([
      sql<number>`jsonb_array_length(v.snapshot->'goals')`.as('goal_count'),
      sql<number>`(SELECT coalesce(sum(jsonb_array_length(g->'actions')), 0) FROM jsonb_array_elements(v.snapshot->'goals') g)::int`.as(
        'action_count',
      ),
    ])
    .where('v.case_id', '=', caseId)
    .orderBy('v.version', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...head(r), goals: Number(r.goal_count), actions: Number(r.action_count) }));
}

export interface Snapshot {
  secondLanguage: SecondLanguage;
  goals: Goal[];
}

/** A snapshot as stored: goal titles and action notes sealed inside it (migration 170). */
export interface SealedSnapshot extends Snapshot {
  sealed: true;
}

export const sealSnapshot = (texts: CaseTexts, s: Snapshot): SealedSnapshot => ({
  ...s,
  sealed: true,
  goals: s.goals.map((g) => ({
    ...g,
    title: texts.seal('plan_goal.title', g.title),
    actions: g.actions.map((a) => ({ ...a, notes: texts.sealOrNull('plan_action.notes', a.notes) })),
  })),
});

export const openSnapshot = (texts: CaseTexts, s: SealedSnapshot): Snapshot => ({
  secondLanguage: s.secondLanguage ?? null,
  goals: s.goals.map((g) => ({
    ...g,
    title: texts.open('plan_goal.title', g.title),
    actions: g.actions.map((a) => ({ ...a, notes: texts.openOrNull('plan_action.notes', a.notes) })),
  })),
});

/** One stored version as it was saved. */
export async function readVersion(tx: Tx, masterKey: Buffer, caseId: string, version: number) {
  const row = await versionColumns(tx)
    .select('v.snapshot')
    .where('v.case_id', '=', caseId)
    .where('v.version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound();
  const snapshot = openSnapshot(await caseTexts(tx, masterKey, caseId), row.snapshot as unknown as SealedSnapshot);
  return { ...head(row), secondLanguage: snapshot.secondLanguage, goals: snapshot.goals };
}

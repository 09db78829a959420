import type { Actor, Tx } from '../db/context.ts';
import { AppError, notFound, versionConflict } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';

/**
 * Loads a case of the actor's centre for `mode`, or answers 404 (a case of another organisation,
 * or one the role may not see, simply does not exist). Every feature under a case starts here.
 */
export async function loadCase(ctx: Ctx, caseId: string, mode: 'read' | 'write') {
  const me = ctx.authorise(mode === 'read' ? 'case.read' : 'case.write');
  const row = await ctx.tx
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', caseId)
    .where('organisation_id', '=', me.organisationId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return { me, row };
}

export type CaseRow = Awaited<ReturnType<typeof loadCase>>['row'];

/** Writes on a closed case are refused, except reopening it. */
export function assertOpen(row: CaseRow): void {
  if (row.status !== 'open') throw new AppError(409, 'case_closed', 'The case is closed; reopen it first');
}

/** Bumps a case's version if it is still `expected`; a stale version is a 409. */
export async function bumpCaseVersion(tx: Tx, caseId: string, expected: number): Promise<number> {
  const row = await tx
    .updateTable('cases')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', caseId)
    .where('version', '=', expected)
    .returning('version')
    .executeTakeFirst();
  if (!row) throw versionConflict();
  return row.version;
}

export async function isOnTeam(tx: Tx, caseId: string, userId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('case_team')
    .select('user_id')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * One entry of the case timeline: what was done and by whom. `kind` is a stable code such as
 * 'consent.recorded'; details hold ids and codes only, never free text about her.
 */
export async function recordCaseEvent(
  tx: Tx,
  actor: Actor,
  event: {
    caseId: string;
    kind: string;
    refId?: string;
    details?: Record<string, string | number | boolean | null | string[]>;
  },
): Promise<void> {
  await tx
    .insertInto('case_events')
    .values({
      case_id: event.caseId,
      organisation_id: actor.organisationId,
      actor_user_id: actor.userId,
      kind: event.kind,
      ref_id: event.refId ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

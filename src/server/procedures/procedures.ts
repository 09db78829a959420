/**
 * Shared operating procedures of a protocol: versioned documents, draft → approved (date, act) →
 * superseded (lifecycle.ts); each signatory body acknowledges the version in force (who, when).
 * Every signatory's users read them (the referral wizard shows the one in force for a destination
 * type); the control room's coordinator writes them; a body's administrator acknowledges. Audited.
 */
import { sql } from 'kysely';
import { can } from '../../shared/can.ts';
import type { ProcedureAction, ProcedureSide, ProcedureStatus } from '../../shared/codes/control-room.ts';
import type { OrganisationType } from '../../shared/codes/organisations.ts';
import { hasRoomAccess, requireRoom, roomBodies } from '../control-room/room.ts';
import { isoDate, isoDateOrNull, isoTimestamp, todayInItaly } from '../db/dates.ts';
import type { Tx } from '../db/context.ts';
import { documentRows, toDocumentMeta } from '../documents/documents.ts';
import { AppError, invalidField, notFound, versionConflict } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { allowedActions, RULES, transition } from './lifecycle.ts';
import type { ProcedureDetail, ProcedureSummary, ProcedureVersion, VersionTransition } from './schemas.ts';

const draftExists = () => new AppError(409, 'draft_exists', 'This procedure already has a draft version');
const illegal = (reason: string) => new AppError(409, reason, 'This action is not possible on this version now');

function procedureRows(tx: Tx) {
  return tx
    .selectFrom('procedures as p')
    .innerJoin('protocols as pr', 'pr.id', 'p.protocol_id')
    .select(['p.id', 'p.title', 'p.protocol_id', 'pr.name as protocol_name', 'p.applies_to_type']);
}

function inForceRows(tx: Tx) {
  return tx
    .selectFrom('procedure_versions as v')
    .select(['v.id', 'v.procedure_id', 'v.number', 'v.approved_on', 'v.act_reference', 'v.document_id'])
    .where('v.status', '=', 'approved');
}
type InForceRow = Awaited<ReturnType<ReturnType<typeof inForceRows>['execute']>>[number];
const toInForce = (v: InForceRow) => ({
  versionId: v.id,
  number: v.number,
  approvedOn: isoDate(v.approved_on as string | Date),
  actReference: v.act_reference ?? '',
  documentId: v.document_id,
});

/** The documents a version may point at: the protocol's own procedure texts. */
async function requireProcedureDocument(tx: Tx, protocolId: string, documentId: string): Promise<void> {
  const doc = await documentRows(tx)
    .where('id', '=', documentId)
    .where('protocol_id', '=', protocolId)
    .where('kind', '=', 'procedure')
    .executeTakeFirst();
  if (!doc) throw invalidField('documentId', 'invalid');
}

/** Every procedure the actor may read, with the version in force and who acknowledged it. */
export async function listProcedures(
  ctx: Ctx,
): Promise<{ items: ProcedureSummary[]; manages: Array<{ id: string; name: string }> }> {
  const me = ctx.authorise('procedure.read');
  const { tx } = ctx;
  const rows = await procedureRows(tx).orderBy('pr.name').orderBy('p.title').execute();
  const inForce = rows.length
    ? await inForceRows(tx)
        .where(
          'v.procedure_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const versionIds = inForce.map((v) => v.id);
  const acks = versionIds.length
    ? await tx
        .selectFrom('procedure_acknowledgements')
        .select(['version_id', 'organisation_id'])
        .where('version_id', 'in', versionIds)
        .execute()
    : [];
  const bodyCounts = new Map<string, number>();
  for (const protocolId of new Set(rows.map((r) => r.protocol_id)))
    bodyCounts.set(protocolId, (await roomBodies(tx, protocolId)).length);
  const manages = can(me, 'procedure.manage')
    ? await tx
        .selectFrom('protocols')
        .select(['id', 'name'])
        .where(sql<boolean>`app_runs_control_room(protocols.id)`)
        .orderBy('name')
        .execute()
    : [];
  await ctx.audit({ action: 'procedure.list', details: { count: rows.length } });
  return {
    items: rows.map((r) => {
      const v = inForce.find((x) => x.procedure_id === r.id);
      const mine = v ? acks.filter((a) => a.version_id === v.id) : [];
      return {
        id: r.id,
        title: r.title,
        protocol: { id: r.protocol_id, name: r.protocol_name },
        appliesToType: r.applies_to_type as OrganisationType | null,
        inForce: v ? toInForce(v) : null,
        acknowledgedCount: mine.length,
        bodyCount: bodyCounts.get(r.protocol_id) ?? 0,
        mineAcknowledged: mine.some((a) => a.organisation_id === me.organisationId),
      };
    }),
    manages,
  };
}

/** The sides the actor acts on for this protocol's procedures. */
async function sidesOf(ctx: Ctx, protocolId: string): Promise<ProcedureSide[]> {
  const me = ctx.me();
  const sides: ProcedureSide[] = [];
  if (can(me, 'procedure.manage') && (await hasRoomAccess(ctx.tx, protocolId, 'runs'))) sides.push('coordinator');
  if (can(me, 'procedure.acknowledge') && (await hasRoomAccess(ctx.tx, protocolId, 'signatory'))) sides.push('body');
  return sides;
}

async function loadProcedure(ctx: Ctx, id: string): Promise<ProcedureDetail> {
  const { tx } = ctx;
  const me = ctx.me();
  const p = await procedureRows(tx).where('p.id', '=', id).executeTakeFirst();
  if (!p) throw notFound();
  const versions = await tx
    .selectFrom('procedure_versions')
    .selectAll()
    .where('procedure_id', '=', id)
    .orderBy('number', 'desc')
    .execute();
  const docs = versions.length
    ? await documentRows(tx)
        .where(
          'id',
          'in',
          versions.map((v) => v.document_id),
        )
        .execute()
    : [];
  const current = versions.find((v) => v.status === 'approved');
  const acks = current
    ? await tx.selectFrom('procedure_acknowledgements').selectAll().where('version_id', '=', current.id).execute()
    : [];
  const sides = await sidesOf(ctx, p.protocol_id);
  const mineAcked = acks.some((a) => a.organisation_id === me.organisationId);
  const out: ProcedureVersion[] = [];
  for (const v of versions) {
    const doc = docs.find((d) => d.id === v.document_id);
    if (!doc) continue;
    out.push({
      id: v.id,
      number: v.number,
      status: v.status as ProcedureStatus,
      approvedOn: isoDateOrNull(v.approved_on),
      actReference: v.act_reference,
      supersededOn: isoDateOrNull(v.superseded_on),
      document: toDocumentMeta(doc),
      version: v.version,
      allowedActions: allowedActions(v.status as ProcedureStatus, sides, mineAcked),
    });
  }
  const bodies = await roomBodies(tx, p.protocol_id);
  return {
    id: p.id,
    title: p.title,
    protocol: { id: p.protocol_id, name: p.protocol_name },
    appliesToType: p.applies_to_type as OrganisationType | null,
    versions: out,
    acknowledgements: bodies.map((b) => {
      const a = acks.find((x) => x.organisation_id === b.id);
      return {
        organisation: b,
        acknowledgedBy: a?.acknowledged_by_name ?? null,
        acknowledgedAt: a ? isoTimestamp(a.acknowledged_at) : null,
      };
    }),
    allowedActions: sides.includes('coordinator') && !versions.some((v) => v.status === 'draft') ? ['add_version'] : [],
  };
}

export async function readProcedure(ctx: Ctx, id: string): Promise<ProcedureDetail> {
  ctx.authorise('procedure.read');
  const detail = await loadProcedure(ctx, id);
  await ctx.audit({ action: 'procedure.read', subjectType: 'procedure', subjectId: id });
  return detail;
}

/** The coordinator writes a new procedure: its first version is a draft. */
export async function createProcedure(
  ctx: Ctx,
  protocolId: string,
  input: { title: string; appliesToType: OrganisationType | null; documentId: string },
): Promise<ProcedureDetail> {
  ctx.authorise('procedure.manage');
  const { tx } = ctx;
  await requireRoom(tx, protocolId, 'runs');
  await requireProcedureDocument(tx, protocolId, input.documentId);
  const p = await tx
    .insertInto('procedures')
    .values({ protocol_id: protocolId, title: input.title.trim(), applies_to_type: input.appliesToType })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('procedure_versions')
    .values({ procedure_id: p.id, protocol_id: protocolId, number: 1, document_id: input.documentId })
    .execute();
  await ctx.audit({ action: 'procedure.create', subjectType: 'procedure', subjectId: p.id, details: { protocolId } });
  return loadProcedure(ctx, p.id);
}

/** The coordinator adds a new draft version (one draft at a time). */
export async function addVersion(ctx: Ctx, id: string, documentId: string): Promise<ProcedureDetail> {
  ctx.authorise('procedure.manage');
  const { tx } = ctx;
  const p = await procedureRows(tx).where('p.id', '=', id).executeTakeFirst();
  if (!p) throw notFound();
  await requireRoom(tx, p.protocol_id, 'runs');
  await requireProcedureDocument(tx, p.protocol_id, documentId);
  const versions = await tx
    .selectFrom('procedure_versions')
    .select(['number', 'status'])
    .where('procedure_id', '=', id)
    .execute();
  if (versions.some((v) => v.status === 'draft')) throw draftExists();
  const number = Math.max(0, ...versions.map((v) => v.number)) + 1;
  await tx
    .insertInto('procedure_versions')
    .values({ procedure_id: id, protocol_id: p.protocol_id, number, document_id: documentId })
    .execute();
  await ctx.audit({ action: 'procedure.version_add', subjectType: 'procedure', subjectId: id, details: { number } });
  return loadProcedure(ctx, id);
}

const bump = sql<number>`version + 1` as unknown as number;

/** Approve, supersede or acknowledge a version, by the lifecycle's rule table. */
export async function transitionVersion(
  ctx: Ctx,
  id: string,
  versionId: string,
  input: VersionTransition,
  expectedVersion: number,
): Promise<ProcedureDetail> {
  const me = ctx.authorise('procedure.read');
  const { tx } = ctx;
  const p = await procedureRows(tx).where('p.id', '=', id).executeTakeFirst();
  if (!p) throw notFound();
  const v = await tx
    .selectFrom('procedure_versions')
    .select(['id', 'number', 'status', 'version'])
    .where('id', '=', versionId)
    .where('procedure_id', '=', id)
    .executeTakeFirst();
  if (!v) throw notFound();
  const action: ProcedureAction = input.action;
  const side = RULES[action].side;
  const sides = await sidesOf(ctx, p.protocol_id);
  // an action that is not hers is nobody's business: 404, as for any resource she may not touch
  if (!sides.includes(side)) throw notFound();
  if (v.version !== expectedVersion) throw versionConflict();
  const acknowledged = !!(await tx
    .selectFrom('procedure_acknowledgements')
    .select('version_id')
    .where('version_id', '=', versionId)
    .where('organisation_id', '=', me.organisationId)
    .executeTakeFirst());
  const step = transition(v.status as ProcedureStatus, side, action, acknowledged);
  if (!step.ok) throw illegal(step.reason);
  const today = todayInItaly();
  if (action === 'approve') {
    if (!input.approvedOn) throw invalidField('approvedOn', 'required');
    if (input.approvedOn > today) throw invalidField('approvedOn', 'in_the_future');
    if (!input.actReference?.trim()) throw invalidField('actReference', 'required');
    // the version in force until now is superseded on the day the new one is approved
    await tx
      .updateTable('procedure_versions')
      .set({ status: 'superseded', superseded_on: input.approvedOn, version: bump })
      .where('procedure_id', '=', id)
      .where('status', '=', 'approved')
      .execute();
    await tx
      .updateTable('procedure_versions')
      .set({
        status: 'approved',
        approved_on: input.approvedOn,
        act_reference: input.actReference.trim(),
        version: bump,
      })
      .where('id', '=', versionId)
      .execute();
  } else if (action === 'supersede') {
    await tx
      .updateTable('procedure_versions')
      .set({ status: 'superseded', superseded_on: today, version: bump })
      .where('id', '=', versionId)
      .execute();
  } else {
    const user = await tx
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', me.userId)
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('procedure_acknowledgements')
      .values({
        version_id: versionId,
        protocol_id: p.protocol_id,
        organisation_id: me.organisationId,
        acknowledged_by: me.userId,
        acknowledged_by_name: user.display_name,
      })
      .execute();
  }
  await ctx.audit({
    action: 'procedure.transition',
    subjectType: 'procedure',
    subjectId: id,
    details: { versionId, number: v.number, action, to: step.status },
  });
  return loadProcedure(ctx, id);
}

/** The procedures in force for referrals towards a type of body (the referral wizard links them). */
export async function proceduresInForce(ctx: Ctx, appliesTo: OrganisationType) {
  ctx.authorise('procedure.read');
  const rows = await procedureRows(ctx.tx).where('p.applies_to_type', '=', appliesTo).orderBy('p.title').execute();
  const inForce = rows.length
    ? await inForceRows(ctx.tx)
        .where(
          'v.procedure_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const items = rows.flatMap((r) => {
    const v = inForce.find((x) => x.procedure_id === r.id);
    return v ? [{ id: r.id, title: r.title, protocolName: r.protocol_name, inForce: toInForce(v) }] : [];
  });
  await ctx.audit({ action: 'procedure.list', details: { appliesTo, count: items.length } });
  return { items };
}

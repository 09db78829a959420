/**
 * A protocol's control room: its bodies (the signatories), meetings with agenda, attendance, minutes,
 * decisions and action items (an owner body, a due date, a status), and thematic working groups.
 * The coordinator records; the control room reads; a member moves an action's status. Audited.
 */
import { sql } from 'kysely';
import { can } from '../../shared/can.ts';
import { ROOM_ACTION_OPEN, type RoomActionStatus } from '../../shared/codes/control-room.ts';
import { isoDate, todayInItaly } from '../db/dates.ts';
import type { Tx } from '../db/context.ts';
import { invalidField, notFound, versionConflict } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { documentRows, toDocumentMeta } from '../documents/documents.ts';
import { hasRoomAccess, myRooms, requireRoom, roomBodies } from './room.ts';
import type { MeetingCreate, MeetingDetail, RoomAction, RoomOverview, WorkingGroup } from './schemas.ts';

export const isOverdue = (status: string, dueOn: string, today: string) =>
  (ROOM_ACTION_OPEN as readonly string[]).includes(status) && dueOn < today;

function actionRows(tx: Tx, protocolId: string) {
  return tx
    .selectFrom('control_room_actions as a')
    .innerJoin('organisations as o', 'o.id', 'a.owner_organisation_id')
    .select([
      'a.id',
      'a.meeting_id',
      'a.decision_id',
      'a.title',
      'a.owner_organisation_id',
      'o.name as owner_name',
      'a.due_on',
      'a.status',
      'a.version',
    ])
    .where('a.protocol_id', '=', protocolId)
    .orderBy('a.due_on')
    .orderBy('a.id');
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionRows>['execute']>>[number];
const toAction = (r: ActionRow, today: string): RoomAction => {
  const dueOn = isoDate(r.due_on);
  return {
    id: r.id,
    meetingId: r.meeting_id,
    decisionId: r.decision_id,
    title: r.title,
    owner: { id: r.owner_organisation_id, name: r.owner_name },
    dueOn,
    status: r.status as RoomActionStatus,
    overdue: isOverdue(r.status, dueOn, today),
    version: r.version,
  };
};

/** The control rooms the actor takes part in. */
export async function listRooms(ctx: Ctx) {
  ctx.authorise('control_room.read');
  const items = await myRooms(ctx.tx);
  await ctx.audit({ action: 'control_room.list', details: { count: items.length } });
  return { items };
}

async function workingGroups(tx: Tx, protocolId: string): Promise<WorkingGroup[]> {
  const groups = await tx
    .selectFrom('working_groups')
    .select(['id', 'name'])
    .where('protocol_id', '=', protocolId)
    .orderBy('name')
    .execute();
  if (groups.length === 0) return [];
  const ids = groups.map((g) => g.id);
  const members = await tx
    .selectFrom('working_group_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['m.working_group_id', 'o.id', 'o.name'])
    .where('m.working_group_id', 'in', ids)
    .orderBy('o.name')
    .execute();
  const meetings = await tx
    .selectFrom('control_room_meetings')
    .select(['working_group_id', sql<number>`count(*)::int`.as('n')])
    .where('working_group_id', 'in', ids)
    .groupBy('working_group_id')
    .execute();
  const outputs = await documentRows(tx).where('working_group_id', 'in', ids).orderBy('uploaded_at', 'desc').execute();
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    members: members.filter((m) => m.working_group_id === g.id).map((m) => ({ id: m.id, name: m.name })),
    meetingCount: meetings.find((m) => m.working_group_id === g.id)?.n ?? 0,
    outputs: outputs.filter((d) => d.working_group_id === g.id).map(toDocumentMeta),
  }));
}

/** One control room: bodies, meetings (newest first), every action item, working groups. */
export async function readRoom(ctx: Ctx, protocolId: string): Promise<RoomOverview> {
  const me = ctx.authorise('control_room.read');
  const { tx } = ctx;
  await requireRoom(tx, protocolId, 'member');
  const protocol = await tx
    .selectFrom('protocols')
    .select(['id', 'code', 'name'])
    .where('id', '=', protocolId)
    .executeTakeFirst();
  if (!protocol) throw notFound();
  const today = todayInItaly();
  const meetings = await tx
    .selectFrom('control_room_meetings as m')
    .select((eb) => [
      'm.id',
      'm.held_on',
      'm.place',
      'm.working_group_id',
      'm.minutes_document_id',
      eb
        .selectFrom('control_room_decisions as d')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('d.meeting_id', '=', 'm.id')
        .as('decisions'),
      eb
        .selectFrom('control_room_actions as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.meeting_id', '=', 'm.id')
        .as('actions'),
      eb
        .selectFrom('control_room_attendance as t')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('t.meeting_id', '=', 'm.id')
        .as('attendance'),
    ])
    .where('m.protocol_id', '=', protocolId)
    .orderBy('m.held_on', 'desc')
    .execute();
  const actions = await actionRows(tx, protocolId).execute();
  const allowed: RoomOverview['allowedActions'] = [];
  if (can(me, 'control_room.manage') && (await hasRoomAccess(tx, protocolId, 'runs'))) allowed.push('manage');
  if (can(me, 'control_room.update_action')) allowed.push('update_action');
  await ctx.audit({ action: 'control_room.read', subjectType: 'protocol', subjectId: protocolId });
  return {
    protocol,
    today,
    bodies: await roomBodies(tx, protocolId),
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: isoDate(m.held_on),
      place: m.place,
      workingGroupId: m.working_group_id,
      decisionCount: m.decisions ?? 0,
      actionCount: m.actions ?? 0,
      attendanceCount: m.attendance ?? 0,
      hasMinutes: m.minutes_document_id !== null,
    })),
    actions: actions.map((a) => toAction(a, today)),
    workingGroups: await workingGroups(tx, protocolId),
    allowedActions: allowed,
  };
}

async function loadMeeting(tx: Tx, protocolId: string, meetingId: string): Promise<MeetingDetail> {
  const m = await tx
    .selectFrom('control_room_meetings')
    .select(['id', 'protocol_id', 'held_on', 'place', 'working_group_id', 'agenda', 'minutes_document_id'])
    .where('id', '=', meetingId)
    .where('protocol_id', '=', protocolId)
    .executeTakeFirst();
  if (!m) throw notFound();
  const today = todayInItaly();
  const attendance = await tx
    .selectFrom('control_room_attendance as t')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .select(['o.id', 'o.name'])
    .where('t.meeting_id', '=', meetingId)
    .orderBy('o.name')
    .execute();
  const decisions = await tx
    .selectFrom('control_room_decisions')
    .select(['id', 'position', 'text'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  const actions = await actionRows(tx, protocolId).where('a.meeting_id', '=', meetingId).execute();
  const minutes = m.minutes_document_id
    ? await documentRows(tx).where('id', '=', m.minutes_document_id).executeTakeFirst()
    : undefined;
  return {
    id: m.id,
    protocolId: m.protocol_id,
    heldOn: isoDate(m.held_on),
    place: m.place,
    workingGroupId: m.working_group_id,
    agenda: m.agenda,
    attendance,
    minutes: minutes ? toDocumentMeta(minutes) : null,
    decisions,
    actions: actions.map((a) => toAction(a, today)),
  };
}

export async function readMeeting(ctx: Ctx, protocolId: string, meetingId: string): Promise<MeetingDetail> {
  ctx.authorise('control_room.read');
  await requireRoom(ctx.tx, protocolId, 'member');
  const meeting = await loadMeeting(ctx.tx, protocolId, meetingId);
  await ctx.audit({ action: 'control_room.meeting_read', subjectType: 'meeting', subjectId: meetingId });
  return meeting;
}

/** The coordinator records a meeting in one go: agenda, attendance, minutes, decisions and their actions. */
export async function recordMeeting(ctx: Ctx, protocolId: string, input: MeetingCreate): Promise<MeetingDetail> {
  const me = ctx.authorise('control_room.manage');
  const { tx } = ctx;
  await requireRoom(tx, protocolId, 'runs');
  const bodies = new Set((await roomBodies(tx, protocolId)).map((b) => b.id));
  input.attendance.forEach((id, i) => {
    if (!bodies.has(id)) throw invalidField(`attendance/${i}`, 'not_a_signatory');
  });
  for (const [i, d] of input.decisions.entries())
    for (const [j, a] of d.actions.entries())
      if (!bodies.has(a.ownerOrganisationId))
        throw invalidField(`decisions/${i}/actions/${j}/ownerOrganisationId`, 'not_a_signatory');
  if (input.minutesDocumentId) {
    const doc = await documentRows(tx)
      .where('id', '=', input.minutesDocumentId)
      .where('protocol_id', '=', protocolId)
      .executeTakeFirst();
    if (!doc) throw invalidField('minutesDocumentId', 'invalid');
  }
  if (input.workingGroupId) {
    const group = await tx
      .selectFrom('working_groups')
      .select('id')
      .where('id', '=', input.workingGroupId)
      .where('protocol_id', '=', protocolId)
      .executeTakeFirst();
    if (!group) throw invalidField('workingGroupId', 'invalid');
  }
  const meeting = await tx
    .insertInto('control_room_meetings')
    .values({
      protocol_id: protocolId,
      working_group_id: input.workingGroupId ?? null,
      held_on: input.heldOn,
      place: input.place?.trim() || null,
      agenda: input.agenda.map((a) => a.trim()),
      minutes_document_id: input.minutesDocumentId ?? null,
      created_by: me.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.attendance.length > 0)
    await tx
      .insertInto('control_room_attendance')
      .values(input.attendance.map((o) => ({ meeting_id: meeting.id, protocol_id: protocolId, organisation_id: o })))
      .execute();
  let actionCount = 0;
  for (const [i, d] of input.decisions.entries()) {
    const decision = await tx
      .insertInto('control_room_decisions')
      .values({ meeting_id: meeting.id, protocol_id: protocolId, position: i + 1, text: d.text.trim() })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const a of d.actions) {
      await tx
        .insertInto('control_room_actions')
        .values({
          meeting_id: meeting.id,
          protocol_id: protocolId,
          decision_id: decision.id,
          title: a.title.trim(),
          owner_organisation_id: a.ownerOrganisationId,
          due_on: a.dueOn,
        })
        .execute();
      actionCount++;
    }
  }
  await ctx.audit({
    action: 'control_room.meeting_record',
    subjectType: 'meeting',
    subjectId: meeting.id,
    details: { protocolId, decisions: input.decisions.length, actions: actionCount },
  });
  return loadMeeting(tx, protocolId, meeting.id);
}

/** An action item's status moves (the coordinator, or a member reporting her body's progress). */
export async function updateActionStatus(
  ctx: Ctx,
  protocolId: string,
  actionId: string,
  status: RoomActionStatus,
  version: number,
): Promise<RoomAction> {
  ctx.authorise('control_room.update_action');
  const { tx } = ctx;
  await requireRoom(tx, protocolId, 'member');
  const current = await tx
    .selectFrom('control_room_actions')
    .select(['version', 'status'])
    .where('id', '=', actionId)
    .where('protocol_id', '=', protocolId)
    .executeTakeFirst();
  if (!current) throw notFound();
  if (current.version !== version) throw versionConflict();
  await tx
    .updateTable('control_room_actions')
    .set({
      status,
      updated_at: sql<Date>`now()` as unknown as Date,
      version: sql<number>`version + 1` as unknown as number,
    })
    .where('id', '=', actionId)
    .where('version', '=', version)
    .execute();
  await ctx.audit({
    action: 'control_room.action_update',
    subjectType: 'room_action',
    subjectId: actionId,
    details: { protocolId, from: current.status, to: status },
  });
  const row = await actionRows(tx, protocolId).where('a.id', '=', actionId).executeTakeFirstOrThrow();
  return toAction(row, todayInItaly());
}

/** The coordinator sets up a thematic working group of signatory bodies. */
export async function createWorkingGroup(
  ctx: Ctx,
  protocolId: string,
  input: { name: string; memberIds: string[] },
): Promise<WorkingGroup> {
  ctx.authorise('control_room.manage');
  const { tx } = ctx;
  await requireRoom(tx, protocolId, 'runs');
  const bodies = new Set((await roomBodies(tx, protocolId)).map((b) => b.id));
  input.memberIds.forEach((id, i) => {
    if (!bodies.has(id)) throw invalidField(`memberIds/${i}`, 'not_a_signatory');
  });
  const group = await tx
    .insertInto('working_groups')
    .values({ protocol_id: protocolId, name: input.name.trim() })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.memberIds.length > 0)
    await tx
      .insertInto('working_group_members')
      .values(input.memberIds.map((o) => ({ working_group_id: group.id, protocol_id: protocolId, organisation_id: o })))
      .execute();
  await ctx.audit({
    action: 'control_room.group_create',
    subjectType: 'working_group',
    subjectId: group.id,
    details: { protocolId, members: input.memberIds.length },
  });
  const groups = await workingGroups(tx, protocolId);
  return groups.find((g) => g.id === group.id) as WorkingGroup;
}

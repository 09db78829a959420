import { type Static, Type } from '@sinclair/typebox';
import { DOCUMENT_KINDS, DOCUMENT_MEDIA_TYPES, ROOM_ACTION_STATUSES } from '../../shared/codes/control-room.ts';
import { DateOnly, DateTime, Enum, Nullable as N, Obj, Uuid } from '../http/schema-kit.ts';

export const ProtocolParams = Obj({ protocolId: Uuid });
export const MeetingParams = Obj({ protocolId: Uuid, meetingId: Uuid });
export const ActionParams = Obj({ protocolId: Uuid, actionId: Uuid });
export const DocumentParams = Obj({ id: Uuid });

const Body = Obj({ id: Uuid, name: Type.String() });

export const DocumentMeta = Obj({
  id: Uuid,
  protocolId: Uuid,
  kind: Enum(DOCUMENT_KINDS),
  title: Type.String(),
  mediaType: Enum(DOCUMENT_MEDIA_TYPES),
  sizeBytes: Type.Integer({ minimum: 1 }),
  sha256: Type.String(),
  workingGroupId: N(Uuid),
  uploadedAt: DateTime,
});
export type DocumentMeta = Static<typeof DocumentMeta>;
export const DocumentList = Obj({ items: Type.Array(DocumentMeta) });

/** The multipart form's text fields (validated by hand: the body is a stream, not JSON). */
export const DocumentUploadFields = Obj({
  kind: Enum(DOCUMENT_KINDS),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  workingGroupId: Type.Optional(Uuid),
});
export type DocumentUploadFields = Static<typeof DocumentUploadFields>;

export const RoomAction = Obj({
  id: Uuid,
  meetingId: Uuid,
  decisionId: N(Uuid),
  title: Type.String(),
  owner: Body,
  dueOn: DateOnly,
  status: Enum(ROOM_ACTION_STATUSES),
  overdue: Type.Boolean(),
  version: Type.Integer(),
});
export type RoomAction = Static<typeof RoomAction>;

export const Decision = Obj({ id: Uuid, position: Type.Integer(), text: Type.String() });

export const MeetingSummary = Obj({
  id: Uuid,
  heldOn: DateOnly,
  place: N(Type.String()),
  workingGroupId: N(Uuid),
  decisionCount: Type.Integer(),
  actionCount: Type.Integer(),
  attendanceCount: Type.Integer(),
  hasMinutes: Type.Boolean(),
});

export const MeetingDetail = Obj({
  id: Uuid,
  protocolId: Uuid,
  heldOn: DateOnly,
  place: N(Type.String()),
  workingGroupId: N(Uuid),
  agenda: Type.Array(Type.String()),
  attendance: Type.Array(Body),
  minutes: N(DocumentMeta),
  decisions: Type.Array(Decision),
  actions: Type.Array(RoomAction),
});
export type MeetingDetail = Static<typeof MeetingDetail>;

export const WorkingGroup = Obj({
  id: Uuid,
  name: Type.String(),
  members: Type.Array(Body),
  meetingCount: Type.Integer(),
  outputs: Type.Array(DocumentMeta),
});
export type WorkingGroup = Static<typeof WorkingGroup>;

export const RoomList = Obj({ items: Type.Array(Obj({ id: Uuid, code: Type.String(), name: Type.String() })) });

export const RoomOverview = Obj({
  protocol: Obj({ id: Uuid, code: Type.String(), name: Type.String() }),
  today: DateOnly,
  bodies: Type.Array(Body),
  meetings: Type.Array(MeetingSummary),
  actions: Type.Array(RoomAction),
  workingGroups: Type.Array(WorkingGroup),
  /** what the actor may do here: record meetings and groups, upload documents, move actions */
  allowedActions: Type.Array(Enum(['manage', 'update_action'] as const)),
});
export type RoomOverview = Static<typeof RoomOverview>;

const text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const ActionCreate = Obj({
  title: text(300),
  ownerOrganisationId: Uuid,
  dueOn: DateOnly,
});

export const MeetingCreate = Obj({
  heldOn: DateOnly,
  place: Type.Optional(N(Type.String({ maxLength: 200 }))),
  workingGroupId: Type.Optional(N(Uuid)),
  agenda: Type.Array(text(300), { maxItems: 30 }),
  attendance: Type.Array(Uuid, { maxItems: 100, uniqueItems: true }),
  minutesDocumentId: Type.Optional(N(Uuid)),
  decisions: Type.Array(Obj({ text: text(1000), actions: Type.Array(ActionCreate, { maxItems: 20 }) }), {
    maxItems: 30,
  }),
});
export type MeetingCreate = Static<typeof MeetingCreate>;

export const ActionStatusChange = Obj({ status: Enum(ROOM_ACTION_STATUSES) });

export const WorkingGroupCreate = Obj({
  name: Type.String({ minLength: 2, maxLength: 200 }),
  memberIds: Type.Array(Uuid, { maxItems: 100, uniqueItems: true }),
});

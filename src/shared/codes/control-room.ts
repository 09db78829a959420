/**
 * The control room, its working groups, shared procedures and documents (issue 8, net-control).
 * SQL CHECKs in migration 140 hold the same lists (db/codes.db.test.ts compares them).
 */

/** What a stored document is for. */
export const DOCUMENT_KINDS = ['minutes', 'procedure', 'output', 'material'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The types a document may be, detected from its bytes (never from its name). */
export const DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'image/png',
  'image/jpeg',
] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** The largest document accepted, in bytes (5 MiB). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** An action item of the control room. */
export const ROOM_ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type RoomActionStatus = (typeof ROOM_ACTION_STATUSES)[number];
/** The statuses of an action item still to be done (overdue when past its due date). */
export const ROOM_ACTION_OPEN: readonly RoomActionStatus[] = ['open', 'in_progress'];

/** A procedure version's lifecycle (server/procedures/lifecycle.ts). */
export const PROCEDURE_STATUSES = ['draft', 'approved', 'superseded'] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];
/** What may be done to a version: the coordinator approves or supersedes, a body acknowledges. */
export const PROCEDURE_ACTIONS = ['approve', 'supersede', 'acknowledge'] as const;
export type ProcedureAction = (typeof PROCEDURE_ACTIONS)[number];
/** Who acts on a version: the control room's coordinator, or a signatory body (its administrator). */
export const PROCEDURE_SIDES = ['coordinator', 'body'] as const;
export type ProcedureSide = (typeof PROCEDURE_SIDES)[number];

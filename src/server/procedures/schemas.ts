import { type Static, Type } from '@sinclair/typebox';
import { PROCEDURE_ACTIONS, PROCEDURE_STATUSES } from '../../shared/codes/control-room.ts';
import { ORGANISATION_TYPES } from '../../shared/codes/organisations.ts';
import { DocumentMeta } from '../control-room/schemas.ts';
import { DateOnly, DateTime, Enum, Nullable as N, Obj, Uuid } from '../http/schema-kit.ts';

export const ProcedureParams = Obj({ id: Uuid });
export const VersionParams = Obj({ id: Uuid, versionId: Uuid });

export const ProcedureVersion = Obj({
  id: Uuid,
  number: Type.Integer({ minimum: 1 }),
  status: Enum(PROCEDURE_STATUSES),
  approvedOn: N(DateOnly),
  actReference: N(Type.String()),
  supersededOn: N(DateOnly),
  document: DocumentMeta,
  version: Type.Integer(),
  /** what the actor may do to this version (procedures/lifecycle.ts) */
  allowedActions: Type.Array(Enum(PROCEDURE_ACTIONS)),
});
export type ProcedureVersion = Static<typeof ProcedureVersion>;

const InForce = Obj({
  versionId: Uuid,
  number: Type.Integer(),
  approvedOn: DateOnly,
  actReference: Type.String(),
  documentId: Uuid,
});

export const ProcedureSummary = Obj({
  id: Uuid,
  title: Type.String(),
  protocol: Obj({ id: Uuid, name: Type.String() }),
  appliesToType: N(Enum(ORGANISATION_TYPES)),
  inForce: N(InForce),
  /** bodies that acknowledged the version in force, of how many signatories */
  acknowledgedCount: Type.Integer(),
  bodyCount: Type.Integer(),
  /** the actor's own body has acknowledged the version in force */
  mineAcknowledged: Type.Boolean(),
});
export type ProcedureSummary = Static<typeof ProcedureSummary>;

export const ProcedureList = Obj({
  items: Type.Array(ProcedureSummary),
  /** the protocols whose procedures the actor writes (the new-procedure form offers these) */
  manages: Type.Array(Obj({ id: Uuid, name: Type.String() })),
});

export const Acknowledgement = Obj({
  organisation: Obj({ id: Uuid, name: Type.String() }),
  acknowledgedBy: N(Type.String()),
  acknowledgedAt: N(DateTime),
});

export const ProcedureDetail = Obj({
  id: Uuid,
  title: Type.String(),
  protocol: Obj({ id: Uuid, name: Type.String() }),
  appliesToType: N(Enum(ORGANISATION_TYPES)),
  versions: Type.Array(ProcedureVersion),
  /** every signatory body and whether it acknowledged the version in force (who, when) */
  acknowledgements: Type.Array(Acknowledgement),
  allowedActions: Type.Array(Enum(['add_version'] as const)),
});
export type ProcedureDetail = Static<typeof ProcedureDetail>;

export const ProcedureCreate = Obj({
  title: Type.String({ minLength: 2, maxLength: 200 }),
  appliesToType: N(Enum(ORGANISATION_TYPES)),
  documentId: Uuid,
});
export const VersionCreate = Obj({ documentId: Uuid });

export const VersionTransition = Obj({
  action: Enum(PROCEDURE_ACTIONS),
  approvedOn: Type.Optional(DateOnly),
  actReference: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
export type VersionTransition = Static<typeof VersionTransition>;

export const InForceQuery = Obj({ appliesTo: Enum(ORGANISATION_TYPES) });
export const InForceList = Obj({
  items: Type.Array(Obj({ id: Uuid, title: Type.String(), protocolName: Type.String(), inForce: InForce })),
});

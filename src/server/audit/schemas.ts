/** The audit API: what it accepts and returns. */
import { type Static, Type } from '@sinclair/typebox';
import { AUDIT_ACTIONS } from '../../shared/codes/audit.ts';
import { DateOnly, Enum, Nullable, strict, Uuid } from '../http/schema-kit.ts';

/** The filters of the trail: user, action, case code, subject id and period (calendar days in Italy). */
export const AuditFilterFields = {
  actor: Type.Optional(Uuid),
  action: Type.Optional(Enum(AUDIT_ACTIONS)),
  caseCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' })),
  subject: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
};
export const AuditQuery = Type.Object(
  {
    ...AuditFilterFields,
    before: Type.Optional(Type.String({ maxLength: 18, pattern: '^[0-9]{1,18}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  strict,
);
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditEntry = Type.Object(
  {
    seq: Type.String(),
    occurredAt: Type.String(),
    actorUserId: Nullable(Type.String()),
    actorName: Nullable(Type.String()),
    organisationId: Nullable(Type.String()),
    /** the actor's body, by name (null where the reader may not see it) */
    organisationName: Nullable(Type.String()),
    action: Type.String(),
    subjectType: Nullable(Type.String()),
    subjectId: Nullable(Type.String()),
    /** the case the row is about (a case, or a referral of a case), where row-level security lets the reader see it */
    caseCode: Nullable(Type.String()),
    /** the subject by name: a body or a user */
    subjectName: Nullable(Type.String()),
    /** the recipient body of a referral, by name */
    recipientName: Nullable(Type.String()),
    purpose: Nullable(Type.String()),
    outcome: Type.String(),
    /** ids, counts and codes only (what the row recorded) */
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  strict,
);
export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), nextBefore: Nullable(Type.String()) }, strict);

export type AuditEntry = Static<typeof AuditEntry>;
export type AuditPage = Static<typeof AuditPage>;

/** The audit API: what it accepts and returns. */
import { type Static, Type } from '@sinclair/typebox';
import { DateOnly, Nullable, strict, Uuid } from '../http/schema-kit.ts';

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Uuid),
    subject: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  strict,
);
export const AuditEntry = Type.Object(
  {
    seq: Type.String(),
    occurredAt: Type.String(),
    actorUserId: Nullable(Type.String()),
    actorName: Nullable(Type.String()),
    organisationId: Nullable(Type.String()),
    action: Type.String(),
    subjectType: Nullable(Type.String()),
    subjectId: Nullable(Type.String()),
    purpose: Nullable(Type.String()),
    outcome: Type.String(),
  },
  strict,
);
export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), nextBefore: Nullable(Type.String()) }, strict);

export type AuditEntry = Static<typeof AuditEntry>;
export type AuditPage = Static<typeof AuditPage>;

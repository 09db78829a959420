/** The audit API: what it accepts and returns. */
import { type Static, Type } from '@sinclair/typebox';

const strict = { additionalProperties: false } as const;
const N = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);
const date = Type.String({ format: 'date' });
export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ format: 'uuid' })),
    subject: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(date),
    to: Type.Optional(date),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  strict,
);
export const AuditEntry = Type.Object(
  {
    seq: Type.String(),
    occurredAt: Type.String(),
    actorUserId: N(Type.String()),
    actorName: N(Type.String()),
    organisationId: N(Type.String()),
    action: Type.String(),
    subjectType: N(Type.String()),
    subjectId: N(Type.String()),
    purpose: N(Type.String()),
    outcome: Type.String(),
  },
  strict,
);
export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), nextBefore: N(Type.String()) }, strict);

export type AuditEntry = Static<typeof AuditEntry>;
export type AuditPage = Static<typeof AuditPage>;

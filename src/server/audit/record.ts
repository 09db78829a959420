import type { Actor, Tx } from '../db/context.ts';

/** Every kind of audited event: the list is in src/shared/codes/audit.ts (labelled for the DPO's page). */
export type { AuditAction } from '../../shared/codes/audit.ts';
import type { AuditAction } from '../../shared/codes/audit.ts';

export interface AuditEvent {
  action: AuditAction;
  outcome?: 'success' | 'failure' | 'denied';
  subjectType?: string;
  subjectId?: string;
  purpose?: string;
  /** ids, counts and stable codes only */
  details?: Record<string, string | number | boolean | string[] | null>;
  /** defaults to the transaction's actor */
  actor?: Pick<Actor, 'userId' | 'organisationId'> | null;
}

/** Appends one audit row in the caller's transaction: it commits or rolls back with the change. */
export async function recordAudit(tx: Tx, actor: Actor | null, event: AuditEvent): Promise<void> {
  const who = event.actor === undefined ? actor : event.actor;
  await tx
    .insertInto('audit_log')
    .values({
      actor_user_id: who?.userId ?? null,
      organisation_id: who?.organisationId ?? null,
      action: event.action,
      subject_type: event.subjectType ?? null,
      subject_id: event.subjectId ?? null,
      purpose: event.purpose ?? null,
      outcome: event.outcome ?? 'success',
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

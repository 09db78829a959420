import type { Actor, Tx } from '../db/context.ts';

/** Every kind of audited event. Details carry ids and codes only, never personal data. */
export type AuditAction =
  | 'auth.login'
  | 'auth.totp'
  | 'auth.recovery_code'
  | 'auth.logout'
  | 'auth.session_expired'
  | 'auth.totp_enrol'
  | 'auth.password_reset_request'
  | 'auth.password_set'
  | 'user.invite'
  | 'user.roles_change'
  | 'user.disable'
  | 'user.enable'
  | 'user.password_reset_link'
  | 'user.list'
  | 'organisation.read'
  | 'organisation.update'
  | 'protocol.adhesion_request'
  | 'protocol.adhesion_decide'
  | 'audit.search'
  | 'case.create'
  | 'case.list'
  | 'case.read'
  | 'case.update'
  | 'case.identity_read'
  | 'case.identity_update'
  | 'case.identity_search'
  | 'case.team_change'
  | 'case.close'
  | 'case.reopen'
  | 'case.timeline_read'
  | 'consent.record'
  | 'consent.revoke'
  | 'consent.form_print'
  | 'needs.record'
  | 'plan.update'
  | 'plan.agree'
  | 'plan.review'
  | 'plan.print'
  | 'catalogue.extend'
  | 'outcome.record'
  | 'follow_up.record'
  | 'referral.send'
  | 'referral.list'
  | 'referral.read'
  | 'referral.preview'
  | 'referral.transition'
  | 'referral.message'
  | 'referral.messages_read'
  | 'referral.access_end'
  | 'referral.overdue_list'
  | 'draft.save'
  | 'draft.read'
  | 'draft.discard'
  | 'draft.expire'
  | 'directory.entry_update'
  | 'directory.publish'
  | 'directory.stale_flag'
  | 'worklist.list';

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

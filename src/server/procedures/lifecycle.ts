/**
 * A shared procedure's version, pure: a draft is approved (with a date and the act that approved it)
 * and is then in force until superseded; approving a new version supersedes the one in force. While
 * a version is in force each signatory body acknowledges it once. Anything else is illegal.
 */
import {
  PROCEDURE_ACTIONS,
  type ProcedureAction,
  type ProcedureSide,
  type ProcedureStatus,
} from '../../shared/codes/control-room.ts';

interface Rule {
  side: ProcedureSide;
  from: readonly ProcedureStatus[];
  /** undefined: the status does not change */
  to?: ProcedureStatus;
}

export const RULES: Record<ProcedureAction, Rule> = {
  approve: { side: 'coordinator', from: ['draft'], to: 'approved' },
  supersede: { side: 'coordinator', from: ['approved'], to: 'superseded' },
  acknowledge: { side: 'body', from: ['approved'] },
};

/** Statuses a version never leaves. */
export const FINAL: readonly ProcedureStatus[] = ['superseded'];

export type Transition =
  | { ok: true; status: ProcedureStatus }
  | { ok: false; reason: 'not_your_action' | 'illegal_transition' | 'already_acknowledged' };

export function transition(
  status: ProcedureStatus,
  side: ProcedureSide,
  action: ProcedureAction,
  acknowledged = false,
): Transition {
  const rule = RULES[action];
  if (rule.side !== side) return { ok: false, reason: 'not_your_action' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'illegal_transition' };
  if (action === 'acknowledge' && acknowledged) return { ok: false, reason: 'already_acknowledged' };
  return { ok: true, status: rule.to ?? status };
}

/** What the actor's sides may do to a version now (the UI offers these). */
export function allowedActions(
  status: ProcedureStatus,
  sides: readonly ProcedureSide[],
  acknowledged = false,
): ProcedureAction[] {
  return PROCEDURE_ACTIONS.filter((a) => sides.some((s) => transition(status, s, a, acknowledged).ok));
}

/**
 * The referral's lifecycle, pure: sent → accepted or declined → in progress → completed; the
 * sender may withdraw while it is open; an unanswered referral expires. Anything else is illegal.
 */
import {
  REFERRAL_ACTIONS,
  type ReferralAction,
  type ReferralSide,
  type ReferralStatus,
} from '../../shared/codes/referrals.ts';

export type Status = ReferralStatus;
export type Action = ReferralAction;
/** Who acts: the sending centre, the recipient organisation, or the platform's sweep. */
export type Side = ReferralSide;

interface Rule {
  side: Side;
  from: readonly Status[];
  /** undefined: the status does not change */
  to?: Status;
}

const RULES: Record<Action, Rule> = {
  accept: { side: 'recipient', from: ['sent'], to: 'accepted' },
  decline: { side: 'recipient', from: ['sent'], to: 'declined' },
  book: { side: 'recipient', from: ['accepted', 'in_progress'] },
  start: { side: 'recipient', from: ['accepted'], to: 'in_progress' },
  report: { side: 'recipient', from: ['accepted', 'in_progress'], to: 'in_progress' },
  complete: { side: 'recipient', from: ['accepted', 'in_progress'], to: 'completed' },
  withdraw: { side: 'sender', from: ['sent', 'accepted', 'in_progress'], to: 'withdrawn' },
  expire: { side: 'system', from: ['sent'], to: 'expired' },
};

export const TERMINAL: readonly Status[] = ['declined', 'completed', 'withdrawn', 'expired'];
/** Statuses after which the recipient's access ends at once (completion keeps it for a while). */
export const ENDS_ACCESS: readonly Status[] = ['declined', 'withdrawn', 'expired'];

export type Transition = { ok: true; status: Status } | { ok: false; reason: 'not_your_action' | 'illegal_transition' };

export function transition(status: Status, side: Side, action: Action): Transition {
  const rule = RULES[action];
  if (rule.side !== side) return { ok: false, reason: 'not_your_action' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'illegal_transition' };
  return { ok: true, status: rule.to ?? status };
}

/** The actions `side` may take from `status` (the UI offers these). */
export function allowedActions(status: Status, side: Side): Action[] {
  return REFERRAL_ACTIONS.filter((a) => transition(status, side, a).ok);
}

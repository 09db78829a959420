import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REFERRAL_ACTIONS as ACTIONS,
  REFERRAL_SIDES as SIDES,
  REFERRAL_STATUSES as STATUSES,
} from '../../shared/codes/referrals.ts';
import { allowedActions, ENDS_ACCESS, type Status, TERMINAL, transition } from './lifecycle.ts';

describe('the referral lifecycle (pure)', () => {
  it('follows sent → accepted/declined → in progress → completed, with withdrawal and expiry', () => {
    expect(transition('sent', 'recipient', 'accept')).toEqual({ ok: true, status: 'accepted' });
    expect(transition('sent', 'recipient', 'decline')).toEqual({ ok: true, status: 'declined' });
    expect(transition('accepted', 'recipient', 'start')).toEqual({ ok: true, status: 'in_progress' });
    expect(transition('in_progress', 'recipient', 'complete')).toEqual({ ok: true, status: 'completed' });
    expect(transition('in_progress', 'sender', 'withdraw')).toEqual({ ok: true, status: 'withdrawn' });
    expect(transition('sent', 'system', 'expire')).toEqual({ ok: true, status: 'expired' });
    expect(transition('sent', 'sender', 'accept')).toEqual({ ok: false, reason: 'not_your_action' });
    expect(transition('accepted', 'system', 'expire')).toEqual({ ok: false, reason: 'illegal_transition' });
  });

  it('never leaves a terminal status, and only moves along the allowed edges, whatever the sequence', () => {
    const edges = new Set([
      'sent>accepted',
      'sent>declined',
      'sent>withdrawn',
      'sent>expired',
      'accepted>in_progress',
      'accepted>completed',
      'accepted>withdrawn',
      'in_progress>completed',
      'in_progress>withdrawn',
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...SIDES), fc.constantFrom(...ACTIONS)), { maxLength: 30 }),
        (steps) => {
          let status: Status = 'sent';
          for (const [side, action] of steps) {
            const t = transition(status, side, action);
            if (!t.ok) continue;
            if (TERMINAL.includes(status)) return false;
            if (t.status !== status && !edges.has(`${status}>${t.status}`)) return false;
            status = t.status;
          }
          return STATUSES.includes(status);
        },
      ),
    );
  });

  it('offers exactly the actions that succeed, and none after access ends', () => {
    for (const status of STATUSES) {
      for (const side of SIDES) {
        expect(allowedActions(status, side)).toEqual(ACTIONS.filter((a) => transition(status, side, a).ok));
        if (ENDS_ACCESS.includes(status)) expect(allowedActions(status, side)).toEqual([]);
      }
    }
  });
});

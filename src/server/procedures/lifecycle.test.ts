import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROCEDURE_ACTIONS,
  PROCEDURE_SIDES,
  PROCEDURE_STATUSES,
  type ProcedureAction,
  type ProcedureStatus,
} from '../../shared/codes/control-room.ts';
import { allowedActions, FINAL, RULES, transition } from './lifecycle.ts';

const status = fc.constantFrom(...PROCEDURE_STATUSES);
const side = fc.constantFrom(...PROCEDURE_SIDES);
const action = fc.constantFrom(...PROCEDURE_ACTIONS);

/** Applies a run of attempted actions from a draft, keeping the legal ones (as the server does). */
function run(steps: Array<[(typeof PROCEDURE_SIDES)[number], ProcedureAction]>) {
  let s: ProcedureStatus = 'draft';
  let acknowledged = false;
  const seen: ProcedureStatus[] = [s];
  for (const [who, a] of steps) {
    const r = transition(s, who, a, acknowledged);
    if (!r.ok) continue;
    if (a === 'acknowledge') acknowledged = true;
    s = r.status;
    seen.push(s);
  }
  return { s, seen, acknowledged };
}

describe('procedure version lifecycle', () => {
  it('goes draft → approved → superseded and never back', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(side, action), { maxLength: 30 }), (steps) => {
        const { seen } = run(steps);
        const order = seen.map((x) => PROCEDURE_STATUSES.indexOf(x));
        for (let i = 1; i < order.length; i++)
          expect(order[i] as number).toBeGreaterThanOrEqual(order[i - 1] as number);
      }),
    );
  });

  it('offers exactly the actions that succeed, and nothing from a final status', () => {
    fc.assert(
      fc.property(status, fc.subarray([...PROCEDURE_SIDES], { minLength: 1 }), fc.boolean(), (s, sides, ack) => {
        const offered = allowedActions(s, sides, ack);
        for (const a of PROCEDURE_ACTIONS)
          expect(offered.includes(a)).toBe(sides.some((who) => transition(s, who, a, ack).ok));
        if (FINAL.includes(s)) expect(offered).toEqual([]);
      }),
    );
  });

  it('lets only the coordinator approve and supersede, only a body acknowledge, and a body only once', () => {
    fc.assert(
      fc.property(status, side, action, fc.boolean(), (s, who, a, ack) => {
        const r = transition(s, who, a, ack);
        if (r.ok) {
          expect(RULES[a].side).toBe(who);
          if (a === 'acknowledge') {
            expect(s).toBe('approved');
            expect(ack).toBe(false);
            expect(r.status).toBe('approved');
          }
          if (a === 'approve') expect([s, r.status]).toEqual(['draft', 'approved']);
          if (a === 'supersede') expect([s, r.status]).toEqual(['approved', 'superseded']);
        } else if (RULES[a].side !== who) expect(r.reason).toBe('not_your_action');
      }),
    );
  });

  it('acknowledges only the version in force', () => {
    expect(allowedActions('draft', ['body'])).toEqual([]);
    expect(allowedActions('approved', ['body'])).toEqual(['acknowledge']);
    expect(allowedActions('approved', ['body'], true)).toEqual([]);
    expect(allowedActions('superseded', ['body', 'coordinator'])).toEqual([]);
    expect(allowedActions('approved', ['coordinator'])).toEqual(['supersede']);
    expect(allowedActions('draft', ['coordinator'])).toEqual(['approve']);
  });
});

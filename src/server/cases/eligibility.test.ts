import { describe, expect, it } from 'vitest';
import { eligibilityOf } from './eligibility.ts';

const closed = (closedOn: string) => ({
  status: 'closed' as const,
  closedOn,
  windowDays: 182,
  programme: 'lombardia-autonomia',
});

describe('eligibility', () => {
  it('is eligible while in charge', () => {
    expect(
      eligibilityOf({ status: 'open', closedOn: null, windowDays: 182, programme: 'p' }, '2026-11-23'),
    ).toMatchObject({ eligible: true, reason: 'in_charge' });
  });
  it('is eligible on day 182 after closure and not on day 183', () => {
    expect(eligibilityOf(closed('2026-01-01'), '2026-07-02')).toMatchObject({
      eligible: true,
      daysLeft: 0,
      windowEndsOn: '2026-07-02',
    });
    expect(eligibilityOf(closed('2026-01-01'), '2026-07-03')).toMatchObject({
      eligible: false,
      reason: 'window_ended',
      daysLeft: -1,
    });
  });
  it('counts days across a leap day', () => {
    expect(eligibilityOf(closed('2028-01-01'), '2028-07-01')).toMatchObject({ eligible: true, daysLeft: 0 });
  });
  it('follows the configured window', () => {
    expect(eligibilityOf({ ...closed('2026-01-01'), windowDays: 30 }, '2026-02-01')).toMatchObject({ eligible: false });
  });
});

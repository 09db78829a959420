import { describe, expect, it } from 'vitest';
import { addMonths, followUpSchedule } from './schedule.ts';

describe('follow-up schedule', () => {
  it('checks at 3, 6 and 12 months, clamped to the end of shorter months', () => {
    expect(followUpSchedule('2026-01-31')).toEqual([
      { months: 3, dueOn: '2026-04-30' },
      { months: 6, dueOn: '2026-07-31' },
      { months: 12, dueOn: '2027-01-31' },
    ]);
    expect(followUpSchedule('2026-03-15').map((f) => f.dueOn)).toEqual(['2026-06-15', '2026-09-15', '2027-03-15']);
  });

  it('adds calendar months across years and leap days', () => {
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });
});

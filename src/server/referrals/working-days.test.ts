import { describe, expect, it } from 'vitest';
import { addWorkingDays, easterSunday, isHoliday, isWorkingDay, workingDaysBetween } from './working-days.ts';

const MILANO = '015146';
const PAVIA = '018110';

describe('the Italian working-day calendar', () => {
  it('knows Easter Sunday and therefore Easter Monday', () => {
    expect([2024, 2025, 2026, 2027].map(easterSunday)).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
    ]);
    expect(isHoliday('2026-04-06')).toBe(true);
    expect(isHoliday('2026-04-07')).toBe(false);
  });

  it('keeps the national holidays and the patron saint of the office’s municipality', () => {
    for (const d of [
      '2026-01-01',
      '2026-01-06',
      '2026-04-25',
      '2026-05-01',
      '2026-06-02',
      '2026-08-15',
      '2026-11-01',
      '2026-12-08',
      '2026-12-25',
      '2026-12-26',
    ]) {
      expect(isHoliday(d), d).toBe(true);
    }
    expect(isWorkingDay('2026-12-07', MILANO)).toBe(false); // Sant'Ambrogio, a Monday
    expect(isWorkingDay('2026-12-07', PAVIA)).toBe(true);
    expect(isWorkingDay('2026-12-09', PAVIA)).toBe(false); // San Siro
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
  });

  it('counts 5 working days across a weekend, Sant’Ambrogio and the Immacolata', () => {
    // Thu 3 Dec 2026 → Fri 4 (1), (Sat, Sun), (Mon 7 Sant'Ambrogio), (Tue 8 Immacolata), Wed 9 (2), Thu 10, Fri 11, Mon 14 (5)
    expect(addWorkingDays('2026-12-03', 5, MILANO)).toBe('2026-12-14');
    // elsewhere Monday 7 is a working day
    expect(addWorkingDays('2026-12-03', 5, null)).toBe('2026-12-11');
    expect(addWorkingDays('2026-12-03', 6, MILANO)).toBe('2026-12-15');
  });

  it('counts across Christmas, New Year and Epiphany, and across Easter', () => {
    // Wed 23 Dec → Thu 24 (1), (25, 26, 27), Mon 28 … Thu 31 (5), (1 Jan), (2, 3), Mon 4, Tue 5 (7), (Wed 6 Epiphany), Thu 7 … Mon 18 (15)
    expect(addWorkingDays('2026-12-23', 5, MILANO)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-23', 15, MILANO)).toBe('2027-01-18');
    // Thu 2 Apr 2026 → Fri 3, (4, 5 Easter), (6 Easter Monday), Tue 7 …
    expect(addWorkingDays('2026-04-02', 2, MILANO)).toBe('2026-04-07');
  });

  it('measures lateness in working days', () => {
    expect(workingDaysBetween('2026-12-04', '2026-12-11', MILANO)).toBe(3);
    expect(workingDaysBetween('2026-12-11', '2026-12-04', MILANO)).toBe(0);
  });
});

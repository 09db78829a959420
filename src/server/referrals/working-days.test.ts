import { describe, expect, it } from 'vitest';
import { addDays } from '../cases/eligibility.ts';
import {
  addWorkingDays,
  isHoliday,
  isNationalHoliday,
  isWorkingDay,
  nationalHolidays,
  workingDaysBetween,
} from './working-days.ts';

const MILANO = '015146';
const PAVIA = '018110';

/**
 * An oracle independent of the library: the dates of law 260/1949 and its amendments (25 April,
 * 2 June, 26 December, Epiphany restored in 1985), 4 October restored from 2026, and Easter
 * Sunday and Monday from a published table of Easter dates.
 */
const FIXED_BY_LAW = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];
const EASTER_SUNDAYS: Record<number, string> = {
  2024: '2024-03-31',
  2025: '2025-04-20',
  2026: '2026-04-05',
  2027: '2027-03-28',
  2028: '2028-04-16',
  2029: '2029-04-01',
  2030: '2030-04-21',
  2031: '2031-04-13',
  2032: '2032-03-28',
  2033: '2033-04-17',
  2034: '2034-04-09',
  2035: '2035-03-25',
};

function holidayByLaw(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  const easter = EASTER_SUNDAYS[year] as string;
  if (FIXED_BY_LAW.includes(iso.slice(5))) return true;
  if (year >= 2026 && iso.slice(5) === '10-04') return true;
  return iso === easter || iso === addDays(easter, 1);
}

const isWeekend = (iso: string) => [0, 6].includes(new Date(`${iso}T12:00:00Z`).getUTCDay());

describe('the Italian working-day calendar', () => {
  it('knows Easter Monday', () => {
    for (const sunday of Object.values(EASTER_SUNDAYS)) {
      expect(isHoliday(addDays(sunday, 1)), sunday).toBe(true);
      expect(isWorkingDay(addDays(sunday, 2)), sunday).toBe(true);
    }
    expect(isHoliday('2026-04-06')).toBe(true);
    expect(isHoliday('2026-04-07')).toBe(false);
  });

  it('keeps 4 October, San Francesco, a national holiday again from 2026', () => {
    expect(isNationalHoliday('2025-10-04')).toBe(false);
    expect(isNationalHoliday('2026-10-04')).toBe(true);
    // Mon 27 Sep 2027 → Tue 28 (1), Wed 29, Thu 30, Fri 1 Oct (4), (Sat, Sun), (Mon 4 San Francesco), Tue 5 (5)
    expect(addWorkingDays('2027-09-27', 5, MILANO)).toBe('2027-10-05');
    expect(addWorkingDays('2027-09-27', 5, null)).toBe('2027-10-05');
    expect(workingDaysBetween('2027-10-01', '2027-10-05', PAVIA)).toBe(1);
  });

  it('takes public holidays only: observances such as Mother’s Day are working days', () => {
    expect(isHoliday('2027-05-09')).toBe(false); // Festa della mamma, type "observance" in the library
    expect(isHoliday('2027-02-14')).toBe(false);
    expect(isWorkingDay('2027-11-02')).toBe(true); // All Souls' Day is no holiday
  });

  it('computes a year once and keeps it', () => {
    expect(nationalHolidays(2031)).toBe(nationalHolidays(2031));
  });

  it('agrees day by day, 2024–2035, with the holidays fixed by law', () => {
    const disagreements: string[] = [];
    let holidays = 0;
    for (let day = '2024-01-01'; day <= '2035-12-31'; day = addDays(day, 1)) {
      const expected = holidayByLaw(day);
      if (expected) holidays += 1;
      if (isNationalHoliday(day) !== expected) disagreements.push(`${day}: ${expected ? 'missed' : 'extra'}`);
      if (isWorkingDay(day) !== (!expected && !isWeekend(day))) disagreements.push(`${day}: working day`);
    }
    expect(disagreements).toEqual([]);
    expect(holidays).toBe(12 * 12 + 10); // 10 fixed dates, Easter Sunday and Monday a year; 4 October from 2026
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
    expect(isWorkingDay('2026-12-07', null)).toBe(true);
    expect(isWorkingDay('2026-12-07', '015027')).toBe(true); // another municipality
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

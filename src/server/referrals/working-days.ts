import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { addDays } from '../cases/eligibility.ts';

/**
 * Working days on the Italian calendar: Monday to Friday, except the national public holidays
 * (taken from the maintained `date-holidays` library, country IT, type `public` only: Easter Monday
 * and 4 October, national again from 2026, included; observances such as Mother's Day are not
 * holidays) and the patron saint's day of the municipality where the office is, which the library
 * does not know (`PATRON_DAYS`). Dates are YYYY-MM-DD.
 */

/** Patron saints' days by ISTAT code, where the network's offices are. Others: national holidays only. */
export const PATRON_DAYS: Readonly<Record<string, string>> = {
  '015146': '12-07', // Milano, Sant'Ambrogio
  '018110': '12-09', // Pavia, San Siro
};

let italy: Holidays | null = null;

/**
 * The library loads its rules for every country and its time-zone data (about half a second):
 * loaded on first use, not at start, so that starting the server does not wait for it.
 */
function italianCalendar(): Holidays {
  if (!italy) {
    const Library = createRequire(import.meta.url)('date-holidays') as typeof Holidays;
    italy = new Library('IT', { types: ['public'] });
  }
  return italy;
}

const byYear = new Map<number, ReadonlySet<string>>();

/** The national public holidays of a year (YYYY-MM-DD), computed once per year and kept. */
export function nationalHolidays(year: number): ReadonlySet<string> {
  let days = byYear.get(year);
  if (!days) {
    const found = italianCalendar()
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10));
    days = new Set(found);
    byYear.set(year, days);
  }
  return days;
}

export function isNationalHoliday(iso: string): boolean {
  return nationalHolidays(Number(iso.slice(0, 4))).has(iso);
}

export function isHoliday(iso: string, municipalityCode?: string | null): boolean {
  if (municipalityCode && PATRON_DAYS[municipalityCode] === iso.slice(5)) return true;
  return isNationalHoliday(iso);
}

export function isWorkingDay(iso: string, municipalityCode?: string | null): boolean {
  const weekday = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(iso, municipalityCode);
}

/** The day `n` working days after `from` (the day of sending does not count). */
export function addWorkingDays(from: string, n: number, municipalityCode?: string | null): string {
  let day = from;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, municipalityCode)) left -= 1;
  }
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, municipalityCode?: string | null): number {
  let n = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day, municipalityCode)) n += 1;
  }
  return n;
}

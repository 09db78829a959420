import { addDays } from '../cases/eligibility.ts';

/**
 * Working days on the Italian calendar: Monday to Friday, except the national holidays (law
 * 260/1949 and later), Easter Monday, and the patron saint's day of the municipality where the
 * office is (Milan: Sant'Ambrogio, 7 December; Pavia: San Siro, 9 December). Dates are YYYY-MM-DD.
 */
const NATIONAL = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];

/** Patron saints' days by ISTAT code, where the network's offices are. Others: national holidays only. */
export const PATRON_DAYS: Readonly<Record<string, string>> = {
  '015146': '12-07', // Milano, Sant'Ambrogio
  '018110': '12-09', // Pavia, San Siro
};

/** Easter Sunday (Gregorian calendar, anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isHoliday(iso: string, municipalityCode?: string | null): boolean {
  const monthDay = iso.slice(5);
  if (NATIONAL.includes(monthDay)) return true;
  if (municipalityCode && PATRON_DAYS[municipalityCode] === monthDay) return true;
  return iso === addDays(easterSunday(Number(iso.slice(0, 4))), 1);
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

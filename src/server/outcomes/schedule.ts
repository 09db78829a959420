/** Months after a hire at which we check whether she still works (job retention). */
import { FOLLOW_UP_MONTHS } from '../../shared/codes/outcomes.ts';

/**
 * `iso` plus `months` calendar months, clamped to the end of the month when the day does not
 * exist there: 31 Jan + 3 → 30 Apr, 31 Aug + 6 → 28 Feb (29 in a leap year).
 */
export function addMonths(iso: string, months: number): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) - 1 + months;
  const day = Number(iso.slice(8, 10));
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** The due dates of the retention follow-ups of a hire on `hiredOn`. */
export function followUpSchedule(hiredOn: string): Array<{ months: number; dueOn: string }> {
  return FOLLOW_UP_MONTHS.map((months) => ({ months, dueOn: addMonths(hiredOn, months) }));
}

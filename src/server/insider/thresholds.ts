/**
 * Insider alerts (issue 12): when the DPO is told. Pure rules, tested at their edges
 * (thresholds.test.ts); the job (`insider/alerts.ts`) feeds them counts from the audit trail.
 */

/** A fixed ceiling: more identity reads or exports than this in one hour by one user is always told. */
export const HOURLY_CEILING = 40;
/** Below this many in an hour nothing is unusual, whatever the user's habits (a quiet user reading 3 names). */
export const PATTERN_FLOOR = 10;
/** "Usual" is learnt from at least this many active hours of the user; before, only the ceiling applies. */
export const MIN_ACTIVE_HOURS = 8;
/** How many times the user's usual busy hour an hour must exceed. */
export const PATTERN_FACTOR = 3;

export type VolumeReason = 'ceiling' | 'pattern';

/**
 * The user's usual hourly volume: the 90th percentile of her past active hours (hours with at least
 * one read or export), or null while she has fewer than MIN_ACTIVE_HOURS of them.
 */
export function usualHourly(pastActiveHours: readonly number[]): number | null {
  const active = pastActiveHours.filter((n) => n > 0).sort((a, b) => a - b);
  if (active.length < MIN_ACTIVE_HOURS) return null;
  const index = Math.ceil(0.9 * active.length) - 1;
  return active[index] ?? null;
}

/**
 * Whether one hour's identity reads and exports by one user are to be told, and why: over the
 * fixed ceiling; or at least PATTERN_FLOOR and more than PATTERN_FACTOR × her usual busy hour.
 */
export function volumeAlert(count: number, pastActiveHours: readonly number[]): VolumeReason | null {
  if (count > HOURLY_CEILING) return 'ceiling';
  if (count < PATTERN_FLOOR) return null;
  const usual = usualHourly(pastActiveHours);
  if (usual === null) return null;
  return count > PATTERN_FACTOR * usual ? 'pattern' : null;
}

/** Sign-ins the organisation needs in its history before an hour can be unusual for it. */
export const MIN_SIGN_INS = 50;
/** An hour of the day is unusual when fewer than this share of the organisation's sign-ins fell in it. */
export const UNUSUAL_SHARE = 0.01;

/**
 * Whether a sign-in at `hour` (0–23, Italian time) is unusual for its organisation, given how many
 * of the organisation's sign-ins of the last weeks fell in each hour of the day (24 counts). Too
 * little history: never unusual (a new organisation is not flagged for everything).
 */
export function unusualHour(hour: number, byHour: readonly number[]): boolean {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || byHour.length !== 24) return false;
  const total = byHour.reduce((a, b) => a + b, 0);
  if (total < MIN_SIGN_INS) return false;
  return (byHour[hour] ?? 0) < UNUSUAL_SHARE * total;
}

/**
 * pg returns `date` columns as 'YYYY-MM-DD' strings (a type parser is set in database.ts);
 * PGlite returns them as Date objects at UTC midnight. Both leave here as 'YYYY-MM-DD'.
 */
export function isoDate(value: string | Date): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value.slice(0, 10);
}

/** Timestamps leave as ISO 8601 in UTC, whichever driver read them. */
export function isoTimestamp(value: string | Date): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function isoTimestampOrNull(value: string | Date | null): string | null {
  return value === null ? null : isoTimestamp(value);
}

/** Built once: constructing an Intl formatter costs far more than formatting with it. */
const ITALIAN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' });

/** Today's date in Italy as YYYY-MM-DD: the dates of a path are Italian calendar days. */
export function todayInItaly(now = new Date()): string {
  return ITALIAN_DAY.format(now);
}

export function isoDateOrNull(value: string | Date | null): string | null {
  return value === null ? null : isoDate(value);
}

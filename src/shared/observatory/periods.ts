/**
 * Periods from fixed lists only: calendar months, quarters and years. No free date range, so two
 * overlapping queries cannot be subtracted to reveal a small cell. Pure.
 */
import type { Period, PeriodKind } from './types.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function span(kind: PeriodKind, key: string, y: number, m1: number, m2: number): Period {
  return { kind, key, from: `${y}-${pad(m1)}-01`, to: `${y}-${pad(m2)}-${pad(lastDay(y, m2))}` };
}

/** "quarter:2026-Q3", "month:2026-09", "year:2026" → the period, or null when not on the lists. */
export function parsePeriod(text: string): Period | null {
  const m = /^(month|quarter|year):(\d{4})(?:-(\d{2})|-Q([1-4]))?$/.exec(text);
  if (!m) return null;
  const [, kind, yText, month, quarter] = m;
  const y = Number(yText);
  if (y < 2000 || y > 2100) return null;
  if (kind === 'month' && month && !quarter) {
    const mo = Number(month);
    return mo >= 1 && mo <= 12 ? span('month', `${y}-${month}`, y, mo, mo) : null;
  }
  if (kind === 'quarter' && quarter && !month) {
    const q = Number(quarter);
    return span('quarter', `${y}-Q${q}`, y, q * 3 - 2, q * 3);
  }
  if (kind === 'year' && !month && !quarter) return span('year', `${y}`, y, 1, 12);
  return null;
}

/** The query text of a period ("quarter:2026-Q3"). */
export const periodParam = (p: Period) => `${p.kind}:${p.key}`;

/**
 * The periods one may ask for on `today`: the last 24 months, the last 12 quarters and the last 10
 * years, newest first, the current one included (it grows until it ends).
 */
export function periodsUntil(today: string, counts = { month: 24, quarter: 12, year: 10 }): Period[] {
  const y = Number(today.slice(0, 4));
  const mo = Number(today.slice(5, 7));
  const out: Period[] = [];
  for (let i = 0; i < counts.month; i++) {
    const t = y * 12 + (mo - 1) - i;
    const yy = Math.floor(t / 12);
    const mm = (t % 12) + 1;
    out.push(span('month', `${yy}-${pad(mm)}`, yy, mm, mm));
  }
  const q0 = Math.floor((mo - 1) / 3);
  for (let i = 0; i < counts.quarter; i++) {
    const t = y * 4 + q0 - i;
    const yy = Math.floor(t / 4);
    const q = (t % 4) + 1;
    out.push(span('quarter', `${yy}-Q${q}`, yy, q * 3 - 2, q * 3));
  }
  for (let i = 0; i < counts.year; i++) out.push(span('year', `${y - i}`, y - i, 1, 12));
  return out;
}

/** The last quarter that has ended on `today` (the control room's usual question). */
export function lastEndedQuarter(today: string): Period {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const t = y * 4 + q - 1;
  const yy = Math.floor(t / 4);
  const qq = (t % 4) + 1;
  return span('quarter', `${yy}-Q${qq}`, yy, qq * 3 - 2, qq * 3);
}

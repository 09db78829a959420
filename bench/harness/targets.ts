import { type Spread, showSpread } from './stats.ts';

/**
 * The targets table of issue 13, row by row: the figure measured in this run, the target, and the
 * verdict. A row whose figure was not measured says so (and why) instead of passing or failing.
 */
export type Verdict = 'MET' | 'NOT MET' | 'reported' | 'not measured';

export interface TargetRow {
  measure: string;
  figure: string;
  target: string;
  verdict: Verdict;
  /** what the figure is, or why it is missing */
  note?: string;
}

/** `value` against `limit` (`<` or `≥`); not measured when the value is missing. */
export function check(
  measure: string,
  value: number | undefined | null,
  op: '<' | '≥',
  limit: number,
  show: (n: number) => string,
  note?: string,
): TargetRow {
  const target = `${op} ${show(limit)}`;
  if (value === undefined || value === null || !Number.isFinite(value))
    return { measure, figure: '—', target, verdict: 'not measured', note };
  const met = op === '<' ? value < limit : value >= limit;
  return { measure, figure: show(value), target, verdict: met ? 'MET' : 'NOT MET', note };
}

export const missing = (measure: string, target: string, why: string): TargetRow => ({
  measure,
  figure: '—',
  target,
  verdict: 'not measured',
  note: why,
});

/**
 * CPU per request, floor ÷ app, from the rounds: each round's floor CPU ÷ that round's app CPU
 * (the two ran back to back), then the median of those ratios and their spread.
 */
export function cpuRatio(appCpu: number[], floorCpu: number[]): number[] {
  const n = Math.min(appCpu.length, floorCpu.length);
  return Array.from({ length: n }, (_, i) => (floorCpu[i] as number) / (appCpu[i] as number)).filter((r) =>
    Number.isFinite(r),
  );
}

export function cpuRatioRow(endpoint: string, ratio: Spread | undefined, why = 'no run'): TargetRow {
  const row = check(`CPU/request floor ÷ app: ${endpoint}`, ratio?.median, '≥', 0.7, (n) => n.toFixed(2), why);
  if (row.verdict !== 'not measured' && ratio) {
    row.figure = showSpread(ratio, 2);
    row.note = undefined;
  }
  return row;
}

/** The rows as an aligned text table (for the terminal) or as markdown. */
export function formatTargets(rows: TargetRow[], style: 'text' | 'markdown' = 'text'): string {
  const head = ['measure', 'figure', 'target', 'verdict'];
  const body = rows.map((r) => [r.measure, r.figure, r.target, r.note ? `${r.verdict} (${r.note})` : r.verdict]);
  if (style === 'markdown') {
    const esc = (s: string) => s.replaceAll('|', '\\|');
    return [head, head.map(() => '---'), ...body].map((r) => `| ${r.map(esc).join(' | ')} |`).join('\n');
  }
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}

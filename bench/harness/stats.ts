/**
 * Figures over rounds: the median and the spread (lowest–highest) of each measure, so that a
 * figure is never quoted without how much it moved between rounds.
 */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** (max − min) ÷ median: 0.1 means the rounds moved by 10% of the median */
  relative: number;
  n: number;
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function spread(values: number[]): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  const m = median(finite);
  if (!finite.length) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, relative: Number.NaN, n: 0 };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return { median: m, min, max, relative: m ? (max - min) / m : Number.NaN, n: finite.length };
}

/** "12.3 (11.0–13.1)": the median and, in brackets, the lowest and highest round. */
export function showSpread(s: Spread | undefined, digits = 1): string {
  if (!s || !Number.isFinite(s.median)) return '?';
  if (s.n < 2) return s.median.toFixed(digits);
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/** The nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

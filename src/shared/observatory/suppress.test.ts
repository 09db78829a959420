import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isSuppressed,
  publishDerived,
  publishRates,
  suppressGrid,
  suppressTable,
  thresholdOf,
  type RawTable,
} from './suppress.ts';
import type { Cell, Period } from './types.ts';

const period: Period = { kind: 'quarter', key: '2026-Q3', from: '2026-07-01', to: '2026-09-30' };
const indicator = { code: 'test', version: 1, name: { it: 't', en: 't' }, unit: 'count' as const };
const labels = (n: number, p: string) =>
  Array.from({ length: n }, (_, i) => ({ key: `${p}${i}`, label: { it: '', en: '' } }));
const raw = (counts: number[][], additive = true): RawTable => ({
  indicator,
  period,
  rowDimension: 'network',
  columnDimension: 'measure',
  rows: labels(counts.length, 'r'),
  columns: labels(counts[0]?.length ?? 0, 'c'),
  counts,
  additive,
});

/** The grid with margins: last row the column totals, last column the row totals (null: none). */
function withMargins(counts: number[][], additive: boolean): (number | null)[][] {
  const C = counts[0]?.length ?? 0;
  const rowTotals = counts.map((r) => r.reduce((s, v) => s + v, 0));
  const colTotals = Array.from({ length: C }, (_, c) => counts.reduce((s, r) => s + (r[c] ?? 0), 0));
  const total = rowTotals.reduce((s, v) => s + v, 0);
  return [
    ...counts.map((r, i) => [...r, additive ? (rowTotals[i] ?? 0) : null]),
    [...colTotals, additive ? total : null],
  ];
}

/**
 * An independent exact check: is there another table of non-negative integers that agrees with
 * every published cell and every line equation, in which cell `target` has another value?
 * Depth-first search with propagation over the hidden cells. Returns 'free', 'determined' or
 * 'unknown' (search budget spent).
 */
function otherTableExists(
  grid: (number | null)[][],
  hidden: boolean[][],
  target: [number, number],
  /** what the reader also knows: a small cell is 1..k-1, another hidden cell 0 or >= k */
  known?: { status: string[][]; k: number },
) {
  const R = grid.length;
  const C = grid[0]?.length ?? 0;
  const id = (r: number, c: number) => r * C + c;
  const equations: { vars: number[]; sign: number[] }[] = [];
  for (let r = 0; r < R; r++) {
    if (grid[r]?.[C - 1] === null) continue;
    equations.push({
      vars: Array.from({ length: C }, (_, c) => id(r, c)),
      sign: Array.from({ length: C }, (_, c) => (c === C - 1 ? -1 : 1)),
    });
  }
  for (let c = 0; c < C; c++) {
    if (grid[R - 1]?.[c] === null) continue;
    equations.push({
      vars: Array.from({ length: R }, (_, r) => id(r, c)),
      sign: Array.from({ length: R }, (_, r) => (r === R - 1 ? -1 : 1)),
    });
  }
  const value = new Map<number, number>();
  const unknown: number[] = [];
  let bound = 0;
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      const v = grid[r]?.[c];
      if (v === null || v === undefined) continue;
      bound = Math.max(bound, v);
      if (hidden[r]?.[c]) unknown.push(id(r, c));
      else value.set(id(r, c), v);
    }
  bound = bound * 2 + 4;
  const original = (n: number) => grid[Math.floor(n / C)]?.[n % C] ?? 0;
  let budget = 50_000;
  const allowed = (n: number, x: number) => {
    if (!known) return true;
    const st = known.status[Math.floor(n / C)]?.[n % C];
    if (st === 'small') return x >= 1 && x < known.k;
    if (st === 'complementary') return x === 0 || x >= known.k;
    return true;
  };

  function propagate(assigned: Map<number, number>): Map<number, number> | null {
    const a = new Map(assigned);
    for (let changed = true; changed; ) {
      changed = false;
      for (const e of equations) {
        let sum = 0;
        let free = -1;
        let frees = 0;
        e.vars.forEach((v, i) => {
          if (grid[Math.floor(v / C)]?.[v % C] === null) return;
          const x = a.get(v);
          if (x === undefined) {
            frees++;
            free = i;
          } else sum += x * (e.sign[i] ?? 1);
        });
        if (frees === 0 && sum !== 0) return null;
        if (frees === 1) {
          const s = e.sign[free] ?? 1;
          const x = -sum * s;
          if (x < 0 || x > bound || !allowed(e.vars[free] as number, x)) return null;
          a.set(e.vars[free] as number, x);
          changed = true;
        }
      }
    }
    return a;
  }

  function search(assigned: Map<number, number>): boolean {
    if (--budget < 0) throw new Error('budget');
    const a = propagate(assigned);
    if (!a) return false;
    const next = unknown.find((u) => !a.has(u));
    if (next === undefined) return true;
    const o = original(next);
    const order = Array.from({ length: bound + 1 }, (_, i) => i).sort((x, y) => Math.abs(x - o) - Math.abs(y - o));
    for (const v of order) {
      if (!allowed(next, v)) continue;
      const b = new Map(a);
      b.set(next, v);
      if (search(b)) return true;
    }
    return false;
  }

  const t = id(target[0], target[1]);
  const o = original(t);
  try {
    for (const v of Array.from({ length: bound + 1 }, (_, i) => i).sort((x, y) => Math.abs(x - o) - Math.abs(y - o))) {
      if (v === o || !allowed(t, v)) continue;
      const start = new Map(value);
      start.set(t, v);
      if (search(start)) return 'free';
    }
  } catch {
    return 'unknown';
  }
  return 'determined';
}

const table = (maxRows: number, maxCols: number, maxValue: number) =>
  fc.tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols })).chain(([r, c]) =>
    fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: maxValue })), {
        minLength: c,
        maxLength: c,
      }),
      {
        minLength: r,
        maxLength: r,
      },
    ),
  );

describe('suppression (pure)', () => {
  it('threshold: 5 by default, configurable, never below 3', () => {
    expect(thresholdOf(undefined)).toBe(5);
    expect(thresholdOf(7)).toBe(7);
    expect(thresholdOf(2)).toBe(3);
    expect(thresholdOf(0)).toBe(3);
  });

  it('hides every count from 1 to k-1, shows 0 and k and above', () => {
    fc.assert(
      fc.property(table(4, 4, 30), fc.integer({ min: 3, max: 8 }), (counts, k) => {
        const t = suppressTable(raw(counts), { threshold: k });
        const grid = withMargins(counts, true);
        const all: [Cell, number | null][] = [
          ...t.cells.flatMap((row, r) => row.map((cell, c): [Cell, number | null] => [cell, grid[r]?.[c] ?? null])),
          ...t.rowTotals.map((cell, r): [Cell, number | null] => [cell, grid[r]?.[counts[0]?.length ?? 0] ?? null]),
          ...t.columnTotals.map((cell, c): [Cell, number | null] => [cell, grid[counts.length]?.[c] ?? null]),
        ];
        for (const [cell, v] of all) {
          if (v !== null && v >= 1 && v < k) expect(cell.status).toBe('small');
          if (cell.status === 'published') expect(cell.value).toBe(v);
          else expect(cell.value).toBeNull();
        }
        expect(isSuppressed(t)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  for (const additive of [true, false]) {
    it(`no hidden cell can be recovered from the published cells and totals (${additive ? 'with' : 'without'} row totals)`, () => {
      let unknown = 0;
      fc.assert(
        fc.property(table(4, 4, 25), (counts) => {
          const grid = withMargins(counts, additive);
          const status = suppressGrid(grid, 5);
          const hidden = status.map((row) => row.map((s) => s !== 'published'));
          for (let r = 0; r < grid.length; r++)
            for (let c = 0; c < (grid[0]?.length ?? 0); c++) {
              if (!hidden[r]?.[c] || grid[r]?.[c] === null) continue;
              const answer = otherTableExists(grid, hidden, [r, c]);
              if (answer === 'unknown') unknown++;
              else expect(answer, JSON.stringify({ counts, status, cell: [r, c] })).toBe('free');
            }
        }),
        { numRuns: Number(process.env.SUPPRESS_RUNS ?? 400) },
      );
      expect(unknown).toBeLessThan(20);
    }, 60_000);
  }

  it('with what a reader knows of hidden cells (small: 1..k-1; others: 0 or >= k), a small cell is rarely pinned down', () => {
    let cells = 0;
    let pinned = 0;
    fc.assert(
      fc.property(table(4, 4, 25), (counts) => {
        const grid = withMargins(counts, true);
        const status = suppressGrid(grid, 5);
        const hidden = status.map((row) => row.map((s) => s !== 'published'));
        for (let r = 0; r < grid.length; r++)
          for (let c = 0; c < (grid[0]?.length ?? 0); c++) {
            if (!hidden[r]?.[c]) continue;
            if (status[r]?.[c] !== 'small') continue;
            cells++;
            if (otherTableExists(grid, hidden, [r, c], { status, k: 5 }) === 'determined') pinned++;
          }
      }),
      { numRuns: 300, seed: 7 },
    );
    // measured, not zero: see ARCHITECTURE.md (Observatory, the limit of the rule)
    console.log(`interval knowledge: ${pinned} of ${cells} small cells pinned down`);
    expect(pinned / Math.max(1, cells)).toBeLessThan(0.03);
  }, 60_000);

  it('does not hide a zero in a line whose total is zero (CI found [[1,0,3],[3,0,0]] solvable)', () => {
    const grid = withMargins(
      [
        [1, 0, 3],
        [3, 0, 0],
      ],
      true,
    );
    const status = suppressGrid(grid, 5);
    const hidden = status.map((row) => row.map((st) => st !== 'published'));
    for (let r = 0; r < grid.length; r++)
      for (let c = 0; c < (grid[0]?.length ?? 0); c++)
        if (hidden[r]?.[c]) expect(otherTableExists(grid, hidden, [r, c]), `cell ${r},${c}`).toBe('free');
  });

  it('the exact check does find a determined cell (a lone small cell with its totals)', () => {
    const grid = withMargins(
      [
        [2, 10],
        [10, 10],
      ],
      true,
    );
    const hidden = grid.map((row) => row.map(() => false));
    (hidden[0] as boolean[])[0] = true;
    expect(otherTableExists(grid, hidden, [0, 0])).toBe('determined');
  });

  it('a centre coordinator on her own centre sees the raw counts', () => {
    const t = suppressTable(raw([[2, 7]]), { exempt: true });
    expect(t.cells[0]?.map((c) => c.value)).toEqual([2, 7]);
    expect(t.total).toEqual({ value: 9, status: 'published' });
  });

  it('rates and days with a hidden part are hidden', () => {
    const num = suppressTable(
      raw([
        [3, 8],
        [9, 12],
      ]),
    );
    const den = suppressTable(
      raw([
        [10, 20],
        [10, 20],
      ]),
    );
    const rates = publishRates(num, den, { ...indicator, unit: 'rate' });
    expect(rates.cells[0]?.[0]?.status).not.toBe('published');
    for (const [r, row] of rates.cells.entries()) {
      for (const [c, rate] of row.entries()) {
        const n = num.cells[r]?.[c] as Cell;
        const d = den.cells[r]?.[c] as Cell;
        const shown = n.status === 'published' && d.status === 'published';
        expect(rate.status === 'published').toBe(shown);
        if (shown) expect(rate.value).toBe(Math.round(((n.value ?? 0) / (d.value ?? 1)) * 10_000) / 10_000);
      }
    }
    expect(rates.total.status).toBe('published');
    const days = publishDerived(
      {
        cells: [
          [4, 5],
          [6, 7],
        ].map((r) => r.map((value) => ({ value, status: 'published' as const }))),
        rowTotals: [],
        columnTotals: [],
        total: { value: null, status: 'no_data' },
      },
      num,
      { ...indicator, unit: 'days' },
    );
    expect(days.cells[0]?.[0]?.value).toBeNull();
    expect(days.cells.flat().filter((c) => c.status === 'published').length).toBe(
      num.cells.flat().filter((c) => c.status === 'published').length,
    );
  });
});

/**
 * Disclosure control, pure: every number the observatory publishes is a `Cell` made here.
 *
 * - Primary: a count from 1 to k−1 is `small` (k = 5 by default, never below 3).
 * - Complementary: a table is a grid with margins; every row, column and the totals' lines are
 *   linear equations (cells sum to the line's total). A suppressed cell is safe when it lies on a
 *   cycle of suppressed cells (alternating rows and columns): then +1/−1 around the cycle gives
 *   another table with the same published values. So: every line holding one suppressed cell gets
 *   a second one (the smallest non-zero published cell of the line), and every suppressed cell that
 *   is a bridge (on no cycle) gets a partner that closes one. Repeated until nothing changes.
 * - Tables whose columns are not parts of a whole (funnel steps, multi-valued types) have no row
 *   totals and no grand total: only the columns are equations.
 * - Rates and days derived from suppressed parts are suppressed (`publishRates`, `publishDerived`).
 * - `exempt`: a centre's coordinator looking at her own centre only sees the raw counts.
 */
import type { Cell, IndicatorRef, Label, Period, PublishedTable } from './types.ts';

export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 3;

/** The threshold in force: configurable, never below 3. */
export function thresholdOf(configured?: number | null): number {
  if (configured === undefined || configured === null || !Number.isFinite(configured)) return DEFAULT_THRESHOLD;
  return Math.max(MIN_THRESHOLD, Math.floor(configured));
}

export interface RawTable {
  indicator: IndicatorRef;
  period: Period;
  rowDimension: string;
  columnDimension: string;
  rows: { key: string; label: Label }[];
  columns: { key: string; label: Label }[];
  /** counts[r][c], non-negative integers */
  counts: number[][];
  /** true: every item is in exactly one column, so rows have totals and there is a grand total */
  additive: boolean;
  /** column totals when they are not the plain sum (e.g. unique women); default the sums */
  columnTotals?: number[];
}

export interface SuppressOptions {
  threshold?: number;
  /** her own centre only: published as counted */
  exempt?: boolean;
  notes?: Label[];
}

type Status = 'published' | 'small' | 'complementary';

/** Tables this module produced (the routes check every table they send: `isSuppressed`). */
const produced = new WeakSet<object>();
export const isSuppressed = (table: object): boolean => produced.has(table);

export const SUPPRESSION_NOTE = (k: number): Label => ({
  it: `Valori da 1 a ${k - 1} non pubblicati ("<${k}"); altri valori nascosti ("n.d.") perché non si possano ricavare dai totali; tassi e tempi con una parte nascosta non pubblicati.`,
  en: `Values from 1 to ${k - 1} not published ("<${k}"); other values hidden ("n.d.") so that they cannot be recovered from the totals; rates and times with a hidden part not published.`,
});

interface Grid {
  values: (number | null)[][]; // null: the cell does not exist (no row totals in a non-additive table)
  status: Status[][];
  R: number; // rows including the totals row
  C: number;
  k: number;
  /** the line equations (they depend on which cells exist only, so they are made once) */
  lines: [number, number][][];
}

/** The node a cell's row / column belongs to in the graph of equations ('g': no equation there). */
function rowNode(g: Grid, r: number): string {
  return g.values[r]?.[g.C - 1] === null ? 'g' : `r${r}`;
}
function colNode(_g: Grid, c: number): string {
  return `c${c}`;
}

function lines(g: Grid): [number, number][][] {
  const out: [number, number][][] = [];
  for (let r = 0; r < g.R; r++) {
    if (g.values[r]?.[g.C - 1] === null) continue;
    const line: [number, number][] = [];
    for (let c = 0; c < g.C; c++) line.push([r, c]);
    out.push(line);
  }
  for (let c = 0; c < g.C; c++) {
    const line: [number, number][] = [];
    for (let r = 0; r < g.R; r++) if (g.values[r]?.[c] !== null) line.push([r, c]);
    if (line.length > 1) out.push(line);
  }
  return out;
}

const isHidden = (g: Grid, r: number, c: number) => g.status[r]?.[c] !== 'published';
const valueAt = (g: Grid, r: number, c: number) => g.values[r]?.[c] ?? null;

/**
 * The best published cell to hide among `cells`: non-zero first, then above k (a reader knows a
 * hidden non-small cell is 0 or ≥ k: one at exactly k cannot move down), then the smallest; never a cell
 * of a line whose total is zero (it can be solved for).
 */
function pick(g: Grid, cells: [number, number][]): [number, number] | null {
  let best: [number, number] | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const [r, c] of cells) {
    const v = valueAt(g, r, c);
    if (v === null || isHidden(g, r, c)) continue;
    // a cell in a line whose total is zero protects nothing: a reader knows it is 0 (all cells are ≥ 0)
    if (valueAt(g, r, g.C - 1) === 0 || valueAt(g, g.R - 1, c) === 0) continue;
    const score = (v === 0 ? 1e12 : 0) + (v <= g.k ? 1e9 : 0) + v + (r === g.R - 1 || c === g.C - 1 ? 0.5 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = [r, c];
    }
  }
  return best;
}

function hide(g: Grid, cell: [number, number]) {
  const row = g.status[cell[0]];
  if (row) row[cell[1]] = 'complementary';
}

/** Lines with exactly one hidden cell get a second one. Returns whether anything changed. */
function pairLines(g: Grid): boolean {
  let changed = false;
  for (const line of g.lines) {
    let hidden = 0;
    for (const [r, c] of line) if (isHidden(g, r, c)) hidden++;
    if (hidden !== 1) continue;
    const cell = pick(g, line);
    if (cell) {
      hide(g, cell);
      changed = true;
    }
  }
  return changed;
}

interface Edge {
  r: number;
  c: number;
  a: string;
  b: string;
}

function hiddenEdges(g: Grid): Edge[] {
  const edges: Edge[] = [];
  for (let r = 0; r < g.R; r++)
    for (let c = 0; c < g.C; c++)
      if (valueAt(g, r, c) !== null && isHidden(g, r, c)) edges.push({ r, c, a: rowNode(g, r), b: colNode(g, c) });
  return edges;
}

/** Each node's edges (indices into `edges`). */
function adjacency(edges: Edge[]): Map<string, number[]> {
  const adj = new Map<string, number[]>();
  edges.forEach((e, i) => {
    for (const n of [e.a, e.b]) {
      const list = adj.get(n);
      if (list) list.push(i);
      else adj.set(n, [i]);
    }
  });
  return adj;
}

/** Nodes reachable from `start` over `edges` except the edge `skip`. */
function reach(edges: Edge[], adj: Map<string, number[]>, skip: number, start: string): Set<string> {
  const seen = new Set([start]);
  const todo = [start];
  while (todo.length) {
    const n = todo.pop() as string;
    for (const i of adj.get(n) ?? []) {
      if (i === skip) continue;
      const e = edges[i] as Edge;
      const other = e.a === n ? e.b : e.a;
      if (!seen.has(other)) {
        seen.add(other);
        todo.push(other);
      }
    }
  }
  return seen;
}

/**
 * Which edges are bridges (on no cycle), by Tarjan's low-link in one depth-first pass: an edge is a
 * bridge when nothing below it reaches back above it. Parallel edges (two hidden cells of one column
 * in a table without row totals) are two edges, so they are on a cycle.
 */
function bridgesOf(edges: Edge[], adj: Map<string, number[]>): boolean[] {
  const bridge = edges.map(() => false);
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  let time = 0;
  for (const root of adj.keys()) {
    if (order.has(root)) continue;
    // iterative DFS: [node, edge it was entered by, next adjacency position]
    const stack: [string, number, number][] = [[root, -1, 0]];
    order.set(root, time);
    low.set(root, time++);
    while (stack.length) {
      const top = stack[stack.length - 1] as [string, number, number];
      const [n, via, pos] = top;
      const list = adj.get(n) ?? [];
      if (pos < list.length) {
        top[2]++;
        const i = list[pos] as number;
        if (i === via) continue;
        const e = edges[i] as Edge;
        const m = e.a === n ? e.b : e.a;
        const seen = order.get(m);
        if (seen === undefined) {
          order.set(m, time);
          low.set(m, time++);
          stack.push([m, i, 0]);
        } else low.set(n, Math.min(low.get(n) as number, seen));
      } else {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent) {
          const p = parent[0];
          low.set(p, Math.min(low.get(p) as number, low.get(n) as number));
          if ((low.get(n) as number) > (order.get(p) as number)) bridge[via] = true;
        }
      }
    }
  }
  return bridge;
}

/** A hidden cell on no cycle can be solved for: close a cycle through it. Returns whether anything changed. */
function closeBridges(g: Grid): boolean {
  const edges = hiddenEdges(g);
  const adj = adjacency(edges);
  const bridge = bridgesOf(edges, adj);
  for (const [i, e] of edges.entries()) {
    if (!bridge[i]) continue;
    const side = reach(edges, adj, i, e.a);
    const other = reach(edges, adj, i, e.b);
    const candidates: [number, number][] = [];
    for (let r = 0; r < g.R; r++)
      for (let c = 0; c < g.C; c++) {
        if (valueAt(g, r, c) === null || isHidden(g, r, c)) continue;
        const a = rowNode(g, r);
        const b = colNode(g, c);
        if ((side.has(a) && other.has(b)) || (other.has(a) && side.has(b))) candidates.push([r, c]);
      }
    const cell = pick(g, candidates);
    if (cell) {
      hide(g, cell);
      return true;
    }
  }
  return false;
}

/**
 * What a reader can narrow by interval reasoning: a small cell is 1..k−1, another hidden cell 0 or
 * more, and each line's hidden cells add up to what its published cells leave. Bounds are tightened
 * line by line until nothing moves; a small cell whose bounds meet is pinned down. Returns one.
 */
function pinnedSmallCell(g: Grid): [number, number] | null {
  const BIG = 1e9;
  // flat copies (cell r, c at r·C + c): the statuses do not change here
  const N = g.R * g.C;
  const state = new Uint8Array(N); // 0 published, 1 small, 2 complementary
  const value = new Float64Array(N);
  const lo = new Float64Array(N);
  const hi = new Float64Array(N);
  for (let r = 0; r < g.R; r++)
    for (let c = 0; c < g.C; c++) {
      const i = r * g.C + c;
      const s = g.status[r]?.[c];
      state[i] = s === 'small' ? 1 : s === 'published' ? 0 : 2;
      value[i] = valueAt(g, r, c) ?? 0;
      lo[i] = s === 'small' ? 1 : 0;
      hi[i] = s === 'small' ? g.k - 1 : BIG;
    }
  // each line: its cells; the last cell of a line is its total (cells − total = 0)
  const eqs = g.lines.map((line) => Int32Array.from(line, ([r, c]) => r * g.C + c));
  for (let pass = 0; pass < 30; pass++) {
    let moved = false;
    for (const e of eqs) {
      const last = e.length - 1;
      // sum of s·x over the line = 0; for each hidden cell, bound it by the others
      let minSum = 0;
      let maxSum = 0;
      for (let j = 0; j <= last; j++) {
        const i = e[j] as number;
        const pub = state[i] === 0;
        const a = pub ? (value[i] as number) : (lo[i] as number);
        const b = pub ? (value[i] as number) : (hi[i] as number);
        if (j < last) {
          minSum += a;
          maxSum += b;
        } else {
          minSum -= b;
          maxSum -= a;
        }
      }
      for (let j = 0; j <= last; j++) {
        const i = e[j] as number;
        if (state[i] === 0) continue;
        const plus = j < last;
        const a = lo[i] as number;
        const b = hi[i] as number;
        // the others' range: total range minus this cell's own part
        const othersMin = minSum - (plus ? a : -b);
        const othersMax = maxSum - (plus ? b : -a);
        // s·x = −others  →  x in [−othersMax, −othersMin] (s = +1) or [othersMin, othersMax] (s = −1)
        const nlo = plus ? -othersMax : othersMin;
        const nhi = plus ? -othersMin : othersMax;
        if (nlo > a && nlo < BIG / 2) {
          lo[i] = nlo;
          moved = true;
        }
        if (nhi < b && nhi > -BIG / 2) {
          hi[i] = nhi;
          moved = true;
        }
        // a hidden cell that is not small is 0 or at least k
        if (state[i] === 2) {
          if ((lo[i] as number) >= 1 && (lo[i] as number) < g.k) {
            lo[i] = g.k;
            moved = true;
          }
          if ((hi[i] as number) < g.k && (hi[i] as number) > 0) {
            hi[i] = 0;
            moved = true;
          }
        }
      }
    }
    if (!moved) break;
  }
  for (let r = 0; r < g.R; r++)
    for (let c = 0; c < g.C; c++) {
      const i = r * g.C + c;
      if (state[i] === 1 && lo[i] === hi[i]) return [r, c];
    }
  return null;
}

/** Widens the protection of a pinned small cell: one more hidden cell on its row or column. */
function unpin(g: Grid, [r, c]: [number, number]): boolean {
  const line: [number, number][] = [];
  for (let j = 0; j < g.C; j++) if (j !== c && valueAt(g, r, j) !== null) line.push([r, j]);
  for (let i = 0; i < g.R; i++) if (i !== r && valueAt(g, i, c) !== null) line.push([i, c]);
  const cell = pick(g, line);
  if (!cell) return false;
  hide(g, cell);
  return true;
}

/** The statuses of a grid whose last row and column are the margins (null: no such cell). */
export function suppressGrid(values: (number | null)[][], threshold: number): Status[][] {
  const k = thresholdOf(threshold);
  const g: Grid = {
    values,
    R: values.length,
    C: values[0]?.length ?? 0,
    k,
    status: values.map((row) => row.map((v) => (v !== null && v >= 1 && v < k ? 'small' : 'published'))),
    lines: [],
  };
  if (!g.status.some((row) => row.some((s) => s !== 'published'))) return g.status;
  g.lines = lines(g);
  for (let guard = 0; guard < 2 * g.R * g.C + 2; guard++) {
    const paired = pairLines(g);
    const closed = paired ? false : closeBridges(g);
    if (paired || closed) continue;
    const pinned = pinnedSmallCell(g);
    if (!pinned || !unpin(g, pinned)) break;
  }
  return g.status;
}

const cell = (value: number | null, status: Status | 'no_data'): Cell =>
  status === 'published' ? { value, status } : { value: null, status };

/** The one way a table of counts becomes publishable. */
export function suppressTable(raw: RawTable, options: SuppressOptions = {}): PublishedTable {
  const k = thresholdOf(options.threshold);
  const R = raw.rows.length;
  const C = raw.columns.length;
  const colTotals = raw.columnTotals ?? raw.columns.map((_, c) => raw.counts.reduce((s, row) => s + (row[c] ?? 0), 0));
  const rowTotals = raw.counts.map((row) => row.reduce((s, v) => s + v, 0));
  const total = rowTotals.reduce((s, v) => s + v, 0);
  const grid: (number | null)[][] = [
    ...raw.counts.map((row, r) => [...row, raw.additive ? (rowTotals[r] ?? 0) : null]),
    [...colTotals, raw.additive ? total : null],
  ];
  const status: Status[][] = options.exempt ? grid.map((row) => row.map(() => 'published')) : suppressGrid(grid, k);
  const at = (r: number, c: number): Cell => {
    const v = grid[r]?.[c] ?? null;
    return v === null ? cell(null, 'no_data') : cell(v, status[r]?.[c] ?? 'complementary');
  };
  const table: PublishedTable = {
    indicator: raw.indicator,
    period: raw.period,
    rowDimension: raw.rowDimension,
    columnDimension: raw.columnDimension,
    rows: raw.rows,
    columns: raw.columns,
    cells: raw.counts.map((_, r) => raw.columns.map((_, c) => at(r, c))),
    rowTotals: raw.rows.map((_, r) => at(r, C)),
    columnTotals: raw.columns.map((_, c) => at(R, c)),
    total: at(R, C),
    threshold: k,
    notes: [...(options.exempt ? [] : [SUPPRESSION_NOTE(k)]), ...(options.notes ?? [])],
  };
  produced.add(table);
  return table;
}

type Shape = Pick<PublishedTable, 'cells' | 'rowTotals' | 'columnTotals' | 'total'>;
type Derive = (num: Cell, den: Cell) => Cell;

function deriveTable(base: PublishedTable, num: Shape, den: Shape, indicator: IndicatorRef, f: Derive): PublishedTable {
  const table: PublishedTable = {
    ...base,
    indicator,
    cells: num.cells.map((row, r) => row.map((n, c) => f(n, den.cells[r]?.[c] as Cell))),
    rowTotals: num.rowTotals.map((n, r) => f(n, den.rowTotals[r] as Cell)),
    columnTotals: num.columnTotals.map((n, c) => f(n, den.columnTotals[c] as Cell)),
    total: f(num.total, den.total),
  };
  produced.add(table);
  return table;
}

/** numerator ÷ denominator, both already suppressed: a rate with a hidden part is hidden. */
export function publishRates(numerator: PublishedTable, denominator: PublishedTable, indicator: IndicatorRef) {
  return deriveTable(numerator, numerator, denominator, indicator, (n, d) => {
    if (n.status === 'no_data' || d.status === 'no_data') return cell(null, 'no_data');
    if (n.status !== 'published') return cell(null, n.status);
    if (d.status !== 'published') return cell(null, d.status);
    if (!d.value) return cell(null, 'no_data');
    return cell(Math.round(((n.value ?? 0) / d.value) * 10_000) / 10_000, 'published');
  });
}

/**
 * A value computed over a group (e.g. median days to acknowledgement) next to the group's count,
 * already suppressed: published only where that count is published and not zero.
 */
export function publishDerived(values: Shape, counts: PublishedTable, indicator: IndicatorRef) {
  return deriveTable(counts, values, counts, indicator, (v, n) => {
    if (n.status !== 'published') return cell(null, n.status);
    if (!n.value || v.value === null) return cell(null, 'no_data');
    return cell(v.value, 'published');
  });
}

/** Counts of public registers (bodies per network, signatories): not about women, published as they are. */
export function publishRegisterCounts(raw: RawTable, notes: Label[] = []): PublishedTable {
  return suppressTable(raw, { exempt: true, notes });
}

/** A table whose source does not exist yet (e.g. the training register): "no data", never a zero. */
export function publishNoData(raw: Omit<RawTable, 'counts' | 'columnTotals'>, note: Label): PublishedTable {
  const none = (): Cell => ({ value: null, status: 'no_data' });
  const table: PublishedTable = {
    indicator: raw.indicator,
    period: raw.period,
    rowDimension: raw.rowDimension,
    columnDimension: raw.columnDimension,
    rows: raw.rows,
    columns: raw.columns,
    cells: raw.rows.map(() => raw.columns.map(none)),
    rowTotals: raw.rows.map(none),
    columnTotals: raw.columns.map(none),
    total: none(),
    threshold: DEFAULT_THRESHOLD,
    notes: [note],
  };
  produced.add(table);
  return table;
}

/**
 * The observatory's published shapes, shared by the server (store, suppression, API, PDF report)
 * and the UI (dashboards, charts). Every number that leaves the server is a `Cell` that went
 * through the suppression module: a route cannot publish a raw count.
 */

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period from the fixed lists only ("2026-09", "2026-Q3", "2026"): no free date ranges, so two
 * overlapping queries cannot be subtracted to reveal a small cell. */
export interface Period {
  kind: PeriodKind;
  key: string;
  /** first day, inclusive (ISO date) */
  from: string;
  /** last day, inclusive (ISO date) */
  to: string;
}

/** Where a table is cut: who the rows are. */
export const BREAKDOWNS = ['network', 'centre', 'cpi'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const DASHBOARDS = ['funnel', 'referrals', 'work', 'profile', 'network', 'feedback'] as const;
export type Dashboard = (typeof DASHBOARDS)[number];

export interface Label {
  it: string;
  en: string;
}

/**
 * published: the value is shown; small: 1..k-1, shown as "<k"; complementary: hidden so that a
 * small cell cannot be recovered from the margins, shown as "n.d."; no_data: the source does not
 * exist yet (e.g. training register), never a fake zero.
 */
export type CellStatus = 'published' | 'small' | 'complementary' | 'no_data';

export interface Cell {
  /** null unless status is 'published' */
  value: number | null;
  status: CellStatus;
}

export type IndicatorUnit = 'count' | 'rate' | 'days';

export interface IndicatorRef {
  code: string;
  version: number;
  name: Label;
  unit: IndicatorUnit;
}

/** One published table: rows × columns with margins, all suppressed already. */
export interface PublishedTable {
  indicator: IndicatorRef;
  period: Period;
  /** what the rows are (a breakdown or a dimension, e.g. 'network', 'age_band') */
  rowDimension: string;
  /** what the columns are ('measure' when the columns are the indicator's parts, e.g. funnel steps) */
  columnDimension: string;
  rows: { key: string; label: Label }[];
  columns: { key: string; label: Label }[];
  /** cells[r][c] */
  cells: Cell[][];
  rowTotals: Cell[];
  columnTotals: Cell[];
  total: Cell;
  /** the suppression threshold k used */
  threshold: number;
  /** method notes, e.g. the suppression rule, "rates with a suppressed part are suppressed" */
  notes: Label[];
}

/** GET /api/v1/observatory/dashboards/:dashboard?period=quarter:2026-Q3&by=network[&network=id] */
export interface DashboardAnswer {
  dashboard: Dashboard;
  period: Period;
  by: Breakdown;
  tables: PublishedTable[];
}

/** GET /api/v1/observatory/scope: what the caller may look at. */
export interface ObservatoryScope {
  breakdowns: Breakdown[];
  networks: { id: string; name: string }[];
  periods: Period[];
  threshold: number;
  /** a centre's coordinator may see her own centre unsuppressed */
  unsuppressedOrganisationId: string | null;
}

/**
 * Where the report and the annual extract read the observatory from: obs-core's published,
 * suppressed dashboard answers, read as the requesting actor (her scope, her audit trail). One
 * seam, so that tests can hand in fixtures.
 */
import type { Ctx } from '../http/request-context.ts';
import type { Breakdown, DashboardAnswer, Dashboard, ObservatoryScope } from '../../shared/observatory/types.ts';

export interface DashboardQuery {
  dashboard: Dashboard;
  /** "quarter:2026-Q3" */
  period: string;
  by: Breakdown;
  network?: string;
}

export interface ObservatorySource {
  scope(ctx: Ctx): Promise<ObservatoryScope>;
  dashboard(ctx: Ctx, q: DashboardQuery): Promise<DashboardAnswer>;
}

let current: ObservatorySource | null = null;

/** Set once at start (app.ts) with obs-core's functions; tests set fixtures. */
export function setObservatorySource(source: ObservatorySource | null): void {
  current = source;
}

export function observatorySource(): ObservatorySource {
  if (!current) throw new Error('observatory source not configured');
  return current;
}

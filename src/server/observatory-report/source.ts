/**
 * Where the report and the annual extract read the observatory from: obs-core's published,
 * suppressed dashboard answers, read as the requesting actor (her scope, her audit trail). One
 * seam, so that tests can hand in fixtures.
 */
import { isSuppressed } from '../../shared/observatory/suppress.ts';
import { AppError } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { readDashboard, readScope } from '../observatory/read-observatory.ts';
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
let standard: ObservatorySource | null = null;

/** The observatory's own use cases (observatory/read-observatory.ts), with the configured threshold. */
export function configureObservatorySource(threshold: number): void {
  const o = { threshold };
  standard = {
    scope: (ctx) => readScope(ctx, o),
    dashboard: async (ctx, q) => {
      const answer = await readDashboard(ctx, o, q.dashboard, {
        period: q.period,
        by: q.by,
        ...(q.network ? { network: q.network } : {}),
      });
      // no table reaches the report or the extract unless the suppression module made it
      if (!answer.tables.every(isSuppressed)) throw new AppError(500, 'not_suppressed', 'Internal error');
      return answer;
    },
  };
}

/** Tests hand in fixtures here (null: back to the observatory's own). */
export function setObservatorySource(source: ObservatorySource | null): void {
  current = source;
}

export function observatorySource(): ObservatorySource {
  const source = current ?? standard;
  if (!source) throw new Error('observatory source not configured');
  return source;
}

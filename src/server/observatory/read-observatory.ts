/** The observatory's use cases: scope, catalogue, a dashboard, a dashboard's tables as a file. Every read audited. */
import { CATALOGUE } from '../../shared/observatory/catalogue.ts';
import { parsePeriod, periodsUntil } from '../../shared/observatory/periods.ts';
import type { Breakdown, Dashboard, DashboardAnswer, ObservatoryScope } from '../../shared/observatory/types.ts';
import { todayInItaly } from '../db/dates.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { buildDashboard } from './dashboards.ts';
import { type ExportFile, renderTables } from './export-tables.ts';
import type { DashboardExportQuery, DashboardQuery } from './schemas.ts';
import { checkNetwork, scopeOf, unitsOf } from './scope.ts';

export interface ObservatoryOptions {
  threshold: number;
}

export async function readScope(
  ctx: Ctx,
  o: ObservatoryOptions,
): Promise<ObservatoryScope & { dashboards: Dashboard[] }> {
  const scope = await scopeOf(ctx);
  await ctx.audit({ action: 'observatory.scope', details: { kind: scope.kind } });
  return {
    breakdowns: scope.breakdowns,
    networks: scope.networks,
    periods: periodsUntil(todayInItaly()),
    threshold: o.threshold,
    unsuppressedOrganisationId: scope.unsuppressedOrganisationId,
    dashboards: scope.dashboards,
  };
}

export async function readCatalogue(ctx: Ctx) {
  await scopeOf(ctx);
  await ctx.audit({ action: 'observatory.catalogue' });
  return { indicators: [...CATALOGUE] };
}

async function answer(
  ctx: Ctx,
  o: ObservatoryOptions,
  dashboard: Dashboard,
  q: DashboardQuery,
): Promise<DashboardAnswer> {
  const scope = await scopeOf(ctx);
  if (!scope.dashboards.includes(dashboard)) throw notFound();
  const period = parsePeriod(q.period);
  if (!period) throw invalidField('period', 'invalid');
  const by: Breakdown = q.by ?? scope.breakdowns[0] ?? 'network';
  if (!scope.breakdowns.includes(by)) throw invalidField('by', 'invalid');
  const network = checkNetwork(scope, q.network);
  const units = await unitsOf(ctx, scope, by, network);
  const tables = await buildDashboard(ctx, {
    scope,
    dashboard,
    period,
    by,
    network,
    units,
    today: todayInItaly(),
    threshold: o.threshold,
  });
  return { dashboard, period, by, tables };
}

export async function readDashboard(ctx: Ctx, o: ObservatoryOptions, dashboard: Dashboard, q: DashboardQuery) {
  const a = await answer(ctx, o, dashboard, q);
  await ctx.audit({
    action: 'observatory.dashboard',
    details: { dashboard, period: q.period, by: a.by, network: q.network ?? null, tables: a.tables.length },
  });
  return a;
}

export async function exportDashboard(
  ctx: Ctx,
  o: ObservatoryOptions,
  dashboard: Dashboard,
  q: DashboardExportQuery,
): Promise<ExportFile> {
  const a = await answer(ctx, o, dashboard, q);
  const tables = q.table ? a.tables.filter((t) => t.indicator.code === q.table) : a.tables;
  if (tables.length === 0) throw notFound();
  const file = await renderTables(q.format, q.lang ?? 'it', `osservatorio-${dashboard}-${a.period.key}`, tables);
  await ctx.audit({
    action: 'observatory.export',
    details: {
      dashboard,
      period: q.period,
      by: a.by,
      network: q.network ?? null,
      format: q.format,
      tables: tables.length,
    },
  });
  return file;
}

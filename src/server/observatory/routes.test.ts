/**
 * No /observatory route can publish a raw count: every one is registered as an observatory route
 * (its answer checked to have come out of the suppression module), and a table made anywhere else
 * is refused by that check and by the exporter.
 */
import Fastify, { type RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { suppressTable } from '../../shared/observatory/suppress.ts';
import type { PublishedTable } from '../../shared/observatory/types.ts';
import { registerApiRoutes } from '../app.ts';
import type { Database } from '../db/database.ts';
import { testConfig } from '../testing/harness.ts';
import { tableRows } from './export-tables.ts';

async function observatoryRoutes(): Promise<RouteOptions[]> {
  const routes: RouteOptions[] = [];
  const app = Fastify();
  app.addHook('onRoute', (r) => {
    if (r.url.includes('/observatory')) routes.push(r);
  });
  await app.register(async (api) => registerApiRoutes(api, { db: {} as Database, config: testConfig() }), {
    prefix: '/api/v1',
  });
  await app.ready();
  await app.close();
  return routes;
}

const period = { kind: 'quarter' as const, key: '2026-Q3', from: '2026-07-01', to: '2026-09-30' };
const made = suppressTable({
  indicator: { code: 'x', version: 1, name: { it: '=1+1', en: '−1' }, unit: 'count' },
  period,
  rowDimension: 'network',
  columnDimension: 'measure',
  rows: [{ key: 'a', label: { it: '@a', en: '+a' } }],
  columns: [{ key: 'c', label: { it: '-c', en: 'c' } }],
  counts: [[3]],
  additive: true,
});

describe('observatory routes', () => {
  it('are all registered as suppressed-output routes', async () => {
    const routes = await observatoryRoutes();
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual(
      [
        'GET /api/v1/observatory/catalogue',
        'GET /api/v1/observatory/dashboards/:dashboard',
        'GET /api/v1/observatory/dashboards/:dashboard/export',
        'GET /api/v1/observatory/scope',
        // obs-report: the quarterly report and the annual extract (their tables are checked in observatory-report/source.ts)
        'POST /api/v1/observatory/reports',
        'GET /api/v1/observatory/reports',
        'GET /api/v1/observatory/reports/:id',
        'GET /api/v1/observatory/reports/:id/pdf',
        'GET /api/v1/observatory/extract/:year',
        'GET /api/v1/observatory/extract/:year/:file',
        // HEAD routes Fastify adds for GETs
        ...(routes.some((r) => r.method === 'HEAD')
          ? [
              'HEAD /api/v1/observatory/catalogue',
              'HEAD /api/v1/observatory/dashboards/:dashboard',
              'HEAD /api/v1/observatory/dashboards/:dashboard/export',
              'HEAD /api/v1/observatory/scope',
              'HEAD /api/v1/observatory/reports',
              'HEAD /api/v1/observatory/reports/:id',
              'HEAD /api/v1/observatory/reports/:id/pdf',
              'HEAD /api/v1/observatory/extract/:year',
              'HEAD /api/v1/observatory/extract/:year/:file',
            ]
          : []),
      ].sort(),
    );
    for (const r of routes) expect(r.config?.observatory, r.url).toBe('suppressed');
  }, 60_000);

  it('the exporter refuses a table the suppression module did not make, and neutralises formulas', () => {
    const forged: PublishedTable = { ...made, cells: [[{ value: 3, status: 'published' }]] };
    expect(() => tableRows([forged], 'it')).toThrow('table_not_suppressed');
    const rows = tableRows([made], 'it').flat();
    expect(rows).toContain("'=1+1");
    expect(rows).toContain("'@a");
    expect(rows).toContain("'-c");
    expect(rows).toContain('<5');
    expect(rows).not.toContain(3);
    expect(tableRows([made], 'en').flat()).toContain("'−1");
  });
});

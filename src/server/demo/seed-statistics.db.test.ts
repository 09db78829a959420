/** The demo's statistics: every network shows last quarter's funnel and referral deadlines in numbers, not only "<5". */
import { describe, expect, it } from 'vitest';
import { lastEndedQuarter, periodParam } from '../../shared/observatory/periods.ts';
import type { DashboardAnswer } from '../../shared/observatory/types.ts';
import { todayInItaly } from '../db/dates.ts';
import { loadNetworkData, seedNetwork } from '../network/seed-network.ts';
import { catchUpAll } from '../observatory/catch-up.ts';
import { makeOrg, openTestAppPerFile, signInNew, sql } from '../testing/harness.ts';
import { seedDemoStatistics, seedDemoStatisticsOnce } from './seed-statistics.ts';

const t = openTestAppPerFile({ beforeApp: async (db) => seedNetwork(db.owner, await loadNetworkData()) });

describe('demo statistics', () => {
  it('gives every network believable, published figures for last quarter', async () => {
    const n = await seedDemoStatistics(t.db);
    expect(n).toBeGreaterThan(5000);
    expect(await seedDemoStatisticsOnce(t.db)).toBe(0);
    await catchUpAll(t.db.owner);
    const s = await signInNew(t, {
      organisationId: await makeOrg(t.db, { type: 'metro_city' }),
      roles: ['control_room_member'],
    });
    const period = periodParam(lastEndedQuarter(todayInItaly()));
    for (const d of ['funnel', 'referrals', 'work']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/observatory/dashboards/${d}?period=${period}&by=network`,
        headers: s.headers,
      });
      expect(res.statusCode).toBe(200);
      const a = res.json() as DashboardAnswer;
      const main = a.tables[0];
      expect(main?.rows.length).toBe(8);
      const col = main?.columns.findIndex((c) => ['taken_in_charge', 'sent', 'orientation'].includes(c.key)) ?? -1;
      for (const row of main?.cells ?? []) expect(row[col]?.status, `${d}`).toBe('published');
    }
    // her feedback: the "listened" answers of a year, by network, mostly published
    const year = `year:${Number(todayInItaly().slice(0, 4)) - 1}`;
    const fb = await t.app.inject({
      method: 'GET',
      url: `/api/v1/observatory/dashboards/feedback?period=${year}&by=network`,
      headers: s.headers,
    });
    expect(fb.statusCode).toBe(200);
    const listened = (fb.json() as DashboardAnswer).tables.find((x) => x.indicator.code === 'feedback.listened');
    const yes = listened?.columns.findIndex((c) => c.key === 'yes') ?? -1;
    const published = (listened?.cells ?? []).filter((row) => row[yes]?.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(6);
    const bands = await sql<{ n: number }>`SELECT count(DISTINCT age_band)::int AS n FROM stats_paths`.execute(
      t.db.owner,
    );
    expect(bands.rows[0]?.n).toBeGreaterThanOrEqual(6);
  }, 120_000);
});

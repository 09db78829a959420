import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { openPostgres } from '../src/server/db/database.ts';
import { todayInItaly } from '../src/server/db/dates.ts';
import { makeOrg, makeUser, signIn, testConfig } from '../src/server/testing/harness.ts';
import { lastEndedQuarter, periodParam } from '../src/shared/observatory/periods.ts';
import { ADMIN_URL } from './pg-setup.ts';

/**
 * Where a dashboard's time goes, on a kept bench database: each statement's time as the pg client
 * sees it (sent → answered), summed per request, and the rest (Node: routing, suppression, JSON).
 *   tsx bench/observatory-profile.ts <database> [requests=20] [dashboard?by=…,…]
 */
const [name, n = '20', only] = process.argv.slice(2);
if (!name) throw new Error('usage: tsx bench/observatory-profile.ts <database> [requests] [dashboards]');
const spent = new Map<string, { ms: number; calls: number }>();
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '?');
  const t0 = performance.now();
  const r = query.apply(this, args) as Promise<unknown> | undefined;
  if (r && typeof (r as Promise<unknown>).then === 'function') {
    return (r as Promise<unknown>).finally(() => {
      const key = text.replace(/\s+/g, ' ').slice(0, 140);
      const s = spent.get(key) ?? { ms: 0, calls: 0 };
      s.ms += performance.now() - t0;
      s.calls++;
      spent.set(key, s);
    });
  }
  return r;
} as typeof pg.Client.prototype.query;
const ownerUrl = new URL(ADMIN_URL);
ownerUrl.pathname = `/${name}`;
const appUrl = new URL(ownerUrl);
appUrl.username = 'percorsi_app';
appUrl.password = '';
const db = openPostgres(ownerUrl.toString(), appUrl.toString(), 2);
const config = testConfig({ logLevel: 'warn' });
const app = await buildApp({ db, config });
await app.ready();
const metro = await makeOrg(db, { type: 'metro_city' });
const s = await signIn(app, db, await makeUser(db, config, { organisationId: metro, roles: ['control_room_member'] }));
const period = periodParam(lastEndedQuarter(todayInItaly()));
const list = (only ?? 'funnel?by=centre,referrals?by=centre,work?by=network,work?by=centre,profile?by=centre').split(
  ',',
);
for (const d of list) {
  const url = `/api/v1/observatory/dashboards/${d.replace('?', `?period=${period}&`)}`;
  for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url, headers: s.headers });
  spent.clear();
  const t0 = performance.now();
  for (let i = 0; i < Number(n); i++) await app.inject({ method: 'GET', url, headers: s.headers });
  const per = (performance.now() - t0) / Number(n);
  const sqlMs = [...spent.values()].reduce((a, b) => a + b.ms, 0) / Number(n);
  console.log(`\n${d}: ${per.toFixed(1)} ms/request, SQL ${sqlMs.toFixed(1)} ms, rest ${(per - sqlMs).toFixed(1)} ms`);
  for (const [k, v] of [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8))
    console.log(`  ${(v.ms / Number(n)).toFixed(1)} ms ×${v.calls / Number(n)}  ${k}`);
}
await app.close();
await db.close();

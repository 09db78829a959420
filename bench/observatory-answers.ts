import { writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { openPostgres } from '../src/server/db/database.ts';
import { todayInItaly } from '../src/server/db/dates.ts';
import { makeOrg, makeUser, signIn, testConfig } from '../src/server/testing/harness.ts';
import { lastEndedQuarter, periodParam } from '../src/shared/observatory/periods.ts';
import { ADMIN_URL } from './pg-setup.ts';

/**
 * Every dashboard's answer on a kept bench database (`BENCH_KEEP_DB=1 npm run bench:observatory`),
 * written as one JSON file: run it before and after a change to the store, the queries or the
 * suppression, and compare the two files (they must be identical). Readers: a control-room member,
 * a network coordinator of Milan, the coordinator of the biggest centre and a CPI's administrator;
 * periods: the last ended quarter, a month and a year before it; every breakdown each may use.
 *
 *   tsx bench/observatory-answers.ts <database> <out.json>
 */
const [name, out] = process.argv.slice(2);
if (!name || !out) throw new Error('usage: tsx bench/observatory-answers.ts <database> <out.json>');
const ownerUrl = new URL(ADMIN_URL);
ownerUrl.pathname = `/${name}`;
const appUrl = new URL(ownerUrl);
appUrl.username = 'percorsi_app';
appUrl.password = '';
const db = openPostgres(ownerUrl.toString(), appUrl.toString(), 2);
const config = testConfig({ logLevel: 'warn' });
const app = await buildApp({ db, config });
await app.ready();
try {
  const metro = await makeOrg(db, { type: 'metro_city' });
  const milan = await sql<{
    id: string;
  }>`SELECT o.id FROM organisations o JOIN organisation_networks n ON n.organisation_id = o.id
    WHERE n.network_id = 'milano' AND o.type = 'municipality' ORDER BY o.name LIMIT 1`.execute(db.owner);
  const centre = await sql<{
    id: string;
  }>`SELECT organisation_id AS id FROM cases GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.execute(db.owner);
  const cpi = await sql<{ id: string }>`SELECT cpi_id AS id FROM stats_referrals WHERE cpi_id IS NOT NULL
    GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.execute(db.owner);
  const readers = [
    { who: 'control_room', org: metro, roles: ['control_room_member'] as const },
    { who: 'coordinator_milano', org: milan.rows[0]?.id, roles: ['network_coordinator'] as const },
    { who: 'centre_admin', org: centre.rows[0]?.id, roles: ['org_admin'] as const },
    { who: 'cpi_admin', org: cpi.rows[0]?.id, roles: ['org_admin'] as const },
  ];
  const q = lastEndedQuarter(todayInItaly());
  const month = `month:${q.to.slice(0, 7)}`;
  const year = `year:${Number(q.to.slice(0, 4)) - 1}`;
  const periods = [periodParam(q), month, year];
  const answers: Record<string, unknown> = {};
  for (const r of readers) {
    if (!r.org) continue;
    const user = await makeUser(db, config, { organisationId: r.org, roles: [...r.roles] });
    const s = await signIn(app, db, user);
    const scope = await app.inject({ method: 'GET', url: '/api/v1/observatory/scope', headers: s.headers });
    const sc = scope.json() as { breakdowns: string[]; dashboards: string[] };
    for (const d of sc.dashboards)
      for (const by of sc.breakdowns)
        for (const period of periods) {
          const url = `/api/v1/observatory/dashboards/${d}?period=${period}&by=${by}`;
          const res = await app.inject({ method: 'GET', url, headers: s.headers });
          answers[`${r.who} ${d} ${by} ${period}`] = { status: res.statusCode, body: res.json() };
        }
  }
  await writeFile(out, `${JSON.stringify(answers, null, 1)}\n`);
  console.log(`${Object.keys(answers).length} answers → ${out}`);
} finally {
  await app.close();
  await db.close();
}

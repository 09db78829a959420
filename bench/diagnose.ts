import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { newToken, sha256 } from '../src/server/auth/tokens.ts';
import { benchBareRead } from './bare-floor.ts';
import { benchAppRead, type ReadOptions, type ReadSetup } from './http-read.ts';
import type { LoadResult } from './load.ts';
import { type ProfileSummary, summariseProfile } from './profile.ts';

/**
 * `npm run bench -- --diagnose`: where the time of the organisation read goes. Shorter runs
 * (1 s warm-up + 5 s, 20 connections) of the app and of the floor with one thing changed each.
 */
export interface Diagnostic {
  name: string;
  server: 'app' | 'bare';
  load: LoadResult;
  cpuMsPerRequest: number;
  /** main-thread CPU profile of the measured run (node --cpu-prof), for the first two runs */
  profile?: ProfileSummary;
}

const SHORT = { warmupSeconds: 1, seconds: 5 };

/** More full sessions of the same user, straight in the database (their cookies). */
async function moreSessions(setup: ReadSetup, count: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const token = newToken();
    await setup.bench.db.owner
      .insertInto('sessions')
      .values({
        id_hash: sha256(token),
        user_id: setup.user.id,
        organisation_id: setup.user.organisationId,
        stage: 'full',
        csrf_token: newToken(),
        last_seen_at: sql<Date>`now()` as unknown as Date,
        expires_at: sql<Date>`now() + interval '12 hours'` as unknown as Date,
      })
      .execute();
    cookies.push(`__Host-percorsi_session=${token}`);
  }
  return cookies;
}

export async function diagnose(setup: ReadSetup, say: (text: string) => void): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  let cookie = '';
  const run = async (name: string, server: 'app' | 'bare', o: ReadOptions, profile = false) => {
    say(`diagnostic: ${server}, ${name}`);
    const dir = profile ? mkdtempSync(path.join(os.tmpdir(), 'percorsi-prof-')) : null;
    const opts = { ...o, load: { ...SHORT, ...o.load }, nodeArgs: dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [] };
    try {
      const r = server === 'app' ? await benchAppRead(setup, opts) : await benchBareRead(setup, cookie, opts);
      cookie ||= r.cookie;
      const summary = dir ? summariseProfile(dir, SHORT.seconds) : undefined;
      out.push({
        name,
        server,
        load: r.load,
        cpuMsPerRequest: r.cpuMsPerRequest,
        ...(summary ? { profile: summary } : {}),
      });
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  };
  const many = await moreSessions(setup, 20);
  await run('1 session (as the main run)', 'app', {}, true);
  await run('1 session (as the main run)', 'bare', {}, true);
  await run('1 session, logger level info', 'app', { logLevel: 'info' });
  await run('20 sessions in turn', 'app', { cookies: many });
  await run('20 sessions in turn', 'bare', { cookies: many });
  await run('20 sessions, no last_seen_at update', 'bare', { cookies: many, env: { BENCH_BARE_SKIP: 'touch' } });
  await run('20 sessions, no audit insert', 'bare', { cookies: many, env: { BENCH_BARE_SKIP: 'audit' } });
  await run('20 sessions, neither (read-only)', 'bare', { cookies: many, env: { BENCH_BARE_SKIP: 'touch,audit' } });
  // Only this throwaway database, only for these last runs: commits stop waiting for the WAL flush.
  await sql.raw(`ALTER DATABASE ${setup.bench.name} SET synchronous_commit = off`).execute(setup.bench.db.owner);
  await run('1 session, synchronous_commit off', 'app', {});
  await run('1 session, synchronous_commit off', 'bare', {});
  await run('20 sessions, synchronous_commit off', 'app', { cookies: many });
  await run('20 sessions, synchronous_commit off', 'bare', { cookies: many });
  return out;
}

export function printDiagnostics(list: Diagnostic[]): void {
  const rows = [['server', 'variant', 'CPU ms/req', 'req/s', 'p50 ms', 'p99 ms', 'bad']];
  for (const d of list) {
    const bad = d.load.non2xx + d.load.errors + d.load.timeouts;
    rows.push([
      d.server,
      d.name,
      d.cpuMsPerRequest.toFixed(2),
      d.load.rps.toFixed(0),
      d.load.p50.toFixed(1),
      d.load.p99.toFixed(1),
      String(bad),
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  console.log('\nDiagnostics (1 s warm-up + 5 s each, 20 connections)');
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
  for (const d of list) {
    if (!d.profile) continue;
    const perRequest = d.load.ok ? d.profile.busyMs / d.load.ok : Number.NaN;
    const top = d.profile.shares.slice(0, 12).map((s) => `${s.what} ${s.percent.toFixed(1)}%`);
    console.log(
      `\n${d.server} main thread, ${d.name}: ${perRequest.toFixed(2)} ms CPU/req (profiled, so slower), by package:`,
    );
    console.log(`  ${top.join(', ')}`);
  }
}

import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { benchBareRead } from './bare-floor.ts';
import { benchColdStart } from './cold-start.ts';
import { benchAppRead, LOAD, prepareRead, ROLE } from './http-read.ts';
import { IP_BATCH } from './load.ts';
import { ADMIN_URL } from './pg-setup.ts';
import { busyness } from './proc.ts';
import { goalsOf, printReport, type Results, writeResults } from './report.ts';

if (process.argv.includes('--diagnose')) {
  await import('./run-diagnose.ts');
  process.exit(0);
}

/** `npm run bench`: figures, not assertions. Everything listens on 127.0.0.1 and stops by time or count. */
const started = performance.now();
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const say = (text: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1)} s] ${text}`);

async function readBenchmark(environment: Results['environment']): Promise<Results['read']> {
  say('creating, migrating and seeding a fresh PostgreSQL database…');
  const setup = await prepareRead();
  environment.postgres = setup.bench.serverVersion;
  environment.database = `${setup.bench.name} (dropped at the end)`;
  try {
    say(
      `app: GET ${setup.path}, ${LOAD.warmupSeconds} s warm-up + ${LOAD.seconds} s, ${LOAD.connections} connections…`,
    );
    const app = await benchAppRead(setup);
    say(`bare floor: the same, on node:http + pg…`);
    const bare = await benchBareRead(setup, app.cookie);
    return {
      organisation: setup.organisation,
      app: app.load,
      bare: bare.load,
      ratio: bare.load.rps > 0 ? app.load.rps / bare.load.rps : 0,
      cpuMsPerRequest: { app: app.cpuMsPerRequest, bare: bare.cpuMsPerRequest },
      bodiesIdentical: isDeepStrictEqual(app.sample, bare.sample),
    };
  } finally {
    await setup.bench.drop();
  }
}

const environment: Results['environment'] = {
  node: process.version,
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  postgresUrl: ADMIN_URL.replace(/\/\/[^@]*@/, '//…@'),
};
const machineAtStart = busyness();
const read = await readBenchmark(environment).catch((error: unknown) => ({ error: message(error) }));
say('cold start on the embedded database (two starts, warm-up, SIGTERM)…');
const coldStart = await benchColdStart().catch((error: unknown) => ({ error: message(error) }));

const results: Results = {
  at: new Date().toISOString(),
  environment,
  machine: { start: machineAtStart, end: busyness() },
  method: [
    `Read: the real app (buildApp, logger level 'warn' so that per-request info lines are not written) in its own Node process, pg pool of 10 as percorsi_app; a ${ROLE} signs in over HTTP (password + TOTP); autocannon in this process, ${LOAD.connections} connections, ${LOAD.warmupSeconds} s warm-up discarded, then ${LOAD.seconds} s. req/s counts 2xx only. CPU ms/req: utime+stime of the server process (/proc/<pid>/stat) over the measured run / 2xx responses.`,
    'Bare floor: node:http + pg.Pool(10) as percorsi_app in its own process, sending per request the same 13 statements as the app (begin; SET LOCAL ROLE; auth_find_session; set_config×3; session row; roles; set_config×3; update last_seen_at; organisation; networks; protocols; audit insert; commit), JSON.stringify; same session cookie, same load.',
    `Rate limit: the app limits every client address to 600 requests/minute, so the servers trust X-Forwarded-For (PERCORSI_TRUST_PROXY=1) and the load changes the client address every ${IP_BATCH} requests; otherwise the run would measure 429s.`,
    'Both read runs share one session row (last_seen_at updated per request) and the audit chain head (one row locked per insert): the same serialisation in both.',
    'Cold start: node --import tsx src/server/main.ts, fresh PERCORSI_DATA_DIR, free PORT, demo mode (no DATABASE_URL); spawn → first 200 on /readyz, polled every 20 ms; CPU used = utime+stime of the process (all threads) at that moment. The < 3 s goal is for the restart (second start on the same data dir).',
    'RSS: VmRSS (and VmHWM, the peak) from /proc/<pid>/status of the restarted process after the warm-up; then SIGTERM and time to exit.',
  ],
  read,
  coldStart,
  goals: goalsOf(read, coldStart),
  seconds: (performance.now() - started) / 1000,
};
printReport(results);
const file = await writeResults(results);
console.log(`written ${path.relative(process.cwd(), file)}`);

import path from 'node:path';
import { type Endpoint, SESSIONS, CASES_LOAD } from './cases/load.ts';
import { benchSides } from './cases/load.ts';
import { printEndpoints, sideBySide, writeResultsFile } from './cases/report.ts';
import { benchColdStart } from './cold-start.ts';
import { prepareRead, ROLE } from './http-read.ts';
import { busyness } from './proc.ts';
import { printReadReport, type Results } from './report.ts';
import { runContext } from './run-context.ts';

if (process.argv.includes('--diagnose')) {
  await import('./run-diagnose.ts');
  process.exit(0);
}

/**
 * `npm run bench:read`: the organisation read, app beside its floor (bench/servers/bare-server.ts)
 * in alternating rounds through the one harness (cases/load.ts benchSides); then the cold start on
 * the embedded database. Figures, not assertions; results in bench/results/read-latest.json.
 */
const { say, message, seconds, machineAtStart, errors, environment } = runContext('bench:read');

let endpoints: Results['endpoints'] = [];
try {
  say('a fresh PostgreSQL database (migrated, the network, the audit history)…');
  const setup = await prepareRead();
  environment.postgres = setup.bench.serverVersion;
  environment.database = `${setup.bench.name} (dropped at the end)`;
  try {
    const list: Endpoint<'organisation'>[] = [
      {
        name: 'organisation',
        label: `GET /api/v1/organisations/:id ("${setup.organisation.name}", ${setup.organisation.networks} networks, ${setup.organisation.protocols} protocols)`,
        paths: [setup.path],
      },
    ];
    const sides = await benchSides(setup, list, { floor: 'bare-server.ts', say });
    endpoints = sideBySide(list, sides.app, sides.bare);
  } finally {
    await setup.bench.drop();
  }
} catch (error) {
  errors.push(message(error));
}

let coldStart: Results['coldStart'] = null;
if (process.env.BENCH_COLD_START !== '0') {
  say('cold start on the embedded database (first start, restart, warm-up, open-loop operators, SIGTERM)…');
  coldStart = await benchColdStart().catch((error: unknown) => {
    errors.push(`cold start: ${message(error)}`);
    return null;
  });
}

const results: Results = {
  at: new Date().toISOString(),
  environment,
  machine: { start: machineAtStart, end: busyness() },
  load: { ...CASES_LOAD, sessions: SESSIONS },
  endpoints,
  coldStart,
  method: [
    `Read: the real app (bench/servers/app-server.ts: buildApp, logger 'warn', pg pool of 10 as percorsi_app) and the floor (bench/servers/bare-server.ts) on the same fresh database (migrated, the network, the audit history), through the one harness (bench/cases/load.ts benchSides): a ${ROLE} signs in over HTTP (password + TOTP), ${SESSIONS - 1} more sessions of hers inserted and used in turn; app then floor, ${CASES_LOAD.rounds} rounds, each run ${CASES_LOAD.warmupSeconds} s warm-up discarded then ${CASES_LOAD.seconds} s at ${CASES_LOAD.connections} connections; CPU ms/req = server process + percorsi_app backends (/proc), median over the rounds.`,
    "Read floor: node:http + pg.Pool(10) as percorsi_app; per request begin; SELECT … FROM auth_session_check($1, $2, $3) (the app's session check: stage, expiry, disabled user, last_seen_at at most once a minute, the actor set for RLS); one statement reading the organisation, its networks and protocols (json_agg) and inserting the audit row (a data-modifying CTE); commit; all prepared (named) statements; JSON.stringify of the same body (compared with the app's). Not done: routing table, schema validation, rate limit, security headers, logging, error mapping.",
    'Cold start: node --import tsx src/server/main.ts, fresh PERCORSI_DATA_DIR, demo mode (no DATABASE_URL); spawn → first 200 on /healthz and on /readyz, polled every 20 ms; then a restart on the same data directory; after a warm-up (5 demo logins and reads) the open-loop operators (think 2–10 s) read organisations for up to 30 s with VmRSS sampled every 500 ms; SIGTERM and the time to exit.',
  ],
  errors,
  seconds: seconds(),
};
printEndpoints(results.load, endpoints);
printReadReport(results);
const file = await writeResultsFile('read-latest.json', results);
console.log(`written ${path.relative(process.cwd(), file)}`);

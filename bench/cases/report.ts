import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../child.ts';
import type { busyness } from '../proc.ts';
import { isDeepStrictEqual } from 'node:util';
import { cpuRatio } from '../harness/targets.ts';
import { showSpread, spread } from '../harness/stats.ts';
import type { Analysis, StatementFigures } from './explain.ts';
import type { Generated } from './generate.ts';
import { CASES_LOAD, type Endpoint, type EndpointName, type EndpointRun, type ServerRuns } from './load.ts';
import type { UsersRun } from './users.ts';

/** The caseload benchmark's results (bench/results/cases-latest.json). */
export interface CasesResults {
  at: string;
  environment: Record<string, string | number>;
  machine: { start: ReturnType<typeof busyness>; end: ReturnType<typeof busyness> };
  scale: { requestedCases: number };
  generated: Generated | null;
  centre: { id: string; name: string; cases: number; openCases: number; closingSoon: number; centres: number } | null;
  load: {
    connections: number;
    warmupConnections: number;
    warmupSeconds: number;
    seconds: number;
    sessions: number;
    rounds?: number;
  };
  endpoints: Array<EndpointFigures<EndpointName>>;
  /** the floor again with the suggested index, jit off and SQL changes */
  whatIfFloor: {
    changes: string[];
    users: UsersRun | null;
    bodiesIdenticalToApp: Record<string, boolean | null>;
  } | null;
  /** the app under 100 users with a think time (users.ts) */
  users: UsersRun | null;
  /** the app server's VmRSS during the open-loop users */
  usersRssMb?: { max: number; median: number } | null;
  goals: Goal[];
  analysis: Analysis | null;
  method: string[];
  errors: string[];
  seconds: number;
}

/** One endpoint's figures on the app and on the floor, side by side. */
export interface EndpointFigures<N extends string = EndpointName> {
  name: N;
  label: string;
  app: Omit<EndpointRun<N>, 'sample'> | null;
  bare: Omit<EndpointRun<N>, 'sample'> | null;
  /** app req/s ÷ floor req/s */
  ratio: number | null;
  bodiesIdentical: boolean | null;
  /** a server whose first request did not answer 200, and what it answered */
  failures: string[];
  notes: string[];
}

export interface Goal {
  name: string;
  value: string;
  goal: string;
  met: boolean | null;
}

/** The app's and the floor's runs of each endpoint, side by side (bodies compared). */
export function sideBySide<N extends string>(
  endpoints: Endpoint<N>[],
  app: ServerRuns<N> | null,
  bare: ServerRuns<N> | null,
): EndpointFigures<N>[] {
  const strip = (run: EndpointRun<N> | undefined) => {
    if (!run) return null;
    const { sample: _sample, ...rest } = run;
    return rest;
  };
  return endpoints.map((e) => {
    const a = app?.runs.find((r) => r.name === e.name);
    const b = bare?.runs.find((r) => r.name === e.name);
    const failures = [
      ...(app?.failures ?? []).filter((x) => x.name === e.name).map((x) => `app answered ${x.status}: ${x.body}`),
      ...(bare?.failures ?? []).filter((x) => x.name === e.name).map((x) => `floor answered ${x.status}: ${x.body}`),
    ];
    return {
      name: e.name,
      label: e.label,
      app: strip(a),
      bare: strip(b),
      ratio: a && b && b.load.rps > 0 ? a.load.rps / b.load.rps : null,
      bodiesIdentical: a && b ? isDeepStrictEqual(a.sample, b.sample) : null,
      failures,
      notes: [],
    };
  });
}

/** Per endpoint, whether a server's sample body is the app's (null: the app has none). */
export function sameBodies<N extends string>(
  samples: Partial<Record<N, unknown>>,
  appSamples: Partial<Record<N, unknown>> | undefined,
): Record<string, boolean | null> {
  return Object.fromEntries(
    (Object.entries(samples) as Array<[N, unknown]>).map(([name, body]) => {
      const appBody = appSamples?.[name];
      return [name, appBody === undefined ? null : isDeepStrictEqual(body, appBody)];
    }),
  );
}

/** The p99 < 50 ms goals of the closed-loop runs and of the think-time users, and clean answers. */
export function loadGoals<N extends string>(
  endpoints: EndpointFigures<N>[],
  users: Array<[(endpoint: string) => string, UsersRun | null | undefined]>,
): Goal[] {
  const goals: Goal[] = [];
  for (const e of endpoints) {
    if (e.app)
      goals.push({
        name: `${e.name}: app p99 (${CASES_LOAD.connections} connections)`,
        value: `${e.app.load.p99.toFixed(0)} ms (p50 ${e.app.load.p50.toFixed(0)} ms)`,
        goal: '< 50 ms',
        met: e.app.load.p99 < 50,
      });
    if (e.bare)
      goals.push({
        name: `${e.name}: floor p99 (same load)`,
        value: `${e.bare.load.p99.toFixed(0)} ms (p50 ${e.bare.load.p50.toFixed(0)} ms)`,
        goal: '< 50 ms',
        met: e.bare.load.p99 < 50,
      });
  }
  for (const [label, run] of users) {
    for (const [name, x] of Object.entries(run?.byEndpoint ?? {})) {
      goals.push({
        name: label(name),
        value: `${x.p99.toFixed(0)} ms (p50 ${x.p50.toFixed(0)} ms, ${x.count} requests)`,
        goal: '< 50 ms',
        met: x.p99 < 50,
      });
    }
  }
  const runs = endpoints.flatMap((e) => [e.app, e.bare]).filter((r) => r !== null);
  for (const e of endpoints) {
    if (e.failures.length)
      goals.push({
        name: `${e.name}: answers 200`,
        value: e.failures.join('; ').slice(0, 120),
        goal: '200',
        met: false,
      });
  }
  if (runs.length) {
    const clean = runs.every((r) => r.load.non2xx + r.load.errors + r.load.timeouts === 0);
    goals.push({ name: 'all runs: only 2xx, no errors', value: clean ? 'yes' : 'no', goal: 'yes', met: clean });
  }
  return goals;
}

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

export const f = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '?' : n.toFixed(digits));
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const shares = (xs: Array<{ what: string; share: number }>) =>
  xs
    .slice(0, 4)
    .map((w) => `${w.what} ${(w.share * 100).toFixed(0)}%`)
    .join(', ');
const locks = (xs: Array<{ what: string; share: number }>) =>
  xs.length ? `; row locks waited for, by table: ${shares(xs)}` : '';

export function printUsers(who: string, u: UsersRun): void {
  console.log(
    `\n${who} under ${u.users} users (open loop: think time uniform ${u.thinkMinMs / 1000}–${u.thinkMaxMs / 1000} s between answer and next request), ${u.seconds} s: ${u.rps.toFixed(1)} req/s offered`,
  );
  console.log(
    table([
      ['endpoint', 'requests', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'mean ms', 'bad'],
      ...Object.entries(u.byEndpoint).map(([name, x]) => [
        name,
        String(x.count),
        f(x.p50, 0),
        f(x.p90, 0),
        f(x.p99, 0),
        f(x.max, 0),
        f(x.meanMs, 0),
        String(x.non2xx + x.errors),
      ]),
    ]),
  );
}

export function printCasesReport(r: CasesResults): void {
  console.log('\n=== Percorsi caseload benchmark ===');
  for (const [k, v] of Object.entries(r.environment)) console.log(`${k}: ${v}`);
  const { start, end } = r.machine;
  console.log(`load average (1 min) at start / end: ${start.loadAverage} / ${end.loadAverage} on ${start.cores} cores`);
  if (start.busy || end.busy)
    console.log(
      'WARNING: other processes were competing for the CPU: req/s and latencies are unreliable; CPU ms/req less so.',
    );

  const g = r.generated;
  if (g) {
    console.log(
      `\nData: ${g.cases} cases (requested ${r.scale.requestedCases}), ${g.actions} plan actions, generated in ${f(g.seconds)} s (set-based SQL, then VACUUM ANALYZE)`,
    );
    console.log(
      `closed ${(g.distribution.closedShare * 100).toFixed(1)}%, open ${g.distribution.openCases}; risk levels ${Object.entries(
        g.distribution.riskLevels,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    console.log(
      table([
        ['table', 'rows', 'size (pg_total_relation_size)'],
        ...g.sizes.map((s) => [s.table, String(s.rows), mb(s.bytes)]),
        ['(database)', '', mb(g.databaseBytes)],
      ]),
    );
  }
  if (r.centre) {
    const c = r.centre;
    console.log(
      `\nLoad user: a centre operator of the biggest of ${c.centres} centres, "${c.name}": ${c.cases} cases, ${c.openCases} open, ${c.closingSoon} closing soon; on the team of all of them.`,
    );
  }

  printEndpoints(r.load, r.endpoints);

  const w = r.whatIfFloor;
  if (r.users) printUsers('The app', r.users);
  if (w?.users) {
    printUsers('What if: the floor with the changes the app lacks,', w.users);
    for (const c of w.changes) console.log(`- ${c}`);
    console.log(
      `bodies identical to the app's: ${Object.entries(w.bodiesIdenticalToApp)
        .map(([k, v]) => `${k} ${v === null ? '?' : v ? 'yes' : 'NO'}`)
        .join(', ')}`,
    );
  }

  const a = r.analysis;
  if (a) {
    printStatements(a.statements, a.perRequestMs);
    const names = Object.keys(a.whatIf[0]?.medianMs ?? {});
    console.log(
      '\nWhat if (median ms; the changes the app lacks, added cumulatively on the throwaway database; variants timed in turn, round after round)',
    );
    if (a.alreadyInTheApp.length) console.log(`already in the app: ${a.alreadyInTheApp.join('; ')}`);
    console.log(
      table([['variant', ...names], ...a.whatIf.map((w) => [w.variant, ...names.map((n) => f(w.medianMs[n], 2))])]),
    );
    for (const w of a.whatIf) if (w.change !== 'none') console.log(`- ${w.variant}: ${w.change}`);
  }

  printClosing(r);
}

/** The closed-loop table (app and floor per endpoint), then per endpoint what the backends waited for. */
export function printEndpoints<N extends string>(load: CasesResults['load'], endpoints: EndpointFigures<N>[]): void {
  console.log(
    `\nLoad: app and floor alternate, ${load.rounds ?? 1} round(s) each (ABAB…); each run ${load.warmupSeconds} s warm-up (${load.warmupConnections} connections) discarded, then ${load.seconds} s closed loop at ${load.connections} connections; ${load.sessions} session(s) of the load user, used in turn. Median over the rounds (lowest–highest).`,
  );
  const rows = [['endpoint', 'server', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req (Node + PG)', 'Node', 'PG', 'bad']];
  for (const e of endpoints) {
    for (const [server, run] of [
      ['app', e.app],
      ['floor', e.bare],
    ] as const) {
      if (!run) continue;
      const sp = run.spread;
      const bad = run.rounds.reduce((n, r) => n + r.bad, 0);
      rows.push([
        e.name,
        server,
        showSpread(sp.rps, 0),
        showSpread(sp.p50, 0),
        showSpread(sp.p99, 0),
        showSpread(sp.cpu, 2),
        f(sp.nodeCpu.median, 2),
        f(sp.pgCpu.median, 2),
        String(bad),
      ]);
    }
  }
  console.log(table(rows));
  for (const e of endpoints) {
    if (e.app && e.bare) {
      const r = spread(
        cpuRatio(
          e.app.rounds.map((x) => x.cpu),
          e.bare.rounds.map((x) => x.cpu),
        ),
      );
      console.log(`${e.name}: CPU/request floor ÷ app ${showSpread(r, 2)} (per round, then median)`);
    }
  }
  for (const e of endpoints) {
    const little = e.app
      ? ` (Little's law for the app: ${load.connections} / req/s = ${f((load.connections / e.app.load.rps) * 1000, 0)} ms mean)`
      : '';
    console.log(
      `${e.name}: ${e.label}${little}; app/bare req/s ${e.ratio === null ? '?' : e.ratio.toFixed(2)}; bodies identical: ${e.bodiesIdentical === null ? '?' : e.bodiesIdentical ? 'yes' : 'NO'}`,
    );
    for (const x of e.failures) console.log(`  FAILED: ${x}`);
    for (const [server, run] of [
      ['app', e.app],
      ['bare', e.bare],
    ] as const) {
      if (run?.waits.length) console.log(`  ${server} backends: ${shares(run.waits)}${locks(run.tupleLocks)}`);
    }
    for (const x of e.notes) console.log(`  note: ${x}`);
  }
}

/** Each statement of a request alone: median, planning, execution, JIT, buffers; then the sum per request. */
export function printStatements(statements: StatementFigures[], perRequestMs: Record<string, number>): void {
  console.log(
    '\nPostgreSQL, one request alone (as percorsi_app with the RLS settings; median of up to 15 serial runs; EXPLAIN ANALYZE once)',
  );
  console.log(
    table([
      ['statement', 'median ms', 'planning ms', 'execution ms', 'of which JIT ms', 'buffers'],
      ...statements.map((s) => [
        s.name,
        f(s.medianMs, 2),
        f(s.planningMs, 2),
        f(s.executionMs, 2),
        f(s.jitMs, 1),
        String(s.buffers),
      ]),
    ]),
  );
  console.log(
    `per request (session statements + audit insert + the request's own): ${Object.entries(perRequestMs)
      .map(([k, v]) => `${k} ${f(v, 1)} ms`)
      .join(', ')}`,
  );
}

/** Goals, errors, method, total time. */
export function printClosing(r: { goals: Goal[]; errors: string[]; method: string[]; seconds: number }): void {
  console.log('\nGoals');
  const mark = (m: boolean | null) => (m === null ? 'n/a' : m ? 'MET' : 'NOT MET');
  console.log(table([['figure', 'value', 'goal', ''], ...r.goals.map((x) => [x.name, x.value, x.goal, mark(x.met)])]));
  if (r.errors.length) console.log(`\nErrors:\n${r.errors.map((e) => `- ${e}`).join('\n')}`);
  console.log('\nMethod');
  for (const line of r.method) console.log(`- ${line}`);
  console.log(`\ntotal ${r.seconds.toFixed(0)} s`);
}

export async function writeCasesResults(r: CasesResults): Promise<string> {
  return writeResultsFile('cases-latest.json', r);
}

/** bench/results/<name> (git-ignored), pretty JSON. */
export async function writeResultsFile(name: string, r: unknown): Promise<string> {
  const dir = path.join(ROOT, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFile(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

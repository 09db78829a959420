import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './child.ts';
import type { ColdStart } from './cold-start.ts';
import type { LoadResult } from './load.ts';
import type { busyness } from './proc.ts';

type Busyness = ReturnType<typeof busyness>;

export interface ReadFigures {
  organisation: { id: string; name: string; networks: number; protocols: number };
  app: LoadResult;
  bare: LoadResult;
  ratio: number;
  /** CPU of the server process per 2xx response: robust to other load on the machine */
  cpuMsPerRequest: { app: number; bare: number };
  bodiesIdentical: boolean;
}

export interface Results {
  at: string;
  environment: Record<string, string | number>;
  /** 1-minute load average at the start and at the end; busy when above the number of cores */
  machine: { start: Busyness; end: Busyness };
  method: string[];
  read: ReadFigures | { error: string };
  coldStart: ColdStart | { error: string };
  goals: Goal[];
  seconds: number;
}

export interface Goal {
  name: string;
  value: string;
  goal: string;
  met: boolean | null;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const mb = (n: number) => `${n.toFixed(0)} MB`;

export function goalsOf(read: Results['read'], cold: Results['coldStart']): Goal[] {
  const goals: Goal[] = [];
  if ('ratio' in read) {
    goals.push({ name: 'app/bare throughput', value: read.ratio.toFixed(2), goal: '≥ 0.50', met: read.ratio >= 0.5 });
    const clean = read.app.non2xx + read.app.errors + read.bare.non2xx + read.bare.errors === 0;
    goals.push({ name: 'read runs: only 2xx, no errors', value: clean ? 'yes' : 'no', goal: 'yes', met: clean });
  } else goals.push({ name: 'app/bare throughput', value: read.error, goal: '≥ 0.50', met: null });
  if ('restart' in cold) {
    goals.push({
      name: 'restart: spawn → /readyz 200',
      value: ms(cold.restart.readyMs),
      goal: '< 3000 ms',
      met: cold.restart.readyMs < 3000,
    });
    const cpu = cold.restart.cpuMs;
    goals.push({
      name: 'restart: CPU used until ready',
      value: ms(cpu),
      goal: '< 3000 ms (idle machine)',
      met: cpu < 3000,
    });
    goals.push({ name: 'RSS after warm-up', value: mb(cold.rssMb), goal: '< 250 MB', met: cold.rssMb < 250 });
    const graceful = [cold.first.exit, cold.restart.exit].every((e) => e.code === 0 && !e.forced);
    const exits = `${ms(cold.first.exit.ms)} / ${ms(cold.restart.exit.ms)}`;
    goals.push({ name: 'SIGTERM → exit 0 (first / restart)', value: exits, goal: 'graceful', met: graceful });
  } else goals.push({ name: 'restart: spawn → /readyz 200', value: cold.error, goal: '< 3000 ms', met: null });
  return goals;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

const loadRow = (name: string, l: LoadResult, cpuMs: number) => [
  name,
  cpuMs.toFixed(2),
  l.rps.toFixed(0),
  l.p50.toFixed(1),
  l.p99.toFixed(1),
  String(l.ok),
  String(l.non2xx + l.errors + l.timeouts),
];

const startRow = (name: string, s: ColdStart['first']) => [
  name,
  ms(s.readyMs),
  ms(s.cpuMs),
  s.selfReportedMs === null ? '?' : ms(s.selfReportedMs),
  s.selfReportedMs === null ? '?' : ms(s.readyMs - s.selfReportedMs),
  `${ms(s.exit.ms)}, code ${s.exit.code}${s.exit.forced ? ' (SIGKILL)' : ''}`,
];

export function printReport(r: Results): void {
  console.log('\n=== Percorsi benchmarks ===');
  for (const [k, v] of Object.entries(r.environment)) console.log(`${k}: ${v}`);
  const { start, end } = r.machine;
  console.log(`load average (1 min) at start / end: ${start.loadAverage} / ${end.loadAverage} on ${start.cores} cores`);
  if (start.busy || end.busy) {
    console.log(
      'WARNING: other processes were competing for the CPU: req/s, latencies and start times are unreliable;',
    );
    console.log('         CPU ms/req (the server process only) is the figure least affected.');
  }
  if ('ratio' in r.read) {
    const o = r.read.organisation;
    console.log(`\nGET /api/v1/organisations/:id — "${o.name}" (${o.networks} networks, ${o.protocols} protocols)`);
    console.log(
      table([
        ['server', 'CPU ms/req', 'req/s', 'p50 ms', 'p99 ms', '2xx', 'bad'],
        loadRow('app', r.read.app, r.read.cpuMsPerRequest.app),
        loadRow('bare', r.read.bare, r.read.cpuMsPerRequest.bare),
      ]),
    );
    console.log(`bodies identical (app vs bare): ${r.read.bodiesIdentical ? 'yes' : 'NO'}`);
  }
  if ('restart' in r.coldStart) {
    const c = r.coldStart;
    console.log(
      `\nEmbedded database (PGlite), node --import tsx src/server/main.ts${c.skipWebBuild ? ', PERCORSI_SKIP_WEB_BUILD=1 (dist/web missing)' : ''}`,
    );
    console.log(
      table([
        [
          'run',
          'spawn→readyz',
          'CPU used',
          'main.ts body (self-reported)',
          'before it (node, tsx, imports)',
          'SIGTERM→exit',
        ],
        startRow('first (migrate+seed+demo users)', c.first),
        startRow('restart (same data dir)', c.restart),
      ]),
    );
    const w = c.warmUp;
    console.log(
      `after warm-up (${w.logins} logins, ${w.reads} reads, ${w.metaRequests} GET /api/v1/meta): VmRSS ${mb(c.rssMb)}, VmHWM ${mb(c.peakRssMb)}`,
    );
  }
  if ('error' in r.read) console.log(`\nread benchmark failed: ${r.read.error}`);
  if ('error' in r.coldStart) console.log(`\ncold start benchmark failed: ${r.coldStart.error}`);
  console.log('\nGoals');
  const mark = (m: boolean | null) => (m === null ? 'n/a' : m ? 'MET' : 'NOT MET');
  console.log(table([['figure', 'value', 'goal', ''], ...r.goals.map((g) => [g.name, g.value, g.goal, mark(g.met)])]));
  console.log('\nMethod');
  for (const line of r.method) console.log(`- ${line}`);
  console.log(`\ntotal ${r.seconds.toFixed(0)} s`);
}

export async function writeResults(r: Results): Promise<string> {
  const dir = path.join(ROOT, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'latest.json');
  await writeFile(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

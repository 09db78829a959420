import type { EndpointFigures } from './cases/report.ts';
import type { ColdStart } from './cold-start.ts';
import type { busyness } from './proc.ts';

type Busyness = ReturnType<typeof busyness>;

/** bench:read's results (bench/results/read-latest.json): the organisation read and the cold start. */
export interface Results {
  at: string;
  environment: Record<string, string | number>;
  /** 1-minute load average at the start and at the end; busy when above the number of cores */
  machine: { start: Busyness; end: Busyness };
  load: {
    connections: number;
    warmupConnections: number;
    warmupSeconds: number;
    seconds: number;
    sessions: number;
    rounds: number;
  };
  endpoints: EndpointFigures<'organisation'>[];
  coldStart: ColdStart | null;
  method: string[];
  errors: string[];
  seconds: number;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

export function printReadReport(r: Results): void {
  const { start, end } = r.machine;
  console.log(`load average (1 min) at start / end: ${start.loadAverage} / ${end.loadAverage} on ${start.cores} cores`);
  for (const e of r.endpoints)
    console.log(
      `bodies identical (app vs floor): ${e.bodiesIdentical === null ? '?' : e.bodiesIdentical ? 'yes' : 'NO'}`,
    );
  const c = r.coldStart;
  if (c) {
    console.log(
      `\nEmbedded database (PGlite), node src/server/start.mjs (npm start)${c.skipWebBuild ? ', no dist/web' : ''}`,
    );
    for (const [name, s, runs] of [
      ['first start (migrate, seed, demo users)', c.first, c.firstRuns],
      ['restart (same data dir)', c.restart, c.restartRuns],
    ] as const) {
      const all = (runs ?? [s]).map((x) => x.healthzMs).sort((a, b) => a - b);
      console.log(
        `${name}, median of ${all.length}: /healthz ${ms(s.healthzMs)} (${ms(all[0] ?? Number.NaN)}–${ms(all.at(-1) ?? Number.NaN)}), /readyz ${ms(s.readyMs)}, CPU ${ms(s.cpuMs)}, exit ${ms(s.exit.ms)} (code ${s.exit.code}${s.exit.forced ? ', SIGKILL' : ''})`,
      );
    }
    console.log(`after warm-up: VmRSS ${c.rssMb.toFixed(0)} MB (peak ${c.peakRssMb.toFixed(0)} MB)`);
    if (c.openLoop)
      console.log(
        `open loop (${c.openLoop.users} operators, ${c.openLoop.seconds} s): ${c.openLoop.requests} requests, ${c.openLoop.bad} bad, p99 ${ms(c.openLoop.p99)}, VmRSS max ${c.openLoop.rssMaxMb.toFixed(0)} MB`,
      );
  }
  if (r.errors.length) console.log(`\nErrors:\n${r.errors.map((e) => `- ${e}`).join('\n')}`);
  console.log('\nMethod');
  for (const line of r.method) console.log(`- ${line}`);
  console.log(`\ntotal ${r.seconds.toFixed(0)} s`);
}

import http from 'node:http';
import { IP_BATCH } from '../load.ts';

/**
 * 100 users at work rather than 100 connections in a tight loop (an open-loop workload): each
 * user thinks for a time drawn uniformly between `thinkMinMs` and `thinkMaxMs`, sends one request (caseload list or case page, by weight),
 * waits for the answer, thinks again. Latency is then mostly service time plus the queueing that
 * the other users cause. Requests sent before the end of the run are all waited for and counted.
 * Each user has her own session (cookies[i]).
 */
export interface Mix {
  name: string;
  paths: string[];
  weight: number;
}

export interface UserFigures {
  count: number;
  non2xx: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  meanMs: number;
}

export interface UsersRun {
  users: number;
  thinkMinMs: number;
  thinkMaxMs: number;
  seconds: number;
  /** requests sent per second over the run (all endpoints) */
  rps: number;
  byEndpoint: Record<string, UserFigures>;
}

// another client-address range than ../load.ts (10.x) and load.ts (172.16+), see the rate limit
let sent = 0;
function clientAddress(): string {
  const n = Math.floor(sent++ / IP_BATCH) + 1;
  return `192.168.${(n >> 8) & 255}.${n & 255}`;
}

function get(agent: http.Agent, base: URL, path: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path,
        headers: { cookie, 'x-forwarded-for': clientAddress() },
        timeout: 30_000,
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      },
    );
    req.once('timeout', () => req.destroy(new Error('timeout')));
    req.once('error', reject);
  });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function runUsers(
  baseUrl: string,
  cookies: string[],
  mix: Mix[],
  o: { users: number; thinkMinMs: number; thinkMaxMs: number; seconds: number },
): Promise<UsersRun> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.users });
  const total = mix.reduce((a, m) => a + m.weight, 0);
  const samples = new Map(mix.map((m) => [m.name, { latencies: [] as number[], non2xx: 0, errors: 0 }]));
  const turn = new Map(mix.map((m) => [m.name, 0]));
  const started = performance.now();
  const deadline = started + o.seconds * 1000;
  let requests = 0;
  const user = async (_: unknown, index: number) => {
    const cookie = cookies[index % cookies.length] ?? '';
    for (;;) {
      const think = o.thinkMinMs + Math.random() * (o.thinkMaxMs - o.thinkMinMs);
      if (performance.now() + think >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, think));
      const u = Math.random() * total;
      let below = 0;
      const m =
        mix.find((x) => {
          below += x.weight;
          return u < below;
        }) ?? (mix[0] as Mix);
      const i = turn.get(m.name) ?? 0;
      turn.set(m.name, i + 1);
      const s = samples.get(m.name);
      if (!s) return;
      const at = performance.now();
      requests++;
      try {
        const status = await get(agent, base, m.paths[i % m.paths.length] ?? '/', cookie);
        if (status >= 200 && status < 300) s.latencies.push(performance.now() - at);
        else s.non2xx++;
      } catch {
        s.errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.users }, user));
  agent.destroy();
  const byEndpoint: Record<string, UserFigures> = {};
  for (const [name, s] of samples) {
    const sorted = [...s.latencies].sort((a, b) => a - b);
    byEndpoint[name] = {
      count: sorted.length,
      non2xx: s.non2xx,
      errors: s.errors,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
      meanMs: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : Number.NaN,
    };
  }
  return {
    users: o.users,
    thinkMinMs: o.thinkMinMs,
    thinkMaxMs: o.thinkMaxMs,
    seconds: o.seconds,
    rps: requests / o.seconds,
    byEndpoint,
  };
}

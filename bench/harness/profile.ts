/**
 * How long and how big every benchmark runs, in one place. `npm run bench` uses the defaults
 * (the whole suite well under 15 minutes on 2 cores); BENCH_QUICK=1 is a 2–3 minute smoke run
 * with small data and short rounds, whose figures only show that everything works. Each value
 * can be set on its own by its environment variable.
 */
export const QUICK = process.env.BENCH_QUICK === '1';

function num(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

export const PROFILE = {
  /** app and floor alternate (ABAB…) this many times per endpoint */
  rounds: Math.max(1, num('BENCH_ROUNDS', 3)),
  /** before every measured run, app and floor alike, discarded */
  warmupSeconds: num('BENCH_WARMUP_SECONDS', QUICK ? 1 : 2),
  warmupConnections: 10,
  /** one measured run (closed loop, saturation) */
  seconds: Math.max(1, num('BENCH_SECONDS', QUICK ? 2 : 5)),
  connections: Math.max(1, num('BENCH_CONNECTIONS', QUICK ? 30 : 100)),
  /** the open-loop workload on the app: simulated operators, uniform think time */
  users: Math.max(1, num('BENCH_USERS', 100)),
  thinkMinMs: 2000,
  thinkMaxMs: 10_000,
  usersSeconds: Math.max(5, num('BENCH_USERS_SECONDS', QUICK ? 20 : 60)),
  /** data: ten years of cases and referrals, and the audit log's history */
  cases: num('BENCH_CASES', QUICK ? 3000 : 100_000),
  referrals: num('BENCH_REFERRALS', QUICK ? 10_000 : 400_000),
  auditRows: num('BENCH_AUDIT_ROWS', QUICK ? 200_000 : 5_000_000),
};

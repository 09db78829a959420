import { hostname } from 'node:os';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

/** What a run did, as counts (logged and kept in job_runs.last_result): never a person's data. */
export type JobResult = Record<string, number>;

export interface Job {
  /** job_runs.job: lower case and underscores */
  name: string;
  /** at most one run per this many milliseconds across all nodes */
  everyMs: number;
  run(): Promise<JobResult | undefined>;
}

export interface JobLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A run that started this long ago and never finished (its node died) no longer blocks the job. */
const ABANDONED_MS = 15 * 60_000;

/** This node's name in job_runs: PERCORSI_NODE_ID, else host and process id. */
export function nodeName(env: NodeJS.ProcessEnv = process.env): string {
  const name = env.PERCORSI_NODE_ID || `${hostname()}:${process.pid}`;
  return name.replace(/[^A-Za-z0-9._:-]/g, '_').slice(0, 100);
}

/**
 * Claims the job's next run for this node, or answers null when it is not due (another node ran it
 * less than `everyMs` ago, or is running it). One UPDATE on the job's row: when two nodes try at
 * once, the second waits for the first's row lock, then sees the new last_started_at and matches
 * nothing (READ COMMITTED re-checks the WHERE on the updated row). No lock is held while the job runs.
 */
export async function claimRun(owner: Kysely<DB>, job: string, everyMs: number, node: string): Promise<number | null> {
  await sql`INSERT INTO job_runs (job) VALUES (${job}) ON CONFLICT (job) DO NOTHING`.execute(owner);
  // 5% slack: a node whose timer fires a moment early does not skip a whole period
  const due = Math.max(0, Math.floor(everyMs * 0.95));
  const res = await sql<{ runs: string }>`
    UPDATE job_runs SET runs = runs + 1, last_node = ${node}, last_started_at = clock_timestamp(),
      last_finished_at = NULL
    WHERE job = ${job}
      AND (last_started_at IS NULL OR last_started_at <= clock_timestamp() - make_interval(secs => ${due / 1000}))
      AND (last_finished_at IS NOT NULL OR last_started_at IS NULL
        OR last_started_at < clock_timestamp() - make_interval(secs => ${ABANDONED_MS / 1000}))
    RETURNING runs::text AS runs`.execute(owner);
  const row = res.rows[0];
  return row ? Number(row.runs) : null;
}

async function finishRun(
  owner: Kysely<DB>,
  job: string,
  runs: number,
  outcome: { ms: number; ok: boolean; error?: string; result?: JobResult },
): Promise<void> {
  await sql`UPDATE job_runs SET last_finished_at = clock_timestamp(), last_ms = ${outcome.ms}, last_ok = ${outcome.ok},
      last_error = ${outcome.error ?? null}, last_result = ${outcome.result ? JSON.stringify(outcome.result) : null}::jsonb
    WHERE job = ${job} AND runs = ${runs}`.execute(owner);
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /^[A-Za-z0-9_]{1,64}$/.test(code) ? code : 'job_failed';
}

export interface JobRunner {
  /** Runs the job now on this node if it is due across nodes (tests); null when not run. */
  runNow(name: string): Promise<JobResult | null>;
  /** Stops the timers and waits for runs in progress. */
  stop(): Promise<void>;
}

/**
 * The server's one schedule of background jobs (main.ts). Every node ticks each job twice per
 * period; a tick runs the job only if this node wins its claim in job_runs, so a job runs once per
 * period across all nodes, on whichever node gets there first. `startInMs`: the first tick.
 * `manual` (or `everyMs` ≤ 0): no timers, runNow only.
 */
export function startJobs(deps: {
  owner: Kysely<DB>;
  logger: JobLogger;
  jobs: Job[];
  node?: string;
  startInMs?: number;
  /** no timers: runNow only (tests) */
  manual?: boolean;
}): JobRunner {
  const node = deps.node ?? nodeName();
  const running = new Map<string, Promise<JobResult | null>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  function attempt(job: Job): Promise<JobResult | null> {
    const current = running.get(job.name);
    if (current) return current;
    const p = (async () => {
      const runs = await claimRun(deps.owner, job.name, job.everyMs, node);
      if (runs === null) return null;
      const at = performance.now();
      try {
        const result = (await job.run()) ?? {};
        const ms = Math.round(performance.now() - at);
        await finishRun(deps.owner, job.name, runs, { ms, ok: true, result });
        if (Object.values(result).some((n) => n > 0)) deps.logger.info({ job: job.name, ms, ...result }, 'job run');
        return result;
      } catch (e) {
        const code = errorCode(e);
        await finishRun(deps.owner, job.name, runs, { ms: Math.round(performance.now() - at), ok: false, error: code });
        deps.logger.error({ job: job.name, code }, 'job failed');
        return null;
      }
    })().finally(() => running.delete(job.name));
    running.set(job.name, p);
    return p;
  }

  const tick = (job: Job) => {
    if (stopped) return;
    attempt(job).catch((e: unknown) => deps.logger.warn({ job: job.name, code: errorCode(e) }, 'job claim failed'));
  };
  for (const job of deps.jobs) {
    if (job.everyMs <= 0 || deps.manual) continue;
    const first = setTimeout(() => tick(job), deps.startInMs ?? 0);
    const every = setInterval(() => tick(job), Math.max(50, Math.floor(job.everyMs / 2)));
    first.unref();
    every.unref();
    timers.push(first, every);
  }

  return {
    runNow(name) {
      const job = deps.jobs.find((j) => j.name === name);
      if (!job) throw new Error(`unknown job ${name}`);
      return attempt(job);
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.all([...running.values()].map((p) => p.catch(() => null)));
    },
  };
}

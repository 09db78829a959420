import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** Linux clock ticks per second (getconf CLK_TCK is 100 on every common x86-64/arm64 kernel). */
export const CLK_TCK = 100;

/** utime + stime, in ms, from the text of /proc/<pid>/stat (the command name may hold spaces and brackets). */
export function parseStatCpuMs(stat: string): number {
  // Fields after "(comm) ": state is field 3, utime field 14, stime field 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

/** CPU time a process has used so far (all its threads), in ms; NaN when it is gone or not visible. */
export function processCpuMs(pid: number): number {
  try {
    return parseStatCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return Number.NaN;
  }
}

/** CPU (ms) of each process at one moment. */
export type CpuSnapshot = Map<number, number>;

/**
 * CPU used between two snapshots, summed over the processes. A process present in both counts
 * its difference; one that appeared in between counts all it used (a backend started during the
 * run); one that ended in between is lost (its CPU cannot be read any more). NaN when `after` is
 * empty: the processes are not visible from here (e.g. PostgreSQL in another PID namespace).
 */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): number {
  if (after.size === 0) return Number.NaN;
  let total = 0;
  for (const [pid, ms] of after) if (Number.isFinite(ms)) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** The PostgreSQL backends of `database` connected as `user` (the servers' pools), and their CPU so far. */
export async function backendsCpu(admin: pg.Client, database: string, user = 'percorsi_app'): Promise<CpuSnapshot> {
  const r = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND usename = $2', [
    database,
    user,
  ]);
  const out: CpuSnapshot = new Map();
  for (const { pid } of r.rows) {
    const ms = processCpuMs(pid);
    if (Number.isFinite(ms)) out.set(pid, ms);
  }
  return out;
}

/**
 * CPU per request of one measured run: the server process (Node, all threads) plus the
 * PostgreSQL backends of the database connected as percorsi_app. Both servers of a side-by-side
 * run connect as percorsi_app; the one not under load is idle, so its backends add nothing.
 */
export async function cpuMeter(admin: pg.Client, database: string, serverPid: number) {
  const node0 = processCpuMs(serverPid);
  const pg0 = await backendsCpu(admin, database);
  return async (requests: number) => {
    const nodeMs = processCpuMs(serverPid) - node0;
    const pgMs = cpuBetween(pg0, await backendsCpu(admin, database));
    const per = (ms: number) => (requests > 0 ? ms / requests : Number.NaN);
    return { nodeMsPerRequest: per(nodeMs), pgMsPerRequest: per(pgMs), totalMsPerRequest: per(nodeMs + pgMs) };
  };
}

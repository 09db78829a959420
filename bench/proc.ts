import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Linux clock ticks per second (getconf CLK_TCK is 100 on every common x86-64/arm64 kernel). */
const CLK_TCK = 100;

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after "(comm)": state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

/** VmRSS and VmHWM (peak) of a process, in MB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

/** The 1-minute load average against the number of cores: above 1, others compete for the CPU. */
export function busyness(): { loadAverage: number; cores: number; busy: boolean } {
  const loadAverage = os.loadavg()[0] ?? 0;
  const cores = os.cpus().length;
  return { loadAverage: Math.round(loadAverage * 100) / 100, cores, busy: loadAverage > cores };
}

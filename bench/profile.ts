import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The parts of a V8 .cpuprofile (node --cpu-prof) read here. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  /** CPU time of the main thread inside the window, ms */
  busyMs: number;
  /** share of busyMs by package (node_modules/<pkg>), src/server, node:<module> or V8 bucket */
  shares: Array<{ what: string; percent: number }>;
}

function category(frame: { functionName: string; url: string }): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native: syscalls, builtins)';
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.includes('/src/server/')) return 'src/server';
  if (url.includes('/bench/')) return 'bench';
  return url.startsWith('node:') ? 'node: core' : url;
}

/**
 * Where the main thread of a server spent its CPU during the last `seconds` before it exited
 * (the measured run; 0.3 s at the end are left out for the shutdown).
 */
export function summariseProfile(dir: string, seconds: number): ProfileSummary {
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread.
  const file = readdirSync(dir).find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  if (!file) throw new Error(`no main-thread profile in ${dir}`);
  const p = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const to = p.endTime - 300_000;
  const from = to - seconds * 1_000_000;
  const totals = new Map<string, number>();
  let at = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    at += p.timeDeltas[i] ?? 0;
    const frame = byId.get(p.samples[i] ?? -1);
    if (at < from || at > to || !frame) continue;
    const what = category(frame);
    if (what === '(idle)') continue;
    totals.set(what, (totals.get(what) ?? 0) + (p.timeDeltas[i + 1] ?? 0));
  }
  const busy = [...totals.values()].reduce((a, b) => a + b, 0);
  const shares = [...totals]
    .sort((a, b) => b[1] - a[1])
    .map(([what, us]) => ({ what, percent: busy ? (us / busy) * 100 : 0 }));
  return { busyMs: busy / 1000, shares };
}

import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatTargets, type TargetRow } from './targets.ts';

/** The commit the run measured (short hash, "-dirty" when the tree had changes). */
export function commitOf(root: string): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short=10', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    });
    return dirty.trim() ? `${hash}-dirty` : hash;
  } catch {
    return 'unknown';
  }
}

export interface SuiteSummary {
  at: string;
  commit: string;
  quick: boolean;
  machine: { cores: number; cpu: string; loadAverage: { start: number[]; end: number[] } };
  profile: Record<string, number>;
  targets: TargetRow[];
  errors: string[];
  seconds: number;
}

/** The short markdown summary kept beside the results file: every figure with its context. */
export function summaryMarkdown(s: SuiteSummary): string {
  const la = (x: number[]) => x.map((n) => n.toFixed(2)).join(' / ');
  return [
    `# Percorsi benchmarks — ${s.at}`,
    '',
    `- commit: ${s.commit}${s.quick ? ' (BENCH_QUICK=1: small data, short rounds; smoke figures only)' : ''}`,
    `- machine: ${s.machine.cores} × ${s.machine.cpu}; load average (1/5/15 min) at start ${la(s.machine.loadAverage.start)}, at end ${la(s.machine.loadAverage.end)}${
      s.machine.loadAverage.start[0] && s.machine.loadAverage.start[0] > s.machine.cores
        ? ' — busy machine: req/s, latencies and start times are noisy; CPU per request and ratios are steadier'
        : ''
    }`,
    `- profile: ${Object.entries(s.profile)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `- duration: ${s.seconds.toFixed(0)} s`,
    '',
    formatTargets(s.targets, 'markdown'),
    '',
    ...(s.errors.length ? ['## Errors', '', ...s.errors.map((e) => `- ${e}`), ''] : []),
    'Figures: median over the rounds, lowest–highest round in brackets. Method: bench/README.md.',
    '',
  ].join('\n');
}

/** bench/results/<timestamp>-<commit>.json (everything) and .md (the summary); returns both paths. */
export async function writeRun(root: string, summary: SuiteSummary, details: unknown): Promise<[string, string]> {
  const dir = path.join(root, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const stamp = summary.at.replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
  const base = path.join(dir, `${stamp}-${summary.commit}`);
  await writeFile(`${base}.json`, `${JSON.stringify({ ...summary, details }, null, 2)}\n`);
  await writeFile(`${base}.md`, summaryMarkdown(summary));
  return [`${base}.json`, `${base}.md`];
}

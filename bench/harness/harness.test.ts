import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closure, indexAssets, measureAssets } from './assets.ts';
import { cpuBetween, parseStatCpuMs, processCpuMs } from './cpu.ts';
import { summaryMarkdown } from './results.ts';
import { median, percentile, showSpread, spread } from './stats.ts';
import { check, cpuRatio, cpuRatioRow, formatTargets, missing } from './targets.ts';

describe('stats over rounds', () => {
  it('takes the median of odd and even counts and ignores what is not a number', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });
  it('reports the spread as lowest–highest and relative to the median', () => {
    const s = spread([10, 12, 8]);
    expect(s).toEqual({ median: 10, min: 8, max: 12, relative: 0.4, n: 3 });
    expect(showSpread(s, 0)).toBe('10 (8–12)');
    expect(showSpread(spread([7]), 1)).toBe('7.0');
  });
  it('nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([], 99)).toBeNaN();
  });
});

describe('CPU accounting', () => {
  it('reads utime + stime from /proc/<pid>/stat, even with spaces and brackets in the command name', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const stat = '4242 (postgres: a (b) c) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0 1 0';
    expect(parseStatCpuMs(stat)).toBe(3000);
  });
  it('sums the differences of the processes, counts a new one whole, and is NaN with nothing visible', () => {
    const before = new Map([
      [1, 100],
      [2, 50],
    ]);
    const after = new Map([
      [1, 160],
      [2, 50],
      [3, 30],
    ]);
    expect(cpuBetween(before, after)).toBe(90);
    expect(cpuBetween(before, new Map())).toBeNaN();
  });
  it('reads this process', () => {
    expect(processCpuMs(process.pid)).toBeGreaterThan(0);
    expect(processCpuMs(-1)).toBeNaN();
  });
});

describe('targets table', () => {
  it('gives each round its own floor ÷ app ratio', () => {
    expect(cpuRatio([10, 20, 5], [7, 10])).toEqual([0.7, 0.5]);
    const row = cpuRatioRow('case page', spread(cpuRatio([10, 10, 10], [6, 8, 7])));
    expect(row).toMatchObject({ figure: '0.70 (0.60–0.80)', target: '≥ 0.70', verdict: 'MET' });
    expect(cpuRatioRow('inbox', spread([0.5])).verdict).toBe('NOT MET');
    expect(cpuRatioRow('inbox', undefined, 'no run')).toMatchObject({ verdict: 'not measured', note: 'no run' });
  });
  it('checks both directions and never passes a missing figure', () => {
    const ms = (n: number) => `${n} ms`;
    expect(check('restart', 2999, '<', 3000, ms).verdict).toBe('MET');
    expect(check('restart', 3000, '<', 3000, ms).verdict).toBe('NOT MET');
    expect(check('restart', Number.NaN, '<', 3000, ms).verdict).toBe('not measured');
    expect(check('verify', 200_000, '≥', 200_000, String).verdict).toBe('MET');
  });
  it('formats as text and as markdown, with the reason of a missing figure', () => {
    const rows = [check('login | page', 100, '<', 120, (n) => `${n} KB`), missing('open case', '≥ 0.70', 'no floor')];
    const md = formatTargets(rows, 'markdown').split('\n');
    expect(md[0]).toBe('| measure | figure | target | verdict |');
    expect(md[2]).toBe('| login \\| page | 100 KB | < 120 KB | MET |');
    expect(md[3]).toBe('| open case | — | ≥ 0.70 | not measured (no floor) |');
    const text = formatTargets(rows);
    expect(text.split('\n')[2]).toMatch(/^open case\s+—\s+≥ 0.70\s+not measured \(no floor\)$/);
  });
  it('keeps the commit and the load average in the summary', () => {
    const md = summaryMarkdown({
      at: '2026-12-03T19:00:00.000Z',
      commit: 'abc1234567',
      quick: true,
      machine: { cores: 2, cpu: 'x', loadAverage: { start: [15.5, 14, 12], end: [16, 15, 13] } },
      profile: { rounds: 3 },
      targets: [missing('a', 'b', 'c')],
      errors: [],
      seconds: 100,
    });
    expect(md).toContain('commit: abc1234567 (BENCH_QUICK=1');
    expect(md).toContain('at start 15.50 / 14.00 / 12.00');
    expect(md).toContain('busy machine');
    expect(md).toContain('| a | — | b | not measured (c) |');
  });
});

describe('transferred assets', () => {
  it('finds what index.html loads and the static imports of each chunk', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'percorsi-assets-'));
    try {
      mkdirSync(path.join(root, 'assets'));
      writeFileSync(
        path.join(root, 'index.html'),
        '<script type="module" crossorigin src="/assets/index-a.js"></script><link rel="stylesheet" crossorigin href="/assets/index-b.css">',
      );
      writeFileSync(path.join(root, 'assets/index-a.js'), 'import{x}from"./shared-c.js";import("./CasePage-d.js")');
      writeFileSync(path.join(root, 'assets/shared-c.js'), 'export const x=1;'.repeat(50));
      writeFileSync(path.join(root, 'assets/index-b.css'), 'body{margin:0}'.repeat(50));
      writeFileSync(path.join(root, 'assets/CasePage-d.js'), 'import{x}from"./shared-c.js";import"./big-e.js";');
      writeFileSync(path.join(root, 'assets/big-e.js'), 'let a=1;'.repeat(5000));
      expect(indexAssets(readIndex(root))).toEqual(['assets/index-a.js', 'assets/index-b.css']);
      expect([...closure(root, 'assets/CasePage-d.js')].sort()).toEqual([
        'assets/CasePage-d.js',
        'assets/big-e.js',
        'assets/shared-c.js',
      ]);
      const sizes = measureAssets(root);
      expect(sizes.loginFiles.sort()).toEqual(['assets/index-a.js', 'assets/index-b.css', 'assets/shared-c.js']);
      expect(sizes.largestRoute?.name).toBe('CasePage');
      expect(sizes.largestRoute?.files.sort()).toEqual(['assets/CasePage-d.js', 'assets/big-e.js']);
      expect(sizes.largestRoute?.kb).toBeGreaterThan(sizes.loginKb);
      expect(sizes.precompressed).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

const readIndex = (root: string) => readFileSync(path.join(root, 'index.html'), 'utf8');

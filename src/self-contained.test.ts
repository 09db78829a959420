import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'dist', '.percorsi-data', 'coverage', 'test-results']);

/** The tracked files (git ls-files); without git, every file of the tree but the generated folders. */
function repositoryFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = path.join(dir, entry.name);
        if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(rel);
        else if (entry.isFile()) found.push(rel);
      }
    };
    walk('');
    return found;
  }
}

// One or more "up one folder" steps, then shared/ and a path: built from parts, so this file does not match itself.
const UP_TO_SHARED = new RegExp(`(?:\\.\\./)+${'shared'}/[\\w./-]*`, 'g');

/**
 * Mentions of a path up into a folder `shared` that do not land on a file of this repository:
 * `src/web/x.ts` importing `(one level up)/shared/codes/roles.ts` (= `src/shared/codes/roles.ts`) is fine; the
 * sibling folder's docs from the root, or its data from `src/server/network/`, are not.
 */
function pathsOutside(file: string, text: string): string[] {
  const dir = path.dirname(path.join(ROOT, file));
  return [...text.matchAll(UP_TO_SHARED)]
    .map((m) => m[0].replace(/[.]+$/, ''))
    .filter((ref) => {
      const target = path.resolve(dir, ref);
      return path.relative(ROOT, target).startsWith('..') || !existsSync(target);
    });
}

describe('the repository stands alone', () => {
  it('no tracked file outside docs/ points into a sibling ../shared folder', () => {
    const offenders: string[] = [];
    const files = repositoryFiles().filter((f) => !f.startsWith('docs/'));
    for (const file of files) {
      const full = path.join(ROOT, file);
      if (!existsSync(full) || !statSync(full).isFile() || statSync(full).size > 5_000_000) continue;
      for (const ref of pathsOutside(file, readFileSync(full, 'utf8'))) offenders.push(`${file}: ${ref}`);
    }
    expect(files.length).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });

  it('tells a path into this repository from a path out of it', () => {
    const up = '../';
    expect(pathsOutside('src/web/App.tsx', `import { ROLES } from '${up}shared/codes/roles.ts';`)).toEqual([]);
    expect(pathsOutside('README.md', `see ${up}shared/docs/DOMAIN.md.`)).toEqual([`${up}shared/docs/DOMAIN.md`]);
    expect(pathsOutside('src/server/network/network-data.ts', `'${up}shared/data/x.json'`)).toEqual([
      `${up}shared/data/x.json`,
    ]);
  });

  it('keeps the network data and its sources in data/network/', () => {
    const data = JSON.parse(readFileSync(path.join(ROOT, 'data/network/network-milano-pavia.json'), 'utf8')) as {
      sources: unknown[];
      networks: unknown[];
    };
    expect(data.sources.length).toBeGreaterThan(0);
    expect(data.networks).toHaveLength(8);
    expect(readdirSync(path.join(ROOT, 'data/network/sources')).some((f) => f.startsWith('003_'))).toBe(true);
  });
});

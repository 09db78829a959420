import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every import or re-export statement of a file (multi-line ones included). */
const statements = (text: string) => text.match(/^(?:import|export)\b[^;]*?\bfrom\s+'[^']+';/gms) ?? [];
const fromServer = (stmt: string) => /from\s+'(?:\.\.\/)+server\//.test(stmt);
const typeOnly = (stmt: string) => /^(?:import|export)\s+type\b/.test(stmt);

function valueImportsOfServer(text: string): string[] {
  return statements(text).filter((s) => fromServer(s) && !typeOnly(s));
}

function webFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return webFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the UI takes only types from the server', () => {
  it('finds a value import and accepts type-only ones (the check is not vacuous)', () => {
    expect(valueImportsOfServer("import { CaseDetail } from '../../server/cases/schemas.ts';")).toHaveLength(1);
    expect(valueImportsOfServer("import {\n  type A,\n  B,\n} from '../server/x.ts';")).toHaveLength(1);
    expect(valueImportsOfServer("export { A } from '../server/x.ts';")).toHaveLength(1);
    expect(valueImportsOfServer("import type { A } from '../server/x.ts';")).toEqual([]);
    expect(valueImportsOfServer("export type { A } from '../../server/x.ts';")).toEqual([]);
  });

  it('src/web imports nothing of src/server but with `import type` / `export type`', () => {
    const files = webFiles('src/web');
    expect(files.length).toBeGreaterThan(50);
    const offending = files.flatMap((f) => valueImportsOfServer(readFileSync(f, 'utf8')).map((s) => `${f}: ${s}`));
    expect(offending).toEqual([]);
    // and the typed client does read the server's contract
    expect(readFileSync('src/web/api-contract.ts', 'utf8')).toMatch(/import type \{ Contract \} from '\.\.\/server\//);
  });
});

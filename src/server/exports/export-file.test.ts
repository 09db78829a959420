import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formulaSafe, renderExport } from './export-file.ts';

const CANARIES = ['=HYPERLINK("http://evil.invalid","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

describe('formula-safe exports', () => {
  it('prefixes a cell that a spreadsheet would run, and nothing else', () => {
    for (const c of CANARIES) expect(formulaSafe(c)).toBe(`'${c}`);
    for (const ok of ['a=b', 'MI-2026-00001', '', 'Verdiani']) expect(formulaSafe(ok)).toBe(ok);
    expect(formulaSafe(-3)).toBe(-3);
    expect(formulaSafe(null)).toBe(null);
    expect(formulaSafe(true)).toBe(true);
  });

  const columns = [
    { header: { it: 'Valore', en: 'Value' }, value: (r: { v: string }) => r.v },
    { header: { it: 'Numero', en: 'Number' }, value: (_r: { v: string }) => 7 },
  ];

  it('writes a CSV whose every text cell is safe', async () => {
    const file = await renderExport(
      'csv',
      'en',
      'test',
      columns,
      CANARIES.map((v) => ({ v })),
    );
    const text = file.body.toString('utf8').replace(/^\uFEFF/, '');
    expect(file.contentType).toMatch(/^text\/csv/);
    expect(text.split('\r\n')[0] ?? text.split('\n')[0]).toMatch(/^Value,Number/);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.invalid"",""x"")"`);
    expect(text).toContain("'+1+1");
    expect(text).toContain("'@SUM(A1)");
    // no line starts a cell with a formula character
    for (const line of text.split(/\r?\n/).slice(1)) expect(line).not.toMatch(/^"?[=+\-@]/);
  });

  it('writes an XLSX with text cells, never formulas', async () => {
    const file = await renderExport(
      'xlsx',
      'it',
      'test',
      columns,
      CANARIES.map((v) => ({ v })),
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-'));
    const xlsx = path.join(dir, 'f.xlsx');
    writeFileSync(xlsx, file.body);
    const xml = execFileSync('unzip', ['-p', xlsx], { encoding: 'utf8' });
    expect(xml).toContain('Valore');
    expect(xml).toContain(`<t>'=HYPERLINK("http://evil.invalid","x")</t>`);
    expect(xml).not.toMatch(/<f>/);
    expect(xml).not.toMatch(/<si><t[^>]*>=/);
  });
});

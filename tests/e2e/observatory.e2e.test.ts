/**
 * The observatory from the control room's chair (issue 7): the dashboards with charts and tables,
 * the period and network switched through the filters (kept in the URL across a reload), the
 * women's feedback, a table's XLSX, and the quarterly PDF prepared as a job, downloaded and its
 * first page rendered (pdftoppm) and looked at: not blank, the report's title on it. axe on each.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfText } from '../../src/server/testing/pdf-text.ts';
import {
  expectNoAxeViolations,
  login,
  newSession,
  SCREENSHOTS,
  type Session,
  screenshot,
  setupBrowser,
} from './helpers.ts';

setupBrowser();

let room: Session;

const params = (s: Session) => new URL(s.page.url()).searchParams;
const status = (s: Session) =>
  s.page
    .getByRole('status')
    .filter({ hasText: /per|by/ })
    .first();

/** Share of dark pixels of a binary PGM (P5) image: a rendered page with text and charts has some. */
function darkShare(pgm: Buffer): number {
  const header = pgm.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a PGM image');
  const [whole, w, h] = header;
  const pixels = pgm.subarray((whole as string).length);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark / (Number(w) * Number(h));
}

describe('observatory: a control-room member reads, switches, downloads', () => {
  beforeAll(async () => {
    room = await newSession();
    await login(room.page, 'cabina.regia');
  });
  afterAll(async () => {
    await room?.close();
  });

  test('dashboards with charts and tables; period and network switched, kept across a reload', async () => {
    const { page } = room;
    await page.goto('/osservatorio');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Osservatorio');
    await expect.poll(() => page.locator('figure svg, .obs-chart svg').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('table').count()).toBeGreaterThan(0);
    // no raw small count anywhere: every cell is a number ≥ 5, 0, "<5", "n.d." or "nessun dato"
    const cells = await page.locator('table td').allTextContents();
    for (const c of cells.map((x) => x.trim()).filter((x) => /^\d+$/.test(x)))
      expect(Number(c) === 0 || Number(c) >= 5, `cell ${c}`).toBe(true);
    await expectNoAxeViolations(page, 'osservatorio funnel');
    await screenshot(page, 'observatory-funnel');

    // the year instead of the quarter
    await page.getByLabel('Tipo di periodo').selectOption('year');
    await expect.poll(() => params(room).get('period') ?? '').toMatch(/^year:\d{4}$/);
    const year = params(room).get('period');
    await expect.poll(() => status(room).textContent()).toContain(`: ${year?.slice(5)},`);

    // one network: the rows are that network's
    const network = page.getByLabel('Rete', { exact: true });
    const options = await network
      .locator('option')
      .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const pavia = options.find((o) => /Pavia/i.test(o.text));
    expect(pavia, 'a Pavia network among the choices').toBeTruthy();
    await network.selectOption(pavia?.value as string);
    await expect.poll(() => params(room).get('network')).toBe(pavia?.value);
    await expect
      .poll(async () => (await page.locator('table').first().locator('tbody th').allTextContents()).join('|'))
      .toMatch(/Pavia/i);

    // the state lives in the URL: a reload shows the same choice
    await page.reload();
    await expect.poll(() => page.getByLabel('Tipo di periodo').inputValue()).toBe('year');
    expect(params(room).get('period')).toBe(year);
    await expect.poll(() => page.getByLabel('Rete', { exact: true }).inputValue()).toBe(pavia?.value);

    // referrals and deadlines, then the women's feedback
    await page.getByRole('link', { name: 'Invii e termini' }).click();
    await expect.poll(() => params(room).get('d')).toBe('referrals');
    await page.getByRole('link', { name: 'Parere delle donne' }).click();
    await expect.poll(() => params(room).get('d')).toBe('feedback');
    await expect
      .poll(() => page.locator('table caption').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/ascoltata/)]));
    await expectNoAxeViolations(page, 'osservatorio feedback');
    await screenshot(page, 'observatory-feedback');
  });

  test('a table as XLSX, and the quarterly PDF prepared, downloaded and rendered', async () => {
    const { page } = room;
    await page.goto('/osservatorio?d=funnel');
    await expect.poll(() => page.locator('a[href*="format=xlsx"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const href = (await page.locator('a[href*="format=xlsx"]').first().getAttribute('href')) as string;
    const xlsx = await page.request.get(href);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers()['content-disposition']).toMatch(/^attachment/);
    expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');

    // the report: asked for, prepared as a job (progress polled), then offered for download
    const before = await page.locator('a[href$="/pdf"]').count();
    await page.getByRole('button', { name: 'Prepara il rapporto' }).click();
    const deadline = Date.now() + 120_000;
    while ((await page.locator('a[href$="/pdf"]').count()) <= before) {
      const panel = (await page.locator('.obs-report').textContent()) ?? '';
      if (Date.now() > deadline || /Non riuscito/.test(panel)) throw new Error(`report not ready: ${panel}`);
      await page.waitForTimeout(1000);
    }
    const pdfHref = (await page.locator('a[href$="/pdf"]').first().getAttribute('href')) as string;
    const pdf = await page.request.get(pdfHref);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(bytes)).toMatch(/Osservatorio/);

    // page 1 rendered and looked at: not blank, kept beside the screenshots
    const dir = mkdtempSync(path.join(tmpdir(), 'obs-pdf-'));
    writeFileSync(path.join(dir, 'report.pdf'), bytes);
    execFileSync('pdftoppm', [
      '-f',
      '1',
      '-l',
      '1',
      '-r',
      '50',
      '-gray',
      '-singlefile',
      path.join(dir, 'report.pdf'),
      path.join(dir, 'p'),
    ]);
    const pgm = readFileSync(path.join(dir, 'p.pgm'));
    const dark = darkShare(pgm);
    expect(dark).toBeGreaterThan(0.005);
    expect(dark).toBeLessThan(0.6);
    execFileSync('pdftoppm', [
      '-f',
      '1',
      '-l',
      '1',
      '-r',
      '60',
      '-png',
      '-singlefile',
      path.join(dir, 'report.pdf'),
      path.join(SCREENSHOTS, 'observatory-report-page1'),
    ]);
    await expectNoAxeViolations(page, 'osservatorio report ready');
  });
});

/** Her rights: the DPO downloads her access report from the case (keyboard, axe, Italian and English). */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  apiOf,
  en as EN,
  expectNoAxeViolations,
  fmt,
  it as IT,
  login,
  newSession,
  ready,
  type Session,
  setupBrowser,
  visit,
} from './helpers.ts';

setupBrowser();

describe('access report (DPO)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
    await s.page.goto('/login');
    await login(s.page, 'dpo.cadmi');
    await ready(s.page);
  });
  afterAll(() => s.close());

  test('the case offers her report by keyboard, and it downloads as PDF and JSON', async () => {
    const page = s.page;
    const cases = await apiOf(page)<{ items: Array<{ id: string; code: string }> }>('GET', '/cases?limit=1');
    const c = cases.items[0];
    if (!c) throw new Error('no demo case at the DPO’s centre');
    await visit(page, `/percorsi/${c.id}`);
    await ready(page, fmt(IT.casePage.title, { code: c.code }));
    const section = page.locator('main section.access-report');
    await section.getByRole('heading', { name: IT.rights.reportHeading }).waitFor();
    await expectNoAxeViolations(page, 'case with access report (it)');

    // by keyboard: Tab reaches the Italian PDF link
    const pdfName = fmt(IT.rights.reportPdf, { lang: IT.lang.it });
    const link = section.getByRole('link', { name: pdfName });
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await link.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'the report link is reachable by Tab').toBe(true);

    const href = await link.getAttribute('href');
    const pdf = await page.request.get(href ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const jsonHref = await section.getByRole('link', { name: IT.rights.reportJson }).getAttribute('href');
    const json = await page.request.get(jsonHref ?? '');
    expect(json.status()).toBe(200);
    expect(((await json.json()) as { case: { code: string } }).case.code).toBe(c.code);

    // English
    await page.getByRole('button', { name: IT.lang.en, exact: true }).click();
    await section.getByRole('heading', { name: EN.rights.reportHeading }).waitFor();
    expect(await section.getByRole('link', { name: fmt(EN.rights.reportPdf, { lang: EN.lang.en }) }).count()).toBe(1);
    await expectNoAxeViolations(page, 'case with access report (en)');
    await page.getByRole('button', { name: EN.lang.it, exact: true }).click();
  });

  test('the insider alerts page passes axe (it, en)', async () => {
    const page = s.page;
    await visit(page, '/allerte');
    await ready(page, IT.rights.alerts.title);
    await expectNoAxeViolations(page, 'insider alerts (it)');
    await page.getByRole('button', { name: IT.lang.en, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: EN.rights.alerts.title }).waitFor();
    await expectNoAxeViolations(page, 'insider alerts (en)');
    await page.getByRole('button', { name: EN.lang.it, exact: true }).click();
  });
});

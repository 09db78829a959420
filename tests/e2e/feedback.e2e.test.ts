/**
 * Her anonymous feedback (/parere/<token>): the plan printed for her carries the link; the form
 * works with JavaScript disabled, sets no cookie, takes one answer per token, and is axe clean in
 * Italian and English (also with its error).
 */
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfText } from '../../src/server/testing/pdf-text.ts';
import { e2e } from './context.ts';
import { expectNoAxeViolations, login, newSession, type Session, screenshot, setupBrowser } from './helpers.ts';

setupBrowser();

let operator: Session;
let caseId: string;

/** Prints the plan of one of her centre's cases and reads the feedback link off the PDF. */
async function printedToken(): Promise<string> {
  const pdf = await operator.page.request.get(`/api/v1/cases/${caseId}/plan/print?lang=en`);
  expect(pdf.status()).toBe(200);
  const text = pdfText(await pdf.body()).replace(/\s+/g, ' ');
  const token = /\/parere\/([A-Za-z0-9_-]{22})/.exec(text)?.[1];
  expect(token, 'feedback link on the plan').toBeTruthy();
  return token as string;
}

describe('women’s anonymous feedback form', () => {
  let bare: Browser;
  beforeAll(async () => {
    operator = await newSession();
    await login(operator.page, 'operatrice.cadmi');
    const cases = await operator.page.request.get('/api/v1/cases');
    caseId = ((await cases.json()) as { items: { id: string }[] }).items[0]!.id;
    bare = await chromium.connect(e2e().wsEndpoint);
  });
  afterAll(async () => {
    await operator?.close();
    await bare?.close();
  });

  test('works with JavaScript disabled, sets no cookie, and takes one answer per token', async () => {
    const token = await printedToken();
    const context = await bare.newContext({ baseURL: e2e().baseUrl, javaScriptEnabled: false, locale: 'it-IT' });
    const page = await context.newPage();
    const cookies: string[] = [];
    page.on('response', async (r) => {
      const set = await r.headerValue('set-cookie');
      if (set) cookies.push(`${r.url()}: ${set}`);
    });
    const res = await page.goto(`/parere/${token}`);
    expect(res?.status()).toBe(200);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Il tuo parere sul percorso');
    expect(await page.locator('script').count()).toBe(0);
    await page.getByLabel('Sì').first().check();
    await page.getByLabel('Un lavoro').check();
    await page.getByLabel('Una casa').check();
    await screenshot(page, 'feedback-form-nojs-it');
    await page.getByRole('button', { name: 'Invia il parere' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Grazie');
    await screenshot(page, 'feedback-thanks-nojs-it');
    // the same link again: refused, with a clear page
    await page.goto(`/parere/${token}/en`);
    expect(await page.locator('h1').textContent()).toBe('You have already answered');
    expect(await page.locator('form').count()).toBe(0);
    const again = await context.request.post(`/parere/${token}`, { form: { listened: 'no' } });
    expect(again.status()).toBe(409);
    expect(await again.text()).toContain('Hai già risposto');
    expect(cookies).toEqual([]);
    expect((await context.cookies()).length).toBe(0);
    await context.close();
  });

  test('axe clean: the form in Italian and English, with its error, and the thanks page', async () => {
    const token = await printedToken();
    const s = await newSession();
    const { page } = s;
    await page.goto(`/parere/${token}`);
    await expectNoAxeViolations(page, 'feedback form (it)');
    await page.getByRole('button', { name: 'Invia il parere' }).click();
    await expect.poll(() => page.locator('[role="alert"] h2').textContent()).toBe('Il parere non è stato inviato');
    await expectNoAxeViolations(page, 'feedback form with error (it)');
    await screenshot(page, 'feedback-error-it');
    await page.goto(`/parere/${token}/en`);
    await expectNoAxeViolations(page, 'feedback form (en)');
    await screenshot(page, 'feedback-form-en');
    await page.getByLabel('Partly').first().check();
    await page.getByRole('button', { name: 'Send my opinion' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Thank you');
    await expectNoAxeViolations(page, 'feedback thanks (en)');
    const unknown = await page.goto('/parere/AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown?.status()).toBe(404);
    await expectNoAxeViolations(page, 'feedback unknown link (it)');
    // the 404 is expected here, not a browser problem
    s.problems.consoleErrors.length = 0;
    await s.close();
  });
});

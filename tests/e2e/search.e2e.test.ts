// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/** The caseload's search, sorting, phone layout and exports, as a centre operator uses them. */
import { describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  fmt,
  it as IT,
  login,
  newSession,
  poll,
  ready,
  screenshot,
  setupBrowser,
  visit,
} from './helpers.ts';

setupBrowser();

const caseTable = (page: import('playwright-core').Page) =>
  page.locator('main table', { has: page.locator('caption', { hasText: IT.caseload.tableCaption }) });
const statusText = (page: import('playwright-core').Page) => page.locator('main p[role="status"]').innerText();

describe('caseload search', () => {
  test('"Verd" finds Verdiani; the search survives a reload but never enters the URL; total; sort', async () => {
    const { page } = await newSession();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto('/login');
    await login(page, 'operatrice.cadmi');
    await ready(page);
    await visit(page, '/percorsi');
    await ready(page, IT.caseload.title);
    await caseTable(page).waitFor();

    // the total, not the page size (the demo centre has more cases than a page)
    const all = await statusText(page);
    const total = Number(/(\d+)/.exec(all)?.[1]);
    expect(total, all).toBeGreaterThan(25);
    expect(await caseTable(page).locator('tbody tr').count()).toBe(25);

    await page.locator('#case-search').fill('Verd');
    await page.locator('main form').getByRole('button', { name: IT.caseload.searchSubmit, exact: true }).click();
    await poll(
      () => statusText(page),
      (t) => t.startsWith(IT.caseload.searchActive),
      'search results',
    );
    const found = await statusText(page);
    expect(found).toMatch(new RegExp(`${IT.common.resultOne}|${fmt(IT.common.results, { count: '\\d+' })}`));
    const rows = caseTable(page).locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    expect(await rows.count()).toBeLessThan(25);
    expect(page.url()).not.toMatch(/verd/i);
    await expectNoAxeViolations(page, 'caseload search');

    // a reload keeps the search (history state), and still no name in any URL
    const codes = await rows.locator('th a').allInnerTexts();
    await page.reload();
    await ready(page, IT.caseload.title);
    await poll(
      () => statusText(page),
      (t) => t === found,
      'same results after reload',
    );
    expect(await caseTable(page).locator('tbody th a').allInnerTexts()).toEqual(codes);
    expect(await page.locator('#case-search').inputValue()).toBe('Verd');
    expect(requests.filter((u) => /verd/i.test(u))).toEqual([]);

    // no woman matches: the message says so, not "the filters"
    await page.locator('#case-search').fill('Zzyzx');
    await page.locator('main form').getByRole('button', { name: IT.caseload.searchSubmit, exact: true }).click();
    await page.locator('main').getByText(IT.caseload.noWomanMatches).waitFor();
    expect(await page.locator('main').innerText()).not.toContain(IT.caseload.empty);

    // a case code prefix finds it
    await page.locator('#case-search').fill(codes[0] as string);
    await page.locator('main form').getByRole('button', { name: IT.caseload.searchSubmit, exact: true }).click();
    await poll(
      () => statusText(page),
      (t) => t.endsWith(IT.common.resultOne),
      'one case by its code',
    );
    await page.locator('main').getByRole('button', { name: IT.caseload.searchClear }).click();
    await poll(
      () => statusText(page),
      (t) => t === all,
      'the whole caseload again',
    );

    // sorting: by risk, descending; the header says so and the URL keeps it
    const riskHeader = caseTable(page).locator('thead th', { hasText: IT.caseFields.riskLevel });
    await riskHeader.getByRole('button').click();
    await poll(
      () => riskHeader.getAttribute('aria-sort'),
      (v) => v === 'ascending',
      'ascending',
    );
    await riskHeader.getByRole('button').click();
    await poll(
      () => riskHeader.getAttribute('aria-sort'),
      (v) => v === 'descending',
      'descending',
    );
    expect(new URL(page.url()).search).toContain('sort=riskLevel');
    await poll(
      () => caseTable(page).locator('tbody tr').first().innerText(),
      (t) => t.includes(IT.urgency.kinds.high_risk),
      'high risk first',
    );
    await page.reload();
    await ready(page, IT.caseload.title);
    expect(await riskHeader.getAttribute('aria-sort')).toBe('descending');
    await expectNoAxeViolations(page, 'caseload sorted');
  });

  test('on a 375 px screen the caseload is cards with the code on one line, status and due items', async () => {
    const { page } = await newSession({ viewport: { width: 375, height: 800 } });
    await page.goto('/login');
    await login(page, 'operatrice.cadmi');
    await ready(page);
    await visit(page, '/percorsi');
    await ready(page, IT.caseload.title);
    const cards = page.locator('main .case-card');
    await cards.first().waitFor();
    expect(await caseTable(page).isVisible()).toBe(false);
    expect(await cards.count()).toBe(25);
    for (let i = 0; i < 5; i++) {
      const card = cards.nth(i);
      const code = card.locator('.case-code');
      const box = await code.boundingBox();
      const lineHeight = await code.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
      expect(box?.height ?? 99).toBeLessThan(lineHeight * 1.5);
      const text = await card.innerText();
      expect(text).toMatch(new RegExp(`${IT.labels.caseStatus.open}|${IT.labels.caseStatus.closed}`));
      expect(text).toContain(IT.caseload.dueCard);
    }
    // nothing sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page, 'caseload at 375 px');
    await screenshot(page, 'caseload-375', false);
  });
});

// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/**
 * Forms keep her work (issue 14): the intake saves a sealed draft while she types; a reload keeps
 * the values and the step; leaving with changes not yet saved asks first (in the app and when the
 * page unloads); the draft can be discarded. axe is clean on the new steps and the dialog.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  expectNoAxeViolations,
  it as IT,
  login,
  mainText,
  newSession,
  ready,
  type Session,
  screenshot,
  setupBrowser,
  visit,
  waitForPath,
} from './helpers.ts';

setupBrowser();

const button = (page: Page, name: string) => page.locator('main').getByRole('button', { name, exact: true });
const current = (page: Page) => page.locator('main [aria-current="step"]');
const status = (page: Page) => page.locator('main .draft-status');
const SAVED = IT.drafts.savedAt.replace(' {time}', '');

describe('intake drafts (it)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
    await visit(s.page, '/login');
    // another operator than the case journey's, so that the two never share a draft
    await login(s.page, 'operatrice.hara');
  });
  afterAll(() => s.close());

  test('a reload mid-intake keeps the draft and the step', async () => {
    const { page } = s;
    await visit(page, '/percorsi/nuovo');
    await ready(page, IT.intake.title);
    await page.locator('#intake-referralSource').selectOption('social_services');
    await button(page, IT.intake.next).click();
    await expect.poll(() => current(page).innerText()).toContain(IT.intake.steps.profile);
    await page.locator('#intake-ageBand').selectOption('40_49');
    await page.locator('#intake-employment').selectOption('unemployed');
    await expect.poll(() => status(page).innerText(), { timeout: 10_000 }).toContain(SAVED);
    // the second step is now short: her profile and her children only
    expect(await page.locator('#intake-violenceTypes-physical').count()).toBe(0);
    await expectNoAxeViolations(page, 'intake step 2 (saved)');

    await page.reload();
    await ready(page, IT.intake.title);
    await expect.poll(() => current(page).innerText()).toContain(IT.intake.steps.profile);
    expect(await page.locator('#intake-ageBand').inputValue()).toBe('40_49');
    expect(await page.locator('#intake-employment').inputValue()).toBe('unemployed');
    expect(await mainText(page)).toContain(IT.drafts.discard);
    await expectNoAxeViolations(page, 'intake restored from its draft');
    await screenshot(page, 'intake-draft-restored-it');

    // the violence and risk step, new: axe-clean too
    await button(page, IT.intake.next).click();
    await expect.poll(() => current(page).innerText()).toContain(IT.intake.steps.situation);
    expect(await page.locator('#intake-riskLevel').count()).toBe(1);
    await expectNoAxeViolations(page, 'intake violence and risk step');
    await button(page, IT.intake.back).click();
    await expect.poll(() => current(page).innerText()).toContain(IT.intake.steps.profile);
  });

  test('leaving with unsaved changes asks first: stay, or save the draft and leave', async () => {
    const { page } = s;
    const dialog = page.getByRole('dialog', { name: IT.drafts.leaveTitle });
    const cases = page.locator('header nav').getByRole('link', { name: IT.nav.cases, exact: true });
    await page.locator('#intake-citizenship').selectOption('eu');
    await cases.click();
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'leave dialog');
    await screenshot(page, 'intake-draft-leave-it');
    await dialog.getByRole('button', { name: IT.drafts.stay }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForPath(page, '/percorsi/nuovo');

    await page.locator('#intake-citizenship').selectOption('non_eu');
    await cases.click();
    await dialog.getByRole('button', { name: IT.drafts.leaveSave }).click();
    await waitForPath(page, '/percorsi');
    await visit(page, '/percorsi/nuovo');
    await ready(page, IT.intake.title);
    await expect.poll(() => page.locator('#intake-citizenship').inputValue()).toBe('non_eu');

    // with everything saved, leaving asks nothing
    await expect.poll(() => status(page).innerText()).toContain(SAVED);
    await cases.click();
    await waitForPath(page, '/percorsi');
    expect(await dialog.isVisible()).toBe(false);
  });

  test('closing the page with unsaved changes triggers the browser’s warning', async () => {
    const { page } = s;
    await visit(page, '/percorsi/nuovo');
    await ready(page, IT.intake.title);
    await page.locator('#intake-ageBand').waitFor();
    await page.locator('#intake-ageBand').selectOption('50_59');
    const asked = new Promise<string>((resolve) => {
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      });
    });
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    // Dismissing the warning keeps the page open, with its pending autosave: close it for good, so
    // that it cannot save its draft again while the next test discards it.
    await page.close();
  });

  test('the draft can be discarded: the form is empty again and nothing comes back', async () => {
    s.page = await s.context.newPage();
    const { page } = s;
    await visit(page, '/percorsi/nuovo');
    await ready(page, IT.intake.title);
    await button(page, IT.drafts.discard).click();
    await button(page, IT.drafts.discardYes).click();
    await expect.poll(() => mainText(page)).toContain(IT.drafts.discarded);
    await expect.poll(() => current(page).innerText()).toContain(IT.intake.steps.dates);
    expect(await page.locator('#intake-referralSource').inputValue()).toBe('');
    await page.reload();
    await ready(page, IT.intake.title);
    await page.locator('#intake-referralSource').waitFor();
    expect(await mainText(page)).not.toContain(IT.drafts.discard);
    expect(await page.locator('#intake-referralSource').inputValue()).toBe('');
  });
});

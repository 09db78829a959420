// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/** 2. Italian by default, English on request, the choice survives a reload. */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { en as EN, it as IT, newSession, ready, setupBrowser } from './helpers.ts';

setupBrowser();

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const labelOf = (page: Page, id: string) => page.locator(`label[for="${id}"]`).innerText();
const pressed = (page: Page, name: string) =>
  page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed');

describe('language', () => {
  test('Italian by default, switch to English, persists across reload, back to Italian', async () => {
    expect(EN.login.username).not.toBe(IT.login.username);
    const { page } = await newSession();

    const res = await page.goto('/login');
    // The HTML itself is Italian before any script runs.
    expect(await res?.text()).toMatch(/<html lang="it"/);
    await ready(page, IT.login.title);
    expect(await htmlLang(page)).toBe('it');
    expect((await labelOf(page, 'username')).trim()).toBe(IT.login.username);
    expect((await labelOf(page, 'password')).trim()).toBe(IT.login.password);
    expect(await page.locator('main form button[type="submit"]').innerText()).toBe(IT.login.submit);
    expect(await page.title()).toBe(`${IT.login.title} — ${IT.app.titleSuffix}`);
    expect(await pressed(page, IT.lang.it)).toBe('true');
    expect(await pressed(page, IT.lang.en)).toBe('false');

    await page.getByRole('button', { name: IT.lang.en, exact: true }).click();
    await ready(page, EN.login.title);
    expect(await htmlLang(page)).toBe('en');
    expect((await labelOf(page, 'username')).trim()).toBe(EN.login.username);
    expect(await page.locator('main form button[type="submit"]').innerText()).toBe(EN.login.submit);
    expect(await page.locator('.skiplinks a').first().textContent()).toBe(EN.skip.main);
    expect(await page.title()).toBe(`${EN.login.title} — ${EN.app.titleSuffix}`);
    expect(await pressed(page, EN.lang.en)).toBe('true');

    await page.reload();
    await ready(page, EN.login.title);
    expect(await htmlLang(page)).toBe('en');
    expect((await labelOf(page, 'username')).trim()).toBe(EN.login.username);

    // Another page, same language.
    await page.goto('/password-dimenticata');
    await ready(page, EN.password.forgotTitle);
    expect(await htmlLang(page)).toBe('en');

    await page.getByRole('button', { name: EN.lang.it, exact: true }).click();
    await ready(page, IT.password.forgotTitle);
    expect(await htmlLang(page)).toBe('it');
    await page.reload();
    await ready(page, IT.password.forgotTitle);
    expect(await htmlLang(page)).toBe('it');
  });
});

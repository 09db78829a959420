// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/** 5. Keyboard: skip link first, Enter moves focus to <main>, sign-in with the keyboard only. */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { demoUser } from './context.ts';
import { claimTotp, it as IT, newSession, ready, setupBrowser, waitForPath, withUserLock } from './helpers.ts';

setupBrowser();

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? '',
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.textContent ?? '').trim(),
      href: el?.getAttribute('href') ?? '',
      width: el?.getBoundingClientRect().width ?? 0,
      height: el?.getBoundingClientRect().height ?? 0,
    };
  });

/** Presses Tab until the element with this id has focus (at most `max` times). */
async function tabTo(page: Page, id: string, max = 25): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).id === id) return i;
  }
  throw new Error(`#${id} not reached with ${max} Tab presses`);
}

describe('keyboard', () => {
  test('skip link, focus to main, sign-in by keyboard only', async () => {
    const { page } = await newSession();
    await page.goto('/login');
    await ready(page, IT.login.title);

    // First Tab: the skip link to the main content, visible when focused.
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip.tag).toBe('a');
    expect(skip.text).toBe(IT.skip.main);
    expect(skip.href).toBe('#main');
    expect(skip.width).toBeGreaterThan(1);
    expect(skip.height).toBeGreaterThan(1);

    // Enter: focus moves into <main>.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('main');
    // The next Tab reaches the first field of the form.
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('username');

    const user = demoUser('servizi.milano');
    await page.keyboard.type(user.username);
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('password');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');

    // TOTP step: focus goes to its heading; Tab reaches the code field.
    await page.locator('#totp-code').waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('h1');
    expect((await focused(page)).text).toBe(IT.login.totpTitle);
    await tabTo(page, 'totp-code', 3);
    await withUserLock(user.username, async () => {
      await page.keyboard.type(await claimTotp(user));
      await page.keyboard.press('Enter');
      await waitForPath(page, '/');
    });
    await ready(page);
    expect(await page.locator('header').innerText()).toContain(IT.nav.logout);

    // Signed in: still the skip link first (after a full load), and the menu is reachable.
    await page.reload();
    await ready(page);
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe(IT.skip.main);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe('main');
  });
});

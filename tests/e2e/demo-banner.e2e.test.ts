// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/** 8. The "DEMO — dati sintetici" banner. */
import { describe, expect, test } from 'vitest';
import { en as EN, it as IT, newSession, ready, setupBrowser } from './helpers.ts';

setupBrowser();

describe('demo banner', () => {
  test('visible on the login page, in the current language', async () => {
    const { page } = await newSession();
    expect(((await (await page.request.get('/api/v1/meta')).json()) as { demo: boolean }).demo).toBe(true);
    await page.goto('/login');
    await ready(page, IT.login.title);
    const banner = page.locator('.demo-banner');
    await banner.waitFor({ state: 'visible' });
    expect(await banner.innerText()).toContain(IT.app.demoBanner);
    expect(IT.app.demoBanner).toMatch(/^DEMO — dati sintetici/);
    const box = await banner.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(10);

    await page.getByRole('button', { name: IT.lang.en, exact: true }).click();
    await ready(page, EN.login.title);
    expect(await banner.innerText()).toContain(EN.app.demoBanner);
  });
});

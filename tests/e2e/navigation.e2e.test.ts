/**
 * The main menu fits the window for the roles with the most screens (wave 2 gave a coordinator a
 * dozen): at 1280 px the page is never wider than the window and every menu link is on screen.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { login, newSession, type Session, screenshot, setupBrowser } from './helpers.ts';

setupBrowser();

const sessions: Session[] = [];
afterAll(async () => {
  for (const s of sessions) await s.close();
});

describe('main menu at 1280 px', () => {
  for (const username of ['coordinatrice.milano', 'cabina.regia', 'admin.piattaforma', 'referente.cpi.milano']) {
    test(`${username}: no horizontal overflow, every menu link visible`, async () => {
      const s = await newSession();
      sessions.push(s);
      await s.page.setViewportSize({ width: 1280, height: 900 });
      await login(s.page, username);
      await expect.poll(() => s.page.locator('#main-menu .nav-link').count()).toBeGreaterThan(3);
      const width = await s.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(1280);
      for (const link of await s.page.locator('#main-menu .nav-link').all()) {
        const box = await link.boundingBox();
        expect(box, (await link.textContent()) ?? undefined).not.toBeNull();
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1280);
      }
      await screenshot(s.page, `menu-1280-${username}`, false);
    });
  }
});

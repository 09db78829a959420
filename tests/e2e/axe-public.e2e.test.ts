/**
 * 6a. axe (WCAG 2.1 A/AA), zero violations on the public pages: login (also with errors, in
 * English and on a phone), forgot password, accessibility statement, privacy, 404.
 * Screenshots go to tests/e2e/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  axeCheck,
  en as EN,
  expectNoAxeViolations,
  it as IT,
  newSession,
  type Session,
  screenshot,
  setupBrowser,
} from './helpers.ts';

setupBrowser();

describe('axe, signed out (it)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
  });
  afterAll(() => s.close());

  test('the check itself catches violations', async () => {
    await s.page.setContent('<html><body><main><h1>x</h1><img src="data:,"><input></main></body></html>');
    await expect(expectNoAxeViolations(s.page, 'broken fixture')).rejects.toThrow(/image-alt[\s\S]*label/);
  });
  test('login', async () => {
    await axeCheck(s.page, '/login', IT.login.title, 'login (it)', 'login-it');
  });
  test('login with errors (empty submit)', async () => {
    await s.page.locator('main form button[type="submit"]').click();
    await s.page.locator('main .error-summary').waitFor();
    await expectNoAxeViolations(s.page, 'login with errors (it)');
    await screenshot(s.page, 'login-errors-it');
  });
  test('forgot password', async () => {
    await axeCheck(s.page, '/password-dimenticata', IT.password.forgotTitle, 'forgot password (it)');
  });
  test('accessibility statement', async () => {
    await axeCheck(s.page, '/accessibilita', IT.legal.accessibilityTitle, 'accessibility statement (it)');
  });
  test('privacy', async () => {
    await axeCheck(s.page, '/privacy', IT.legal.privacyTitle, 'privacy (it)');
  });
  test('404', async () => {
    await axeCheck(s.page, '/pagina-che-non-esiste', IT.notFound.title, '404 (it)', 'not-found-it');
  });
});

describe('axe, signed out (en) and small screen', () => {
  test('login (en)', async () => {
    const s = await newSession({ lang: 'en' });
    await axeCheck(s.page, '/login', EN.login.title, 'login (en)', 'login-en');
    await s.close();
  });
  test('login on a phone (it)', async () => {
    const s = await newSession({ viewport: { width: 390, height: 844 } });
    await axeCheck(s.page, '/login', IT.login.title, 'login on a phone (it)', 'login-phone-it');
    await s.close();
  });
});

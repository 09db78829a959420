// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/**
 * Passkeys (issue 12) with Chromium's virtual authenticator (CDP WebAuthn domain): she enrols a
 * passkey on her security page, signs in with it alone, uses it as the second factor after her
 * password, and revokes it.
 */
import { describe, expect, test } from 'vitest';
import {
  DISPLAY_NAMES,
  expectNoAxeViolations,
  fmt,
  it as IT,
  login,
  newSession,
  ready,
  setupBrowser,
  visit,
  waitForPath,
  withUserLock,
} from './helpers.ts';

setupBrowser();

const USER = 'coordinatrice.pavia';

describe('passkeys', () => {
  test('enrol a passkey, sign in with it (alone, then after the password), revoke it', async () => {
    const { page } = await newSession();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    const user = await login(page, USER);
    const name = DISPLAY_NAMES[USER] ?? '';
    const signedIn = () =>
      expect.poll(() => page.locator('header').innerText()).toContain(fmt(IT.nav.signedInAs, { name }));

    // Her security page, from the header: no passkey yet.
    await page.locator('header').getByRole('link', { name: IT.security.nav }).click();
    await waitForPath(page, '/account/sicurezza');
    await ready(page, IT.security.title);
    await expect.poll(() => page.locator('main').innerText()).toContain(IT.security.none);
    await expectNoAxeViolations(page, 'security page (empty)');

    // A name is required; then the authenticator answers and the row appears.
    await page.getByRole('button', { name: IT.security.add }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain(IT.security.addNameRequired);
    await page.locator('#passkey-name').fill('Portatile di lavoro');
    await page.getByRole('button', { name: IT.security.add }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain(IT.security.added);
    const row = page.locator('main table tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().innerText()).toContain('Portatile di lavoro');
    await expectNoAxeViolations(page, 'security page (one passkey)');

    // Sign out, then in with the passkey alone (the virtual device verifies her).
    await page.locator('header').getByRole('button', { name: IT.nav.logout }).click();
    await waitForPath(page, '/login');
    await ready(page, IT.login.title);
    await page.getByRole('button', { name: IT.passkeyLogin.signIn }).click();
    await waitForPath(page, '/');
    await signedIn();

    // Sign out, then password + passkey as the second factor (in place of the TOTP code).
    await page.locator('header').getByRole('button', { name: IT.nav.logout }).click();
    await waitForPath(page, '/login');
    await withUserLock(USER, async () => {
      await page.locator('#username').fill(user.username);
      await page.locator('#password').fill(user.password);
      await page.locator('main form button[type="submit"]').click();
      await page.locator('#totp-code').waitFor({ state: 'visible' });
      await page.getByRole('button', { name: IT.passkeyLogin.useInstead }).click();
      await waitForPath(page, '/');
    });
    await signedIn();

    // Revoke it: the list is empty, and the passkey no longer signs in.
    await visit(page, '/account/sicurezza');
    await ready(page, IT.security.title);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: fmt(IT.security.revokeLabel, { name: 'Portatile di lavoro' }) }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain(IT.security.revoked);
    await expect.poll(() => row.count()).toBe(0);
    await page.locator('header').getByRole('button', { name: IT.nav.logout }).click();
    await waitForPath(page, '/login');
    await page.getByRole('button', { name: IT.passkeyLogin.signIn }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain(IT.passkeyLogin.failed);
  });
});

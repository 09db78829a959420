// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/** 1. Sign in with password + TOTP, home page, sign out, the old session cookie is dead. */
import { describe, expect, test } from 'vitest';
import { e2e } from './context.ts';
import { DISPLAY_NAMES, fmt, it as IT, login, newSession, ready, setupBrowser, visit, waitForPath } from './helpers.ts';

setupBrowser();

describe('sign-in and sign-out', () => {
  test('centre operator signs in with password + TOTP, sees home, signs out, old cookie refused', async () => {
    const { baseUrl } = e2e();
    const { page, context } = await newSession();

    // A protected page sends a signed-out user to the login page.
    await page.goto('/reti');
    await waitForPath(page, '/login');
    await ready(page, IT.login.title);

    const user = await login(page, 'operatrice.cadmi');
    // Back to the page asked for before signing in.
    await waitForPath(page, '/reti');
    await visit(page, '/');
    await waitForPath(page, '/');

    const name = DISPLAY_NAMES['operatrice.cadmi'] as string;
    await ready(page, fmt(IT.home.title, { name }));
    // The home names her organisation and her roles above the work queues.
    const details = page.locator('main h1 + p');
    await expect.poll(() => details.innerText()).toContain(user.organisationName);
    await expect.poll(() => details.innerText()).toContain(IT.labels.roles.centre_operator);
    // The header names the signed-in user and offers "Esci".
    await expect.poll(() => page.locator('header').innerText()).toContain(fmt(IT.nav.signedInAs, { name }));
    const logout = page.locator('header').getByRole('button', { name: IT.nav.logout });
    expect(await logout.isVisible()).toBe(true);
    // The demo banner is shown to signed-in users too.
    expect(await page.locator('.demo-banner').innerText()).toContain(IT.app.demoBanner);

    // The session cookie: __Host- prefixed, Secure, HttpOnly, SameSite=Strict.
    const cookies = await context.cookies(baseUrl);
    const session = cookies.find((c) => c.name === '__Host-percorsi_session');
    expect(session, `session cookie among ${cookies.map((c) => c.name).join(', ')}`).toBeDefined();
    if (!session) return;
    expect(session.secure).toBe(true);
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Strict');
    expect(session.path).toBe('/');

    // The cookie alone, sent by another client, opens the session while it is alive…
    const withOldCookie = () =>
      page.request.get('/api/v1/me', { headers: { cookie: `${session.name}=${session.value}` } });
    const other = await newSession();
    const meWithCookie = () =>
      other.context.request.get('/api/v1/me', { headers: { cookie: `${session.name}=${session.value}` } });
    expect((await meWithCookie()).status()).toBe(200);

    // Sign out: back on the login page, with the "signed out" notice.
    await logout.click();
    await waitForPath(page, '/login');
    await ready(page, IT.login.title);
    await expect.poll(() => page.locator('main').innerText()).toContain(IT.login.loggedOut);
    expect((await context.cookies(baseUrl)).find((c) => c.name === session.name)).toBeUndefined();

    // A protected page now goes to the login page again.
    await page.goto('/organizzazioni');
    await waitForPath(page, '/login');
    await ready(page, IT.login.title);

    // …and the old cookie is refused by the server: the session was ended, not just forgotten.
    expect((await meWithCookie()).status()).toBe(401);
    expect((await withOldCookie()).status()).toBe(401);
  });
});

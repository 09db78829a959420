// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/** 4. Audit: "Le mie attività" for everyone, the organisation's register for the DPO. */
import { describe, expect, test } from 'vitest';
import { DISPLAY_NAMES, it as IT, login, newSession, ready, setupBrowser, visit, waitForPath } from './helpers.ts';

setupBrowser();

const auditTable = (page: import('playwright-core').Page) =>
  page.locator('main table', { has: page.locator('caption', { hasText: IT.audit.tableCaption }) });

describe('audit', () => {
  test('a user sees their own sign-in; the DPO sees the colleagues', async () => {
    const admin = DISPLAY_NAMES['admin.cadmi'] as string;
    const dpo = DISPLAY_NAMES['dpo.cadmi'] as string;

    // An organisation administrator (not a DPO): "Le mie attività".
    const a = await newSession();
    await a.page.goto('/login');
    await login(a.page, 'admin.cadmi');
    await ready(a.page);
    await a.page.locator('header nav').getByRole('link', { name: IT.nav.myActivity, exact: true }).click();
    await waitForPath(a.page, '/audit');
    await ready(a.page, IT.audit.myTitle);
    const own = auditTable(a.page);
    await own.waitFor();
    const ownText = await own.locator('tbody').innerText();
    expect(ownText).toContain(IT.labels.actions['auth.login']);
    expect(ownText).toContain(IT.labels.actions['auth.totp']);

    // The DPO of the same organisation: the full register, with the colleague's sign-in.
    const d = await newSession();
    await d.page.goto('/login');
    await login(d.page, 'dpo.cadmi');
    await ready(d.page);
    await d.page.locator('header nav').getByRole('link', { name: IT.nav.audit, exact: true }).click();
    await waitForPath(d.page, '/audit');
    await ready(d.page, IT.audit.title);
    const all = auditTable(d.page);
    await all.waitFor();
    const rows = all.locator('tbody tr');
    const colleagueLogin = rows.filter({ hasText: admin }).filter({ hasText: IT.labels.actions['auth.login'] });
    expect(await colleagueLogin.count(), await all.innerText()).toBeGreaterThanOrEqual(1);
    expect(await rows.filter({ hasText: dpo }).count()).toBeGreaterThanOrEqual(1);

    // The administrator still sees only their own actions, not the DPO's sign-in.
    await visit(a.page, '/audit', { reload: true });
    await ready(a.page, IT.audit.myTitle);
    await auditTable(a.page).waitFor();
    const again = await auditTable(a.page).locator('tbody').innerText();
    expect(again).not.toContain(dpo);
    expect(again).toContain(IT.labels.actions['auth.login']);
  });
});

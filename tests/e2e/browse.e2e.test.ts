// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/** 3. Browsing the networks and the organisations. */
import { describe, expect, test } from 'vitest';
import { demoUser } from './context.ts';
import {
  currentPath,
  fmt,
  it as IT,
  login,
  mainText,
  newSession,
  ready,
  setupBrowser,
  visit,
  waitForPath,
} from './helpers.ts';

setupBrowser();

interface OrgSummary {
  id: string;
  name: string;
  type: string;
  uncertain: boolean;
}

describe('browse the network', () => {
  test('networks → network → organisation; uncertain badge; organisations filter by type', async () => {
    const { page } = await newSession();
    await page.goto('/login');
    await login(page, 'coordinatrice.milano');
    await ready(page);

    // Networks list, reached from the main menu.
    await page.locator('header nav').getByRole('link', { name: IT.nav.networks, exact: true }).click();
    await waitForPath(page, '/reti');
    await ready(page, IT.networks.title);
    const table = page.locator('main table', { has: page.locator('caption', { hasText: IT.networks.tableCaption }) });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(8);
    const names = await rows.locator('th a').allInnerTexts();
    expect(
      names.some((n) => /Comune di Milano/.test(n)),
      names.join('\n'),
    ).toBe(true);
    expect(
      names.some((n) => /Pavia/.test(n)),
      names.join('\n'),
    ).toBe(true);

    // Network detail: municipalities and member organisations.
    const milano = rows.locator('th a', { hasText: 'Comune di Milano' });
    const milanoName = (await milano.innerText()).trim();
    await milano.click();
    await waitForPath(page, /^\/reti\/[^/]+$/);
    await ready(page, milanoName);
    const members = page.locator('main table', {
      has: page.locator('caption', { hasText: IT.networks.membersCaption }),
    });
    const municipalities = page.locator('main table', {
      has: page.locator('caption', { hasText: IT.networks.municipalitiesCaption }),
    });
    expect(await municipalities.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await municipalities.locator('tbody').innerText()).toContain('Milano');
    expect(await members.locator('tbody tr').count()).toBeGreaterThan(5);

    // Organisation detail, from the members table: CADMI, whose data is flagged uncertain.
    const cadmi = demoUser('operatrice.cadmi');
    const orgLink = members.locator(`a[href="/organizzazioni/${cadmi.organisationId}"]`);
    await orgLink.click();
    await waitForPath(page, `/organizzazioni/${cadmi.organisationId}`);
    await ready(page, cadmi.organisationName);
    const badge = page.locator('main h1').getByText(IT.common.uncertain, { exact: true });
    expect(await badge.isVisible()).toBe(true);
    expect(await mainText(page)).toContain(IT.common.uncertainLong);
    expect(await mainText(page)).toContain(IT.labels.orgTypes.cav);
    // It lists its networks, with a link back to the network.
    const orgNetworks = page.locator('main table', {
      has: page.locator('caption', { hasText: IT.organisations.networksCaption }),
    });
    expect(await orgNetworks.locator('tbody').innerText()).toContain(milanoName);

    // The ground truth, from the API with the same session.
    const all = ((await (await page.request.get('/api/v1/organisations')).json()) as { items: OrgSummary[] }).items;
    const certain = all.find((o) => !o.uncertain);
    if (!certain) throw new Error('no verified organisation in the seed');
    await visit(page, `/organizzazioni/${certain.id}`);
    await ready(page, certain.name);
    expect(await page.locator('main .badge-uncertain').count(), `badge on verified ${certain.name}`).toBe(0);
    expect(await page.locator('main h1').innerText()).not.toContain(IT.common.uncertain);

    // Organisations list: every organisation, the uncertain ones badged.
    await page.locator('header nav').getByRole('link', { name: IT.nav.organisations, exact: true }).click();
    await waitForPath(page, '/organizzazioni');
    await ready(page, IT.organisations.title);
    const orgRows = page.locator('main table tbody tr');
    await expect.poll(() => orgRows.count()).toBe(all.length);
    expect(await page.locator('main [role="status"]').innerText()).toBe(fmt(IT.common.results, { count: all.length }));
    expect(await orgRows.filter({ hasText: IT.common.uncertain }).count()).toBe(all.filter((o) => o.uncertain).length);

    // Filter by type: centri antiviolenza only.
    const cav = all.filter((o) => o.type === 'cav');
    expect(cav.length).toBeGreaterThan(0);
    expect(cav.length).toBeLessThan(all.length);
    await page.getByLabel(IT.organisations.type, { exact: true }).selectOption('cav');
    await expect.poll(() => currentPath(page)).toContain('type=cav');
    await expect.poll(() => orgRows.count()).toBe(cav.length);
    const types = await orgRows.locator('td:nth-of-type(1)').allInnerTexts();
    expect(new Set(types.map((x) => x.trim()))).toEqual(new Set([IT.labels.orgTypes.cav]));
    expect(await page.locator('main [role="status"]').innerText()).toBe(fmt(IT.common.results, { count: cav.length }));
    const shown = (await orgRows.locator('th a').allInnerTexts()).map((x) => x.trim()).sort();
    expect(shown).toEqual(cav.map((o) => o.name).sort());

    // The filter lives in the address: a reload keeps it.
    await page.reload();
    await ready(page, IT.organisations.title);
    await expect.poll(() => orgRows.count()).toBe(cav.length);
    expect(await page.getByLabel(IT.organisations.type, { exact: true }).inputValue()).toBe('cav');

    // Reset the filters.
    await page.getByRole('button', { name: IT.organisations.reset }).click();
    await expect.poll(() => orgRows.count()).toBe(all.length);
  });
});

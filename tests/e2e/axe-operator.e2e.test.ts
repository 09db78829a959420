/**
 * 6b. axe (WCAG 2.1 A/AA), zero violations on the pages of a centre operator: TOTP step, home,
 * networks, network detail, organisations, organisation detail, protocols, protocol detail,
 * "Le mie attività", the refused users page; home in English too.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoUser } from './context.ts';
import {
  axeCheck,
  DISPLAY_NAMES,
  en as EN,
  expectNoAxeViolations,
  firstLinkIn,
  fmt,
  it as IT,
  login,
  newSession,
  ready,
  type Session,
  screenshot,
  setupBrowser,
  visit,
  waitForPath,
} from './helpers.ts';

setupBrowser();

describe('axe, centre operator (it)', () => {
  const name = DISPLAY_NAMES['operatrice.hara'] as string;
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
  });
  afterAll(() => s.close());

  test('TOTP step', async () => {
    await visit(s.page, '/login');
    await ready(s.page, IT.login.title);
    // A violation fails this test only after signing in, so the pages below are still checked.
    let violations: unknown = null;
    await login(s.page, 'operatrice.hara', {
      atTotpStep: async (page) => {
        await ready(page, IT.login.totpTitle);
        await screenshot(page, 'totp-it');
        violations = await expectNoAxeViolations(page, 'TOTP step (it)').catch((err: unknown) => err);
      },
    });
    await waitForPath(s.page, '/');
    if (violations) throw violations;
  });
  test('home', async () => {
    await axeCheck(s.page, '/', fmt(IT.home.title, { name }), 'home (it)', 'home-it');
  });
  test('networks', async () => {
    await axeCheck(s.page, '/reti', IT.networks.title, 'networks (it)', 'networks-it');
  });
  test('network detail', async () => {
    const href = await firstLinkIn(s.page, IT.networks.tableCaption);
    await axeCheck(s.page, href, undefined, 'network detail (it)', 'network-detail-it');
  });
  test('organisations', async () => {
    await axeCheck(s.page, '/organizzazioni', IT.organisations.title, 'organisations (it)');
    await screenshot(s.page, 'organisations-it', false); // the full list is ~10 000 px tall
  });
  test('organisation detail (uncertain, not editable)', async () => {
    const cadmi = demoUser('operatrice.cadmi');
    await axeCheck(s.page, `/organizzazioni/${cadmi.organisationId}`, cadmi.organisationName, 'organisation detail (it)', 'organisation-detail-it');
    expect(await s.page.locator('main form').count()).toBe(0);
  });
  test('protocols', async () => {
    await axeCheck(s.page, '/protocolli', IT.protocols.title, 'protocols (it)', 'protocols-it');
  });
  test('protocol detail', async () => {
    const href = await s.page.locator('main a[href^="/protocolli/"]').first().getAttribute('href');
    if (!href) throw new Error('no protocol link');
    await axeCheck(s.page, href, undefined, 'protocol detail (it)', 'protocol-detail-it');
  });
  test('my activity (audit)', async () => {
    await axeCheck(s.page, '/audit', IT.audit.myTitle, 'my activity (it)', 'my-activity-it');
  });
  test('users page refused to a centre operator', async () => {
    await axeCheck(s.page, '/utenti', IT.common.forbidden, 'users refused (it)');
  });
  test('home (en)', async () => {
    await visit(s.page, '/');
    await ready(s.page);
    await s.page.getByRole('button', { name: IT.lang.en, exact: true }).click();
    await ready(s.page, fmt(EN.home.title, { name }));
    expect(await s.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectNoAxeViolations(s.page, 'home (en)');
    await screenshot(s.page, 'home-en');
  });
  test('home on a phone, menu open', async () => {
    await s.page.setViewportSize({ width: 390, height: 844 });
    await s.page.getByRole('button', { name: EN.nav.open }).click();
    await s.page.locator('#main-menu.expanded').waitFor();
    await expectNoAxeViolations(s.page, 'home on a phone, menu open (en)');
    await screenshot(s.page, 'home-phone-menu-en', false);
  });
});

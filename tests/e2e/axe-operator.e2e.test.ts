/**
 * 6b. axe (WCAG 2.1 A/AA), zero violations on the pages of a centre operator: TOTP step, home,
 * networks, network detail, organisations, organisation detail, protocols, protocol detail,
 * "Le mie attività", notifications, the refused users page; home in English too.
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
    await axeCheck(
      s.page,
      `/organizzazioni/${cadmi.organisationId}`,
      cadmi.organisationName,
      'organisation detail (it)',
      'organisation-detail-it',
    );
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
  test('notifications', async () => {
    await axeCheck(s.page, '/notifiche', IT.notifications.title, 'notifications (it)', 'notifications-it');
  });
  test('referrals: outbox, inbox, and the overdue list refused', async () => {
    await axeCheck(s.page, '/invii', IT.referrals.title, 'referrals outbox (it)', 'referrals-outbox-hara-it');
    await axeCheck(s.page, '/invii?box=inbox&overdue=true', IT.referrals.title, 'referrals inbox, overdue only (it)');
    await axeCheck(s.page, '/invii/scaduti', IT.common.forbidden, 'overdue referrals refused (it)');
  });
  test('a case: the referrals tab and the first step of the referral wizard', async () => {
    await axeCheck(s.page, '/percorsi?status=open', IT.caseload.title, 'caseload (it)');
    const href = (await firstLinkIn(s.page, IT.caseload.tableCaption)).replace(/\/profilo$/, '');
    await axeCheck(s.page, `${href}/invii`, new RegExp(IT.referralTab.title), 'case referrals tab (it)');
    await axeCheck(s.page, `${href}/invii/nuovo`, new RegExp(IT.referralTab.title), 'referral wizard, step 1 (it)');
    await s.page.locator('#ref-purpose').waitFor();
    await s.page.locator('main form button[type="submit"]').click();
    await s.page.locator('main .error-summary').waitFor();
    await expectNoAxeViolations(s.page, 'referral wizard, step 1 with errors (it)');
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

for (const [who, username] of [
  ['network coordinator', 'coordinatrice.milano'],
  ['CPI referent', 'referente.cpi.milano'],
] as const) {
  describe(`axe, ${who}: referrals (it)`, () => {
    let s: Session;
    beforeAll(async () => {
      s = await newSession();
      await visit(s.page, '/login');
      await login(s.page, username);
    });
    afterAll(() => s.close());

    if (who === 'network coordinator') {
      test('overdue referrals of the network; the inbox refused', async () => {
        await axeCheck(
          s.page,
          '/invii/scaduti',
          IT.referralOverdue.title,
          'overdue referrals (it)',
          'referrals-overdue-it',
        );
        expect(
          await s.page
            .locator('header nav')
            .getByRole('link', { name: IT.referralNav.overdueNav, exact: true })
            .count(),
        ).toBe(1);
        await axeCheck(s.page, '/invii', IT.common.forbidden, 'referrals refused to a coordinator (it)');
      });
    } else {
      test('the inbox only (no outbox tab)', async () => {
        await axeCheck(s.page, '/invii', IT.referrals.title, 'referrals inbox (CPI, it)');
        expect(await s.page.locator('main').getByRole('link', { name: IT.referrals.outbox, exact: true }).count()).toBe(
          0,
        );
        await axeCheck(
          s.page,
          '/invii?overdue=true&purpose=work_orientation',
          IT.referrals.title,
          'referrals inbox filtered (CPI, it)',
        );
      });
    }
  });
}

// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/**
 * 8. A referral, in the browser (issue 4): a centre operator opens a demo case, finds that her
 * consents do not cover the CPI (or not her identity), records one in the consents tab, sends a referral to the suggested CPI
 * with a few fields → the CPI referent sees it in /invii, opens it, accepts, books the first
 * appointment, reports a traineeship → the centre sees the report on the plan tab and who opened
 * it → the centre revokes the consent → the CPI referent loses the referral at once.
 * axe (WCAG 2.1 A/AA) is clean on every screen of the way.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DemoLogin, demoUser } from './context.ts';
import {
  DISPLAY_NAMES,
  expectNoAxeViolations,
  fmt,
  it as IT,
  login,
  mainText,
  newSession,
  ready,
  type Session,
  screenshot,
  setupBrowser,
  visit,
  waitForPath,
} from './helpers.ts';

setupBrowser();

const tick = (page: Page, id: string) => page.locator(`label[for="${id}"]`).click();
const button = (page: Page, name: string) => page.locator('main').getByRole('button', { name, exact: true });
const W = IT.referralNew;
const A = IT.referralActions;
/** Waits for the success message a form shows (and focuses) after saving. */
const saved = (page: Page, text: string) =>
  page.locator('main .focus-notice', { hasText: text }).waitFor({ state: 'visible' });
const inDays = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(Date.now() + n * 86_400_000));

async function axe(page: Page, label: string, shot?: string): Promise<void> {
  await expectNoAxeViolations(page, label);
  if (shot) await screenshot(page, shot);
}

interface Picked {
  id: string;
  code: string;
  cpi: DemoLogin;
  /** her safe-contact preferences allow direct contact (phone and e-mail can be shared) */
  direct: boolean;
  /** a valid sharing consent already covers employment centres (without her identity) */
  consented: boolean;
}

/**
 * A demo case of the centre for the journey: open, on her team, with her identity, and a
 * suggested CPI that has a demo referent. Preferred: no referral yet, direct contact allowed, no
 * valid sharing consent. Read through the API with the operator's own session.
 */
async function pickCase(page: Page): Promise<Picked> {
  const cpis = [demoUser('referente.cpi.rho'), demoUser('referente.cpi.milano')];
  const json = async <T>(path: string) => (await (await page.request.get(`/api/v1${path}`)).json()) as T;
  const list = await json<{ items: { id: string; code: string; onMyTeam: boolean }[] }>('/cases?status=open&limit=200');
  const found: (Picked & { score: number })[] = [];
  for (const c of list.items.filter((x) => x.onMyTeam)) {
    const dest = await json<{ suggestions: { id: string }[] }>(`/cases/${c.id}/referral-destinations`);
    const cpi = cpis.find((u) => u.organisationId === dest.suggestions[0]?.id);
    if (!cpi) continue;
    const detail = await json<{ hasIdentity: boolean; safeContact: { onlyThroughCentre: boolean } }>(`/cases/${c.id}`);
    if (!detail.hasIdentity) continue;
    const consents = await json<{
      items: { purpose: string; status: string; recipientOrganisationId: string | null }[];
    }>(`/cases/${c.id}/consents`);
    if (consents.items.some((x) => x.purpose === 'sharing' && x.recipientOrganisationId === cpi.organisationId))
      continue;
    const consented = consents.items.some((x) => x.purpose === 'sharing' && x.status === 'active');
    const sent = await json<{ items: unknown[] }>(`/referrals?box=outbox&caseId=${c.id}`);
    const direct = !detail.safeContact.onlyThroughCentre;
    found.push({
      id: c.id,
      code: c.code,
      cpi,
      direct,
      consented,
      score: (sent.items.length ? 0 : 4) + (direct ? 2 : 0) + (consented ? 0 : 1),
    });
    if (found.at(-1)?.score === 7) break;
  }
  const best = found.sort((a, b) => b.score - a.score)[0];
  if (!best) throw new Error('no demo case fits the referral journey');
  return best;
}

/** Step 1 of the wizard: the suggested CPI (already chosen), work orientation, the named referent. */
async function destination(page: Page, cpi: DemoLogin): Promise<void> {
  await page.locator('#ref-purpose').waitFor();
  expect(await page.locator('#ref-recipient').isChecked()).toBe(true);
  expect(await page.locator('label[for="ref-recipient"]').innerText()).toContain(cpi.organisationName);
  await page.locator('#ref-purpose').selectOption('work_orientation');
  await page.locator('#ref-referent').selectOption({ label: DISPLAY_NAMES[cpi.username] as string });
}

describe('a referral from the centre to the CPI, and back (it)', () => {
  let centre: Session;
  let cpi: Session;
  let picked: Picked;
  let caseUrl = '';
  let pseudonym = '';
  let referralPath = '';
  beforeAll(async () => {
    centre = await newSession();
    await visit(centre.page, '/login');
    await login(centre.page, 'operatrice.cadmi');
    picked = await pickCase(centre.page);
    caseUrl = `/percorsi/${picked.id}`;
  });
  afterAll(async () => {
    await centre?.close();
    await cpi?.close();
  });

  test('the case tab "Invii", then the wizard: her consents do not cover the CPI yet', async () => {
    const { page } = centre;
    await visit(page, `${caseUrl}/invii`);
    await ready(page, new RegExp(IT.referralTab.title));
    await axe(page, 'case referrals tab');
    await page.locator('main').getByRole('link', { name: IT.referralTab.new, exact: true }).click();
    await waitForPath(page, `${caseUrl}/invii/nuovo`);
    expect(await page.locator('main [aria-current="step"]').innerText()).toContain(W.steps.destination);
    await destination(page, picked.cpi);
    // net-control: the shared procedure in force for referrals to a CPI (demo: version 2)
    await page.locator('main .procedure-in-force', { hasText: 'Invio delle donne ai Centri per l’impiego' }).waitFor();
    await axe(page, 'referral wizard step 1', 'referral-wizard-1-it');
    await button(page, IT.intake.next).click();
    await expect.poll(() => page.locator('main [aria-current="step"]').innerText()).toContain(W.steps.share);
    await page.locator('#ref-field-profile-ageBand').waitFor();
    // What her consents do not cover is refused, each with the reason; the consents tab is linked.
    const R = IT.labels.refusals;
    expect(await page.locator('#ref-field-identity-name').isDisabled()).toBe(true);
    expect(await page.locator('#ref-field-identity-name-hint').innerText()).toBe(
      picked.consented ? R.no_identity_consent : R.no_sharing_consent,
    );
    if (!picked.consented) {
      expect(await page.locator('#ref-field-profile-ageBand').isDisabled()).toBe(true);
      expect(await page.locator('#ref-field-profile-ageBand-hint').innerText()).toBe(R.no_sharing_consent);
    }
    await axe(page, 'referral wizard step 2 without consent', 'referral-wizard-2-no-consent-it');
    if (!picked.consented) {
      await button(page, IT.intake.next).click();
      await page.locator('main .error-summary').waitFor();
    }
    await page
      .locator('main')
      .getByRole('link', { name: picked.consented ? W.seeConsents : W.recordConsent })
      .click();
    await waitForPath(page, `${caseUrl}/consensi`);
  });

  test('the consent to share with this CPI, identity included, recorded in the consents tab', async () => {
    const { page } = centre;
    await ready(page, new RegExp(IT.casePage.tabs.consents));
    await button(page, IT.consents.add).click();
    await page.locator('#consent-purpose').selectOption('sharing');
    await page.locator('#consent-recipientOrganisationId').selectOption(picked.cpi.organisationId);
    await page.locator('#consent-sharingPurpose').selectOption('work_orientation');
    await tick(page, 'consent-includesIdentity');
    await tick(page, 'consent-decision');
    await button(page, IT.consents.submit).click();
    await saved(page, IT.consents.saved);
  });

  test('the share set, the preview of exactly what the CPI sees, and the send', async () => {
    const { page } = centre;
    await page.locator('main nav').getByRole('link', { name: IT.referralTab.title, exact: true }).click();
    await waitForPath(page, `${caseUrl}/invii`);
    await page.locator('main').getByRole('link', { name: IT.referralTab.new, exact: true }).click();
    await destination(page, picked.cpi);
    await button(page, IT.intake.next).click();
    await expect.poll(() => page.locator('#ref-field-identity-name').isEnabled()).toBe(true);
    // Phone and e-mail go only when her safe-contact preferences allow direct contact.
    expect(await page.locator('#ref-field-identity-phone').isEnabled()).toBe(picked.direct);
    if (!picked.direct)
      expect(await page.locator('#ref-field-identity-phone-hint').innerText()).toBe(
        IT.labels.refusals.only_through_centre,
      );
    const fields = [
      'profile-ageBand',
      'profile-employment',
      'plan-goals',
      'identity-name',
      ...(picked.direct ? ['identity-phone'] : []),
    ];
    for (const f of fields) await tick(page, `ref-field-${f}`);
    await axe(page, 'referral wizard step 2', 'referral-wizard-2-it');
    await button(page, IT.intake.next).click();
    await expect.poll(() => page.locator('main [aria-current="step"]').innerText()).toContain(W.steps.preview);
    const preview = page.locator('main .shared-view');
    await preview.waitFor();
    pseudonym = (await page.locator('main .lead-text .case-code').innerText()).trim();
    expect(pseudonym.length).toBeGreaterThan(3);
    const seen = await preview.innerText();
    for (const text of [
      IT.labels.fieldGroups.identity,
      IT.labels.shareFields['identity.name'],
      IT.labels.shareFields['profile.ageBand'],
      IT.labels.shareFields['plan.goals'],
    ])
      expect(seen).toContain(text);
    expect(seen).toContain(
      picked.direct ? IT.referral.contactOnly.split(':')[0] : IT.labels.contactModes.through_centre,
    );
    expect(seen).not.toContain(IT.labels.shareFields['profile.citizenship']);
    await axe(page, 'referral wizard step 3 (preview)', 'referral-wizard-3-it');
    await button(page, IT.intake.next).click();
    await expect.poll(() => page.locator('main [aria-current="step"]').innerText()).toContain(W.steps.send);
    await axe(page, 'referral wizard step 4');
    await button(page, W.submit).click();
    await waitForPath(page, `${caseUrl}/invii`);
    await saved(page, fmt(IT.referralTab.sent, { name: picked.cpi.organisationName }));
    // newest first: the referral just sent
    const row = page.locator('main table tbody tr', { hasText: picked.cpi.organisationName }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain(IT.labels.referralStatuses.sent);
    await expect.poll(() => row.innerText()).toContain(IT.referralTab.notOpened);
    referralPath = (await row.locator('a').first().getAttribute('href')) as string;
    expect(referralPath).toMatch(/^\/invii\/[0-9a-f-]{36}$/);
    await axe(page, 'case referrals tab', 'referral-case-tab-it');
  });

  test('the CPI referent: the inbox, the referral, accept, first appointment, a traineeship reported', async () => {
    cpi = await newSession();
    const { page } = cpi;
    await visit(page, '/login');
    await login(page, picked.cpi.username);
    await page.locator('header nav').getByRole('link', { name: IT.referralNav.nav, exact: true }).click();
    await waitForPath(page, '/invii');
    await ready(page, IT.referrals.title);
    const row = page.locator('main table tbody tr', { hasText: pseudonym });
    await row.waitFor();
    expect(await row.innerText()).toContain(IT.labels.referralStatuses.sent);
    expect(await mainText(page)).not.toContain(picked.code);
    await axe(page, 'referrals inbox (CPI)', 'referrals-inbox-it');
    await row.getByRole('link', { name: pseudonym }).click();
    await waitForPath(page, referralPath);
    await ready(page, fmt(IT.referralPage.titleInbox, { pseudonym }));
    const text = await mainText(page);
    expect(text).toContain(
      picked.direct ? IT.referral.contactOnly.split(':')[0] : IT.labels.contactModes.through_centre,
    );
    expect(text).not.toContain(picked.code);
    await axe(page, 'referral page (CPI, sent)', 'referral-page-cpi-it');
    await button(page, A.buttons.accept).click();
    await saved(page, fmt(IT.referralPage.done, { what: IT.labels.historyKinds.accept! }));
    await button(page, A.buttons.book).click();
    await page.locator('#act-book').fill(inDays(7));
    await button(page, A.confirm.book).click();
    await saved(page, fmt(IT.referralPage.done, { what: IT.labels.historyKinds.book! }));
    await expect
      .poll(() => mainText(page))
      .toContain(
        fmt(IT.referral.appointmentOn, {
          date: new Intl.DateTimeFormat('it-IT', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
            new Date(`${inDays(7)}T00:00:00`),
          ),
        }),
      );
    await button(page, A.buttons.report).click();
    await page.locator('#report-kind').selectOption('traineeship_started');
    await page.locator('#outcome-sector').selectOption('Q');
    await page.locator('#outcome-weeklyHours').fill('20');
    await axe(page, 'referral report form');
    await button(page, A.confirm.report).click();
    await saved(page, fmt(IT.referralPage.done, { what: IT.labels.historyKinds.report! }));
    const reports = page.locator('main section', { has: page.locator('h2', { hasText: IT.referralPage.reports }) });
    await expect.poll(() => reports.innerText()).toContain(`${IT.labels.reportKinds.traineeship_started} il`);
    await expect.poll(() => mainText(page)).toContain(IT.labels.referralStatuses.in_progress);
    await page.locator('#msg-body').fill('Primo colloquio fissato, la contatteremo nelle fasce indicate.');
    await button(page, IT.referralPage.sendMessage).click();
    await page.locator('main .message-list li', { hasText: 'Primo colloquio fissato' }).waitFor();
    await axe(page, 'referral page (CPI, in progress)', 'referral-page-cpi-progress-it');
  });

  test('the centre: the report on the plan tab, who opened it on the referral tab and page', async () => {
    const { page } = centre;
    await visit(page, `${caseUrl}/piano`, { reload: true });
    await ready(page, new RegExp(IT.casePage.tabs.plan));
    const panel = page.locator('main .referral-reports');
    await expect
      .poll(() => panel.innerText())
      .toContain(`Segnalato da ${picked.cpi.organisationName}: ${IT.labels.reportKinds.traineeship_started} il`);
    await axe(page, 'plan tab with reported outcomes', 'referral-plan-reports-it');
    await page.locator('main nav').getByRole('link', { name: IT.referralTab.title, exact: true }).click();
    await waitForPath(page, `${caseUrl}/invii`);
    const row = page.locator('main table tbody tr', { hasText: picked.cpi.organisationName }).first();
    await expect.poll(() => row.innerText()).toContain(DISPLAY_NAMES[picked.cpi.username] as string);
    expect(await row.innerText()).toContain(IT.labels.referralStatuses.in_progress);
    await row.locator('a').first().click();
    await waitForPath(page, referralPath);
    await ready(page, fmt(IT.referralPage.titleOutbox, { code: picked.code }));
    const views = page.locator('main section', { has: page.locator('h2', { hasText: IT.referralPage.views }) });
    expect(await views.innerText()).toContain(DISPLAY_NAMES[picked.cpi.username] as string);
    await page.locator('main .message-list li', { hasText: 'Primo colloquio fissato' }).waitFor();
    expect(await button(page, A.buttons.withdraw).count()).toBe(1);
    await axe(page, 'referral page (centre)', 'referral-page-centre-it');
    await visit(page, '/invii');
    await ready(page, IT.referrals.title);
    await page.locator('main table tbody tr', { hasText: picked.code }).first().waitFor();
    await axe(page, 'referrals outbox (centre)', 'referrals-outbox-it');
  });

  test('the centre revokes the consent: the CPI referent loses the referral at once', async () => {
    await visit(centre.page, `${caseUrl}/consensi`);
    await ready(centre.page, new RegExp(IT.casePage.tabs.consents));
    const row = centre.page
      .locator('main table tbody tr', { hasText: picked.cpi.organisationName })
      .filter({ hasText: IT.labels.consentStatuses.active! });
    await row.getByRole('button', { name: new RegExp(`^${IT.consents.revoke}`) }).click();
    await centre.page.locator('#revoke-date').waitFor();
    await button(centre.page, IT.consents.confirmRevoke).click();
    await saved(centre.page, IT.consents.revoked);
    const { page } = cpi;
    await visit(page, referralPath, { reload: true });
    await ready(page, IT.referralPage.unavailableTitle);
    expect(await mainText(page)).toContain(IT.referralPage.unavailable);
    expect(await mainText(page)).not.toContain(pseudonym);
    await axe(page, 'referral no longer available (CPI)', 'referral-unavailable-it');
    await visit(page, '/invii');
    await ready(page, IT.referrals.title);
    expect(await mainText(page)).not.toContain(pseudonym);
    // The centre still sees its referral, with access ended.
    await visit(centre.page, `${caseUrl}/invii`);
    await ready(centre.page, new RegExp(IT.referralTab.title));
    const sent = centre.page.locator('main table tbody tr', { hasText: picked.cpi.organisationName }).first();
    await expect
      .poll(() => sent.innerText())
      .toContain(fmt(IT.referral.accessEnded, { reason: IT.labels.accessEndReasons.consent_revoked! }));
  });
});

// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/**
 * 7. A woman's path, carried by a centre operator in the browser (issue 3): take her in charge
 * with the intake stepper, record her consent, fill the needs analysis, build and save the plan,
 * record her agreement, print the plan (a PDF), record a hire and see its three follow-ups.
 * axe (WCAG 2.1 A/AA) is clean on every case screen; her name never reaches a URL or a title.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
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
/** Synthetic identity: it must never show up in an address or a page title. */
const [FIRST_NAME, LAST_NAME] = ['Ornella', 'Sinteticanova'];

/** bootstrap-italia draws checkboxes and radios on the label: click the label, as a user would. */
const tick = (page: Page, id: string) => page.locator(`label[for="${id}"]`).click();
const button = (page: Page, name: string) => page.locator('main').getByRole('button', { name, exact: true });
/** Follows a link of the case's sub-navigation and waits for the tab. */
async function goTab(page: Page, name: string, path: string): Promise<void> {
  await page.locator('main nav').getByRole('link', { name, exact: true }).click();
  await waitForPath(page, path);
  await ready(page, new RegExp(name));
}

/** axe on the page, and no personal value in the address or the document title; optionally a screenshot. */
async function axe(page: Page, label: string, shot?: string): Promise<void> {
  await expectNoAxeViolations(page, label);
  const where = `${page.url()} ${await page.title()}`;
  for (const name of [FIRST_NAME, LAST_NAME]) expect(where).not.toContain(name);
  if (shot) await screenshot(page, shot);
}

/** Waits for the success message a form shows (and focuses) after saving. */
async function saved(page: Page, text: string): Promise<void> {
  await page.locator('main .focus-notice', { hasText: text }).waitFor({ state: 'visible' });
  expect(await page.evaluate(() => document.activeElement?.classList.contains('focus-notice'))).toBe(true);
}

describe('a woman’s path, by a centre operator (it)', () => {
  let s: Session;
  let caseUrl = '';
  let caseCode = '';
  beforeAll(async () => {
    s = await newSession();
    await visit(s.page, '/login');
    await login(s.page, 'operatrice.cadmi');
  });
  afterAll(() => s.close());

  test('caseload, then the intake stepper: dates and profile', async () => {
    const { page } = s;
    await page.locator('header nav').getByRole('link', { name: IT.nav.cases, exact: true }).click();
    await waitForPath(page, '/percorsi');
    await ready(page, IT.caseload.title);
    await axe(page, 'caseload', 'case-caseload-it');
    await page.locator('main').getByRole('link', { name: IT.caseload.newCase }).click();
    await waitForPath(page, '/percorsi/nuovo');
    await ready(page, IT.intake.title);
    const current = page.locator('main [aria-current="step"]');
    expect(await current.innerText()).toContain(IT.intake.steps.dates);
    await axe(page, 'intake step 1', 'case-intake-1-it');
    // Step 1: a date in the future is refused, with the error summary and an inline error.
    await page.locator('#intake-takenInChargeOn').fill('2099-01-01');
    await button(page, IT.intake.next).click();
    await page.locator('main .error-summary').waitFor();
    expect(await page.locator('main .error-summary').innerText()).toContain(IT.validation.future);
    expect(await page.locator('#intake-takenInChargeOn').getAttribute('aria-invalid')).toBe('true');
    await axe(page, 'intake step 1 with errors');
    await page.locator('#intake-takenInChargeOn').fill(new Date().toISOString().slice(0, 10));
    await page.locator('#intake-referralSource').selectOption('helpline_1522');
    await button(page, IT.intake.next).click();
    // Step 2: the non-identifying profile, about her and her children.
    await expect.poll(() => current.innerText()).toContain(IT.intake.steps.profile);
    for (const [id, value] of Object.entries({ ageBand: '30_39', citizenship: 'non_eu', employment: 'unemployed' })) {
      await page.locator(`#intake-${id}`).selectOption(value);
    }
    await page.locator('#intake-residenceCode').selectOption({ label: 'Milano' });
    for (const id of ['childrenCount', 'minorChildrenCount']) await page.locator(`#intake-${id}`).fill('1');
    await axe(page, 'intake step 2', 'case-intake-2-it');
    await button(page, IT.intake.next).click();
    // Step 3: violence and risk (step 2 was one long page before it was split).
    await expect.poll(() => current.innerText()).toContain(IT.intake.steps.situation);
    for (const [id, value] of Object.entries({ riskTool: 'sara', riskLevel: 'medium' })) {
      await page.locator(`#intake-${id}`).selectOption(value);
    }
    for (const id of ['violenceTypes-psychological', 'violenceTypes-economic', 'authorRelationships-former_spouse'])
      await tick(page, `intake-${id}`);
    await axe(page, 'intake step 3', 'case-intake-3-it');
  });
  test('intake: identity (optional), safe contact, review, submit', async () => {
    const { page } = s;
    const current = page.locator('main [aria-current="step"]');
    await button(page, IT.intake.next).click();
    // Step 4: she gives her identity (it stays at the centre).
    await expect.poll(() => current.innerText()).toContain(IT.intake.steps.identity);
    expect(await mainText(page)).toContain(IT.intake.identityNote);
    await tick(page, 'intake-anonymous-identified');
    for (const [id, v] of [
      ['firstName', FIRST_NAME],
      ['lastName', LAST_NAME],
    ])
      await page.locator(`#intake-id-${id}`).fill(v as string);
    await page.locator('#intake-id-languages').fill('italiano, francese');
    await axe(page, 'intake step 4');
    await button(page, IT.intake.next).click();
    // Step 5: safe contact.
    await expect.poll(() => current.innerText()).toContain(IT.intake.steps.contact);
    await tick(page, 'intake-sc-channels-sms');
    await button(page, IT.caseFields.addWindow).click();
    await tick(page, 'intake-sc-noVoicemail');
    await axe(page, 'intake step 5');
    await button(page, IT.intake.next).click();
    // Step 6: review and submit.
    await expect.poll(() => current.innerText()).toContain(IT.intake.steps.review);
    expect(await mainText(page)).toContain(LAST_NAME);
    await axe(page, 'intake step 6', 'case-intake-6-it');
    await button(page, IT.intake.submit).click();
    await waitForPath(page, /^\/percorsi\/[0-9a-f-]{36}\/profilo$/);
    caseUrl = new URL(page.url()).pathname.replace(/\/profilo$/, '');
    const h1 = await ready(page, /^Percorso /);
    caseCode = h1.replace(/^Percorso\s+/, '').split(/\s/)[0] ?? '';
    expect(caseCode).toMatch(/^[A-Z]+-\d{4}-\d+$/);
    expect(await mainText(page)).toContain(fmt(IT.intake.created, { code: caseCode }));
    // The safe-contact box is on the case page; her name is not (until asked for).
    const box = page.locator('main .safe-contact-box');
    expect(await box.innerText()).toContain(IT.labels.contactChannels.sms);
    expect(await box.innerText()).toContain(IT.caseFields.noVoicemailYes);
    expect(await mainText(page)).not.toContain(LAST_NAME);
    await axe(page, 'case profile', 'case-profile-it');
  });

  test('her identity, shown only with a purpose, hidden again on leaving', async () => {
    const { page } = s;
    await button(page, IT.identity.show).click();
    await page.locator('#identity-purpose').selectOption('contact');
    await page
      .locator('main .identity-panel')
      .getByRole('button', { name: IT.identity.showSubmit, exact: true })
      .click();
    await page.locator('main .identity-shown').waitFor();
    expect(await page.locator('main .identity-shown').innerText()).toContain(LAST_NAME);
    await axe(page, 'identity shown');
    await goTab(page, IT.casePage.tabs.consents, `${caseUrl}/consensi`);
    expect(await page.locator('main .identity-shown').count()).toBe(0);
    expect(await mainText(page)).not.toContain(LAST_NAME);
    expect(
      await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })),
    ).not.toContain(LAST_NAME);
  });

  test('consent: the full text, the printable form, her decision recorded', async () => {
    const { page } = s;
    await axe(page, 'consents (empty)');
    await button(page, IT.consents.add).click();
    await page.locator('#consent-purpose').selectOption('service');
    await page.locator('main .consent-text').waitFor();
    const printIt = page
      .locator('main')
      .getByRole('link', { name: new RegExp(IT.consents.printIt.replace(/[()]/g, '\\$&')) });
    expect(await printIt.getAttribute('target')).toBe('_blank');
    const form = await page.request.get((await printIt.getAttribute('href')) as string);
    expect([form.status(), form.headers()['content-type']]).toEqual([200, 'application/pdf']);
    await tick(page, 'consent-decision');
    await axe(page, 'consent form', 'case-consent-form-it');
    await button(page, IT.consents.submit).click();
    await saved(page, IT.consents.saved);
    const table = page.locator('main table', { has: page.locator('caption', { hasText: IT.consents.tableCaption }) });
    await table.waitFor();
    expect(await table.innerText()).toContain(IT.labels.consentPurposes.service);
    expect(await table.innerText()).toContain(IT.labels.consentStatuses.active);
    await axe(page, 'consents', 'case-consents-it');
  });

  test('needs analysis: the questionnaire, the needs profile and the proposed goals', async () => {
    const { page } = s;
    await goTab(page, IT.casePage.tabs.needs, `${caseUrl}/bisogni`);
    await button(page, IT.needs.add).click();
    await page.locator('#needs-q-education_level').waitFor();
    for (const [id, value] of Object.entries({
      italian_level: 'a2',
      last_job_ended: 'over_2_years',
      monthly_income: 'none',
      housing_situation: 'with_family',
    })) {
      await page.locator(`#needs-q-${id}`).selectOption(value);
    }
    await tick(page, 'needs-q-own_bank_account-no');
    await tick(page, 'needs-q-wants_training');
    await axe(page, 'needs form');
    await button(page, IT.needs.submit).click();
    await saved(page, IT.needs.saved);
    await expect.poll(() => mainText(page)).toContain(IT.needs.proposedGoals);
    expect(await mainText(page)).toContain(IT.labels.needReasons.no_income);
    await axe(page, 'needs profile', 'case-needs-it');
  });

  test('plan: build it from the proposed goals and save it', async () => {
    const { page } = s;
    await goTab(page, IT.casePage.tabs.plan, `${caseUrl}/piano`);
    await axe(page, 'plan (none yet)');
    await button(page, IT.plan.create).click();
    await button(page, IT.plan.addProposals).click();
    await page.locator('#plan-g0-title').fill('Ritrovare un lavoro');
    await page.locator('#plan-g0-a0-dueOn').fill('2099-06-30');
    await page.locator('#plan-secondLanguage').selectOption('fr');
    await axe(page, 'plan editor', 'case-plan-editor-it');
    await button(page, IT.plan.save).click();
    await saved(page, fmt(IT.plan.saved, { n: 1 }));
    await axe(page, 'plan saved');
  });
  test('plan: her agreement to version 1, and the plan printed for her (PDF)', async () => {
    const { page } = s;
    await tick(page, 'agree-method');
    await button(page, IT.plan.agreeSubmit).click();
    await saved(page, IT.plan.agreedSaved);
    const agreed = fmt(IT.plan.agreedText, {
      n: 1,
      date: '{date}',
      method: IT.labels.agreementMethods.signed!.toLowerCase(),
    }).split('{date}');
    for (const part of agreed) expect(await mainText(page)).toContain(part);
    const print = page
      .locator('main')
      .getByRole('link', { name: new RegExp(fmt(IT.plan.printBilingual, { lang: IT.labels.printLanguages.fr! })) });
    expect(await print.getAttribute('target')).toBe('_blank');
    const href = (await print.getAttribute('href')) as string;
    expect(href).toMatch(/\/plan\/print\?lang=fr$/);
    const pdf = await page.request.get(href);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    const body = await pdf.body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.toString('latin1')).not.toContain(LAST_NAME);
    await axe(page, 'plan agreed', 'case-plan-it');
  });

  test('outcome: a hire schedules the follow-ups at 3, 6 and 12 months', async () => {
    const { page } = s;
    await goTab(page, IT.casePage.tabs.outcomes, `${caseUrl}/esiti`);
    await button(page, IT.outcomes.add).click();
    await page.locator('#outcome-kind').selectOption('hired');
    await button(page, IT.outcomes.submit).click();
    await page.locator('main .error-summary').waitFor();
    await axe(page, 'outcome form with errors');
    await page.locator('#outcome-contractType').selectOption('fixed_term');
    await page.locator('#outcome-sector').selectOption('Q');
    await page.locator('#outcome-weeklyHours').fill('24');
    await button(page, IT.outcomes.submit).click();
    await saved(page, IT.outcomes.savedHired);
    const followUps = page.locator('main table', {
      has: page.locator('caption', { hasText: IT.followUps.caseCaption }),
    });
    await expect.poll(() => followUps.locator('tbody tr').count()).toBe(3);
    const months = await followUps.locator('tbody th').allInnerTexts();
    expect(months).toEqual([3, 6, 12].map((n) => fmt(IT.followUps.monthsN, { n })));
    await axe(page, 'outcomes', 'case-outcomes-it');
    // The centre's due list shows them too.
    await visit(page, '/follow-up?due=all');
    await ready(page, IT.followUps.title);
    const rows = page.locator('main table tbody tr', { hasText: caseCode });
    await expect.poll(() => rows.count()).toBe(3);
    await axe(page, 'follow-ups due', 'case-follow-ups-it');
  });

  test('timeline: everything done, newest first, by whom', async () => {
    const { page } = s;
    await visit(page, `${caseUrl}/cronologia`);
    await ready(page, new RegExp(IT.casePage.tabs.timeline));
    const table = page.locator('main table', { has: page.locator('caption', { hasText: IT.timeline.caption }) });
    await table.waitFor();
    const kinds = await table.locator('tbody th').allInnerTexts();
    const T = IT.labels.timelineKinds;
    expect(kinds[0]).toBe(T['outcome.recorded']);
    for (const k of [
      'case.opened',
      'identity.viewed',
      'consent.recorded',
      'needs.recorded',
      'plan.updated',
      'plan.agreed',
      'plan.printed',
    ] as const) {
      expect(kinds, k).toContain(T[k]);
    }
    expect(kinds.at(-1)).toBe(T['case.opened']);
    await axe(page, 'timeline', 'case-timeline-it');
  });
});

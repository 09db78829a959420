// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/**
 * Companies and vacancies (/aziende, net-companies): a CPI referent of the Milan network finds the
 * demo companies with their commitments, opens one and enters a vacancy; axe on the pages;
 * screenshots of the register and a company's record.
 */
import { describe, expect, test } from 'vitest';
import {
  axeCheck,
  expectNoAxeViolations,
  fmt,
  it as IT,
  login,
  mainText,
  newSession,
  ready,
  screenshot,
  setupBrowser,
  visit,
  waitForPath,
} from './helpers.ts';

setupBrowser();
const C = IT.companies;

describe('companies and vacancies', () => {
  test('a CPI referent adds a vacancy to a company of her network', async () => {
    const { page } = await newSession();
    await page.goto('/login');
    await login(page, 'referente.cpi.milano');
    await ready(page);
    await page.locator('header nav').getByRole('link', { name: C.nav, exact: true }).click();
    await waitForPath(page, '/aziende');
    await ready(page, C.title);
    const companies = page.locator('main table', { has: page.locator('caption', { hasText: C.companiesCaption }) });
    await expect.poll(() => companies.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
    // Milan's companies only: Pavia's are another network's
    expect(await companies.innerText()).not.toContain('Agricola del Ticino');
    await expectNoAxeViolations(page, '/aziende');
    await screenshot(page, 'companies-register');

    await companies.getByRole('link', { name: /Pulizie Brera/ }).click();
    await waitForPath(page, /^\/aziende\/[0-9a-f-]+$/);
    await ready(page, /Pulizie Brera/);
    await page.getByLabel(C.occupationLabel).fill('Addetta alla reception (e2e)');
    await page.getByLabel(C.sector).selectOption('office_admin');
    await page.getByLabel(C.hoursPerWeek).fill('20');
    await page.getByLabel(C.italianMin).selectOption('a2');
    await page.getByLabel(C.educationMin).selectOption('none');
    await page.locator('label[for="vacancy-reserved"]').click();
    await page.getByRole('button', { name: C.newVacancy }).click();
    await page.getByText(C.vacancyCreated).waitFor();
    const vacancies = page.locator('main table', { has: page.locator('caption', { hasText: C.vacanciesTitle }) });
    await expect.poll(() => vacancies.innerText()).toContain('Addetta alla reception (e2e)');
    await expectNoAxeViolations(page, '/aziende/:id');
    await screenshot(page, 'companies-record');

    // she changes the vacancy's hours in the same form, then closes the form by keyboard
    const row = vacancies.locator('tr', { hasText: 'Addetta alla reception (e2e)' });
    await row.getByRole('button', { name: new RegExp(`^${C.editVacancy}`) }).click();
    await page.locator('#vacancy-edit-title').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('vacancy-edit-title');
    expect(await page.inputValue('#vacancy-occupationLabel')).toBe('Addetta alla reception (e2e)');
    await page.fill('#vacancy-hoursPerWeek', '25');
    await page.getByRole('button', { name: C.saveVacancy, exact: true }).click();
    await page.getByText(C.vacancySaved).waitFor();
    await expect.poll(() => row.innerText()).toContain(fmt(C.hours, { hours: 25 }));
    await expectNoAxeViolations(page, '/aziende/:id (vacancy edit)');
    await page.getByRole('button', { name: IT.common.cancel, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#vacancy-new-title').waitFor();

    // the register's vacancies list it
    await visit(page, '/aziende');
    await ready(page, C.title);
    await expect.poll(() => mainText(page)).toContain('Addetta alla reception (e2e)');

    // a centre operator of the network sees it matched to the plan of one of her cases
    const centre = await newSession();
    await centre.page.goto('/login');
    await login(centre.page, 'operatrice.cadmi');
    await ready(centre.page);
    const caseId = await centre.page.evaluate(async () => {
      const get = async (u: string) => (await fetch(u, { credentials: 'same-origin' })).json();
      const list = await get('/api/v1/cases?status=open&limit=200');
      for (const c of list.items as Array<{ id: string }>) {
        const m = await get(`/api/v1/cases/${c.id}/vacancy-matches`);
        if (
          (m.items ?? []).some(
            (x: { vacancy: { occupationLabel: string } }) =>
              x.vacancy.occupationLabel === 'Addetta alla reception (e2e)',
          )
        )
          return c.id;
      }
      return null;
    });
    expect(caseId, 'a demo case whose plan matches the new vacancy').not.toBeNull();
    await visit(centre.page, `/percorsi/${caseId}/piano`);
    await ready(centre.page);
    const matches = centre.page.locator('main table', {
      has: centre.page.locator('caption', { hasText: C.matchCaption }),
    });
    await expect.poll(() => matches.innerText()).toContain('Addetta alla reception (e2e)');
    expect(await matches.innerText()).toContain(C.matchReasons.reserved_vacancy);
    await expectNoAxeViolations(centre.page, '/percorsi/:id/piano (vacancy matches)');
    await screenshot(centre.page, 'companies-plan-matches');
  });

  test('a centre operator reads the register and cannot write; axe in English', async () => {
    const { page } = await newSession({ lang: 'en' });
    await page.goto('/login');
    await login(page, 'operatrice.cadmi');
    await ready(page);
    await axeCheck(
      page,
      '/aziende',
      'Companies and vacancies',
      '/aziende (en, centre operator)',
      'companies-register-en',
    );
    expect(await page.getByRole('button', { name: 'Register a company' }).count()).toBe(0);
  });
});

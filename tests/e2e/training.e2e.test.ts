// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/**
 * Training and coverage (issue 8) in the browser: Milan's network coordinator sees Magenta's CPI
 * flagged with one trained referent, records a course edition with a session and attendance for
 * Magenta's referents, and sees the board change to covered. axe on /formazione, the new-course
 * form and the course page; screenshots.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  it as IT,
  expectNoAxeViolations,
  login,
  newSession,
  ready,
  type Session,
  screenshot,
  setupBrowser,
  visit,
} from './helpers.ts';

setupBrowser();

describe('training and coverage', () => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
  });
  afterAll(() => s.close());

  const magentaRow = () => s.page.locator('main tr[data-cpi]', { has: s.page.locator('th', { hasText: 'Magenta' }) });

  test('a coordinator records an edition with attendance and the board changes', async () => {
    const k = IT.training;
    const { page } = s;
    await login(page, 'coordinatrice.milano');
    await visit(page, '/formazione');
    await ready(page, k.title);
    await expect.poll(() => magentaRow().locator('.coverage-count').innerText()).toBe('1');
    await expect.poll(() => magentaRow().innerText()).toContain(k.states.one);
    await expectNoAxeViolations(page, 'training page');
    await screenshot(page, 'training-board');

    await page.getByRole('link', { name: k.newCourse }).click();
    await ready(page, k.newCourse);
    await page.locator('#course-title').fill('Aggiornamento referenti CPI — Magenta');
    await page.locator('#course-network').selectOption('milano');
    const afol = page.locator('#course-body option', { hasText: 'AFOL Metropolitana' }).first();
    await page.locator('#course-body').selectOption((await afol.getAttribute('value')) ?? '');
    await page.locator('label[for="course-audiences"]').click();
    await page.locator('#course-hours').fill('4');
    await expectNoAxeViolations(page, 'new course form');
    await screenshot(page, 'training-new-course');
    await page.getByRole('button', { name: k.create }).click();
    await page.waitForURL(/\/formazione\/corsi\//);
    await ready(page, 'Aggiornamento referenti CPI');

    await page.locator('#edition-label').fill('Edizione di recupero');
    await page.getByRole('button', { name: k.addEdition }).click();
    await page.locator('main h2', { hasText: 'Edizione di recupero' }).waitFor();
    const today = new Date().toISOString().slice(0, 10);
    await page.locator('input[id^="session-date-"]').fill(today);
    await page.locator('input[id^="session-place-"]').fill('CPI di Magenta');
    await page
      .locator('form', { has: page.locator('input[id^="session-date-"]') })
      .getByRole('button')
      .click();
    await page.locator('main table tbody tr th', { hasText: /\d/ }).first().waitFor();

    const magenta = page.locator('select[id^="enrol-body-"] option', { hasText: 'Magenta' }).first();
    await page.locator('select[id^="enrol-body-"]').selectOption((await magenta.getAttribute('value')) ?? '');
    const people = page.locator('select[id^="enrol-person-"] option:not([value=""])');
    await expect.poll(() => people.count()).toBeGreaterThanOrEqual(2);
    const ids = await people.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    for (const id of ids) {
      await page.locator('select[id^="enrol-person-"]').selectOption(id);
      await page.getByRole('button', { name: k.enrol, exact: true }).click();
      await page.getByText(k.saved).first().waitFor();
    }
    await expect.poll(() => page.locator('fieldset input[type="checkbox"][id^="present-"]').count()).toBe(ids.length);
    // Bootstrap Italia draws the checkbox on the label (the input itself is visually hidden)
    for (const label of await page.locator('fieldset label[for^="present-"]').all()) await label.click();
    await page.getByRole('button', { name: k.saveAttendance }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain(k.certificate);
    await expectNoAxeViolations(page, 'course page');
    await screenshot(page, 'training-course');

    await visit(page, '/formazione');
    await ready(page, k.title);
    await expect.poll(() => magentaRow().locator('.coverage-count').innerText()).toBe('2');
    await expect.poll(() => magentaRow().innerText()).toContain(k.states.covered);
  });

  test('prevention activities: the list with totals and the month calendar', async () => {
    const k = IT.prevention;
    const { page } = s;
    await visit(page, '/prevenzione?vista=elenco&mese=2026-03');
    await ready(page, k.title);
    await expect.poll(() => page.locator('main').innerText()).toContain('2026-Q1');
    await expectNoAxeViolations(page, 'prevention list');
    await screenshot(page, 'prevention-list');
    await visit(page, '/prevenzione?vista=calendario&mese=2026-03');
    await ready(page, k.title);
    await expect.poll(() => page.locator('main table caption').first().innerText()).toContain('2026');
    await expectNoAxeViolations(page, 'prevention calendar');
    await screenshot(page, 'prevention-calendar');
  });
});

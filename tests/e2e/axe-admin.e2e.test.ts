/**
 * 6c. axe (WCAG 2.1 A/AA), zero violations: the organisation administrator's pages (own
 * organisation with the edit form, users admin) and the DPO's audit register.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoUser } from './context.ts';
import { axeCheck, it as IT, login, newSession, ready, type Session, screenshot, setupBrowser } from './helpers.ts';

setupBrowser();

describe('axe, organisation admin (it)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
    await s.page.goto('/login');
    await login(s.page, 'admin.cadmi');
    await ready(s.page);
  });
  afterAll(() => s.close());

  test('own organisation with the edit form', async () => {
    const cadmi = demoUser('admin.cadmi');
    await axeCheck(
      s.page,
      `/organizzazioni/${cadmi.organisationId}`,
      cadmi.organisationName,
      'organisation detail with edit form (it)',
    );
    const editHeading = s.page.locator('main h2', { hasText: IT.organisations.editTitle });
    expect(await editHeading.count(), 'edit form heading').toBe(1);
    expect(await s.page.locator('main form').count()).toBeGreaterThanOrEqual(1);
    await editHeading.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'organisation-edit-it');
  });
  test('users admin', async () => {
    await axeCheck(s.page, '/utenti', IT.users.title, 'users admin (it)', 'users-it');
    expect(await s.page.locator('main table').count()).toBeGreaterThanOrEqual(1);
  });
});

describe('axe, DPO (it)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
    await s.page.goto('/login');
    await login(s.page, 'dpo.cadmi');
    await ready(s.page);
  });
  afterAll(() => s.close());

  test('audit register with filters', async () => {
    await axeCheck(s.page, '/audit', IT.audit.title, 'audit register (it)', 'audit-dpo-it');
  });
});

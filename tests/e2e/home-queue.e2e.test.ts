/**
 * The home page as a work queue, from each role's home: every count leads to a list of exactly
 * that many items; a referral acted on clears its notification; the keyboard shortcuts; axe on
 * each home, on a queue list and on the shortcuts page.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  apiOf,
  checkProblems,
  currentPath,
  DISPLAY_NAMES,
  expectNoAxeViolations,
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
import { demoUser } from './context.ts';

setupBrowser();

interface Queue {
  queue: string;
  count: number;
  href: string;
}

async function queuesOnHome(page: Page): Promise<Queue[]> {
  await visit(page, '/');
  await page.locator('main [data-queue]').first().waitFor();
  return page.locator('main [data-queue]').evaluateAll((els) =>
    els.map((el) => ({
      queue: el.getAttribute('data-queue') ?? '',
      count: Number(el.getAttribute('data-count')),
      href: el.querySelector('a')?.getAttribute('href') ?? '',
    })),
  );
}

/** The total a queue's list states, and how many rows its first page shows. */
async function listOf(page: Page, href: string) {
  await visit(page, href);
  const status = page.locator('main [data-total]');
  await status.waitFor();
  const total = Number(await status.getAttribute('data-total'));
  const rows = await page.locator('main tbody tr.worklist-item').count();
  return { total, rows };
}

/** Each count on her home equals its list's total and rows (the lists show 50 a page). */
async function countsMatchLists(page: Page, who: string): Promise<Queue[]> {
  const queues = await queuesOnHome(page);
  expect(queues.length, who).toBeGreaterThan(0);
  for (const q of queues) {
    expect(q.href).toBe(`/da-fare/${q.queue}`);
    // other test files act in parallel: read both again until they agree (a real mismatch never does)
    await expect
      .poll(async () => {
        const now = (await queuesOnHome(page)).find((x) => x.queue === q.queue)?.count;
        const list = await listOf(page, q.href);
        return [now, list.total, list.rows];
      })
      .toSatisfy((v: unknown) => {
        const [count, total, rows] = v as [number, number, number];
        return count === total && rows === Math.min(total, 50);
      }, `${who}: ${q.queue}`);
  }
  return queues;
}

describe.each([
  ['operatrice.hara', ['actions_overdue', 'follow_ups_due', 'consents_expiring', 'windows_closing']],
  ['referente.cpi.rho', ['referrals_to_answer', 'appointments_to_book']],
  ['dpo.cadmi', ['identity_reads', 'access_refused']],
  ['cabina.regia', ['referrals_overdue_network']],
] as const)('home of %s', (username, expected) => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
    await login(s.page, username);
    await waitForPath(s.page, '/');
  });
  afterAll(() => s.close());

  test('every count leads to a list of exactly that many items; axe clean', async () => {
    await ready(s.page, fmt(IT.home.title, { name: DISPLAY_NAMES[username] ?? '' }));
    await expectNoAxeViolations(s.page, `home of ${username}`);
    await screenshot(s.page, `home-queue-${username}`);
    const queues = await countsMatchLists(s.page, username);
    expect(queues.map((q) => q.queue)).toEqual(expect.arrayContaining([...expected]));
    // the demo gives every role something to do
    expect(
      queues.some((q) => q.count > 0),
      username,
    ).toBe(true);
    const busy = queues.find((q) => q.count > 0) as Queue;
    await visit(s.page, busy.href);
    await ready(s.page, IT.worklist.queues[busy.queue as keyof typeof IT.worklist.queues]);
    await expectNoAxeViolations(s.page, `${busy.queue} list of ${username}`);
    await screenshot(s.page, `worklist-${busy.queue}`);
    checkProblems(s);
  });
});

describe('notifications and shortcuts', () => {
  let s: Session;
  let fresh = '';
  beforeAll(async () => {
    // a referral sent now by the Rho centre to CPI Rho, so that the test does not depend on the
    // demo's own (they expire, and other browser tests answer them)
    const centre = await newSession();
    await login(centre.page, 'operatrice.hara');
    const api = apiOf(centre.page);
    const cpi = demoUser('referente.cpi.rho');
    const list = await api<{ items: { id: string; onMyTeam: boolean }[] }>('GET', '/cases?status=open&limit=200');
    const caseId = list.items.find((c) => c.onMyTeam)?.id;
    if (!caseId) throw new Error('no open case on the Rho operator’s team');
    await api('POST', `/cases/${caseId}/consents`, {
      purpose: 'sharing',
      decision: 'granted',
      textVersion: '2026-01',
      method: 'signed_form',
      givenOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date()),
      recipientOrganisationId: cpi.organisationId,
      sharingPurpose: 'work_orientation',
    }).catch((e: Error) => {
      if (!e.message.includes(' 409 ')) throw e;
    });
    const referral = await api<{ id: string }>(
      'POST',
      '/referrals',
      {
        caseId,
        recipientOrganisationId: cpi.organisationId,
        purpose: 'work_orientation',
        urgency: 'routine',
        shareFields: ['profile.ageBand'],
      },
      { 'Idempotency-Key': randomUUID() },
    );
    fresh = referral.id;
    await centre.close();
    s = await newSession();
    await login(s.page, 'referente.cpi.rho');
    await waitForPath(s.page, '/');
  });
  afterAll(() => s.close());

  test('notifications show their context, grouped; accepting a referral clears its notification', async () => {
    await visit(s.page, '/notifiche?show=unread');
    await ready(s.page, IT.notifications.title);
    // the new referral's group: the pseudonym, never a case code; the sender; a link to it
    const group = s.page.locator(`main section.notification-group[data-referral="${fresh}"]`);
    await group.waitFor();
    expect(await group.locator('li', { hasText: IT.notifications.kinds.referral_received }).count()).toBeGreaterThan(0);
    expect(await group.locator('a', { hasText: IT.notifications.openReferral }).count()).toBe(1);
    const heading = await group.locator('h2').textContent();
    expect(heading).toMatch(/Pseudonimo P-[A-Z2-9]{4}-[A-Z2-9]{4}/);
    expect(await group.textContent()).toMatch(/Da: .+/);
    await expectNoAxeViolations(s.page, 'notifications, grouped');
    await screenshot(s.page, 'notifications-grouped');
    // she opens it from the notification and accepts it
    await group.locator('a', { hasText: IT.notifications.openReferral }).click();
    await waitForPath(s.page, `/invii/${fresh}`);
    await ready(s.page);
    const accept = s.page.locator('main button', { hasText: IT.referralActions.buttons.accept });
    await accept.first().click();
    await expect.poll(() => accept.count()).toBe(0);
    await visit(s.page, '/notifiche?show=unread');
    await ready(s.page, IT.notifications.title);
    await expect.poll(() => s.page.locator(`main section[data-referral="${fresh}"]`).count()).toBe(0);
    checkProblems(s);
  });

  test('/ goes to the search, g h home, ? the shortcuts; not while typing', async () => {
    await visit(s.page, '/');
    await ready(s.page);
    await s.page.locator('body').press('/');
    // a CPI referent sees no cases: the organisations' search
    await waitForPath(s.page, '/organizzazioni');
    await expect
      .poll(() => s.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('search');
    // typing in the field types, it does not navigate
    await s.page.keyboard.type('gh/?');
    await new Promise((r) => setTimeout(r, 500));
    expect(currentPath(s.page)).toMatch(/^\/organizzazioni/);
    await s.page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await s.page.keyboard.press('g');
    await s.page.keyboard.press('h');
    await waitForPath(s.page, '/');
    await s.page.keyboard.press('?');
    await waitForPath(s.page, '/aiuto-tastiera');
    await ready(s.page, IT.shortcuts.title);
    await expectNoAxeViolations(s.page, 'keyboard shortcuts');
    // the footer links to it
    await visit(s.page, '/');
    await s.page.locator('footer a', { hasText: IT.shortcuts.footerLink }).click();
    await waitForPath(s.page, '/aiuto-tastiera');
    checkProblems(s);
  });
});

describe('the centre operator', () => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
    await login(s.page, 'operatrice.cadmi');
    await waitForPath(s.page, '/');
  });
  afterAll(() => s.close());

  test('/ on a page without a search opens the case search; overdue actions are marked on the plan', async () => {
    await visit(s.page, '/notifiche');
    await ready(s.page, IT.notifications.title);
    await s.page.locator('body').press('/');
    await waitForPath(s.page, '/percorsi');
    await expect
      .poll(() => s.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('search');
    const [queue] = (await queuesOnHome(s.page)).filter((q) => q.queue === 'actions_overdue' && q.count > 0);
    expect(queue, 'overdue actions in the demo').toBeDefined();
    await visit(s.page, (queue as Queue).href);
    await s.page.locator('main tbody tr.worklist-item a').first().click();
    await waitForPath(s.page, /\/percorsi\/[^/]+\/piano$/);
    await expect
      .poll(() => s.page.locator('main .urgency-badge', { hasText: IT.urgency.kinds.action_overdue }).count())
      .toBeGreaterThan(0);
    checkProblems(s);
  });
});

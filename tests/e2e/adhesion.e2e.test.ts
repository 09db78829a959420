/**
 * Protocol adhesion by invitation (issue 8): the demo coordinator invites a body on the protocol's
 * page and gets a single-use link; in another browser, without signing in, the body fills in the
 * public form (axe clean; the link is spent); the coordinator approves with the administrator's
 * username, gets the administrator's one-time invitation and sees the body among the signatories.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  apiOf,
  checkProblems,
  expectNoAxeViolations,
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
const P = IT.protocols;

describe('protocol adhesion by invitation', () => {
  let s: Session;
  let visitor: Session;
  beforeAll(async () => {
    s = await newSession();
    visitor = await newSession();
    await login(s.page, 'coordinatrice.milano');
    await waitForPath(s.page, '/');
  });
  afterAll(async () => {
    await s.close();
    await visitor.close();
  });

  test('invite, public form, approval: the new body signs and its administrator is invited', async () => {
    const { page } = s;
    const api = apiOf(page);
    const { items } = await api<{ items: { id: string; name: string }[] }>('GET', '/protocols');
    let protocol: { id: string; name: string } | undefined;
    for (const p of items) {
      const d = await api<{ allowedActions: string[] }>('GET', `/protocols/${p.id}`);
      if (d.allowedActions.includes('invite_adhesion')) {
        protocol = p;
        break;
      }
    }
    expect(protocol).toBeDefined();
    const pid = protocol?.id as string;
    const bodyName = `Cooperativa Ponte ${Date.now().toString(36)}`;

    await visit(page, `/protocolli/${pid}`);
    await ready(page, protocol?.name);
    await page.locator('#invite-body-title').waitFor();
    await expectNoAxeViolations(page, 'protocol page with invitations');
    await page.fill('#invited-name', bodyName);
    await page.selectOption('#invite-network', 'milano');
    await page.getByRole('button', { name: P.inviteSubmit, exact: true }).click();
    const linkBox = page.locator('#one-time-link');
    await linkBox.waitFor();
    const url = await linkBox.inputValue();
    expect(url).toMatch(/\/adesione\/[A-Za-z0-9_-]{43}$/);
    await page.locator('main tr', { hasText: bodyName }).first().waitFor();

    // the body, not signed in
    const v = visitor.page;
    await visit(v, new URL(url).pathname);
    await ready(v, P.formTitle);
    await v.locator('main .alert', { hasText: P.formNoWomenData }).waitFor();
    expect(await v.inputValue('#adh-name')).toBe(bodyName);
    await expectNoAxeViolations(v, 'public adhesion form');
    // the checks say what is missing, by keyboard: the summary links to the fields
    await v.fill('#adh-name', '');
    await v.getByRole('button', { name: P.formSubmit, exact: true }).click();
    await v.locator('main .error-summary', { hasText: P.bodyTypeRequired }).waitFor();
    await v.fill('#adh-name', bodyName);
    await v.selectOption('#adh-type', 'ngo');
    await v.selectOption('#adh-municipality', { label: 'Milano' });
    await v.fill('#adh-website', 'https://ponte.example.org');
    await v.fill('#adh-motivation', 'Accompagniamo le donne della rete nella ricerca di lavoro.');
    await v.fill('#adh-admin-name', 'Marta Esempio');
    await v.fill('#adh-admin-email', 'marta@ponte.example.org');
    await v.getByRole('button', { name: P.formSubmit, exact: true }).click();
    await v.locator('main .alert-success', { hasText: P.formSent }).waitFor();
    await screenshot(v, 'adhesion-form-sent');
    // the link is spent
    await visit(v, new URL(url).pathname, { reload: true });
    await v.locator('main .alert', { hasText: P.linkUsed }).waitFor();
    checkProblems(visitor, 'public adhesion form');

    // the coordinator approves with the administrator's username
    await visit(page, `/protocolli/${pid}`, { reload: true });
    await ready(page, protocol?.name);
    const row = page.locator('main tr', { hasText: bodyName }).filter({ hasText: 'Marta Esempio' });
    await row.waitFor();
    await expectNoAxeViolations(page, 'protocol page with a request from the form');
    await row.locator('input[id^="admin-username-"]').fill(`marta.${Date.now().toString(36)}`);
    await row.getByRole('button', { name: new RegExp(`^${P.approve}`) }).click();
    const adminLink = page.locator('#one-time-link');
    await adminLink.waitFor();
    expect(await adminLink.inputValue()).toMatch(/\/invito\/[A-Za-z0-9_-]{43}$/);
    // the body is a signatory (a later adhesion), with its own page
    const signatory = page
      .locator('main tr', { hasText: bodyName })
      .filter({ hasText: IT.labels.signatoryKinds.adhesion });
    await signatory.first().waitFor();
    await screenshot(page, 'adhesion-approved');
    checkProblems(s, 'adhesion approval');
  });
});

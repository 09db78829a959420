/**
 * net-control: the control room. The demo coordinator sees overdue actions on her home page, opens
 * the Milan protocol's control room, records a meeting with a decision and an action item, finds it
 * in the meeting's page; the upload form warns that no document may hold a woman's data. axe on
 * every page (list, room, meeting, the overdue queue).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  checkProblems,
  DISPLAY_NAMES,
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
const C = IT.controlRoom;

describe('control room', () => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
    await login(s.page, 'coordinatrice.milano');
    await waitForPath(s.page, '/');
  });
  afterAll(() => s.close());

  test('overdue actions on her home; a meeting with a decision and an action item; axe clean', async () => {
    const { page } = s;
    const queue = page.locator('main [data-queue="room_actions_overdue"]');
    await queue.waitFor();
    expect(Number(await queue.getAttribute('data-count'))).toBeGreaterThan(0);
    await visit(page, '/da-fare/room_actions_overdue');
    await ready(page, IT.worklist.queues.room_actions_overdue);
    await expectNoAxeViolations(page, 'overdue control-room actions');

    await visit(page, '/cabina-di-regia');
    await ready(page, C.title);
    await expectNoAxeViolations(page, 'control rooms');
    await page.locator('main a', { hasText: 'Lavoro e violenza di genere' }).first().click();
    await waitForPath(page, /^\/cabina-di-regia\/[0-9a-f-]{36}$/);
    await ready(page, /Lavoro e violenza di genere/);
    expect(await page.locator('main tr.room-action[data-overdue]').count()).toBeGreaterThan(0);
    expect(await page.locator('main .working-group h3', { hasText: 'Lavoro e violenza' }).count()).toBe(1);
    await expectNoAxeViolations(page, 'control room');
    await screenshot(page, 'control-room');

    // the upload form says what may not be uploaded
    await page.locator('summary', { hasText: C.upload }).click();
    await page.locator('main .upload-form .alert-warning', { hasText: C.uploadWarning }).waitFor();
    // a PDF uploaded through the form (multipart, CSRF) lands in the list; a disguised one is refused
    await page.fill('#doc-title', 'Verbale di prova del browser');
    await page.setInputFiles('#doc-file', {
      name: 'verbale.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: C.uploadSubmit, exact: true }).click();
    await page.locator('main .upload-form .alert-success', { hasText: C.uploaded }).waitFor();
    await page.locator('main tr', { hasText: 'Verbale di prova del browser' }).first().waitFor();
    await page.fill('#doc-title', 'Verbale travestito');
    await page.setInputFiles('#doc-file', {
      name: 'verbale.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<!doctype html><p>no</p>'),
    });
    await page.getByRole('button', { name: C.uploadSubmit, exact: true }).click();
    await page.locator('main .upload-form .error-summary', { hasText: IT.fieldReasons.type_not_allowed }).waitFor();

    // record a meeting with one decision and one action
    await page.locator('summary', { hasText: C.newMeeting }).click();
    await page.fill('#meeting-date', '2026-11-20');
    await page.fill('#meeting-place', 'Palazzo Marino');
    await page.fill('#meeting-agenda', 'Bilancio dell’anno\nProgramma del prossimo anno');
    await page.locator('label[for="meeting-present"]').click();
    await page.getByRole('button', { name: C.addDecision }).click();
    await page.fill('#decision-0', 'Rinnovare la campagna nelle aziende');
    await page.getByRole('button', { name: C.addAction.replace('{n}', '1') }).click();
    await page.fill('#action-0-0-title', 'Piano della campagna 2027');
    await page.selectOption('#action-0-0-owner', { index: 1 });
    await page.fill('#action-0-0-due', '2027-02-28');
    await expectNoAxeViolations(page, 'control room with the forms open');
    await screenshot(page, 'control-room-forms');
    await page.getByRole('button', { name: C.saveMeeting }).click();
    await page.locator('main .alert-success', { hasText: C.meetingSaved }).waitFor();

    const row = page.locator('main tr.meeting-row', { hasText: '20/11/2026' });
    await row.waitFor();
    await row.locator('a').click();
    await waitForPath(page, /\/riunioni\//);
    await ready(page, /20\/11\/2026/);
    await page.locator('main ol.decisions li', { hasText: 'Rinnovare la campagna nelle aziende' }).waitFor();
    await page.locator('main tr.room-action', { hasText: 'Piano della campagna 2027' }).waitFor();
    await expectNoAxeViolations(page, 'meeting');
    await screenshot(page, 'control-room-meeting');
    checkProblems(s);
  });
});

describe('shared procedures', () => {
  let s: Session;
  beforeAll(async () => {
    s = await newSession();
    await login(s.page, 'admin.cadmi');
    await waitForPath(s.page, '/');
  });
  afterAll(() => s.close());

  test('a body’s administrator sees the version in force and acknowledges it; axe clean', async () => {
    const { page } = s;
    const P = C.procedures;
    await visit(page, '/procedure');
    await ready(page, P.title);
    await expectNoAxeViolations(page, 'procedures');
    await screenshot(page, 'procedures');
    await page.locator('main tr.procedure-row a', { hasText: 'Invio delle donne ai Centri per l’impiego' }).click();
    await waitForPath(page, /^\/procedure\/[0-9a-f-]{36}$/);
    await ready(page, 'Invio delle donne ai Centri per l’impiego');
    expect(await page.locator('main tr.procedure-version[data-status="superseded"]').count()).toBe(1);
    expect(await page.locator('main tr.procedure-version[data-status="approved"]').count()).toBe(1);
    await expectNoAxeViolations(page, 'procedure');
    await page.getByRole('button', { name: P.acknowledge }).click();
    await page
      .locator('main tr', { hasText: 'CADMI' })
      .locator('td', { hasText: DISPLAY_NAMES['admin.cadmi'] ?? 'Paola Demo' })
      .waitFor();
    expect(await page.getByRole('button', { name: P.acknowledge }).count()).toBe(0);
    await screenshot(page, 'procedure');
    checkProblems(s);
  });
});

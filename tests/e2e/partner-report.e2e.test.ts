// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright locator.innerText() (the visible text), not the DOM property
/**
 * A partner's report reaches where she looks (issue 14): a centre refers a demo case to a CPI for
 * the plan action it serves; the CPI referent accepts and reports "Patto di servizio firmato";
 * the centre's Esiti tab shows it, marked with the CPI, with the action as it is now, and the
 * centre marks the action as done in one click (a new plan version). axe is clean on the way.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoUser } from './context.ts';
import {
  apiOf,
  expectNoAxeViolations,
  fmt,
  it as IT,
  login,
  newSession,
  ready,
  type Session,
  screenshot,
  visit,
  setupBrowser,
} from './helpers.ts';

setupBrowser();

interface PlanOut {
  version: number;
  goals: Array<{
    id: string;
    domain: string;
    title: string;
    status: string;
    targetOn: string | null;
    actions: Array<{ id: string; catalogueCode: string; responsibleOrganisationId: string | null; status: string }>;
  }>;
}

describe('a CPI’s report on the centre’s Esiti tab, and the one-click update of the plan action (it)', () => {
  let centre: Session;
  let cpi: Session;
  let caseId = '';
  let actionId = '';
  const cpiUser = demoUser('referente.cpi.milano');

  beforeAll(async () => {
    centre = await newSession();
    await visit(centre.page, '/login');
    await login(centre.page, 'operatrice.cadmi');
    const api = apiOf(centre.page);
    // an open case of her team, whose plan gets (or has) an open action for the CPI
    const list = await api<{ items: { id: string; onMyTeam: boolean }[] }>('GET', '/cases?status=open&limit=200');
    const mine = list.items.filter((c) => c.onMyTeam);
    const picked = mine[mine.length - 1];
    if (!picked) throw new Error('no open case on the demo operator’s team');
    caseId = picked.id;
    const plan = await api<PlanOut>('GET', `/cases/${caseId}/plan`);
    const goals = plan.goals.map((g) => ({
      id: g.id,
      domain: g.domain,
      title: g.title,
      status: g.status,
      targetOn: g.targetOn,
      actions: g.actions.map((a) => ({
        id: a.id,
        catalogueCode: a.catalogueCode,
        responsibleOrganisationId: a.responsibleOrganisationId,
        status: a.status,
      })),
    }));
    goals.push({
      domain: 'work',
      title: 'Patto di servizio al CPI',
      status: 'open',
      targetOn: null,
      actions: [
        { catalogueCode: 'cpi_registration', responsibleOrganisationId: cpiUser.organisationId, status: 'planned' },
      ],
    } as never);
    const saved = await api<PlanOut>('PUT', `/cases/${caseId}/plan`, { goals }, { 'If-Match': `"${plan.version}"` });
    const added = saved.goals.at(-1)?.actions[0];
    if (!added) throw new Error('the action was not saved');
    actionId = added.id;
    // her consent to share with this CPI (already there: the same consent is refused as a duplicate)
    await api('POST', `/cases/${caseId}/consents`, {
      purpose: 'sharing',
      decision: 'granted',
      textVersion: '2026-01',
      method: 'signed_form',
      givenOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date()),
      recipientOrganisationId: cpiUser.organisationId,
      sharingPurpose: 'work_orientation',
    }).catch((e: Error) => {
      if (!e.message.includes(' 409 ')) throw e;
    });
    const referral = await api<{ id: string; version: number }>(
      'POST',
      '/referrals',
      {
        caseId,
        recipientOrganisationId: cpiUser.organisationId,
        purpose: 'work_orientation',
        urgency: 'routine',
        shareFields: ['profile.ageBand', 'plan.actions'],
        planActionId: actionId,
      },
      { 'Idempotency-Key': randomUUID() },
    );
    // the CPI accepts and reports the service agreement
    cpi = await newSession();
    await visit(cpi.page, '/login');
    await login(cpi.page, 'referente.cpi.milano');
    const cpiApi = apiOf(cpi.page);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    const accepted = await cpiApi<{ version: number }>(
      'POST',
      `/referrals/${referral.id}/transitions`,
      { action: 'accept' },
      { 'If-Match': `"${referral.version}"` },
    );
    await cpiApi(
      'POST',
      `/referrals/${referral.id}/transitions`,
      { action: 'report', report: { kind: 'service_agreement_signed', occurredOn: today } },
      { 'If-Match': `"${accepted.version}"` },
    );
  });
  afterAll(async () => {
    await centre?.close();
    await cpi?.close();
  });

  test('the report is on Esiti, marked with the CPI; one click marks the action done', async () => {
    const { page } = centre;
    const K = IT.partnerReports;
    await visit(page, `/percorsi/${caseId}/esiti`);
    await ready(page);
    const row = page.locator('main tr', { hasText: IT.labels.reportKinds.service_agreement_signed }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain(cpiUser.organisationName);
    expect(await row.innerText()).toContain(IT.labels.actionStatuses.planned);
    await expectNoAxeViolations(page, 'Esiti with a partner report');
    await screenshot(page, 'partner-report-esiti-it');
    await row.getByRole('button', { name: new RegExp(`^${K.markDone}`) }).click();
    await page.locator('main .focus-notice', { hasText: IT.labels.actionStatuses.done }).waitFor();
    await expect.poll(() => row.innerText()).toContain(IT.labels.actionStatuses.done);
    expect(await row.getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(page, 'Esiti after the one-click update');
    // the plan moved to a new version with the action done
    const plan = (await (await page.request.get(`/api/v1/cases/${caseId}/plan`)).json()) as PlanOut;
    expect(plan.goals.flatMap((g) => g.actions).find((a) => a.id === actionId)?.status).toBe('done');
    // and the plan tab shows the report on the action
    await visit(page, `/percorsi/${caseId}/piano`);
    await ready(page);
    const fromReport = fmt(K.fromReport, {
      organisation: cpiUser.organisationName,
      date: '',
      kind: '',
    }).split(' del ')[0] as string;
    await page.locator('main', { hasText: fromReport }).waitFor();
    await expectNoAxeViolations(page, 'plan with a partner report');
  });
});

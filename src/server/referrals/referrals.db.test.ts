import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openTestAppPerFile } from '../testing/harness.ts';
import { CANARY, referralFixture } from '../testing/referral-fixture.ts';

const t = openTestAppPerFile();
const f = referralFixture(() => t);

const FIELDS = ['profile.ageBand', 'profile.residence', 'profile.education', 'needs.profile', 'plan.goals'];

async function sentReferral(extra: object = {}, consentOver: object = {}) {
  const centre = await f.centreWithCase();
  const cpi = await f.party('employment_centre', ['cpi_referent']);
  const consentId = await f.consent(centre.s, centre.caseId, cpi.orgId, consentOver);
  const res = await f.send(centre.s, {
    caseId: centre.caseId,
    recipientOrganisationId: cpi.orgId,
    purpose: 'work_orientation',
    urgency: 'priority',
    note: 'Disponibile al mattino',
    shareFields: FIELDS,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { centre, cpi, consentId, referral: res.json() as { id: string; version: number; pseudonym: string } };
}

describe('sending a referral', () => {
  it('gives the recipient a pseudonym and the chosen fields only, and shows the centre who opened it', async () => {
    const { centre, cpi, referral } = await sentReferral();
    const inbox = await f.inject('GET', cpi.s, '/api/v1/referrals?box=inbox');
    expect(inbox.json().items.map((r: { id: string }) => r.id)).toEqual([referral.id]);
    const seen = await f.inject('GET', cpi.s, `/api/v1/referrals/${referral.id}`);
    expect(seen.statusCode).toBe(200);
    const body = seen.json();
    expect(body.caseId).toBeNull();
    expect(body.caseCode).toBeNull();
    expect(body.pseudonym).toMatch(/^P-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(body.pseudonym).not.toContain(centre.code);
    expect(Object.keys(body.shared).sort()).toEqual(['fields', 'needs', 'note', 'plan', 'profile']);
    expect(body.shared.needs).toBeNull(); // no needs analysis yet
    expect(body.shared.plan).toEqual({ goals: [] });
    expect(body.shared.profile).toEqual({
      ageBand: '30_39',
      residence: { code: '015146', name: 'Milano' },
      education: 'upper_secondary',
    });
    expect(body.shared.identity).toBeUndefined();
    expect(body.shared.safeContact).toBeUndefined();
    expect(body.contactMode).toBe('through_centre');
    expect(body.views).toEqual([]);
    expect(seen.body).not.toContain(CANARY.lastName);
    expect(seen.body).not.toContain(centre.caseId);

    const asSender = (await f.inject('GET', centre.s, `/api/v1/referrals/${referral.id}`)).json();
    expect(asSender.caseCode).toBe(centre.code);
    expect(asSender.views).toHaveLength(1);
    expect(asSender.views[0].viewerName).toBe(`Utente ${cpi.user.username}`);
    // deadlines: 5 and 15 working days for a CPI
    expect(asSender.ackDueOn > asSender.sentAt.slice(0, 10)).toBe(true);
    expect(asSender.appointmentDueOn > asSender.ackDueOn).toBe(true);
  });

  it('shares identity and safe-contact preferences only with a consent to disclose identity', async () => {
    const centre = await f.centreWithCase();
    const cpi = await f.party('employment_centre', ['cpi_referent']);
    await f.consent(centre.s, centre.caseId, cpi.orgId);
    const body = {
      caseId: centre.caseId,
      recipientOrganisationId: cpi.orgId,
      purpose: 'work_orientation',
      urgency: 'routine',
      shareFields: ['profile.ageBand', 'identity.name', 'identity.phone'],
    };
    const refused = await f.send(centre.s, body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('consent_missing');
    expect(refused.json().fields.map((x: { field: string }) => x.field)).toEqual([
      'shareFields.identity.name',
      'shareFields.identity.phone',
    ]);
    expect(
      await t.db.owner.selectFrom('referrals').select('id').where('case_id', '=', centre.caseId).execute(),
    ).toHaveLength(0);

    await f.consent(centre.s, centre.caseId, cpi.orgId, { includesIdentity: true });
    const sent = await f.send(centre.s, body);
    expect(sent.statusCode, sent.body).toBe(201);
    const seen = (await f.inject('GET', cpi.s, `/api/v1/referrals/${sent.json().id}`)).json();
    expect(seen.contactMode).toBe('direct');
    expect(seen.shared.identity).toEqual({
      firstName: CANARY.firstName,
      lastName: CANARY.lastName,
      phone: CANARY.phone,
    });
    expect(seen.shared.safeContact).toMatchObject({ channels: ['phone'], noVoicemail: true, onlyThroughCentre: false });
    expect(JSON.stringify(seen)).not.toContain(CANARY.address);
    expect(JSON.stringify(seen)).not.toContain(CANARY.email);
    // a colleague at the centre who is not on her case team sees the referral, not her identity
    const { makeUser, signIn } = await import('../testing/harness.ts');
    const colleague = await makeUser(t.db, t.config, { organisationId: centre.orgId, roles: ['centre_operator'] });
    const asColleague = (
      await f.inject('GET', await signIn(t.app, t.db, colleague), `/api/v1/referrals/${sent.json().id}`)
    ).json();
    expect(asColleague.shared.identity).toBeUndefined();
    expect(asColleague.shared.profile).toEqual({ ageBand: '30_39' });
    expect(
      (await f.inject('GET', centre.s, `/api/v1/referrals/${sent.json().id}`)).json().shared.identity.lastName,
    ).toBe(CANARY.lastName);
  });

  it('refuses without a valid consent for this recipient and purpose, or against her safe-contact preferences, writing nothing', async () => {
    const centre = await f.centreWithCase({ onlyThroughCentre: true });
    const cpi = await f.party('employment_centre', ['cpi_referent']);
    const other = await f.party('employment_centre', ['cpi_referent']);
    const body = {
      caseId: centre.caseId,
      recipientOrganisationId: cpi.orgId,
      purpose: 'work_orientation',
      urgency: 'routine',
      shareFields: ['profile.ageBand'],
    };
    const none = await f.send(centre.s, body);
    expect(none.statusCode).toBe(400);
    expect(none.json().fields).toEqual([
      {
        field: 'consent',
        reason: 'no_sharing_consent',
        message: 'no valid consent to share with this recipient for this purpose',
      },
    ]);
    await f.consent(centre.s, centre.caseId, other.orgId, { includesIdentity: true });
    expect((await f.send(centre.s, body)).statusCode).toBe(400); // consent names another CPI
    await f.consent(centre.s, centre.caseId, cpi.orgId, { sharingPurpose: 'housing' });
    expect((await f.send(centre.s, body)).statusCode).toBe(400); // wrong purpose
    await f.consent(centre.s, centre.caseId, cpi.orgId, { givenOn: '2025-01-10', expiresOn: '2025-12-31' });
    expect((await f.send(centre.s, body)).statusCode).toBe(400); // expired
    await f.consent(centre.s, centre.caseId, cpi.orgId, { includesIdentity: true });
    const phone = await f.send(centre.s, { ...body, shareFields: ['identity.name', 'identity.phone'] });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().fields).toEqual([
      {
        field: 'shareFields.identity.phone',
        reason: 'only_through_centre',
        message: 'her safe-contact preferences say only the centre contacts her',
      },
    ]);
    expect(
      await t.db.owner.selectFrom('referrals').select('id').where('case_id', '=', centre.caseId).execute(),
    ).toHaveLength(0);
    const check = (
      await f.inject(
        'GET',
        centre.s,
        `/api/v1/cases/${centre.caseId}/referral-check?recipientOrganisationId=${cpi.orgId}&purpose=work_orientation`,
      )
    ).json();
    expect(check.fields.find((x: { field: string }) => x.field === 'identity.phone')).toMatchObject({
      allowed: false,
      refusal: 'only_through_centre',
    });
    expect(check.fields.find((x: { field: string }) => x.field === 'identity.name')).toMatchObject({ allowed: true });
  });

  it('creates one referral for concurrent retries with the same Idempotency-Key, and refuses the key for another request', async () => {
    const centre = await f.centreWithCase();
    const cpi = await f.party('employment_centre', ['cpi_referent']);
    await f.consent(centre.s, centre.caseId, cpi.orgId);
    const body = {
      caseId: centre.caseId,
      recipientOrganisationId: cpi.orgId,
      purpose: 'work_orientation',
      urgency: 'routine',
      shareFields: ['profile.ageBand'],
    };
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => f.send(centre.s, body, key)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(
      await t.db.owner.selectFrom('referrals').select('id').where('case_id', '=', centre.caseId).execute(),
    ).toHaveLength(1);
    const reused = await f.send(centre.s, { ...body, urgency: 'urgent' }, key);
    expect(reused.statusCode).toBe(422);
    expect((await f.inject('POST', centre.s, '/api/v1/referrals', body)).statusCode).toBe(400);
  });

  it('suggests the CPI of the municipality where she lives', async () => {
    const centre = await f.centreWithCase();
    const milano = await t.db.owner
      .insertInto('organisations')
      .values({ name: 'CPI di prova Milano', type: 'employment_centre', municipality_code: '015146' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const d = (await f.inject('GET', centre.s, `/api/v1/cases/${centre.caseId}/referral-destinations`)).json();
    expect(d.suggestions[0]).toEqual({
      id: milano.id,
      name: 'CPI di prova Milano',
      type: 'employment_centre',
      reasons: ['residence'],
    });
    expect(d.organisations.some((o: { id: string }) => o.id === milano.id)).toBe(true);
  });
});

describe('the referral lifecycle', () => {
  it('accepts, books, reports a traineeship and a hire that flow back to the centre, completes; stale versions and wrong steps are refused', async () => {
    const { centre, cpi, referral } = await sentReferral();
    const id = referral.id;
    expect((await f.step(cpi.s, id, 1, { action: 'start' })).json().code).toBe('illegal_transition');
    expect((await f.step(centre.s, id, 1, { action: 'accept' })).statusCode).toBe(403);
    expect((await f.step(cpi.s, id, 1, { action: 'accept' })).json()).toEqual({
      id,
      status: 'accepted',
      version: 2,
      accessOpen: true,
    });
    expect((await f.step(cpi.s, id, 1, { action: 'book', appointmentOn: '2026-12-20' })).statusCode).toBe(409);
    expect((await f.step(cpi.s, id, 2, { action: 'book' })).json().fields[0].field).toBe('appointmentOn');
    expect((await f.step(cpi.s, id, 2, { action: 'book', appointmentOn: '2026-12-20' })).statusCode).toBe(200);
    const trainee = await f.step(cpi.s, id, 3, {
      action: 'report',
      report: { kind: 'traineeship_started', occurredOn: '2026-12-21', details: { sector: 'G', weeklyHours: 20 } },
    });
    expect(trainee.json().status).toBe('in_progress');
    const badHire = await f.step(cpi.s, id, 4, {
      action: 'report',
      report: { kind: 'hired', occurredOn: '2026-12-22', details: { contractType: 'forever' } },
    });
    expect(badHire.statusCode).toBe(400);
    expect(badHire.json().fields.map((x: { field: string }) => x.field)).toContain('report.details.contractType');
    expect(
      (
        await f.step(cpi.s, id, 4, {
          action: 'report',
          report: {
            kind: 'hired',
            occurredOn: '2026-12-22',
            details: { contractType: 'fixed_term', weeklyHours: 30, sector: 'G' },
          },
        })
      ).statusCode,
    ).toBe(200);

    const outcomes = (await f.inject('GET', centre.s, `/api/v1/cases/${centre.caseId}/outcomes`)).json().items;
    expect(outcomes.map((o: { kind: string }) => o.kind).sort()).toEqual(['hired', 'traineeship_started']);
    expect(outcomes.every((o: { reportedByOrganisationId: string }) => o.reportedByOrganisationId === cpi.orgId)).toBe(
      true,
    );
    expect(
      outcomes.find((o: { kind: string }) => o.kind === 'hired').followUps.map((x: { dueOn: string }) => x.dueOn),
    ).toEqual(['2027-03-22', '2027-06-22', '2027-12-22']);
    const timeline = (await f.inject('GET', centre.s, `/api/v1/cases/${centre.caseId}/timeline`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['referral.sent', 'referral.accept', 'referral.reported']));
    const detail = (await f.inject('GET', centre.s, `/api/v1/referrals/${id}`)).json();
    expect(detail.reports.map((r: { kind: string; reportedByName: string }) => [r.kind, r.reportedByName])).toEqual([
      ['traineeship_started', `Utente ${cpi.user.username}`],
      ['hired', `Utente ${cpi.user.username}`],
    ]);
    expect(detail.appointmentOn).toBe('2026-12-20');

    const done = await f.step(cpi.s, id, 5, { action: 'complete', completionOutcome: 'goal_reached' });
    expect(done.json()).toMatchObject({ status: 'completed', accessOpen: true });
    expect((await f.step(centre.s, id, 6, { action: 'withdraw' })).json().code).toBe('illegal_transition');
    expect((await f.inject('GET', cpi.s, `/api/v1/referrals/${id}`)).json().allowedActions).toEqual([]);
  });

  it('ends the recipient’s access at once when she revokes the consent, when the sender withdraws, and when it is declined', async () => {
    const { centre, cpi, referral, consentId } = await sentReferral();
    await f.inject('POST', cpi.s, `/api/v1/referrals/${referral.id}/messages`, { body: 'Possiamo vederla giovedì' });
    const revoke = await f.inject('POST', centre.s, `/api/v1/cases/${centre.caseId}/consents/${consentId}/revocation`, {
      revokedOn: new Date().toISOString().slice(0, 10),
    });
    expect(revoke.statusCode, revoke.body).toBeLessThan(300);
    expect((await f.inject('GET', cpi.s, `/api/v1/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await f.inject('GET', cpi.s, `/api/v1/referrals/${referral.id}/messages`)).statusCode).toBe(404);
    expect((await f.step(cpi.s, referral.id, 2, { action: 'accept' })).statusCode).toBe(404);
    expect((await f.inject('GET', cpi.s, '/api/v1/referrals?box=inbox')).json().items).toEqual([]);
    expect(
      await t.db.owner
        .selectFrom('referral_shares')
        .select('referral_id')
        .where('referral_id', '=', referral.id)
        .execute(),
    ).toEqual([]);
    const asSender = (await f.inject('GET', centre.s, `/api/v1/referrals/${referral.id}`)).json();
    expect(asSender).toMatchObject({
      status: 'sent',
      accessOpen: false,
      accessEndReason: 'consent_revoked',
      shared: null,
    });
    expect(asSender.sharedFields).toEqual(FIELDS);

    const w = await sentReferral();
    expect((await f.step(w.centre.s, w.referral.id, 1, { action: 'withdraw' })).json()).toMatchObject({
      status: 'withdrawn',
      accessOpen: false,
    });
    expect((await f.inject('GET', w.cpi.s, `/api/v1/referrals/${w.referral.id}`)).statusCode).toBe(404);

    const d = await sentReferral();
    expect((await f.step(d.cpi.s, d.referral.id, 1, { action: 'decline' })).json().fields[0].field).toBe(
      'declineReason',
    );
    expect(
      (await f.step(d.cpi.s, d.referral.id, 1, { action: 'decline', declineReason: 'no_capacity' })).json(),
    ).toMatchObject({ status: 'declined', accessOpen: false });
    expect((await f.inject('GET', d.cpi.s, `/api/v1/referrals/${d.referral.id}`)).statusCode).toBe(404);
    expect(
      await t.db.owner
        .selectFrom('referral_shares')
        .select('referral_id')
        .where('referral_id', '=', d.referral.id)
        .execute(),
    ).toEqual([]);
    expect((await f.inject('GET', d.centre.s, `/api/v1/referrals/${d.referral.id}`)).json().declineReason).toBe(
      'no_capacity',
    );
  });

  it('keeps access for the configured days after completion, then nothing; unanswered referrals expire', async () => {
    const { cpi, referral } = await sentReferral();
    await f.step(cpi.s, referral.id, 1, { action: 'accept' });
    await f.step(cpi.s, referral.id, 2, { action: 'complete', completionOutcome: 'partly_reached' });
    const row = await t.db.owner
      .selectFrom('referrals')
      .select(['access_until', 'completed_on'])
      .where('id', '=', referral.id)
      .executeTakeFirstOrThrow();
    const days =
      (new Date(row.access_until as string).getTime() - new Date(row.completed_on as string).getTime()) / 86_400_000;
    expect(days).toBe(30);
    expect((await f.inject('GET', cpi.s, `/api/v1/referrals/${referral.id}`)).statusCode).toBe(200);
    await t.db.owner
      .updateTable('referrals')
      .set({ access_until: '2026-01-01' })
      .where('id', '=', referral.id)
      .execute();
    expect((await f.inject('GET', cpi.s, `/api/v1/referrals/${referral.id}`)).statusCode).toBe(404);

    const late = await sentReferral();
    await t.db.owner
      .updateTable('referrals')
      .set({
        sent_on: '2026-01-05',
        ack_due_on: '2026-01-12',
        appointment_due_on: '2026-01-26',
        expires_on: '2026-01-19',
      })
      .where('id', '=', late.referral.id)
      .execute();
    expect((await f.inject('GET', late.cpi.s, `/api/v1/referrals/${late.referral.id}`)).statusCode).toBe(404);
    const { sweepReferrals } = await import('./end-access.ts');
    const { withContext } = await import('../db/context.ts');
    expect(await withContext(t.db, (tx) => sweepReferrals(tx))).toBeGreaterThanOrEqual(2);
    const expired = await t.db.owner
      .selectFrom('referrals')
      .select(['status', 'access_end_reason'])
      .where('id', '=', late.referral.id)
      .executeTakeFirstOrThrow();
    expect(expired).toEqual({ status: 'expired', access_end_reason: 'expired' });
    const timedOut = await t.db.owner
      .selectFrom('referrals')
      .select(['status', 'access_end_reason'])
      .where('id', '=', referral.id)
      .executeTakeFirstOrThrow();
    expect(timedOut).toEqual({ status: 'completed', access_end_reason: 'time_limit' });
    expect(
      await t.db.owner
        .selectFrom('referral_shares')
        .select('referral_id')
        .where('referral_id', 'in', [referral.id, late.referral.id])
        .execute(),
    ).toEqual([]);
  });
});

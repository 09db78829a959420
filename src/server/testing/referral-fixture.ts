import { randomUUID } from 'node:crypto';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { todayInItaly } from '../db/dates.ts';
import { makeOrg, makeUser, type Signed, signIn, type TestUser } from './harness.ts';

/** Canary values: none of them may appear where the recipient or the database can read them in clear. */
export const CANARY = {
  firstName: 'Ottavia',
  lastName: 'Canarossi',
  phone: '+39 333 1234567',
  email: 'ottavia.canarossi@example.org',
  address: 'Via Segreta 7, Milano',
};

export interface Party {
  orgId: string;
  user: TestUser;
  s: Signed;
}

export function referralFixture(get: () => { app: App; db: Database; config: Config }) {
  const ctx = () => get();
  const inject = (
    method: 'GET' | 'POST',
    s: Signed | null,
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    ctx().app.inject({ method, url, headers: { ...(s?.headers ?? {}), ...headers }, ...(payload ? { payload } : {}) });

  async function party(type: string, roles: TestUser['roles']): Promise<Party> {
    const { db, config, app } = ctx();
    const orgId = await makeOrg(db, { type });
    const user = await makeUser(db, config, { organisationId: orgId, roles });
    return { orgId, user, s: await signIn(app, db, user) };
  }

  /** A centre with one case (identity, profile, safe-contact preferences that allow a phone call). */
  async function centreWithCase(safe: { onlyThroughCentre?: boolean } = {}) {
    const centre = await party('cav', ['centre_operator']);
    // test databases have no network seed: the municipality she lives in
    await ctx()
      .db.owner.insertInto('municipalities')
      .values({ istat_code: '015146', name: 'Milano', province: 'MI' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const res = await inject('POST', centre.s, '/api/v1/cases', {
      takenInChargeOn: '2026-01-10',
      ageBand: '30_39',
      citizenship: 'non_eu',
      residenceCode: '015146',
      education: 'upper_secondary',
      employment: 'unemployed',
      childrenCount: 2,
      minorChildrenCount: 1,
      safeContact: {
        channels: ['phone'],
        windows: [{ days: ['mon', 'wed'], from: '10:00', to: '12:00' }],
        noVoicemail: true,
        onlyThroughCentre: safe.onlyThroughCentre ?? false,
      },
      identity: {
        firstName: CANARY.firstName,
        lastName: CANARY.lastName,
        phone: CANARY.phone,
        email: CANARY.email,
        address: CANARY.address,
        languages: ['ar', 'fr'],
      },
    });
    if (res.statusCode !== 201) throw new Error(`case: ${res.statusCode} ${res.body}`);
    return { ...centre, caseId: (res.json() as { id: string }).id, code: (res.json() as { code: string }).code };
  }

  /** Her consent to share with `recipientOrganisationId` for `sharingPurpose`, with or without identity. */
  async function consent(s: Signed, caseId: string, recipientOrganisationId: string, over: object = {}) {
    const res = await inject('POST', s, `/api/v1/cases/${caseId}/consents`, {
      purpose: 'sharing',
      decision: 'granted',
      textVersion: '2026-01',
      method: 'signed_form',
      givenOn: todayInItaly(),
      recipientOrganisationId,
      sharingPurpose: 'work_orientation',
      ...over,
    });
    if (res.statusCode !== 201) throw new Error(`consent: ${res.statusCode} ${res.body}`);
    return (res.json() as { id: string }).id;
  }

  const send = (s: Signed, body: object, key: string = randomUUID()) =>
    inject('POST', s, '/api/v1/referrals', body, { 'idempotency-key': key });

  const step = (s: Signed, id: string, version: number, body: object) =>
    inject('POST', s, `/api/v1/referrals/${id}/transitions`, body, { 'if-match': `"${version}"` });

  return { inject, party, centreWithCase, consent, send, step };
}

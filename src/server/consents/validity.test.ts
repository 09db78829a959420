import { describe, expect, it } from 'vitest';
import { checkConsentFields, defaultExpiry } from './check.ts';
import { type ConsentFacts, type ConsentRequest, consentStatus, isConsentValid, pickValidConsent } from './validity.ts';

const CPI = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const grant = (over: Partial<ConsentFacts> = {}): ConsentFacts => ({
  id: 'c1',
  purpose: 'sharing',
  decision: 'granted',
  recipientOrganisationId: CPI,
  recipientType: null,
  sharingPurpose: 'work_orientation',
  includesIdentity: false,
  givenOn: '2026-03-10',
  expiresOn: '2027-03-09',
  revokedOn: null,
  ...over,
});
const ask = (over: Partial<ConsentRequest> = {}): ConsentRequest => ({
  purpose: 'sharing',
  recipientOrganisationId: CPI,
  recipientType: 'employment_centre',
  sharingPurpose: 'work_orientation',
  on: '2026-06-01',
  ...over,
});

describe('consent validity', () => {
  it('covers a request up to and including the expiry day, not the day after', () => {
    expect(isConsentValid(grant(), ask({ on: '2027-03-09' }))).toBe(true);
    expect(isConsentValid(grant(), ask({ on: '2027-03-10' }))).toBe(false);
    expect(isConsentValid(grant({ expiresOn: null }), ask({ on: '2030-01-01' }))).toBe(true);
  });

  it('does not cover a day before it was given', () => {
    expect(isConsentValid(grant(), ask({ on: '2026-03-10' }))).toBe(true);
    expect(isConsentValid(grant(), ask({ on: '2026-03-09' }))).toBe(false);
  });

  it('stops covering from the day it is revoked', () => {
    const revoked = grant({ revokedOn: '2026-05-15' });
    expect(isConsentValid(revoked, ask({ on: '2026-05-14' }))).toBe(true);
    expect(isConsentValid(revoked, ask({ on: '2026-05-15' }))).toBe(false);
    expect(consentStatus(revoked, '2026-05-15')).toBe('revoked');
    expect(consentStatus(revoked, '2026-05-14')).toBe('active');
  });

  it('never treats a refusal as consent', () => {
    const refused = grant({ decision: 'refused', expiresOn: null });
    expect(isConsentValid(refused, ask())).toBe(false);
    expect(consentStatus(refused, '2026-06-01')).toBe('refused');
  });

  it('is for the named recipient only, and for the purpose and sharing purpose given', () => {
    expect(isConsentValid(grant(), ask({ recipientOrganisationId: OTHER }))).toBe(false);
    expect(isConsentValid(grant(), ask({ sharingPurpose: 'housing' }))).toBe(false);
    expect(isConsentValid(grant(), ask({ purpose: 'contact_by_other_body' }))).toBe(false);
  });

  it('covers any organisation of the consented type, and no other type', () => {
    const byType = grant({ recipientOrganisationId: null, recipientType: 'employment_centre' });
    expect(isConsentValid(byType, ask({ recipientOrganisationId: OTHER }))).toBe(true);
    expect(isConsentValid(byType, ask({ recipientType: 'housing_office' }))).toBe(false);
    expect(isConsentValid(byType, ask({ recipientType: undefined }))).toBe(false);
  });

  it('gives her name only where she agreed to it', () => {
    expect(isConsentValid(grant(), ask({ needsIdentity: true }))).toBe(false);
    expect(isConsentValid(grant({ includesIdentity: true }), ask({ needsIdentity: true }))).toBe(true);
  });

  it('shows expired after the expiry day', () => {
    expect(consentStatus(grant(), '2027-03-09')).toBe('active');
    expect(consentStatus(grant(), '2027-03-10')).toBe('expired');
  });

  it('lets a later refusal override an earlier grant, and a later grant an earlier refusal', () => {
    const yes = grant({ id: 'yes' });
    const no = grant({ id: 'no', decision: 'refused', expiresOn: null, givenOn: '2026-04-01' });
    expect(pickValidConsent([yes, no], ask({ on: '2026-03-20' }))?.id).toBe('yes');
    expect(pickValidConsent([yes, no], ask({ on: '2026-04-01' }))).toBeNull();
    const again = grant({ id: 'again', givenOn: '2026-05-01' });
    expect(pickValidConsent([yes, no, again], ask())?.id).toBe('again');
    expect(pickValidConsent([], ask())).toBeNull();
  });

  it('covers service and statistics without a recipient', () => {
    const service = grant({ purpose: 'service', recipientOrganisationId: null, sharingPurpose: null, expiresOn: null });
    expect(isConsentValid(service, { purpose: 'service', on: '2026-06-01' })).toBe(true);
    expect(isConsentValid(service, { purpose: 'statistics', on: '2026-06-01' })).toBe(false);
  });
});

describe('consent combinations', () => {
  const base = {
    purpose: 'sharing' as const,
    decision: 'granted' as const,
    method: 'signed_form' as const,
    textVersion: '2026-01',
    givenOn: '2026-03-10',
  };
  const fieldsOf = (over: object) => checkConsentFields({ ...base, ...over }, '2026-06-01').map((f) => f.field);

  it('asks a recipient and a purpose for sharing, and nothing of the kind for service', () => {
    expect(fieldsOf({ recipientType: 'employment_centre', sharingPurpose: 'training' })).toEqual([]);
    expect(fieldsOf({ sharingPurpose: 'training' })).toEqual(['recipientOrganisationId']);
    expect(
      fieldsOf({ recipientOrganisationId: CPI, recipientType: 'employment_centre', sharingPurpose: 'training' }),
    ).toEqual(['recipientType']);
    expect(fieldsOf({ recipientOrganisationId: CPI })).toEqual(['sharingPurpose']);
    expect(fieldsOf({ purpose: 'service', recipientOrganisationId: CPI, includesIdentity: true })).toEqual([
      'recipientOrganisationId',
      'includesIdentity',
    ]);
  });

  it('checks the text version, the dates and the witness', () => {
    const ok = { recipientOrganisationId: CPI, sharingPurpose: 'training' };
    expect(fieldsOf({ ...ok, textVersion: '1999-01' })).toEqual(['textVersion']);
    expect(fieldsOf({ ...ok, givenOn: '2026-06-02' })).toEqual(['givenOn']);
    expect(fieldsOf({ ...ok, expiresOn: '2026-03-09' })).toEqual(['expiresOn']);
    expect(fieldsOf({ ...ok, method: 'verbal_with_witness' })).toEqual(['witnessUserId']);
    expect(fieldsOf({ ...ok, decision: 'refused', expiresOn: '2027-01-01' })).toEqual(['expiresOn']);
  });

  it('lasts twelve months by default for sharing, until revoked for service', () => {
    expect(defaultExpiry('sharing', '2026-03-10')).toBe('2027-03-09');
    expect(defaultExpiry('contact_by_other_body', '2026-02-28')).toBe('2027-02-27');
    expect(defaultExpiry('service', '2026-03-10')).toBeNull();
  });
});

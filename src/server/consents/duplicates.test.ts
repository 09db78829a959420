import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../cases/eligibility.ts';
import { type ConsentScope, isDuplicate, validityOf } from './duplicates.ts';

const CPI = '11111111-1111-4111-8111-111111111111';
const grant = (over: Partial<ConsentScope> = {}): ConsentScope => ({
  purpose: 'sharing',
  decision: 'granted',
  includesIdentity: false,
  recipientOrganisationId: CPI,
  recipientType: null,
  sharingPurpose: 'work_orientation',
  givenOn: '2026-03-10',
  expiresOn: '2027-03-09',
  revokedOn: null,
  ...over,
});

describe('duplicate consents', () => {
  it('the same grant on the same day is a duplicate; another recipient, purpose or decision is not', () => {
    expect(isDuplicate(grant(), grant())).toBe(true);
    expect(isDuplicate(grant(), grant({ recipientOrganisationId: null, recipientType: 'employment_centre' }))).toBe(
      false,
    );
    expect(isDuplicate(grant(), grant({ sharingPurpose: 'training' }))).toBe(false);
    // a wider consent (her identity too) is not a repeat of the narrower one; twice, it is
    expect(isDuplicate(grant(), grant({ includesIdentity: true }))).toBe(false);
    expect(isDuplicate(grant({ includesIdentity: true }), grant({ includesIdentity: true }))).toBe(true);
    expect(isDuplicate(grant(), grant({ decision: 'refused', expiresOn: null }))).toBe(false);
  });

  it('a grant overlaps up to its expiry day included, and ends on the day it is revoked', () => {
    expect(isDuplicate(grant(), grant({ givenOn: '2027-03-09', expiresOn: '2028-03-08' }))).toBe(true);
    expect(isDuplicate(grant(), grant({ givenOn: '2027-03-10', expiresOn: '2028-03-09' }))).toBe(false);
    const revoked = grant({ revokedOn: '2026-06-01' });
    expect(isDuplicate(revoked, grant({ givenOn: '2026-06-01' }))).toBe(false);
    expect(isDuplicate(revoked, grant({ givenOn: '2026-05-31' }))).toBe(true);
    // revoked the day it was given: it speaks for no day at all
    expect(isDuplicate(grant({ revokedOn: '2026-03-10' }), grant())).toBe(false);
  });

  it('a refusal counts for its own day, so she can refuse again after a later grant', () => {
    const refusal = grant({ decision: 'refused', expiresOn: null });
    expect(validityOf(refusal)).toEqual({ from: '2026-03-10', to: '2026-03-11' });
    expect(isDuplicate(refusal, { ...refusal })).toBe(true);
    expect(isDuplicate(refusal, { ...refusal, givenOn: '2026-09-01' })).toBe(false);
  });

  it('is symmetric, and a consent with validity always repeats itself', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2026-01-01', n));
    const scope = fc.record({
      purpose: fc.constantFrom('sharing', 'service'),
      decision: fc.constantFrom('granted' as const, 'refused' as const),
      includesIdentity: fc.boolean(),
      recipientOrganisationId: fc.constantFrom(CPI, null),
      recipientType: fc.constantFrom('employment_centre', null),
      sharingPurpose: fc.constantFrom('work_orientation', 'training', null),
      givenOn: day,
      expiresOn: fc.option(day),
      revokedOn: fc.option(day),
    });
    fc.assert(
      fc.property(scope, scope, (a, b) => {
        expect(isDuplicate(a, b)).toBe(isDuplicate(b, a));
        const r = validityOf(a);
        if (r.to === null || r.to > r.from) expect(isDuplicate(a, a)).toBe(true);
      }),
    );
  });
});

import type { Tx } from '../db/context.ts';
import { isoDate } from '../db/dates.ts';
import { AppError, fieldError } from '../http/errors.ts';
import { addDays } from '../cases/eligibility.ts';

/**
 * What makes two consents "the same": the case, purpose, recipient, sharing purpose, decision,
 * whether it covers her identity, and when. A consent that adds her identity is a wider consent,
 * not a repeat: recording it must not require revoking the first, which would end the access of
 * the referrals already made under it.
 */
export interface ConsentScope {
  purpose: string;
  decision: 'granted' | 'refused';
  includesIdentity: boolean;
  recipientOrganisationId: string | null;
  recipientType: string | null;
  sharingPurpose: string | null;
  givenOn: string;
  expiresOn: string | null;
  revokedOn: string | null;
}

/**
 * The days a consent speaks for, as [from, to) with `to` null for open-ended: a grant from the day
 * it was given to its expiry (inclusive) or its revocation (exclusive), whichever comes first; a
 * refusal for its own day only (otherwise, refusals having no end, she could never refuse again
 * after a later grant). The same rule is `consent_validity()` in migration 030.
 */
export function validityOf(c: Pick<ConsentScope, 'decision' | 'givenOn' | 'expiresOn' | 'revokedOn'>): {
  from: string;
  to: string | null;
} {
  if (c.decision === 'refused') return { from: c.givenOn, to: addDays(c.givenOn, 1) };
  const ends = [c.expiresOn ? addDays(c.expiresOn, 1) : null, c.revokedOn].filter((d): d is string => d !== null);
  return { from: c.givenOn, to: ends.length ? (ends.sort()[0] as string) : null };
}

const overlaps = (a: { from: string; to: string | null }, b: { from: string; to: string | null }) => {
  const empty = (r: { from: string; to: string | null }) => r.to !== null && r.to <= r.from;
  if (empty(a) || empty(b)) return false;
  return (a.to === null || b.from < a.to) && (b.to === null || a.from < b.to);
};

/** Whether `b` repeats `a`: same scope and decision, with overlapping validity. */
export function isDuplicate(a: ConsentScope, b: ConsentScope): boolean {
  return (
    a.purpose === b.purpose &&
    a.decision === b.decision &&
    a.includesIdentity === b.includesIdentity &&
    a.recipientOrganisationId === b.recipientOrganisationId &&
    a.recipientType === b.recipientType &&
    a.sharingPurpose === b.sharingPurpose &&
    overlaps(validityOf(a), validityOf(b))
  );
}

/** The 409 naming the consent already recorded. */
export const duplicateConsent = (existing: { id: string; givenOn: string }) =>
  new AppError(409, 'duplicate_consent', `The same consent is already recorded (consent ${existing.id})`, [
    fieldError('purpose', 'duplicate_consent', `same as consent ${existing.id} given on ${existing.givenOn}`),
  ]);

/** An earlier consent of the case (as the actor sees them) that the candidate would repeat, or null. */
export async function findDuplicate(
  tx: Tx,
  caseId: string,
  candidate: ConsentScope,
): Promise<{ id: string; givenOn: string } | null> {
  const rows = await tx
    .selectFrom('consents')
    .select([
      'id',
      'purpose',
      'decision',
      'includes_identity',
      'recipient_organisation_id',
      'recipient_type',
      'sharing_purpose',
      'given_on',
      'expires_on',
      'revoked_on',
    ])
    .where('case_id', '=', caseId)
    .where('purpose', '=', candidate.purpose)
    .where('kept_duplicate', '=', false)
    .orderBy('given_on')
    .execute();
  const day = (d: unknown) => (d === null ? null : isoDate(d as string | Date));
  const found = rows.find((r) =>
    isDuplicate(
      {
        purpose: r.purpose,
        decision: r.decision,
        includesIdentity: r.includes_identity,
        recipientOrganisationId: r.recipient_organisation_id,
        recipientType: r.recipient_type,
        sharingPurpose: r.sharing_purpose,
        givenOn: isoDate(r.given_on),
        expiresOn: day(r.expires_on),
        revokedOn: day(r.revoked_on),
      },
      candidate,
    ),
  );
  return found ? { id: found.id, givenOn: isoDate(found.given_on) } : null;
}

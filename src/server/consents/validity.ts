import type { Tx } from '../db/context.ts';
import { isoDate, isoDateOrNull } from '../db/dates.ts';
import { type ConsentPurpose, RECIPIENT_PURPOSES, type SharingPurpose } from '../../shared/codes/sharing.ts';

/** The facts of one recorded consent that decide whether it covers a request. Dates are YYYY-MM-DD. */
export interface ConsentFacts {
  id: string;
  purpose: string;
  decision: 'granted' | 'refused';
  recipientOrganisationId: string | null;
  recipientType: string | null;
  sharingPurpose: string | null;
  includesIdentity: boolean;
  givenOn: string;
  expiresOn: string | null;
  revokedOn: string | null;
  /** orders two decisions given on the same day: the later recorded wins */
  recordedAt?: Date;
}

/** What someone wants to do with her data, and on which day (issue 4: a referral asks this). */
export interface ConsentRequest {
  purpose: ConsentPurpose;
  /** the receiving organisation and its type (for sharing and contact) */
  recipientOrganisationId?: string;
  recipientType?: string;
  sharingPurpose?: SharingPurpose;
  /** the request needs her name and contact details */
  needsIdentity?: boolean;
  on: string;
}

export type ConsentStatus = 'active' | 'expired' | 'revoked' | 'refused';

/** The status shown on the case page, on `today`. */
export function consentStatus(
  c: Pick<ConsentFacts, 'decision' | 'expiresOn' | 'revokedOn'>,
  today: string,
): ConsentStatus {
  if (c.decision === 'refused') return 'refused';
  if (c.revokedOn !== null && c.revokedOn <= today) return 'revoked';
  if (c.expiresOn !== null && c.expiresOn < today) return 'expired';
  return 'active';
}

/** Whether a consent (granted or refused) speaks about this request: same purpose, same recipient, same sharing purpose. */
export function coversScope(c: ConsentFacts, r: ConsentRequest): boolean {
  if (c.purpose !== r.purpose) return false;
  if (!(RECIPIENT_PURPOSES as readonly string[]).includes(r.purpose)) return true;
  if (c.recipientOrganisationId !== null) {
    if (c.recipientOrganisationId !== r.recipientOrganisationId) return false;
  } else if (c.recipientType === null || c.recipientType !== r.recipientType) {
    return false;
  }
  return c.sharingPurpose === null || c.sharingPurpose === r.sharingPurpose;
}

/**
 * A consent is valid for a request when it was granted, for the same purpose, for this recipient
 * (named, or of this type) and sharing purpose, given on or before the day, not expired (the
 * expiry day itself is still covered) and not revoked (from the revocation day on it is not).
 */
export function isConsentValid(c: ConsentFacts, r: ConsentRequest): boolean {
  if (c.decision !== 'granted' || !coversScope(c, r)) return false;
  if (r.needsIdentity && !c.includesIdentity) return false;
  if (c.givenOn > r.on) return false;
  if (c.expiresOn !== null && r.on > c.expiresOn) return false;
  if (c.revokedOn !== null && r.on >= c.revokedOn) return false;
  return true;
}

const later = (a: ConsentFacts, b: ConsentFacts) =>
  a.givenOn > b.givenOn || (a.givenOn === b.givenOn && (a.recordedAt?.getTime() ?? 0) > (b.recordedAt?.getTime() ?? 0));

/**
 * The consent that covers the request, or null. A refusal for the same scope given after a grant
 * overrides it: her latest word counts.
 */
export function pickValidConsent<T extends ConsentFacts>(consents: readonly T[], r: ConsentRequest): T | null {
  const refusals = consents.filter((c) => c.decision === 'refused' && c.givenOn <= r.on && coversScope(c, r));
  const valid = consents.filter((c) => isConsentValid(c, r) && !refusals.some((x) => later(x, c)));
  return valid.reduce<T | null>((best, c) => (best === null || later(c, best) ? c : best), null);
}

/** Reads a case's consents (as the transaction's actor: RLS applies) and picks the one covering `request`. */
export async function findValidConsent(tx: Tx, caseId: string, request: ConsentRequest): Promise<ConsentFacts | null> {
  const rows = await tx
    .selectFrom('consents')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('purpose', '=', request.purpose)
    .execute();
  const facts = rows.map(
    (row): ConsentFacts => ({
      id: row.id,
      purpose: row.purpose,
      decision: row.decision,
      recipientOrganisationId: row.recipient_organisation_id,
      recipientType: row.recipient_type,
      sharingPurpose: row.sharing_purpose,
      includesIdentity: row.includes_identity,
      givenOn: isoDate(row.given_on),
      expiresOn: isoDateOrNull(row.expires_on),
      revokedOn: isoDateOrNull(row.revoked_on),
      recordedAt: row.created_at,
    }),
  );
  return pickValidConsent(facts, request);
}

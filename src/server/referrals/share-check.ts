import type { CaseRow } from '../cases/access.ts';
import type { SafeContact } from '../cases/schemas.ts';
import { findValidConsent } from '../consents/validity.ts';
import type { Tx } from '../db/context.ts';
import { AppError, invalidField, fieldError } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { SHARE_FIELDS } from '../../shared/codes/sharing.ts';
import { FIELD_TYPES } from '../../shared/organisation-fields.ts';
import { REFUSAL_MESSAGES, refusalFor, type ShareContext } from './share-fields.ts';

/** Who may receive a referral: the shared rule table's recipients (bodies that take women in for a service). */
export const RECIPIENT_TYPES: readonly string[] = FIELD_TYPES['referral.recipient'];

export interface Recipient {
  id: string;
  name: string;
  type: string;
  municipalityCode: string | null;
}

export async function recipientOf(ctx: Ctx, organisationId: string): Promise<Recipient> {
  const me = ctx.me();
  const org = await ctx.tx
    .selectFrom('organisations')
    .select(['id', 'name', 'type', 'municipality_code'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (!org || !RECIPIENT_TYPES.includes(org.type) || org.id === me.organisationId) {
    throw invalidField('recipientOrganisationId', 'not_a_recipient', {
      message: 'not an organisation that receives referrals',
    });
  }
  return { id: org.id, name: org.name, type: org.type, municipalityCode: org.municipality_code };
}

export interface Consents extends ShareContext {
  sharing: { id: string; expiresOn: string | null } | null;
  identity: { id: string; expiresOn: string | null } | null;
  /** the last day her consents cover */
  accessUntil: string | null;
}

/** The consents that cover sharing with this recipient for this purpose today, with and without identity. */
export async function consentsFor(
  tx: Tx,
  row: CaseRow,
  recipient: Recipient,
  purpose: string,
  today: string,
): Promise<Consents> {
  const request = {
    purpose: 'sharing' as const,
    recipientOrganisationId: recipient.id,
    recipientType: recipient.type,
    sharingPurpose: purpose as never,
    on: today,
  };
  const sharing = await findValidConsent(tx, row.id, request);
  const identity = await findValidConsent(tx, row.id, { ...request, needsIdentity: true });
  const ends = [sharing?.expiresOn, identity?.expiresOn].filter((d): d is string => typeof d === 'string').sort();
  return {
    sharing: sharing ? { id: sharing.id, expiresOn: sharing.expiresOn } : null,
    identity: identity ? { id: identity.id, expiresOn: identity.expiresOn } : null,
    recipientType: recipient.type,
    sharingConsentId: sharing?.id ?? null,
    identityConsentId: identity?.id ?? null,
    onlyThroughCentre: (row.safe_contact as SafeContact).onlyThroughCentre,
    accessUntil: ends[0] ?? null,
  };
}

/** Every field the consent check allows or refuses, for the wizard. */
export function shareOptions(c: ShareContext) {
  return SHARE_FIELDS.map((field) => {
    const refusal = refusalFor(field, c);
    return { field, group: field.slice(0, field.indexOf('.')), allowed: refusal === null, refusal };
  });
}

/** Refuses the whole request, naming every field (and the missing consent) that cannot go. */
export function checkShareSet(fields: readonly string[], c: ShareContext): void {
  if (!c.sharingConsentId) {
    throw new AppError(400, 'consent_missing', 'No valid consent covers sharing with this recipient for this purpose', [
      fieldError('consent', 'no_sharing_consent', REFUSAL_MESSAGES.no_sharing_consent),
    ]);
  }
  const refused = fields.flatMap((field) => {
    const r = refusalFor(field, c);
    return r ? [fieldError(`shareFields.${field}`, r, REFUSAL_MESSAGES[r])] : [];
  });
  if (refused.length > 0)
    throw new AppError(400, 'consent_missing', 'Some fields are not covered by a valid consent', refused);
}

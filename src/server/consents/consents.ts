import { sql } from 'kysely';
import { assertOpen, loadCase, recordCaseEvent } from '../cases/access.ts';
import type { Actor, Tx } from '../db/context.ts';
import { isoDate, isoDateOrNull, todayInItaly } from '../db/dates.ts';
import { AppError, type FieldError, notFound, fieldError, invalidFields } from '../http/errors.ts';
import { endAccessForConsent } from '../referrals/end-access.ts';
import { fitsField } from '../../shared/organisation-fields.ts';
import type { Ctx } from '../http/request-context.ts';
import { type ConsentFieldsInput, checkConsentFields, defaultExpiry } from './check.ts';
import type { Consent, ConsentCreate } from './schemas.ts';
import { consentStatus } from './validity.ts';
import { type ConsentScope, duplicateConsent, findDuplicate } from './duplicates.ts';

const EXCLUSION_VIOLATION = '23P01';
const invalid = (fields: FieldError[]) => new AppError(400, 'validation_failed', 'The request is not valid', fields);

function consentsOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom('consents')
    .leftJoin('organisations', 'organisations.id', 'consents.recipient_organisation_id')
    .selectAll('consents')
    .select('organisations.name as recipient_name')
    .where('consents.case_id', '=', caseId);
}
type ConsentRow = Awaited<ReturnType<ReturnType<typeof consentsOf>['executeTakeFirstOrThrow']>>;

function toConsent(row: ConsentRow, today: string): Consent {
  const expiresOn = isoDateOrNull(row.expires_on);
  const revokedOn = isoDateOrNull(row.revoked_on);
  return {
    id: row.id,
    purpose: row.purpose as Consent['purpose'],
    recipientOrganisationId: row.recipient_organisation_id,
    recipientOrganisationName: row.recipient_name,
    recipientType: row.recipient_type,
    sharingPurpose: row.sharing_purpose,
    includesIdentity: row.includes_identity,
    decision: row.decision,
    textVersion: row.text_version,
    method: row.method as Consent['method'],
    witnessUserId: row.witness_user_id,
    givenOn: isoDate(row.given_on),
    expiresOn,
    revokedOn,
    status: consentStatus({ decision: row.decision, expiresOn, revokedOn }, today),
    recordedBy: row.recorded_by,
  };
}

export async function listConsents(ctx: Ctx, caseId: string): Promise<Consent[]> {
  await loadCase(ctx, caseId, 'read');
  const rows = await consentsOf(ctx.tx, caseId)
    .orderBy('consents.given_on', 'desc')
    .orderBy('consents.created_at', 'desc')
    .execute();
  await ctx.audit({
    action: 'case.read',
    subjectType: 'case',
    subjectId: caseId,
    details: { part: 'consents', results: rows.length },
  });
  const today = todayInItaly();
  return rows.map((r) => toConsent(r, today));
}

async function readConsent(tx: Tx, caseId: string, consentId: string): Promise<Consent> {
  const row = await consentsOf(tx, caseId).where('consents.id', '=', consentId).executeTakeFirst();
  if (!row) throw notFound();
  return toConsent(row, todayInItaly());
}

/**
 * Pure combinations, then what needs the database: a named recipient must exist and be another
 * organisation; a witness must be a colleague of the same centre, not the operator recording.
 * Any problem is a 400 naming the field, before anything is written.
 */
export async function checkConsent(tx: Tx, me: Actor, input: ConsentFieldsInput, today: string): Promise<void> {
  const fields = checkConsentFields(input, today);
  if (input.recipientOrganisationId) {
    const org = await tx
      .selectFrom('organisations')
      .select(['id', 'type'])
      .where('id', '=', input.recipientOrganisationId)
      .executeTakeFirst();
    if (!org) fields.push(fieldError('recipientOrganisationId', 'unknown_organisation'));
    else if (org.id === me.organisationId)
      fields.push(fieldError('recipientOrganisationId', 'centre_itself', 'the centre itself'));
    else if (!fitsField('consent.recipient', org.type))
      fields.push(fieldError('recipientOrganisationId', 'not_for_this_field', 'not a body a consent names'));
  }
  if (
    input.recipientType &&
    !fields.some((f) => f.field === 'recipientType') &&
    !fitsField('consent.recipient', input.recipientType)
  )
    fields.push(fieldError('recipientType', 'not_for_this_field', 'not a type a consent names'));
  if (input.witnessUserId) {
    const witness = await tx
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.id')
      .where('users.id', '=', input.witnessUserId)
      .where('users.organisation_id', '=', me.organisationId)
      .where('user_roles.role', '=', 'centre_operator')
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst();
    if (!witness) fields.push(fieldError('witnessUserId', 'not_colleague', 'not a colleague of this centre'));
    else if (witness.id === me.userId)
      fields.push(fieldError('witnessUserId', 'witness_self', 'the witness is someone else than the operator'));
  }
  if (fields.length) throw invalid(fields);
}

/** Records her decision (a refusal too: it is kept, and it never blocks anything else). */
export async function recordConsent(ctx: Ctx, caseId: string, body: ConsentCreate): Promise<Consent> {
  const { me, row } = await loadCase(ctx, caseId, 'write');
  assertOpen(row);
  const today = todayInItaly();
  await checkConsent(ctx.tx, me, body, today);
  const granted = body.decision === 'granted';
  const expiresOn = granted ? (body.expiresOn ?? defaultExpiry(body.purpose, body.givenOn)) : null;
  const scope: ConsentScope = {
    purpose: body.purpose,
    decision: body.decision,
    includesIdentity: body.includesIdentity ?? false,
    recipientOrganisationId: body.recipientOrganisationId ?? null,
    recipientType: body.recipientType ?? null,
    sharingPurpose: body.sharingPurpose ?? null,
    givenOn: body.givenOn,
    expiresOn,
    revokedOn: null,
  };
  const existing = await findDuplicate(ctx.tx, caseId, scope);
  if (existing) throw duplicateConsent(existing);
  // A concurrent request may have inserted the same consent since: the exclusion constraint
  // (migration 030) refuses ours once it commits; the savepoint keeps the transaction usable to name it.
  await sql`SAVEPOINT consent_insert`.execute(ctx.tx);
  const created = await ctx.tx
    .insertInto('consents')
    .values({
      case_id: caseId,
      organisation_id: me.organisationId,
      purpose: body.purpose,
      recipient_organisation_id: body.recipientOrganisationId ?? null,
      recipient_type: body.recipientType ?? null,
      sharing_purpose: body.sharingPurpose ?? null,
      includes_identity: body.includesIdentity ?? false,
      decision: body.decision,
      text_version: body.textVersion,
      method: body.method,
      witness_user_id: body.witnessUserId ?? null,
      given_on: body.givenOn,
      expires_on: expiresOn,
      recorded_by: me.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch(async (e: unknown) => {
      if ((e as { code?: string }).code !== EXCLUSION_VIOLATION) throw e;
      await sql`ROLLBACK TO SAVEPOINT consent_insert`.execute(ctx.tx);
      const winner = await findDuplicate(ctx.tx, caseId, scope);
      throw winner ? duplicateConsent(winner) : e;
    });
  await sql`RELEASE SAVEPOINT consent_insert`.execute(ctx.tx);
  const details = {
    purpose: body.purpose,
    decision: body.decision,
    method: body.method,
    textVersion: body.textVersion,
    recipientOrganisationId: body.recipientOrganisationId ?? null,
    recipientType: body.recipientType ?? null,
    sharingPurpose: body.sharingPurpose ?? null,
    includesIdentity: body.includesIdentity ?? false,
  };
  await recordCaseEvent(ctx.tx, me, { caseId, kind: 'consent.recorded', refId: created.id, details });
  await ctx.audit({
    action: 'consent.record',
    subjectType: 'consent',
    subjectId: created.id,
    details: { caseId, ...details },
  });
  return readConsent(ctx.tx, caseId, created.id);
}

/**
 * Withdraws a granted consent from `revokedOn` on. Her right to withdraw does not end with the
 * path: a closed case accepts revocations. A consent is revoked once (409 `consent_revoked`).
 */
export async function revokeConsent(ctx: Ctx, caseId: string, consentId: string, revokedOn: string): Promise<Consent> {
  const { me } = await loadCase(ctx, caseId, 'write');
  const current = await ctx.tx
    .selectFrom('consents')
    .select(['decision', 'given_on', 'revoked_on'])
    .where('id', '=', consentId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!current) throw notFound();
  if (current.revoked_on !== null) throw new AppError(409, 'consent_revoked', 'The consent is already revoked');
  if (current.decision === 'refused') throw new AppError(409, 'consent_refused', 'A refusal has nothing to revoke');
  if (revokedOn > todayInItaly()) throw invalidFields([fieldError('revokedOn', 'in_the_future')]);
  if (revokedOn < isoDate(current.given_on))
    throw invalidFields([fieldError('revokedOn', 'before_given', 'before the day it was given')]);
  const updated = await ctx.tx
    .updateTable('consents')
    .set({ revoked_on: revokedOn })
    .where('id', '=', consentId)
    .where('revoked_on', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw new AppError(409, 'consent_revoked', 'The consent is already revoked');
  await recordCaseEvent(ctx.tx, me, { caseId, kind: 'consent.revoked', refId: consentId, details: { revokedOn } });
  // the recipients of referrals resting on it lose access at once, in this transaction
  const ended = await endAccessForConsent(ctx.tx, me, consentId);
  await ctx.audit({
    action: 'consent.revoke',
    subjectType: 'consent',
    subjectId: consentId,
    details: { caseId, revokedOn, referralsEnded: ended },
  });
  return readConsent(ctx.tx, caseId, consentId);
}

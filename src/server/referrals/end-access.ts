import { sql } from 'kysely';
import type { Actor, Tx } from '../db/context.ts';
import { todayInItaly } from '../db/dates.ts';
import { notifyParty } from './notify-parties.ts';

/**
 * Ends the recipient's access to every open referral that rests on this consent (she revoked
 * it): at once, in the revocation's transaction. The shares are deleted; the status stays.
 */
export async function endAccessForConsent(tx: Tx, actor: Actor, consentId: string): Promise<number> {
  const ended = await tx
    .updateTable('referrals')
    .set((eb) => ({
      access_ended_at: new Date(),
      access_end_reason: 'consent_revoked',
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where((eb) => eb.or([eb('consent_id', '=', consentId), eb('identity_consent_id', '=', consentId)]))
    .where('access_ended_at', 'is', null)
    .returning(['id', 'organisation_id', 'created_by', 'recipient_organisation_id', 'recipient_user_id', 'case_id'])
    .execute();
  for (const r of ended) {
    await tx.deleteFrom('referral_shares').where('referral_id', '=', r.id).execute();
    await tx
      .insertInto('referral_events')
      .values({
        referral_id: r.id,
        organisation_id: r.organisation_id,
        recipient_organisation_id: r.recipient_organisation_id,
        actor_user_id: actor.userId,
        actor_organisation_id: actor.organisationId,
        kind: 'access_ended',
        details: JSON.stringify({ reason: 'consent_revoked' }),
      })
      .execute();
    await notifyParty(tx, {
      side: 'recipient',
      kind: 'referral_access_ended',
      referral: {
        id: r.id,
        organisationId: r.organisation_id,
        createdBy: r.created_by,
        recipientOrganisationId: r.recipient_organisation_id,
        recipientUserId: r.recipient_user_id,
      },
    });
  }
  return ended.length;
}

/** The periodic sweep: expires unanswered referrals and deletes shares whose access ran out. */
export async function sweepReferrals(tx: Tx, today = todayInItaly()): Promise<number> {
  const result = await sql<{ n: number }>`SELECT sweep_referrals(${today}::date) AS n`.execute(tx);
  return result.rows[0]?.n ?? 0;
}

import type { Actor } from '../db/context.ts';
import { isoDate, isoDateOrNull, todayInItaly } from '../db/dates.ts';
import { notFound } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import type { Side } from './lifecycle.ts';

/** A referral's own columns, as the actor may see them (RLS applies: the recipient only while access is open). */
export async function loadReferral(ctx: Ctx, id: string, mode: 'read' | 'write') {
  const me = ctx.authorise(mode === 'read' ? 'referral.read' : 'referral.answer');
  const row = await ctx.tx
    .selectFrom('referrals')
    .selectAll()
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('organisation_id', '=', me.organisationId), eb('recipient_organisation_id', '=', me.organisationId)]),
    )
    .executeTakeFirst();
  if (!row) throw notFound();
  const side = sideOf(me, row);
  if (!side) throw notFound();
  return { me, row, side };
}

export type ReferralRow = Awaited<ReturnType<typeof loadReferral>>['row'];

/** The sender's side is its centre's operators and DPO; anyone else of the recipient organisation is the recipient. */
function sideOf(
  me: Actor,
  row: { organisation_id: string; recipient_organisation_id: string },
): Exclude<Side, 'system'> | null {
  if (row.organisation_id === me.organisationId)
    return me.roles.includes('centre_operator') || me.roles.includes('dpo') ? 'sender' : null;
  if (row.recipient_organisation_id === me.organisationId) return 'recipient';
  return null;
}

/** Whether the recipient still sees it today (mirrors referral_access_open() in SQL). */
export function accessOpen(row: ReferralRow, today = todayInItaly()): boolean {
  if (row.access_ended_at !== null) return false;
  if (['declined', 'withdrawn', 'expired'].includes(row.status)) return false;
  const until = isoDateOrNull(row.access_until);
  if (until !== null && today > until) return false;
  return !(row.status === 'sent' && today > isoDate(row.expires_on));
}

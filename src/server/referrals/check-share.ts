import { sql } from 'kysely';
import { loadCase } from '../cases/access.ts';
import { todayInItaly } from '../db/dates.ts';
import type { Ctx } from '../http/request-context.ts';
import { dueDates, ruleFor } from './deadlines.ts';
import { consentsFor, recipientOf, shareOptions } from './share-check.ts';

/** For the wizard: which fields her consents let go to this recipient for this purpose, the deadlines, the referents. */
export async function checkShare(ctx: Ctx, caseId: string, q: { recipientOrganisationId: string; purpose: string }) {
  const { row } = await loadCase(ctx, caseId, 'write');
  ctx.authorise('referral.send');
  const recipient = await recipientOf(ctx, q.recipientOrganisationId);
  const today = todayInItaly();
  const consents = await consentsFor(ctx.tx, row, recipient, q.purpose, today);
  const due = dueDates(today, await ruleFor(ctx.tx, row.organisation_id, recipient.type), recipient.municipalityCode);
  const referents = await sql<{
    user_id: string;
    display_name: string;
  }>`SELECT user_id, display_name FROM referral_referents(${recipient.id})`.execute(ctx.tx);
  return {
    sharingConsentId: consents.sharingConsentId,
    identityConsentId: consents.identityConsentId,
    onlyThroughCentre: consents.onlyThroughCentre,
    fields: shareOptions(consents),
    ackDueOn: due.ackDueOn,
    appointmentDueOn: due.appointmentDueOn,
    referents: referents.rows.map((r) => ({ id: r.user_id, name: r.display_name })),
  };
}

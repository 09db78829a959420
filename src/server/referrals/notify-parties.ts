import type { Tx } from '../db/context.ts';
import type { NotificationKind } from '../notifications/kinds.ts';
import { notify } from '../notifications/notify.ts';

export interface ReferralParties {
  id: string;
  organisationId: string;
  createdBy: string;
  recipientOrganisationId: string;
  recipientUserId: string | null;
}

/**
 * Tells the other side that something happened. The recipient: its named referent, else everyone
 * who works its referrals inbox. The sender: the operator who sent it. No personal data travels.
 */
export async function notifyParty(tx: Tx, n: { side: 'sender' | 'recipient'; referral: ReferralParties; kind: NotificationKind }): Promise<void> {
  const r = n.referral;
  if (n.side === 'sender') {
    await notify(tx, { organisationId: r.organisationId, userIds: [r.createdBy], kind: n.kind, referralId: r.id });
    return;
  }
  await notify(tx, {
    organisationId: r.recipientOrganisationId,
    ...(r.recipientUserId ? { userIds: [r.recipientUserId] } : { roles: ['cpi_referent', 'service_operator', 'centre_operator'] }),
    kind: n.kind,
    referralId: r.id,
  });
}

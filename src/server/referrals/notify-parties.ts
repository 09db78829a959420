import type { Tx } from '../db/context.ts';
import type { NotificationKind } from '../../shared/codes/notifications.ts';
import { notify } from '../notifications/notify.ts';

/** Who works a recipient organisation's referral inbox. */
export const RECEIVING_ROLES = ['cpi_referent', 'service_operator', 'centre_operator'] as const;

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
export async function notifyParty(
  tx: Tx,
  n: { side: 'sender' | 'recipient'; referral: ReferralParties; kind: NotificationKind },
): Promise<void> {
  const r = n.referral;
  if (n.side === 'sender') {
    await notify(tx, { organisationId: r.organisationId, userIds: [r.createdBy], kind: n.kind, referralId: r.id });
    return;
  }
  await notify(tx, {
    organisationId: r.recipientOrganisationId,
    ...(r.recipientUserId ? { userIds: [r.recipientUserId] } : { roles: [...RECEIVING_ROLES] }),
    kind: n.kind,
    referralId: r.id,
  });
}

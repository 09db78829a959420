/**
 * The context of referral notifications, resolved when the inbox is read, from what the reader
 * may see: RLS on referrals and cases decides (the recipient sees the referral only while access
 * is open, and never the case). Nothing of it is stored with the notification or put in e-mails.
 */
import { referralOverdue } from '../../shared/urgency.ts';
import type { Actor, Tx } from '../db/context.ts';
import { isoDate, isoDateOrNull } from '../db/dates.ts';
import type { NotificationContext } from './schemas.ts';

type Due = Pick<NotificationContext, 'dueOn' | 'dueKind'>;

/** The date the referral waits for next: her answer, the first appointment, or the appointment itself. */
export function nextDue(
  r: { status: string; ackDueOn: string; appointmentDueOn: string; appointmentOn: string | null },
  today: string,
): Due {
  if (r.status === 'sent') return { dueOn: r.ackDueOn, dueKind: 'acknowledgement' };
  if (r.status !== 'accepted' && r.status !== 'in_progress') return { dueOn: null, dueKind: null };
  if (r.appointmentOn === null) return { dueOn: r.appointmentDueOn, dueKind: 'first_appointment' };
  return r.appointmentOn >= today ? { dueOn: r.appointmentOn, dueKind: 'appointment' } : { dueOn: null, dueKind: null };
}

export async function contextsOf(
  tx: Tx,
  me: Actor,
  referralIds: string[],
  today: string,
): Promise<Map<string, NotificationContext>> {
  if (!referralIds.length) return new Map();
  const rows = await tx
    .selectFrom('referrals as r')
    .leftJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('organisations as s', 's.id', 'r.organisation_id')
    .innerJoin('organisations as o', 'o.id', 'r.recipient_organisation_id')
    .select([
      'r.id',
      'r.organisation_id',
      'r.case_id',
      'c.code',
      'r.pseudonym',
      's.name as sender_name',
      'o.name as recipient_name',
      'r.purpose',
      'r.status',
      'r.ack_due_on',
      'r.appointment_due_on',
      'r.appointment_on',
      'r.expires_on',
    ])
    .where('r.id', 'in', referralIds)
    .execute();
  const out = new Map<string, NotificationContext>();
  for (const r of rows) {
    const sender = r.organisation_id === me.organisationId;
    const dates = {
      status: r.status,
      ackDueOn: isoDate(r.ack_due_on),
      appointmentDueOn: isoDate(r.appointment_due_on),
      appointmentOn: isoDateOrNull(r.appointment_on),
      expiresOn: isoDate(r.expires_on),
    };
    out.set(r.id, {
      side: sender ? 'sender' : 'recipient',
      caseId: sender && r.code ? r.case_id : null,
      caseCode: sender ? (r.code ?? null) : null,
      pseudonym: sender ? null : r.pseudonym,
      senderName: r.sender_name,
      recipientName: r.recipient_name,
      purpose: r.purpose as NotificationContext['purpose'],
      status: r.status as NotificationContext['status'],
      ...nextDue(dates, today),
      overdue: referralOverdue(dates, today),
    });
  }
  return out;
}

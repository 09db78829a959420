import type { Tx } from '../db/context.ts';
import { isoDate, isoDateOrNull, isoTimestamp, todayInItaly } from '../db/dates.ts';
import { overdueOf } from './deadlines.ts';
import { type ReferralRow, accessOpen } from './load-referral.ts';
import type { ReferralSummary } from './schemas.ts';

type Row = ReferralRow & { sender_name: string; recipient_name: string; case_code: string | null };

/** Organisation names and, for the sender, the case code; one query for a page of referrals. */
export async function withNames(tx: Tx, rows: ReferralRow[]): Promise<Row[]> {
  if (rows.length === 0) return [];
  const orgIds = [...new Set(rows.flatMap((r) => [r.organisation_id, r.recipient_organisation_id]))];
  const orgs = await tx.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute();
  const caseIds = [...new Set(rows.map((r) => r.case_id))];
  // RLS shows case codes only to the holding centre
  const cases = await tx.selectFrom('cases').select(['id', 'code']).where('id', 'in', caseIds).execute();
  const name = new Map(orgs.map((o) => [o.id, o.name]));
  const code = new Map(cases.map((c) => [c.id, c.code]));
  return rows.map((r) => ({
    ...r,
    sender_name: name.get(r.organisation_id) ?? '',
    recipient_name: name.get(r.recipient_organisation_id) ?? '',
    case_code: code.get(r.case_id) ?? null,
  }));
}

export function toSummary(r: Row, box: 'inbox' | 'outbox', today = todayInItaly()): ReferralSummary {
  const dates = {
    status: r.status,
    ackDueOn: isoDate(r.ack_due_on),
    appointmentDueOn: isoDate(r.appointment_due_on),
    appointmentOn: isoDateOrNull(r.appointment_on),
    expiresOn: isoDate(r.expires_on),
  };
  const outbox = box === 'outbox';
  return {
    id: r.id,
    box,
    caseId: outbox ? r.case_id : null,
    caseCode: outbox ? r.case_code : null,
    pseudonym: r.pseudonym,
    sender: { id: r.organisation_id, name: r.sender_name },
    recipient: { id: r.recipient_organisation_id, name: r.recipient_name },
    recipientUser: r.recipient_user_id ? { id: r.recipient_user_id, name: r.recipient_user_name ?? '' } : null,
    purpose: r.purpose as ReferralSummary['purpose'],
    urgency: r.urgency as ReferralSummary['urgency'],
    status: r.status as ReferralSummary['status'],
    contactMode: r.contact_mode as ReferralSummary['contactMode'],
    sentAt: isoTimestamp(r.sent_at),
    ackDueOn: dates.ackDueOn,
    appointmentDueOn: dates.appointmentDueOn,
    expiresOn: dates.expiresOn,
    appointmentOn: dates.appointmentOn,
    completedOn: isoDateOrNull(r.completed_on),
    overdue: overdueOf(dates, today),
    accessOpen: accessOpen(r, today),
    accessEndReason: r.access_end_reason,
    version: r.version,
  };
}

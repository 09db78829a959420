import { sql } from 'kysely';
import { isoDate } from '../db/dates.ts';
import type { Ctx } from '../http/request-context.ts';
import { workingDaysLate } from './deadlines.ts';

interface Row {
  id: string;
  network_id: string | null;
  sender_organisation_id: string;
  recipient_organisation_id: string;
  purpose: string;
  urgency: string;
  status: string;
  sent_on: string | Date;
  ack_due_on: string | Date;
  appointment_due_on: string | Date;
  overdue: 'acknowledgement' | 'first_appointment';
}

/** The network coordinator's list of late referrals in their networks (the control room: all): bodies and dates only. */
export async function listOverdue(ctx: Ctx, today: string) {
  ctx.authorise('referral.overdue_list');
  const rows = (await sql<Row>`SELECT * FROM overdue_referrals(${today}::date)`.execute(ctx.tx)).rows;
  const ids = [...new Set(rows.flatMap((r) => [r.sender_organisation_id, r.recipient_organisation_id]))];
  const orgs = ids.length
    ? await ctx.tx
        .selectFrom('organisations')
        .select(['id', 'name', 'municipality_code'])
        .where('id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return rows.map((r) => {
    const dueOn = isoDate(r.overdue === 'acknowledgement' ? r.ack_due_on : r.appointment_due_on);
    const recipient = byId.get(r.recipient_organisation_id);
    return {
      id: r.id,
      networkId: r.network_id,
      sender: { id: r.sender_organisation_id, name: byId.get(r.sender_organisation_id)?.name ?? '' },
      recipient: { id: r.recipient_organisation_id, name: recipient?.name ?? '' },
      purpose: r.purpose as never,
      urgency: r.urgency as never,
      status: r.status as never,
      sentOn: isoDate(r.sent_on),
      dueOn,
      overdue: r.overdue,
      workingDaysLate: workingDaysLate(dueOn, today, recipient?.municipality_code ?? null),
    };
  });
}

import { sql } from 'kysely';
import type { Tx } from '../db/context.ts';
import { addWorkingDays, workingDaysBetween } from './working-days.ts';

export interface Rule {
  protocolId: string | null;
  ackWorkingDays: number;
  appointmentWorkingDays: number;
  expiryWorkingDays: number;
  accessDays: number;
}

/**
 * The deadlines that apply to a referral: the most specific rule among the protocols the sender
 * signed (for the recipient's type, else any type), else the default rule.
 */
export async function ruleFor(tx: Tx, senderOrganisationId: string, recipientType: string): Promise<Rule> {
  const rows = await sql<{
    protocol_id: string | null;
    ack_working_days: number;
    appointment_working_days: number;
    expiry_working_days: number;
    access_days: number;
  }>`
    SELECT r.protocol_id, r.ack_working_days, r.appointment_working_days, r.expiry_working_days, r.access_days
    FROM referral_rules r
    WHERE (r.recipient_type IS NULL OR r.recipient_type = ${recipientType})
      AND (r.protocol_id IS NULL OR r.protocol_id IN
        (SELECT s.protocol_id FROM protocol_signatories s WHERE s.organisation_id = ${senderOrganisationId}))
    ORDER BY (r.protocol_id IS NOT NULL) DESC, (r.recipient_type IS NOT NULL) DESC, r.id
    LIMIT 1`.execute(tx);
  const r = rows.rows[0];
  if (!r) throw new Error('no default referral rule');
  return {
    protocolId: r.protocol_id,
    ackWorkingDays: r.ack_working_days,
    appointmentWorkingDays: r.appointment_working_days,
    expiryWorkingDays: r.expiry_working_days,
    accessDays: r.access_days,
  };
}

export interface DueDates {
  ackDueOn: string;
  appointmentDueOn: string;
  expiresOn: string;
}

/** Deadlines count working days at the recipient's office (its municipality's patron day included). */
export function dueDates(sentOn: string, rule: Rule, municipalityCode: string | null): DueDates {
  return {
    ackDueOn: addWorkingDays(sentOn, rule.ackWorkingDays, municipalityCode),
    appointmentDueOn: addWorkingDays(sentOn, rule.appointmentWorkingDays, municipalityCode),
    expiresOn: addWorkingDays(sentOn, rule.expiryWorkingDays, municipalityCode),
  };
}

/** Which deadline a referral has missed (the rule lives in shared/urgency.ts). */
export { referralOverdue as overdueOf } from '../../shared/urgency.ts';

export const workingDaysLate = (dueOn: string, today: string, municipalityCode: string | null) =>
  workingDaysBetween(dueOn, today, municipalityCode);

import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * The demo's histories follow each case's own dates, not the minute it was seeded. The demo
 * writes every record through the real use cases (which stamp "now", as they must in production);
 * afterwards this gives each timeline entry the date of the record it is about: the intake, the
 * consent's date, the plan (saved and agreed two weeks after intake), the review, the outcome, the
 * follow-up, the closure, the referral's sending. The audit trail is left as it is: it records
 * when the seeding really happened (its chain covers the times).
 */
export async function stampDemoHistory(owner: Kysely<DB>): Promise<void> {
  await owner.transaction().execute(async (tx) => {
    // a day (an SQL date expression) at a time of day in Italy
    const at = (day: string, time: string) => sql.raw(`((${day}) + time '${time}') AT TIME ZONE 'Europe/Rome'`);
    const plannedOn = 'LEAST(c.taken_in_charge_on + 14, current_date)';
    await sql`UPDATE case_events e SET occurred_at = ${at('c.taken_in_charge_on', '09:00')} FROM cases c
      WHERE e.case_id = c.id AND e.kind IN ('case.opened', 'team.added', 'identity.updated', 'profile.updated')`.execute(
      tx,
    );
    await sql`UPDATE case_events e SET occurred_at = ${at('k.given_on', '09:30')} FROM consents k
      WHERE e.kind = 'consent.recorded' AND e.ref_id = k.id::text`.execute(tx);
    await sql`UPDATE plan_versions v SET changed_at = ${at(plannedOn, '10:00')},
        agreed_on = CASE WHEN v.agreed_on IS NULL THEN NULL ELSE ${sql.raw(plannedOn)} END
      FROM cases c WHERE v.case_id = c.id`.execute(tx);
    await sql`UPDATE case_events e SET occurred_at = ${at(plannedOn, '10:00')} FROM cases c
      WHERE e.case_id = c.id AND e.kind IN ('plan.updated', 'plan.agreed')`.execute(tx);
    await sql`UPDATE case_events e SET occurred_at = ${at('r.reviewed_on', '11:00')} FROM plan_reviews r
      WHERE e.kind = 'plan.reviewed' AND e.ref_id = r.id::text`.execute(tx);
    await sql`UPDATE case_events e SET occurred_at = ${at('o.occurred_on', '12:00')} FROM outcomes o
      WHERE e.kind = 'outcome.recorded' AND e.ref_id = o.id::text`.execute(tx);
    await sql`UPDATE case_events e SET occurred_at = ${at('f.done_on', '12:30')} FROM follow_ups f
      WHERE e.kind = 'follow_up.recorded' AND e.ref_id = f.id::text AND f.done_on IS NOT NULL`.execute(tx);
    await sql`UPDATE case_events e SET occurred_at = ${at('c.closed_on', '17:00')} FROM cases c
      WHERE e.case_id = c.id AND e.kind = 'case.closed' AND c.closed_on IS NOT NULL`.execute(tx);
    await sql`UPDATE case_events e SET occurred_at = r.sent_at FROM referrals r
      WHERE e.kind = 'referral.sent' AND e.ref_id = r.id::text`.execute(tx);
    await sql`UPDATE referral_events ev SET occurred_at = r.sent_at FROM referrals r
      WHERE ev.kind = 'sent' AND ev.referral_id = r.id`.execute(tx);
  });
}

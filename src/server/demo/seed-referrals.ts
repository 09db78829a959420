import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Role } from '../../shared/codes/roles.ts';
import { addDays } from '../cases/eligibility.ts';
import type { Config } from '../config.ts';
import { setActor, withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { todayInItaly } from '../db/dates.ts';
import { makeCtx } from '../http/request-context.ts';
import { dueDates, ruleFor } from '../referrals/deadlines.ts';
import { destinationsFor } from '../referrals/destinations.ts';
import { sendReferral } from '../referrals/send-referral.ts';
import { applyTransition } from '../referrals/transition.ts';
import { seeded } from './random.ts';

const FIELDS = [
  'profile.ageBand',
  'profile.citizenship',
  'profile.residence',
  'profile.education',
  'profile.employment',
  'needs.profile',
  'needs.work_history',
  'needs.availability',
  'plan.goals',
  'plan.actions',
] as const;

/**
 * Synthetic referrals for the demo: open cases whose sharing consent for employment centres is
 * still valid are referred to the CPI suggested for where she lives, through the real use cases;
 * the demo CPI referents answer some of them. Sending dates are spread over the last 25 days.
 */
export async function seedDemoReferrals(db: Database, config: Config): Promise<number> {
  const r = seeded(20261201);
  const today = todayInItaly();
  const candidates = await db.owner
    .selectFrom('cases as c')
    .innerJoin('consents as k', 'k.case_id', 'c.id')
    .select(['c.id', 'c.organisation_id', 'c.created_by'])
    .where('c.status', '=', 'open')
    .where('k.purpose', '=', 'sharing')
    .where('k.decision', '=', 'granted')
    .where('k.expires_on', '>=', today)
    .orderBy('c.code')
    .execute();
  const referents = await db.owner
    .selectFrom('users as u')
    .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
    .select(['u.id', 'u.organisation_id'])
    .where('ur.role', '=', 'cpi_referent')
    .execute();
  let made = 0;
  for (const c of candidates) {
    if (!r.chance(0.9)) continue;
    const sender = { userId: c.created_by, organisationId: c.organisation_id, roles: ['centre_operator'] as Role[] };
    const sent = await withContext(db, async (tx) => {
      await setActor(tx, sender);
      const ctx = makeCtx(tx, sender);
      const row = await tx.selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
      // the suggested CPI, or one with a demo referent, so that both sides of the demo have referrals
      const staffed = referents.length > 0 && r.chance(0.6) ? r.pick(referents).organisation_id : null;
      const to = staffed ? { id: staffed } : (await destinationsFor(tx, row, sender.organisationId)).suggestions[0];
      if (!to) return null;
      const fields = FIELDS.filter(() => r.chance(0.7));
      const body = {
        caseId: c.id,
        recipientOrganisationId: to.id,
        purpose: 'work_orientation' as const,
        urgency: r.weighted([
          ['routine', 70],
          ['priority', 25],
          ['urgent', 5],
        ] as const),
        shareFields: fields,
      };
      return { ...(await sendReferral(ctx, config.masterKey, body, randomUUID())), to: to.id };
    });
    if (!sent) continue;
    made++;
    // spread the sending dates, with deadlines recomputed on the recipient's calendar
    const sentOn = addDays(today, -r.int(0, 25));
    const org = await db.owner
      .selectFrom('organisations')
      .select(['type', 'municipality_code'])
      .where('id', '=', sent.to)
      .executeTakeFirstOrThrow();
    const due = dueDates(
      sentOn,
      await db.owner.transaction().execute((tx) => ruleFor(tx, c.organisation_id, org.type)),
      org.municipality_code,
    );
    await db.owner
      .updateTable('referrals')
      .set({
        sent_at: new Date(`${sentOn}T09:30:00Z`),
        sent_on: sentOn,
        ack_due_on: due.ackDueOn,
        appointment_due_on: due.appointmentDueOn,
        expires_on: due.expiresOn,
      })
      .where('id', '=', sent.id)
      .execute();
    const referent = referents.find((u) => u.organisation_id === sent.to);
    // an unanswered referral past its expiry is closed to the recipient (the sweep expires it)
    if (!referent || sentOn > addDays(today, -3) || due.expiresOn < today || !r.chance(0.75)) continue;
    const actor = { userId: referent.id, organisationId: referent.organisation_id, roles: ['cpi_referent'] as Role[] };
    const steps = [
      { action: 'accept' as const },
      { action: 'book' as const, appointmentOn: addDays(sentOn, r.int(3, 12)) },
      { action: 'report' as const, report: { kind: 'registered' as const, occurredOn: addDays(sentOn, r.int(3, 12)) } },
      {
        action: 'report' as const,
        report: {
          kind: 'traineeship_started' as const,
          occurredOn: addDays(sentOn, r.int(13, 20)),
          details: { sector: 'G', weeklyHours: 20 },
        },
      },
    ].slice(0, r.int(1, 4));
    let version = 1;
    for (const [n, s] of steps.entries()) {
      // the day the CPI took the step: its report's date, else a working day or two after sending
      const on = s.report?.occurredOn ?? addDays(sentOn, n + 1);
      if (on > today) break;
      const before = await lastEventIds(db);
      await withContext(db, async (tx) => {
        await setActor(tx, actor);
        await applyTransition(makeCtx(tx, actor), config.masterKey, sent.id, s, version);
      });
      await stampStep(db, sent.id, before, on);
      version++;
    }
  }
  return made;
}

/** The newest timeline and referral-history rows before a step, so that the step's own can be dated. */
async function lastEventIds(db: Database) {
  const [c, r] = await Promise.all([
    db.owner.selectFrom('case_events').select(sql<string>`coalesce(max(id), 0)`.as('id')).executeTakeFirstOrThrow(),
    db.owner.selectFrom('referral_events').select(sql<string>`coalesce(max(id), 0)`.as('id')).executeTakeFirstOrThrow(),
  ]);
  return { caseEvent: String(c.id), referralEvent: String(r.id) };
}

/** Dates what one step wrote (timeline entry, referral history, report) on the day it happened. */
async function stampStep(db: Database, id: string, before: { caseEvent: string; referralEvent: string }, on: string) {
  const when = new Date(`${on}T10:00:00+01:00`);
  await db.owner
    .updateTable('case_events')
    .set({ occurred_at: when })
    .where('ref_id', '=', id)
    .where('id', '>', before.caseEvent as never)
    .execute();
  await db.owner
    .updateTable('referral_events')
    .set({ occurred_at: when })
    .where('referral_id', '=', id)
    .where('id', '>', before.referralEvent as never)
    .execute();
  await db.owner
    .updateTable('referral_reports')
    .set({ created_at: when })
    .where('referral_id', '=', id)
    .where('occurred_on', '=', on)
    .execute();
}

/**
 * The work queues, as one rule table: queue → the permission it needs (src/shared/can.ts) and the
 * query of its items. The count and the page of a queue are both read from that one query
 * (list-worklist.ts), so they cannot disagree. Row-level security applies underneath: a centre
 * sees its own cases, a recipient only the referrals addressed to its body while access is open,
 * the DPO her organisation's audit trail. The rules of what is overdue are the pure functions of
 * shared/urgency.ts; worklist.db.test.ts holds each query against them.
 */
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Action } from '../../shared/can.ts';
import type { WorkQueue } from '../../shared/codes/worklist.ts';
import { CONSENT_EXPIRING_DAYS, WINDOW_CLOSING_DAYS } from '../../shared/urgency.ts';
import type { Actor, Tx } from '../db/context.ts';
import type { DB } from '../db/schema.ts';

/** The audit trail the DPO's queues look back on. */
export const AUDIT_REVIEW_DAYS = 7;

/** What every queue's query selects (columns a queue has not are null). */
export interface ItemRow {
  id: string;
  case_id: string | null;
  case_code: string | null;
  pseudonym: string | null;
  referral_id: string | null;
  due_on: string | Date | null;
  occurred_at: string | Date | null;
  organisation_id: string | null;
  person: string | null;
  detail: string | null;
}

// biome-ignore lint/suspicious/noExplicitAny: one query shape over several tables
export type ItemQuery = SelectQueryBuilder<DB, any, ItemRow>;

interface Queue {
  action: Action;
  items: (tx: Tx, me: Actor, today: string) => ItemQuery;
}

const nul = <A extends string>(alias: A) => sql<null>`NULL::text`.as(alias);
const nulDate = <A extends string>(alias: A) => sql<null>`NULL::date`.as(alias);
const nulTime = <A extends string>(alias: A) => sql<null>`NULL::timestamptz`.as(alias);
const nulId = <A extends string>(alias: A) => sql<null>`NULL::uuid`.as(alias);

/** The cases on her team: "her cases". */
const onMyTeam = (me: Actor) => (eb: ExpressionBuilder<DB, 'cases'>) =>
  eb(
    'cases.id',
    'in',
    eb.selectFrom('case_team').select('case_team.case_id').where('case_team.user_id', '=', me.userId),
  );

/** Her team's open cases joined to a case table `t` (plan_actions, follow_ups, consents). */
function myOpenCases<T extends 'plan_actions' | 'follow_ups' | 'consents'>(tx: Tx, me: Actor, t: T) {
  return tx
    .selectFrom(t as 'plan_actions')
    .innerJoin('cases', 'cases.id', `${t as 'plan_actions'}.case_id`)
    .where('cases.organisation_id', '=', me.organisationId)
    .where('cases.status', '=', 'open')
    .where(onMyTeam(me));
}

/** Referrals addressed to the actor's body that it may still see (RLS: while access is open). */
const received = (tx: Tx, me: Actor) =>
  tx
    .selectFrom('referrals')
    .where('referrals.recipient_organisation_id', '=', me.organisationId)
    .where('referrals.access_ended_at', 'is', null)
    .select([
      'referrals.id as id',
      nulId('case_id'),
      nul('case_code'),
      'referrals.pseudonym as pseudonym',
      'referrals.id as referral_id',
      nulTime('occurred_at'),
      'referrals.organisation_id as organisation_id',
      nul('person'),
      'referrals.purpose as detail',
    ]);

/** The DPO's organisation's audit rows of the last days. */
const recentAudit = (tx: Tx, me: Actor) =>
  tx
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .leftJoin('cases', (j) =>
      j.on(sql<boolean>`audit_log.subject_type = 'case' AND cases.id::text = audit_log.subject_id`),
    )
    .where('audit_log.organisation_id', '=', me.organisationId)
    .where('audit_log.occurred_at', '>=', sql<Date>`now() - make_interval(days => ${AUDIT_REVIEW_DAYS})`)
    .select([
      sql<string>`audit_log.seq::text`.as('id'),
      'cases.id as case_id',
      'cases.code as case_code',
      nul('pseudonym'),
      nulId('referral_id'),
      nulDate('due_on'),
      'audit_log.occurred_at as occurred_at',
      nulId('organisation_id'),
      'users.display_name as person',
      'audit_log.action as detail',
    ]);

/**
 * net-control: the action items of the control rooms she takes part in (RLS app_in_control_room),
 * still open past their due date; `person` carries the item's title (what is to be done, about the
 * network's work, never about a woman), `detail` the protocol, which the list links to.
 */
const roomActionsOverdue = (tx: Tx, today: string) =>
  tx
    .selectFrom('control_room_actions as ra')
    .where('ra.status', 'in', ['open', 'in_progress'])
    .where('ra.due_on', '<', today)
    .select([
      'ra.id as id',
      nulId('case_id'),
      nul('case_code'),
      nul('pseudonym'),
      nulId('referral_id'),
      'ra.due_on as due_on',
      nulTime('occurred_at'),
      'ra.owner_organisation_id as organisation_id',
      'ra.title as person',
      sql<string>`ra.protocol_id::text`.as('detail'),
    ]) as unknown as ItemQuery;

export const QUEUES: Record<WorkQueue, Queue> = {
  actions_overdue: {
    action: 'case.write',
    items: (tx, me, today) =>
      myOpenCases(tx, me, 'plan_actions')
        .where('plan_actions.status', 'in', ['planned', 'in_progress'])
        .where('plan_actions.due_on', '<', today)
        .select([
          'plan_actions.id as id',
          'cases.id as case_id',
          'cases.code as case_code',
          nul('pseudonym'),
          nulId('referral_id'),
          'plan_actions.due_on as due_on',
          nulTime('occurred_at'),
          'plan_actions.responsible_organisation_id as organisation_id',
          nul('person'),
          'plan_actions.catalogue_code as detail',
        ]) as ItemQuery,
  },
  follow_ups_due: {
    action: 'case.write',
    items: (tx, me, today) =>
      myOpenCases(tx, me, 'follow_ups' as 'plan_actions')
        .where(sql<boolean>`follow_ups.done_on IS NULL AND follow_ups.due_on <= ${today}::date`)
        .select([
          sql<string>`follow_ups.id`.as('id'),
          'cases.id as case_id',
          'cases.code as case_code',
          nul('pseudonym'),
          nulId('referral_id'),
          sql<string>`follow_ups.due_on`.as('due_on'),
          nulTime('occurred_at'),
          nulId('organisation_id'),
          nul('person'),
          sql<string>`follow_ups.months::text`.as('detail'),
        ]) as ItemQuery,
  },
  referrals_sent_overdue: {
    action: 'referral.send',
    items: (tx, me, today) =>
      tx
        .selectFrom('referrals')
        .innerJoin('cases', 'cases.id', 'referrals.case_id')
        .where('referrals.organisation_id', '=', me.organisationId)
        .where(onMyTeam(me))
        .where(
          sql<boolean>`((referrals.status = 'sent' AND ${today}::date > referrals.ack_due_on AND ${today}::date <= referrals.expires_on)
            OR (referrals.status IN ('accepted', 'in_progress') AND referrals.appointment_on IS NULL
              AND ${today}::date > referrals.appointment_due_on))`,
        )
        .select([
          'referrals.id as id',
          'cases.id as case_id',
          'cases.code as case_code',
          nul('pseudonym'),
          'referrals.id as referral_id',
          sql<string>`CASE WHEN referrals.status = 'sent' THEN referrals.ack_due_on ELSE referrals.appointment_due_on END`.as(
            'due_on',
          ),
          nulTime('occurred_at'),
          'referrals.recipient_organisation_id as organisation_id',
          nul('person'),
          sql<string>`CASE WHEN referrals.status = 'sent' THEN 'acknowledgement' ELSE 'first_appointment' END`.as(
            'detail',
          ),
        ]) as ItemQuery,
  },
  consents_expiring: {
    action: 'case.write',
    items: (tx, me, today) =>
      myOpenCases(tx, me, 'consents' as 'plan_actions')
        .where(
          sql<boolean>`consents.decision = 'granted' AND consents.revoked_on IS NULL
            AND consents.expires_on BETWEEN ${today}::date AND ${today}::date + ${CONSENT_EXPIRING_DAYS}::int`,
        )
        .select([
          sql<string>`consents.id`.as('id'),
          'cases.id as case_id',
          'cases.code as case_code',
          nul('pseudonym'),
          nulId('referral_id'),
          sql<string>`consents.expires_on`.as('due_on'),
          nulTime('occurred_at'),
          sql<string>`consents.recipient_organisation_id`.as('organisation_id'),
          nul('person'),
          sql<string>`consents.purpose`.as('detail'),
        ]) as ItemQuery,
  },
  windows_closing: {
    action: 'case.write',
    items: (tx, me, today) => {
      const end = sql`cases.closed_on + coalesce(programmes.window_days, 182)`;
      return tx
        .selectFrom('cases')
        .leftJoin('programmes', 'programmes.code', 'cases.programme_code')
        .where('cases.organisation_id', '=', me.organisationId)
        .where(onMyTeam(me))
        .where(
          sql<boolean>`cases.status = 'closed' AND ${end} BETWEEN ${today}::date AND ${today}::date + ${WINDOW_CLOSING_DAYS}::int`,
        )
        .select([
          'cases.id as id',
          'cases.id as case_id',
          'cases.code as case_code',
          nul('pseudonym'),
          nulId('referral_id'),
          sql<string>`${end}`.as('due_on'),
          nulTime('occurred_at'),
          nulId('organisation_id'),
          nul('person'),
          nul('detail'),
        ]) as ItemQuery;
    },
  },
  referrals_to_answer: {
    action: 'referral.answer',
    items: (tx, me) => received(tx, me).where('referrals.status', '=', 'sent').select('referrals.ack_due_on as due_on'),
  },
  appointments_to_book: {
    action: 'referral.answer',
    items: (tx, me) =>
      received(tx, me)
        .where('referrals.status', 'in', ['accepted', 'in_progress'])
        .where('referrals.appointment_on', 'is', null)
        .select('referrals.appointment_due_on as due_on'),
  },
  reports_due: {
    action: 'referral.answer',
    items: (tx, me, today) =>
      received(tx, me)
        .where('referrals.status', 'in', ['accepted', 'in_progress'])
        .where('referrals.appointment_on', '<', today)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('referral_reports')
                .select('referral_reports.id')
                .whereRef('referral_reports.referral_id', '=', 'referrals.id')
                .whereRef('referral_reports.occurred_on', '>=', 'referrals.appointment_on'),
            ),
          ),
        )
        .select('referrals.appointment_on as due_on'),
  },
  identity_reads: {
    action: 'audit.read_organisation',
    items: (tx, me) =>
      recentAudit(tx, me)
        .where('audit_log.action', '=', 'case.identity_read')
        .where('audit_log.outcome', '=', 'success'),
  },
  access_refused: {
    action: 'audit.read_organisation',
    items: (tx, me) => recentAudit(tx, me).where('audit_log.outcome', 'in', ['failure', 'denied']),
  },
  referrals_overdue_network: {
    action: 'referral.overdue_list',
    items: (tx, _me, today) =>
      tx
        .selectFrom(
          sql<{
            id: string;
            sender_organisation_id: string;
            recipient_organisation_id: string;
            ack_due_on: string;
            appointment_due_on: string;
            overdue: string;
          }>`overdue_referrals(${today}::date)`.as('o'),
        )
        .leftJoin('organisations as s', 's.id', 'o.sender_organisation_id')
        .select([
          'o.id as id',
          nulId('case_id'),
          nul('case_code'),
          nul('pseudonym'),
          'o.id as referral_id',
          sql<string>`CASE WHEN o.overdue = 'acknowledgement' THEN o.ack_due_on ELSE o.appointment_due_on END`.as(
            'due_on',
          ),
          nulTime('occurred_at'),
          'o.recipient_organisation_id as organisation_id',
          's.name as person',
          'o.overdue as detail',
        ]) as ItemQuery,
  },
  room_actions_overdue: {
    action: 'control_room.read',
    items: (tx, _me, today) => roomActionsOverdue(tx, today),
  },
};

/** The queues the actor's permissions open, in the table's order. */
export const queuesFor = (allowed: (action: Action) => boolean): WorkQueue[] =>
  (Object.keys(QUEUES) as WorkQueue[]).filter((q) => allowed(QUEUES[q].action));

import { caseActions } from '../../shared/allowed-actions.ts';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor, Tx } from '../db/context.ts';
import { isoDate, isoDateOrNull, isoTimestamp, todayInItaly } from '../db/dates.ts';
import type { DB } from '../db/schema.ts';
import type { CaseRow } from './access.ts';
import { CLOSING_SOON_DAYS, eligibilityOf } from './eligibility.ts';
import type { CaseDetail, CaseListQuery, SafeContact } from './schemas.ts';

type CaseEb = ExpressionBuilder<DB, 'cases'>;

const dueActions = (eb: CaseEb, today: string) =>
  eb
    .selectFrom('plan_actions')
    .select(sql<number>`count(*)::int`.as('n'))
    .whereRef('plan_actions.case_id', '=', 'cases.id')
    .where('plan_actions.status', 'in', ['planned', 'in_progress'])
    .where('plan_actions.due_on', '<=', today);
const dueFollowUps = (eb: CaseEb, today: string) =>
  eb
    .selectFrom('follow_ups')
    .select(sql<number>`count(*)::int`.as('n'))
    .whereRef('follow_ups.case_id', '=', 'cases.id')
    .where('follow_ups.done_on', 'is', null)
    .where('follow_ups.due_on', '<=', today);

function baseQuery(tx: Tx, me: Actor, today: string) {
  return tx
    .selectFrom('cases')
    .leftJoin('programmes', 'programmes.code', 'cases.programme_code')
    .selectAll('cases')
    .select((eb) => [
      sql<number>`coalesce(programmes.window_days, 182)`.as('window_days'),
      // a scalar subquery, not EXISTS: with EXISTS the planner read all the user's team rows per list
      sql<boolean>`coalesce((SELECT true FROM case_team WHERE case_team.case_id = cases.id AND case_team.user_id = ${me.userId}), false)`.as(
        'on_my_team',
      ),
      dueActions(eb, today).as('due_actions'),
      dueFollowUps(eb, today).as('due_follow_ups'),
    ])
    .where('cases.organisation_id', '=', me.organisationId);
}

type ListedRow = CaseRow & {
  window_days: number;
  on_my_team: boolean;
  due_actions: number | null;
  due_follow_ups: number | null;
};

function summarise(row: ListedRow, today: string) {
  const closedOn = isoDateOrNull(row.closed_on);
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    takenInChargeOn: isoDate(row.taken_in_charge_on),
    closedOn,
    closureOutcome: row.closure_outcome,
    riskLevel: row.risk_level,
    eligibility: eligibilityOf(
      {
        status: row.status,
        closedOn,
        windowDays: row.window_days,
        programme: row.programme_code ?? 'lombardia-autonomia',
      },
      today,
    ),
    onMyTeam: Boolean(row.on_my_team),
    dueActions: Number(row.due_actions ?? 0),
    dueFollowUps: Number(row.due_follow_ups ?? 0),
    version: row.version,
  };
}

/** The caseload of the actor's centre, with filters; `caseIds` narrows to blind-index matches. */
export async function listCases(tx: Tx, me: Actor, q: CaseListQuery, caseIds?: string[]) {
  const today = todayInItaly();
  let query = baseQuery(tx, me, today);
  if (caseIds)
    query = query.where('cases.id', 'in', caseIds.length ? caseIds : ['00000000-0000-0000-0000-000000000000']);
  if (q.status) query = query.where('cases.status', '=', q.status as 'open' | 'closed');
  if (q.mine)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_team')
          .select('user_id')
          .whereRef('case_team.case_id', '=', 'cases.id')
          .where('case_team.user_id', '=', me.userId),
      ),
    );
  const windowEnd = sql`cases.closed_on + coalesce(programmes.window_days, 182)`;
  if (q.eligibility === 'eligible')
    query = query.where(sql<boolean>`(cases.status = 'open' OR ${windowEnd} >= ${today}::date)`);
  if (q.eligibility === 'not_eligible')
    query = query.where(sql<boolean>`(cases.status = 'closed' AND ${windowEnd} < ${today}::date)`);
  if (q.eligibility === 'closing_soon') {
    query = query.where(
      sql<boolean>`(cases.status = 'closed' AND ${windowEnd} BETWEEN ${today}::date AND ${today}::date + ${CLOSING_SOON_DAYS}::int)`,
    );
  }
  // the subqueries count, so they always return a row: compare the count, not its existence
  if (q.due === 'actions') query = query.where((eb) => eb(dueActions(eb, today), '>', 0));
  if (q.due === 'follow_ups') query = query.where((eb) => eb(dueFollowUps(eb, today), '>', 0));
  const rows = await query
    .orderBy('cases.taken_in_charge_on', 'desc')
    .orderBy('cases.code', 'desc')
    .limit(q.limit ?? 50)
    .offset(q.offset ?? 0)
    .execute();
  return rows.map((r) => summarise(r as ListedRow, today));
}

export async function describeCase(tx: Tx, me: Actor, caseId: string): Promise<CaseDetail | null> {
  const today = todayInItaly();
  const row = (await baseQuery(tx, me, today).where('cases.id', '=', caseId).executeTakeFirst()) as
    | ListedRow
    | undefined;
  if (!row) return null;
  const team = await tx
    .selectFrom('case_team')
    .innerJoin('users', 'users.id', 'case_team.user_id')
    .select(['case_team.user_id', 'users.display_name', 'case_team.role_in_case'])
    .where('case_team.case_id', '=', caseId)
    .orderBy('case_team.added_at')
    .execute();
  const hasIdentity = await hasSealedIdentity(tx, caseId);
  const summary = summarise(row, today);
  return {
    ...summary,
    networkId: row.network_id,
    organisationId: row.organisation_id,
    firstContactOn: isoDateOrNull(row.first_contact_on),
    intakeOn: isoDateOrNull(row.intake_on),
    ageBand: row.age_band,
    citizenship: row.citizenship,
    residenceCode: row.residence_code,
    education: row.education,
    employment: row.employment,
    childrenCount: row.children_count,
    minorChildrenCount: row.minor_children_count,
    childrenWitnessed: row.children_witnessed,
    violenceTypes: row.violence_types,
    authorRelationships: row.author_relationships,
    referralSource: row.referral_source,
    riskTool: row.risk_tool,
    riskAssessedOn: isoDateOrNull(row.risk_assessed_on),
    safeContact: row.safe_contact as unknown as SafeContact,
    hasIdentity,
    team: team.map((t) => ({ userId: t.user_id, displayName: t.display_name, roleInCase: t.role_in_case })),
    allowedActions: caseActions(me, {
      organisationId: row.organisation_id,
      status: summary.status,
      onMyTeam: summary.onMyTeam,
    }),
  };
}

/** Whether an identity is on file, even where RLS hides it from this actor (not on the team). */
async function hasSealedIdentity(tx: Tx, caseId: string): Promise<boolean> {
  const r = await sql<{ has: boolean }>`SELECT case_has_identity(${caseId}) AS has`.execute(tx);
  return Boolean(r.rows[0]?.has);
}

/** What was done on a case and by whom, newest first. */
export async function caseTimeline(tx: Tx, caseId: string) {
  const rows = await tx
    .selectFrom('case_events')
    .leftJoin('users', 'users.id', 'case_events.actor_user_id')
    .select([
      'case_events.id',
      'case_events.occurred_at',
      'case_events.actor_user_id',
      'users.display_name',
      'case_events.kind',
      'case_events.ref_id',
      'case_events.details',
    ])
    .where('case_events.case_id', '=', caseId)
    .orderBy('case_events.id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    occurredAt: isoTimestamp(r.occurred_at),
    actorUserId: r.actor_user_id,
    actorName: r.display_name,
    kind: r.kind,
    refId: r.ref_id,
    details: r.details,
  }));
}

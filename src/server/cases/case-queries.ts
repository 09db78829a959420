import { caseActions } from '../../shared/allowed-actions.ts';
import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { CaseSortKey } from '../../shared/codes/cases.ts';
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

/** What a search narrows the caseload to: case ids found through the blind indexes, or a code prefix, or both. */
export interface CaseMatch {
  ids: string[];
  codePrefix: string | null;
}

const NO_ID = '00000000-0000-0000-0000-000000000000';
const likePrefix = (text: string) => `${text.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The sortable columns: each key of CASE_SORT_KEYS maps to one expression (nothing else reaches SQL). */
const SORT_SQL: Record<CaseSortKey, (today: string) => RawBuilder<unknown>> = {
  code: () => sql`cases.code`,
  takenInChargeOn: () => sql`cases.taken_in_charge_on`,
  status: () => sql`cases.status`,
  riskLevel: () => sql`CASE cases.risk_level WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END`,
  dueActions: (today) =>
    sql`(SELECT count(*) FROM plan_actions pa WHERE pa.case_id = cases.id AND pa.status IN ('planned', 'in_progress') AND pa.due_on <= ${today}::date)`,
  dueFollowUps: (today) =>
    sql`(SELECT count(*) FROM follow_ups f WHERE f.case_id = cases.id AND f.done_on IS NULL AND f.due_on <= ${today}::date)`,
};

/** The filters of the caseload as one WHERE condition (shared by the page and its total). */
function filtersOf(q: CaseListQuery, me: Actor, today: string, match?: CaseMatch) {
  return (eb: CaseEb) => {
    const and: Expression<SqlBool>[] = [eb('cases.organisation_id', '=', me.organisationId)];
    if (match) {
      const ids = match.ids.length ? match.ids : [NO_ID];
      and.push(
        match.codePrefix
          ? eb.or([eb('cases.id', 'in', ids), eb(sql`upper(cases.code)`, 'like', likePrefix(match.codePrefix))])
          : eb('cases.id', 'in', ids),
      );
    }
    if (q.status) and.push(eb('cases.status', '=', q.status));
    if (q.mine)
      and.push(
        eb.exists(
          eb
            .selectFrom('case_team')
            .select('user_id')
            .whereRef('case_team.case_id', '=', 'cases.id')
            .where('case_team.user_id', '=', me.userId),
        ),
      );
    const windowEnd = sql`cases.closed_on + coalesce(programmes.window_days, 182)`;
    if (q.eligibility === 'eligible') and.push(sql<boolean>`(cases.status = 'open' OR ${windowEnd} >= ${today}::date)`);
    if (q.eligibility === 'not_eligible')
      and.push(sql<boolean>`(cases.status = 'closed' AND ${windowEnd} < ${today}::date)`);
    if (q.eligibility === 'closing_soon')
      and.push(
        sql<boolean>`(cases.status = 'closed' AND ${windowEnd} BETWEEN ${today}::date AND ${today}::date + ${CLOSING_SOON_DAYS}::int)`,
      );
    // the subqueries count, so they always return a row: compare the count, not its existence
    if (q.due === 'actions') and.push(eb(dueActions(eb, today), '>', 0));
    if (q.due === 'follow_ups') and.push(eb(dueFollowUps(eb, today), '>', 0));
    return eb.and(and);
  };
}

/**
 * The caseload of the actor's centre, with filters, a whitelisted sort and a page; `match` narrows
 * to a search's matches. Returns the page and the total that matches.
 */
export async function listCases(tx: Tx, me: Actor, q: CaseListQuery, match?: CaseMatch) {
  const today = todayInItaly();
  const where = filtersOf(q, me, today, match);
  const dir = q.dir === 'asc' ? sql`ASC` : sql`DESC`;
  const sortKey = q.sort ?? 'takenInChargeOn';
  const rows = await baseQuery(tx, me, today)
    .where(where)
    .orderBy(sql`${SORT_SQL[sortKey](today)} ${dir}`)
    .orderBy('cases.code', q.dir === 'asc' && sortKey === 'code' ? 'asc' : 'desc')
    .limit(q.limit ?? 50)
    .offset(q.offset ?? 0)
    .execute();
  const count = await tx
    .selectFrom('cases')
    .leftJoin('programmes', 'programmes.code', 'cases.programme_code')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { items: rows.map((r) => summarise(r as ListedRow, today)), total: Number(count.n) };
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

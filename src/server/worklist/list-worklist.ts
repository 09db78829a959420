import { can } from '../../shared/can.ts';
import type { WorkQueue } from '../../shared/codes/worklist.ts';
import type { Tx } from '../db/context.ts';
import { isoDateOrNull, isoTimestampOrNull, todayInItaly } from '../db/dates.ts';
import type { Ctx } from '../http/request-context.ts';
import { type ItemQuery, type ItemRow, QUEUES, queuesFor } from './queues.ts';
import type { WorkItem, WorklistPageQuery } from './schemas.ts';

const DEFAULT_LIMIT = 50;

const countOf = async (tx: Tx, q: ItemQuery) =>
  Number(
    (
      await tx
        .selectFrom(q.as('q'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** How many items wait in each queue the actor's permissions open (nothing is read but counts). */
export async function worklistCounts(ctx: Ctx) {
  const me = ctx.authorise('notification.read');
  const today = todayInItaly();
  const queues = queuesFor((action) => can(me, action));
  const counts = [];
  for (const queue of queues)
    counts.push({ queue, count: await countOf(ctx.tx, QUEUES[queue].items(ctx.tx, me, today)) });
  return { today, queues: counts };
}

/** One queue's items, most urgent first, a page at a time; `total` is the count the home page shows. */
export async function worklistPage(ctx: Ctx, queue: WorkQueue, page: WorklistPageQuery) {
  const me = ctx.authorise(QUEUES[queue].action);
  const today = todayInItaly();
  const q = QUEUES[queue].items(ctx.tx, me, today);
  const total = await countOf(ctx.tx, q);
  const limit = page.limit ?? DEFAULT_LIMIT;
  const offset = page.offset ?? 0;
  const rows = (await ctx.tx
    .selectFrom(q.as('q'))
    .selectAll()
    .orderBy('q.due_on', (o) => o.asc().nullsLast())
    .orderBy('q.occurred_at', (o) => o.desc().nullsLast())
    .orderBy('q.id')
    .limit(limit)
    .offset(offset)
    .execute()) as ItemRow[];
  const orgIds = [...new Set(rows.flatMap((r) => (r.organisation_id ? [r.organisation_id] : [])))];
  const names = new Map(
    orgIds.length
      ? (await ctx.tx.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute()).map(
          (o) => [o.id, o.name],
        )
      : [],
  );
  await ctx.audit({ action: 'worklist.list', details: { queue, total, offset, count: rows.length } });
  return {
    queue,
    today,
    total,
    limit,
    offset,
    items: rows.map(
      (r): WorkItem => ({
        id: r.id,
        caseId: r.case_id,
        caseCode: r.case_code,
        pseudonym: r.pseudonym,
        referralId: r.referral_id,
        dueOn: r.due_on === null ? null : isoDateOrNull(r.due_on),
        occurredAt: r.occurred_at === null ? null : isoTimestampOrNull(r.occurred_at),
        organisationName: r.organisation_id ? (names.get(r.organisation_id) ?? null) : null,
        person: r.person,
        detail: r.detail,
      }),
    ),
  };
}

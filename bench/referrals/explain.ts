import { createHash } from 'node:crypto';
import pg from 'pg';
import { todayInItaly } from '../../src/server/db/dates.ts';
import {
  explain,
  inRequestTx,
  median,
  type Named,
  REPEATS,
  type StatementFigures,
  timeSerial,
  type WhatIf,
} from '../cases/explain.ts';
import type { ReferralsSetup } from './generate-referrals.ts';
import { BITMAP_OFF, BITMAP_ON, bindReferral, type ReferralCapture, type Substitutions } from './statements.ts';

/**
 * Where the time of one request goes in PostgreSQL, as bench/cases/explain.ts does for the
 * caseload: each statement the app sends for the inbox and the referral page (captured,
 * statements.ts), run alone as percorsi_app with the request's RLS settings inside a transaction
 * that is rolled back: EXPLAIN (ANALYZE, BUFFERS) once, the median of serial runs. Then the inbox
 * query in variants timed in turn, round after round: as the app sends it; with bitmap scans off
 * (the proposed change); and without RLS (as the owner, a superuser, which RLS does not apply to)
 * with the policy's access condition written in the query — the planner then estimates the
 * visible rows from the columns' statistics — and with the plan the app gets (bitmap) forced.
 */
export interface ReferralsAnalysis {
  statements: StatementFigures[];
  /** sum of the medians of a request's statements (last_seen_at update left out: once a minute) */
  perRequestMs: Record<string, number>;
  /** the inbox's scan as planned under RLS: rows the planner expected to pass the policies, rows that did */
  inboxEstimate: {
    scan: string;
    estimatedRows: number;
    actualRows: number;
    removedByFilter: number;
    heapBlocks: number;
  } | null;
  whatIf: WhatIf[];
  /** the recipient's referrals and how many she sees (what the inbox query has to wade through) */
  recipient: { referrals: number; visible: number };
  /** the page's statements as named (prepared) statements, planned once per connection: sum of medians */
  pagePreparedMs: number;
  /** the page's planning time (EXPLAIN) summed over its statements */
  pagePlanningMs: number;
}

const SHARED = ['find_session', 'set_actor', 'session', 'roles', 'touch', 'audit'];
// the planner hint is applied around the inbox query where that is timed, not timed itself
const TIMED = (k: string) => k !== 'begin' && k !== 'commit' && k !== 'role' && k !== 'planner';

/** The real values behind the sentinels, for the load user, her newest inbox page and one referral. */
async function substitutions(setup: ReferralsSetup, cookie: string, owner: pg.Client) {
  const b: Substitutions = {
    idHash: createHash('sha256')
      .update(cookie.replace(/^[^=]*=/, ''))
      .digest('hex'),
    userId: setup.user.id,
    organisationId: setup.cpi.id,
    roles: setup.user.roles.join(','),
    referralId: setup.referralIds[0],
    today: todayInItaly(),
  };
  const one = (
    await owner.query<{ organisation_id: string; case_id: string }>(
      'SELECT organisation_id, case_id FROM referrals WHERE id = $1',
      [b.referralId],
    )
  ).rows[0];
  b.senderId = one?.organisation_id;
  b.caseId = one?.case_id;
  b.viewerName = (
    await owner.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [b.userId])
  ).rows[0]?.display_name;
  const page = await owner.query<{ organisation_id: string; recipient_organisation_id: string; case_id: string }>(
    `SELECT organisation_id, recipient_organisation_id, case_id FROM referrals
     WHERE recipient_organisation_id = $1 AND referral_access_open(status, access_ended_at, access_until, expires_on) ORDER BY sent_at DESC, id LIMIT 100`,
    [b.organisationId],
  );
  const inLists = {
    inbox: {
      org_names: [...new Set(page.rows.flatMap((r) => [r.organisation_id, r.recipient_organisation_id]))],
      case_codes: [...new Set(page.rows.map((r) => r.case_id))],
    },
    page: { org_names: [b.senderId ?? '', b.organisationId], case_codes: [b.caseId ?? ''] },
  };
  return { b, inLists, pageRows: page.rows.length };
}

/** Figures of the inbox's scan node in an EXPLAIN ANALYZE under RLS. */
function scanOf(plan: string[]): ReferralsAnalysis['inboxEstimate'] {
  const at = plan.findIndex((l) => /(Bitmap Heap Scan|Index Scan|Seq Scan) .*on referrals/.test(l));
  const line = plan[at];
  if (at < 0 || !line) return null;
  const nums = /rows=(\d+).*actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(line);
  const after = plan.slice(at + 1, at + 8);
  const grab = (re: RegExp) => Number(after.map((l) => re.exec(l)?.[1]).find((v) => v !== undefined) ?? 0);
  return {
    scan: (/(Bitmap Heap Scan|Index Scan using \S+|Seq Scan)/.exec(line)?.[1] ?? '?').trim(),
    estimatedRows: Number(nums?.[1] ?? 0),
    actualRows: Number(nums?.[2] ?? 0),
    removedByFilter: grab(/Rows Removed by Filter: (\d+)/),
    heapBlocks: grab(/Heap Blocks: exact=(\d+)/),
  };
}

export async function analyseReferrals(
  setup: ReferralsSetup,
  cookie: string,
  captures: { inbox: ReferralCapture; page: ReferralCapture },
): Promise<ReferralsAnalysis> {
  const client = new pg.Client({ connectionString: setup.bench.appUrl });
  const owner = new pg.Client({ connectionString: setup.bench.ownerUrl });
  await client.connect();
  await owner.connect();
  try {
    const { b, inLists, pageRows } = await substitutions(setup, cookie, owner);
    const unique = new Map<string, Named & { kind: string }>();
    const perRequest: Record<string, string[]> = {};
    for (const [endpoint, c] of Object.entries(captures) as Array<['inbox' | 'page', ReferralCapture]>) {
      perRequest[endpoint] = [];
      b.auditDetails = JSON.stringify(
        endpoint === 'inbox' ? { box: 'inbox', results: pageRows } : { box: 'inbox', shared: true },
      );
      for (const s of c.statements.filter((x) => TIMED(x.kind))) {
        const name = SHARED.includes(s.kind) ? `session/audit: ${s.kind}` : `${endpoint}: ${s.kind}`;
        const key = `${name}\n${s.sql}`;
        const q = bindReferral(s, b, c.today, (inLists[endpoint] as Record<string, string[]>)[s.kind]);
        if (!unique.has(key)) unique.set(key, { name, sql: q.sql, params: q.params, kind: s.kind });
        // last_seen_at is only written when the session row says it is stale (at most once a minute)
        if (s.kind !== 'touch') perRequest[endpoint]?.push(key);
      }
    }
    const figures = new Map<string, StatementFigures>();
    await inRequestTx(client, b, async () => {
      for (const [key, st] of unique) {
        // the inbox query under the planner hint the app sends around it
        if (st.kind === 'inbox') await client.query(BITMAP_OFF);
        figures.set(key, { name: st.name, medianMs: await timeSerial(client, st), ...(await explain(client, st)) });
        if (st.kind === 'inbox') await client.query(BITMAP_ON);
      }
    });
    const perRequestMs = Object.fromEntries(
      Object.entries(perRequest).map(([endpoint, keys]) => [
        endpoint,
        keys.reduce((a, k) => a + (figures.get(k)?.medianMs ?? 0), 0),
      ]),
    );
    // The page again with each statement named (prepared once, its plan kept by the connection),
    // as a driver that names statements would send it: what planning the policies costs per request.
    const preparedTimes = new Map<string, number[]>();
    await inRequestTx(client, b, async () => {
      for (const key of perRequest.page ?? []) {
        const st = unique.get(key) as Named;
        const name = `bench_${createHash('sha1').update(st.sql).digest('hex').slice(0, 16)}`;
        await client.query({ name, text: st.sql, values: st.params });
        const times: number[] = [];
        for (let i = 0; i < REPEATS; i++) {
          const at = performance.now();
          await client.query({ name, text: st.sql, values: st.params });
          times.push(performance.now() - at);
        }
        preparedTimes.set(key, times);
      }
    });
    const pagePreparedMs = (perRequest.page ?? []).reduce((a, k) => a + median(preparedTimes.get(k) ?? []), 0);
    const pagePlanningMs = (perRequest.page ?? []).reduce((a, k) => a + (figures.get(k)?.planningMs ?? 0), 0);

    const inboxKey = [...unique.entries()].find(([, s]) => s.kind === 'inbox')?.[0] ?? '';
    const inbox = unique.get(inboxKey) as Named;
    const inboxEstimate = scanOf(figures.get(inboxKey)?.plan ?? []);

    // The inbox in variants, timed in turn round after round (the machine's ups and downs fall on all alike).
    const explicit = inbox.sql.replace(
      / order by /,
      ' and referral_access_open(status, access_ended_at, access_until, expires_on) order by ',
    );
    const variants: Array<{ variant: string; change: string; run: () => Promise<unknown> }> = [
      {
        variant: 'without the planner hint (RLS, percorsi_app)',
        change:
          'the query alone: the planner expects a handful of rows to pass the policies and reads all of the recipient’s live referrals, then sorts',
        run: () => client.query(inbox.sql, inbox.params),
      },
      {
        variant: 'as the app sends it (bitmap scans off around it)',
        change: `${BITMAP_OFF}; <inbox query>; ${BITMAP_ON} — the planner walks the live index newest first and stops at the page size`,
        run: async () => {
          await client.query(BITMAP_OFF);
          await client.query(inbox.sql, inbox.params);
          await client.query(BITMAP_ON);
        },
      },
      {
        variant: 'no RLS: owner, access condition in the query',
        change:
          'superuser (RLS does not apply), AND referral_access_open(…) written in the query: the planner estimates the visible rows from column statistics',
        run: () => owner.query(explicit, inbox.params),
      },
      {
        variant: 'no RLS: owner, bitmap plan forced, no filter',
        change:
          'the plan the app gets (bitmap heap scan of all the recipient’s referrals + top-N sort) without the policies’ filter: what reading them costs',
        run: async () => {
          // serial, as the app's plan (its policies are not parallel safe)
          await owner.query('SET LOCAL enable_indexscan = off; SET LOCAL max_parallel_workers_per_gather = 0');
          await owner.query(inbox.sql, inbox.params);
          await owner.query('SET LOCAL enable_indexscan = on; SET LOCAL max_parallel_workers_per_gather = DEFAULT');
        },
      },
    ];
    const times = variants.map(() => [] as number[]);
    await owner.query('BEGIN');
    try {
      await inRequestTx(client, b, async () => {
        const started = performance.now();
        for (let round = 0; round < REPEATS && (round < 3 || performance.now() - started < 6000); round++) {
          for (const [i, v] of variants.entries()) {
            const at = performance.now();
            await v.run();
            times[i]?.push(performance.now() - at);
          }
        }
      });
    } finally {
      await owner.query('ROLLBACK');
    }
    const whatIf: WhatIf[] = variants.map((v, i) => ({
      variant: v.variant,
      change: v.change,
      medianMs: { inbox: median(times[i] ?? []) },
    }));
    const counts = await owner.query<{ n: string; visible: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE referral_access_open(status, access_ended_at, access_until, expires_on)) AS visible FROM referrals WHERE recipient_organisation_id = $1`,
      [b.organisationId],
    );
    return {
      statements: [...figures.values()],
      perRequestMs,
      inboxEstimate,
      whatIf,
      recipient: { referrals: Number(counts.rows[0]?.n ?? 0), visible: Number(counts.rows[0]?.visible ?? 0) },
      pagePreparedMs,
      pagePlanningMs,
    };
  } finally {
    await client.end();
    await owner.end();
  }
}

import { createHash } from 'node:crypto';
import pg from 'pg';
import { todayInItaly } from '../../src/server/db/dates.ts';
import { type Binding, bind, type Kind, type RequestCapture, SENTINEL, TEAM_EXISTS, teamScalar } from './capture.ts';
import type { CasesSetup } from './generate.ts';
import type { EndpointName } from './load.ts';

/**
 * Where the time of one request goes in PostgreSQL: each statement the app sends for the two
 * lists and the case page (as captured from the app, capture.ts), run alone (no concurrent load)
 * as percorsi_app with the request's RLS settings (SET LOCAL ROLE, set_config of user,
 * organisation and roles), inside a transaction that is rolled back: EXPLAIN (ANALYZE, BUFFERS)
 * once, then the median of serial executions. Then the changes the app does not have yet, one
 * at a time, on this throwaway database ("what if").
 */
export interface StatementFigures {
  name: string;
  /** median round trip of serial executions (client side, pg extended protocol as the app) */
  medianMs: number;
  planningMs: number;
  executionMs: number;
  /** JIT compilation inside executionMs (0 when JIT did not kick in) */
  jitMs: number;
  buffers: number;
  /** the plan, lines cut at 220 characters (the RLS filters are long and the same everywhere) */
  plan: string[];
}

export interface WhatIf {
  variant: string;
  change: string;
  medianMs: Record<string, number>;
}

interface Variant {
  variant: string;
  change: string;
  jitOff: boolean;
  index: boolean;
  rewrite: boolean;
}

export interface Change {
  name: string;
  description: string;
}

export interface Analysis {
  statements: StatementFigures[];
  /** sum of the medians of a request's statements: the PostgreSQL floor of one request, unloaded */
  perRequestMs: Record<string, number>;
  /** what the app already has of the changes the what-if tries */
  alreadyInTheApp: string[];
  whatIf: WhatIf[];
}

export const REPEATS = 15;
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

export interface Named {
  name: string;
  sql: string;
  params: unknown[];
}

const SHARED: Kind[] = ['find_session', 'set_actor', 'session', 'roles', 'touch', 'audit'];
const TIMED = (k: Kind) => k !== 'begin' && k !== 'commit' && k !== 'role';

export async function inRequestTx<T>(
  client: pg.Client,
  b: Pick<Binding, 'userId' | 'organisationId' | 'roles'>,
  fn: () => Promise<T>,
  setup: string[] = [],
): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL ROLE percorsi_app');
    for (const s of setup) await client.query(s);
    await client.query(
      `SELECT set_config('app.user_id', $1, true), set_config('app.org_id', $2, true), set_config('app.roles', $3, true)`,
      [b.userId, b.organisationId, b.roles],
    );
    return await fn();
  } finally {
    await client.query('ROLLBACK');
  }
}

/** Median of up to `repeats` serial runs; a slow statement stops after about 1.5 s (at least 3 runs). */
export async function timeSerial(client: pg.Client, s: Named, repeats = REPEATS): Promise<number> {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < repeats && (times.length < 3 || performance.now() - started < 1500)) {
    const at = performance.now();
    await client.query(s.sql, s.params);
    times.push(performance.now() - at);
  }
  return median(times);
}

export async function explain(client: pg.Client, s: Named): Promise<Omit<StatementFigures, 'name' | 'medianMs'>> {
  const r = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
  const lines = r.rows.map((row) => row['QUERY PLAN']);
  const num = (re: RegExp) => Number(lines.map((l) => re.exec(l)?.[1]).find((v) => v !== undefined) ?? 0);
  const top = lines.find((l) => l.trim().startsWith('Buffers:')) ?? '';
  const buffers = [...top.matchAll(/(?:hit|read|dirtied|written)=(\d+)/g)].reduce((a, m) => a + Number(m[1]), 0);
  return {
    planningMs: num(/Planning Time: ([\d.]+) ms/),
    executionMs: num(/Execution Time: ([\d.]+) ms/),
    jitMs: num(/Timing: .*Total ([\d.]+) ms/),
    buffers,
    plan: lines.map((l) => (l.length > 220 ? `${l.slice(0, 217)}...` : l)),
  };
}

function bindingOf(setup: CasesSetup, cookie: string): Binding {
  return {
    idHash: createHash('sha256')
      .update(cookie.replace(/^[^=]*=/, ''))
      .digest('hex'),
    userId: setup.user.id,
    organisationId: setup.centre.id,
    roles: SENTINEL.roles,
    caseId: setup.caseIds[0],
    results: 50,
    today: todayInItaly(),
  };
}

/** The statements of each request, named, deduplicated by SQL (the session's are the same everywhere). */
function statementsOf(captures: Record<EndpointName, RequestCapture>, b: Binding) {
  const unique = new Map<string, Named>();
  const perRequest: Record<string, string[]> = {};
  for (const [endpoint, c] of Object.entries(captures)) {
    perRequest[endpoint] = [];
    for (const s of c.statements.filter((x) => TIMED(x.kind))) {
      const name = SHARED.includes(s.kind) ? `session/audit: ${s.kind}` : `${endpoint}: ${s.kind}`;
      const key = `${name}\n${s.sql}`;
      if (!unique.has(key)) unique.set(key, { name, sql: s.sql, params: bind(s, b, c.today) });
      // last_seen_at is only written when the session row says it is stale (at most once a minute)
      const occasional =
        s.kind === 'touch' && c.statements.some((x) => x.kind === 'session' && x.sql.includes('"stale"'));
      if (!occasional) perRequest[endpoint]?.push(key);
    }
  }
  return { unique, perRequest };
}

/** Whether the role percorsi_app runs with JIT off, and follow_ups has an index led by case_id. */
async function appHas(setup: CasesSetup): Promise<{ jitOff: boolean; followUpsIndex: boolean }> {
  const c = new pg.Client({ connectionString: setup.bench.appUrl });
  await c.connect();
  try {
    const jit = (await c.query<{ jit: string }>('SHOW jit')).rows[0]?.jit;
    const idx = await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
       WHERE i.indrelid = 'follow_ups'::regclass AND a.attname = 'case_id' AND i.indpred IS NULL`,
    );
    return { jitOff: jit === 'off', followUpsIndex: Number(idx.rows[0]?.n ?? 0) > 0 };
  } finally {
    await c.end();
  }
}

export const WHAT_IF_INDEX = 'CREATE INDEX bench_follow_ups_case_idx ON follow_ups (case_id)';

/**
 * The changes found by this benchmark that the app does not have yet (the rest it has): each
 * applies to the throwaway database (index, JIT) or to the floor's SQL (BENCH_CASES_FLOOR=suggested).
 */
export async function pendingChanges(setup: CasesSetup, captures: Record<EndpointName, RequestCapture>) {
  const has = await appHas(setup);
  const list = captures.list_open.statements.find((s) => s.kind === 'list')?.sql ?? '';
  const page = captures.case_page.statements;
  const auditIndex = page.findIndex((s) => s.kind === 'audit');
  const auditIsLast = auditIndex >= 0 && page[auditIndex + 1]?.kind === 'commit';
  const all = [
    { name: 'jit', pending: !has.jitOff, description: 'JIT off for the app (ALTER ROLE percorsi_app SET jit = off)' },
    { name: 'index', pending: !has.followUpsIndex, description: 'CREATE INDEX … ON follow_ups (case_id)' },
    {
      name: 'team',
      pending: TEAM_EXISTS.test(list),
      description:
        'on_my_team as a scalar subquery: coalesce((SELECT true FROM case_team WHERE case_id = cases.id AND user_id = $1), false) instead of EXISTS (…)',
    },
    {
      name: 'audit',
      pending: !auditIsLast,
      description: 'case page: the audit row last, just before commit (it holds the audit chain head until commit)',
    },
  ];
  return { pending: all.filter((c) => c.pending), present: all.filter((c) => !c.pending).map((c) => c.description) };
}

export async function analyse(
  setup: CasesSetup,
  cookie: string,
  captures: Record<EndpointName, RequestCapture>,
): Promise<Analysis> {
  const b = bindingOf(setup, cookie);
  const { unique, perRequest } = statementsOf(captures, b);
  const client = new pg.Client({ connectionString: setup.bench.appUrl });
  await client.connect();
  const owner = new pg.Client({ connectionString: setup.bench.ownerUrl });
  await owner.connect();
  try {
    const figures = new Map<string, StatementFigures>();
    await inRequestTx(client, b, async () => {
      for (const [key, st] of unique) {
        const medianMs = await timeSerial(client, st);
        figures.set(key, { name: st.name, medianMs, ...(await explain(client, st)) });
      }
    });
    const perRequestMs = Object.fromEntries(
      Object.entries(perRequest).map(([endpoint, keys]) => [
        endpoint,
        keys.reduce((a, k) => a + (figures.get(k)?.medianMs ?? 0), 0),
      ]),
    );

    // What if: the changes the app lacks, added one after the other, on the statements that matter.
    // Variants are timed in turn, round after round (not one after the other), so that the
    // machine's ups and downs fall on all of them alike; those with the index after creating it.
    const { pending, present } = await pendingChanges(setup, captures);
    const probes = [...unique.values()].filter((s) => /: (list|case_row)$/.test(s.name));
    const variants: Variant[] = [
      { variant: 'as migrated', change: 'none', jitOff: false, index: false, rewrite: false },
    ];
    for (const c of pending) {
      if (c.name === 'audit') continue; // a matter of lock hold time under load, not of one statement
      const last = variants[variants.length - 1] as Variant;
      variants.push({
        variant: `+ ${c.name}`,
        change: c.description,
        jitOff: last.jitOff || c.name === 'jit',
        index: last.index || c.name === 'index',
        rewrite: last.rewrite || c.name === 'team',
      });
    }
    const timings = new Map<Variant, Map<string, number[]>>(
      variants.map((v) => [v, new Map(probes.map((p) => [p.name, []]))]),
    );
    const rounds = async (group: Variant[]) => {
      if (!group.length) return;
      await inRequestTx(client, b, async () => {
        const started = performance.now();
        for (let round = 0; round < REPEATS && (round < 3 || performance.now() - started < 5000); round++) {
          for (const v of group) {
            await client.query(v.jitOff ? 'SET LOCAL jit = off' : 'SET LOCAL jit = DEFAULT');
            for (const p of probes) {
              const at = performance.now();
              await client.query(v.rewrite ? teamScalar(p.sql) : p.sql, p.params);
              timings
                .get(v)
                ?.get(p.name)
                ?.push(performance.now() - at);
            }
          }
        }
      });
    };
    await rounds(variants.filter((v) => !v.index));
    if (variants.some((v) => v.index)) {
      await owner.query(WHAT_IF_INDEX);
      await owner.query('ANALYZE follow_ups');
      try {
        await rounds(variants.filter((v) => v.index));
      } finally {
        await owner.query('DROP INDEX IF EXISTS bench_follow_ups_case_idx');
      }
    }
    const whatIf: WhatIf[] = variants.map((v) => ({
      variant: v.variant,
      change: v.change,
      medianMs: Object.fromEntries(
        [...(timings.get(v) ?? new Map<string, number[]>())].map(([name, xs]) => [name, median(xs)]),
      ),
    }));
    return { statements: [...figures.values()], perRequestMs, alreadyInTheApp: present, whatIf };
  } finally {
    await client.end();
    await owner.end();
  }
}

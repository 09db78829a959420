import { createHash } from 'node:crypto';
import pg from 'pg';
import { SQL } from '../servers/bare-sql.ts';
import { bind, type Binding, castClosingSoonDays, detailStatements, LIST_QUERIES, listStatements, type Statement, TEAM_EXISTS, teamScalar } from './capture.ts';
import type { CasesSetup } from './generate.ts';

/**
 * Where the time of one request goes in PostgreSQL: each statement the app sends for the two
 * lists and the case page, run alone (no concurrent load) as percorsi_app with the request's RLS
 * settings (SET LOCAL ROLE, set_config of user, organisation and roles), inside a transaction
 * that is rolled back. EXPLAIN (ANALYZE, BUFFERS) once, then the median of serial executions.
 * Then the same on this throwaway database with one change at a time ("what if").
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

export interface Analysis {
  statements: StatementFigures[];
  /** sum of the medians per request: the PostgreSQL floor of one request, unloaded */
  perRequestMs: Record<string, number>;
  whatIf: WhatIf[];
}

const REPEATS = 15;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

interface Named {
  name: string;
  sql: string;
  params: unknown[];
}

async function inRequestTx<T>(client: pg.Client, b: Binding, fn: () => Promise<T>, setup: string[] = []): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query(SQL.role);
    for (const s of setup) await client.query(s);
    await client.query(SQL.setActor, [b.userId, b.organisationId, 'centre_operator']);
    return await fn();
  } finally {
    await client.query('ROLLBACK');
  }
}

/** Median of up to `repeats` serial runs; a slow statement stops after about 1.5 s (at least 3 runs). */
async function timeSerial(client: pg.Client, s: Named, repeats = REPEATS): Promise<number> {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < repeats && (times.length < 3 || performance.now() - started < 1500)) {
    const at = performance.now();
    await client.query(s.sql, s.params);
    times.push(performance.now() - at);
  }
  return median(times);
}

async function explain(client: pg.Client, s: Named): Promise<Omit<StatementFigures, 'name' | 'medianMs'>> {
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

/** The statements of the three requests, with the load user's values. */
async function requestStatements(setup: CasesSetup, cookie: string) {
  const b: Binding = { userId: setup.user.id, organisationId: setup.centre.id, caseId: setup.caseIds[0], details: '{"results":50,"status":"open","eligibility":null}' };
  const idHash = createHash('sha256').update(cookie.replace(/^[^=]*=/, '')).digest('hex');
  const session: Named[] = [
    { name: 'session: auth_find_session', sql: SQL.findSession, params: [idHash] },
    { name: 'session: session row', sql: SQL.session, params: [15, idHash] },
    { name: 'session: roles', sql: SQL.roles, params: [setup.user.id] },
    { name: 'session: touch last_seen_at', sql: SQL.touch, params: [idHash] },
  ];
  const open = await listStatements(LIST_QUERIES.open.query);
  const soon = await listStatements(LIST_QUERIES.closingSoon.query);
  const d = await detailStatements();
  const n = (name: string, s: Statement): Named => ({ name, sql: s.sql, params: bind(s, b) });
  return {
    b,
    session,
    listOpen: n('list ?status=open&limit=50', open.list),
    // with the cast the app's SQL lacks (capture.ts): as sent, it fails
    listSoon: n('list ?eligibility=closing_soon', { ...soon.list, sql: castClosingSoonDays(soon.list.sql) }),
    audit: n('audit insert', open.audit),
    page: [n('page: loadCase', d.load), n('page: describeCase row', d.row), n('page: team', d.team), n('page: case_has_identity', d.hasIdentity)],
  };
}

/** follow_ups is the only table under a case without an index on case_id. */
export const SUGGESTED_INDEX = 'CREATE INDEX follow_ups_case_idx ON follow_ups (case_id)';

export async function analyse(setup: CasesSetup, cookie: string): Promise<Analysis> {
  const s = await requestStatements(setup, cookie);
  const client = new pg.Client({ connectionString: setup.bench.appUrl });
  await client.connect();
  const owner = new pg.Client({ connectionString: setup.bench.ownerUrl });
  await owner.connect();
  try {
    const all: Named[] = [...s.session, s.listOpen, s.listSoon, ...s.page, s.audit];
    const statements: StatementFigures[] = [];
    await inRequestTx(client, s.b, async () => {
      for (const st of all) {
        const medianMs = await timeSerial(client, st);
        statements.push({ name: st.name, medianMs, ...(await explain(client, st)) });
      }
    });
    const ms = (name: string) => statements.find((x) => x.name === name)?.medianMs ?? 0;
    const sessionMs = s.session.reduce((a, x) => a + ms(x.name), 0) + ms('audit insert');
    const perRequestMs = {
      list_open: sessionMs + ms(s.listOpen.name),
      list_closing_soon: sessionMs + ms(s.listSoon.name),
      case_page: sessionMs + s.page.reduce((a, x) => a + ms(x.name), 0),
    };

    // What if: one change at a time on this throwaway database, the three statements that matter.
    const probe = async (variant: string, change: string, opts: { setup?: string[]; rewrite?: boolean }) => {
      const medianMs: Record<string, number> = {};
      await inRequestTx(
        client,
        s.b,
        async () => {
          for (const st of [s.listOpen, s.listSoon, s.page[1] as Named]) {
            const sql = opts.rewrite ? teamScalar(st.sql) : st.sql;
            medianMs[st.name] = await timeSerial(client, { ...st, sql });
          }
        },
        opts.setup,
      );
      return { variant, change, medianMs };
    };
    const whatIf: WhatIf[] = [];
    whatIf.push(await probe('as migrated', 'none', {}));
    whatIf.push(await probe('jit off', 'SET jit = off (e.g. ALTER ROLE percorsi_app SET jit = off)', { setup: ['SET LOCAL jit = off'] }));
    await owner.query(SUGGESTED_INDEX);
    await owner.query('ANALYZE follow_ups');
    try {
      whatIf.push(await probe('+ follow-ups index', SUGGESTED_INDEX, {}));
      if (TEAM_EXISTS.test(s.listOpen.sql)) {
        whatIf.push(
          await probe('+ index + on_my_team as scalar subquery', 'on_my_team: coalesce((SELECT true FROM case_team WHERE case_id = cases.id AND user_id = $1), false) instead of EXISTS (…)', {
            rewrite: true,
          }),
        );
      }
    } finally {
      await owner.query('DROP INDEX IF EXISTS follow_ups_case_idx');
    }
    return { statements, perRequestMs, whatIf };
  } finally {
    await client.end();
    await owner.end();
  }
}

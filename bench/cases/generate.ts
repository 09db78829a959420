import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { todayInItaly } from '../../src/server/db/dates.ts';
import { makeUser, type TestUser, testConfig } from '../../src/server/testing/harness.ts';
import { type BenchDb, createBenchDb } from '../pg-setup.ts';

/**
 * Ten years of Lombardy-scale data for the caseload benchmark, on a fresh PostgreSQL database
 * `percorsi_bench_cases_<random>` (migrated as the owner, network seeded). Everything is written
 * by a handful of set-based statements (INSERT … SELECT … FROM generate_series), as the owner.
 *
 * Not through the use cases (createCase, replacePlan, recordOutcome …) as the API and the demo seed
 * are: one request-sized transaction per case, with identity sealing and audit rows each,
 * would take hours for 100,000 cases and about 1,000,000 plan actions. The rows keep the shape the
 * use cases write (same columns, codes, sealed identity format, plan snapshot, case events); when a
 * use case changes what it writes, change the matching statement here too.
 */

/** Default scale: 100,000 cases (about 1,000,000 plan actions). BENCH_CASES overrides it. */
export const DEFAULT_CASES = 100_000;

export interface Centre {
  id: string;
  name: string;
  type: string;
  networkId: string | null;
  /** share of the cases (Zipf-like over the centres, s = 0.6) */
  share: number;
  leadId: string;
  colleagueId: string;
}

export interface TableSize {
  table: string;
  rows: number;
  bytes: number;
}

export interface Generated {
  cases: number;
  actions: number;
  seconds: number;
  /** time of each statement, in order */
  steps: Array<{ step: string; seconds: number }>;
  sizes: TableSize[];
  databaseBytes: number;
  /** share of closed cases, and cases by risk level */
  distribution: { closedShare: number; openCases: number; riskLevels: Record<string, number> };
}

export interface CasesSetup {
  bench: BenchDb;
  masterKey: Buffer;
  /** a centre operator of the biggest centre, on the team of every case of that centre */
  user: TestUser;
  centre: { id: string; name: string; cases: number; openCases: number; closingSoon: number };
  centres: number;
  /** case ids of the biggest centre, in random order (for the case page load) */
  caseIds: string[];
  generated: Generated;
}

/** A fresh database percorsi_bench_cases_<random>: migrated, the network and the audit history (../pg-setup.ts). */
export const createCasesDb = (): Promise<BenchDb> => createBenchDb('percorsi_bench_cases');

const literal = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`);

/**
 * A CASE expression picking a value with the given weights from the uniform draw `u` (a column).
 * The values are quoted as SQL literals, unless `lit` says otherwise (String: SQL expressions).
 */
export function pick(
  u: string,
  weighted: ReadonlyArray<readonly [string | number | null, number]>,
  lit: (v: string | number | null) => string = literal,
): string {
  const total = weighted.reduce((a, [, w]) => a + w, 0);
  let cumulative = 0;
  const arms = weighted.slice(0, -1).map(([v, w]) => {
    cumulative += w / total;
    return `WHEN ${u} < ${cumulative.toFixed(6)} THEN ${lit(v)}`;
  });
  return `CASE ${arms.join(' ')} ELSE ${lit(weighted[weighted.length - 1]?.[0] ?? null)} END`;
}

/** The case-code prefixes of src/server/cases/write-case.ts (PREFIX), by the centre's first network. */
const PREFIX_SQL = `CASE network_id WHEN 'milano' THEN 'MI' WHEN 'rozzano' THEN 'ROZ' WHEN 'melzo' THEN 'MEL'
  WHEN 'san-donato-milanese' THEN 'SDM' WHEN 'rho' THEN 'RHO' WHEN 'cinisello-balsamo' THEN 'CIN'
  WHEN 'legnano' THEN 'LEG' WHEN 'pavia' THEN 'PV' ELSE coalesce(upper(left(network_id, 3)), 'RETE') END`;

/** Goal templates (as the demo's seed-plans.ts): domain, title, the catalogue actions that serve it. */
const TEMPLATES: Array<[string, string, string[]]> = [
  [
    'work',
    'Trovare un lavoro stabile',
    ['orientation_interview', 'cpi_registration', 'gol_pathway', 'job_search_support', 'violence_leave'],
  ],
  [
    'training',
    'Completare un corso professionale',
    ['orientation_interview', 'course_enrolment', 'italian_course', 'digital_skills_course'],
  ],
  ['work', 'Fare un tirocinio', ['cpi_registration', 'traineeship', 'job_search_support']],
  [
    'housing',
    'Trovare una casa in autonomia',
    ['social_housing_application', 'rent_support', 'freedom_income_application'],
  ],
  [
    'economic_autonomy',
    'Gestire il proprio reddito',
    ['bank_account', 'freedom_income_application', 'financial_literacy'],
  ],
  ['childcare', 'Conciliare lavoro e cura dei figli', ['childcare_place', 'course_enrolment']],
  ['legal', 'Tutela legale', ['legal_aid']],
  ['wellbeing', 'Stare meglio', ['psychological_support', 'health_services']],
];

const BULK_TABLES = [
  'cases',
  'case_identities',
  'case_team',
  'consents',
  'plans',
  'plan_goals',
  'plan_actions',
  'plan_versions',
  'outcomes',
  'follow_ups',
  'case_events',
];

/**
 * A connection of the owner in a transaction set up for a bulk load, and `step`, which runs one
 * statement, logs its rows and time and keeps them in `steps`. Only this session, only the load:
 * no FK trigger checks (the data is built consistent), no WAL flush wait.
 */
export async function bulkLoad(ownerUrl: string, log: (text: string) => void) {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const steps: Generated['steps'] = [];
  const step = async (name: string, text: string, values: unknown[] = []) => {
    const at = performance.now();
    const r = await owner.query(text, values);
    const seconds = (performance.now() - at) / 1000;
    steps.push({ step: name, seconds });
    log(`  ${name}: ${r.rowCount ?? 0} rows, ${seconds.toFixed(1)} s`);
    return r;
  };
  try {
    await owner.query('BEGIN');
    await owner.query(`SET LOCAL session_replication_role = replica`);
    await owner.query(`SET LOCAL synchronous_commit = off`);
    await owner.query(`SET LOCAL work_mem = '64MB'`);
    await owner.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  } catch (error) {
    await owner.end();
    throw error;
  }
  return { owner, steps, step };
}

/**
 * The secondary indexes of the bulk-loaded tables are dropped, to be built again after the load
 * with their own definitions (pg_indexes): one sorted build instead of a million random inserts.
 * Primary keys and unique constraints stay. Returns what builds them again.
 */
export async function dropSecondaryIndexes(owner: pg.Client, tables: readonly string[]) {
  const secondary = (
    await owner.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
      [tables],
    )
  ).rows;
  for (const i of secondary) await owner.query(`DROP INDEX ${i.name}`);
  return async (steps: Generated['steps'], log: (text: string) => void) => {
    const at = performance.now();
    for (const i of secondary) await owner.query(i.def);
    steps.push({ step: `${secondary.length} secondary indexes`, seconds: (performance.now() - at) / 1000 });
    log(`  ${secondary.length} secondary indexes built again: ${steps.at(-1)?.seconds.toFixed(1)} s`);
  };
}

/** Rows (pg_stat_user_tables) and pg_total_relation_size of each table, and the database's size. */
export async function tableSizes(
  owner: pg.Client,
  tables: readonly string[],
): Promise<{ sizes: TableSize[]; databaseBytes: number }> {
  const sizes = (
    await owner.query<{ table: string; rows: string; bytes: string }>(
      `SELECT t AS table, (SELECT n_live_tup FROM pg_stat_user_tables s WHERE s.relname = t) AS rows, pg_total_relation_size(t::regclass) AS bytes
       FROM unnest($1::text[]) t`,
      [tables],
    )
  ).rows.map((r) => ({ table: r.table, rows: Number(r.rows), bytes: Number(r.bytes) }));
  const databaseBytes = Number(
    (await owner.query<{ b: string }>('SELECT pg_database_size(current_database()) AS b')).rows[0]?.b ?? 0,
  );
  return { sizes, databaseBytes };
}

/** The cav and shelter operators of the seeded network, biggest first (Milan's centres lead). */
async function centresOf(
  owner: pg.Client,
): Promise<Array<{ id: string; name: string; type: string; network_id: string | null }>> {
  const r = await owner.query<{ id: string; name: string; type: string; network_id: string | null }>(`
    SELECT o.id, o.name, o.type, (SELECT min(x.network_id) FROM organisation_networks x WHERE x.organisation_id = o.id) AS network_id
    FROM organisations o WHERE o.type IN ('cav', 'shelter_operator')
    ORDER BY (SELECT min(x.network_id) FROM organisation_networks x WHERE x.organisation_id = o.id) = 'milano' DESC NULLS LAST,
      o.type, o.name`);
  return r.rows;
}

/**
 * Writes `count` cases over ten years (today − 3652 days … yesterday) and the centres, with
 * plans, team, identities, consents, outcomes, follow-ups and timeline events. The first centre
 * (the biggest) gets `biggestLead` as its lead operator on every case.
 */
export async function generateCases(
  ownerUrl: string,
  count: number,
  centres: Centre[],
  log: (text: string) => void = () => undefined,
): Promise<Generated> {
  if (!Number.isInteger(count) || count < 100 || count > 2_000_000)
    throw new Error(`BENCH_CASES must be an integer in 100…2,000,000, not ${count}`);
  const today = todayInItaly();
  const { owner, steps, step } = await bulkLoad(ownerUrl, log);
  const started = performance.now();
  const d = (days: number) => `('${today}'::date ${days < 0 ? '-' : '+'} ${Math.abs(days)})`;
  try {
    await owner.query(`SELECT setseed(0.20261123)`);

    // Bench operators: two per centre (a lead on every case, a colleague on some); the biggest
    // centre's lead is the load user, made beforehand with the harness (a real login).
    const extra = centres.flatMap((c, i) => [
      ...(i === 0 ? [] : [{ id: c.leadId, org: c.id, username: `bench-lead-${i}` }]),
      { id: c.colleagueId, org: c.id, username: `bench-colleague-${i}` },
    ]);
    await step(
      'users',
      `INSERT INTO users (id, organisation_id, username, display_name)
       SELECT id, org, username, 'Operatrice ' || username FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(id, org, username)`,
      [extra.map((u) => u.id), extra.map((u) => u.org), extra.map((u) => u.username)],
    );
    await owner.query(
      `INSERT INTO user_roles (user_id, organisation_id, role) SELECT id, org, 'centre_operator' FROM unnest($1::uuid[], $2::uuid[]) AS t(id, org)`,
      [extra.map((u) => u.id), extra.map((u) => u.org)],
    );

    await owner.query(`CREATE TEMP TABLE bench_centres (idx int, id uuid, network_id text, prefix text, lo float8, hi float8,
      lead_id uuid, colleague_id uuid, residences text[]) ON COMMIT DROP`);
    let lo = 0;
    const bounds = centres.map((c) => {
      const b = [lo, lo + c.share];
      lo += c.share;
      return b;
    });
    await owner.query(
      `INSERT INTO bench_centres (idx, id, network_id, lo, hi, lead_id, colleague_id)
       SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::float8[], $5::float8[], $6::uuid[], $7::uuid[])`,
      [
        centres.map((_, i) => i),
        centres.map((c) => c.id),
        centres.map((c) => c.networkId),
        bounds.map((b) => b[0]),
        // the last bound is 1 exactly, so that every draw u ∈ [0, 1) finds a centre
        bounds.map((b, i) => (i === bounds.length - 1 ? 1 : b[1])),
        centres.map((c) => c.leadId),
        centres.map((c) => c.colleagueId),
      ],
    );
    await owner.query(`UPDATE bench_centres c SET prefix = ${PREFIX_SQL},
      residences = coalesce((SELECT array_agg(m.istat_code ORDER BY m.istat_code) FROM network_municipalities m WHERE m.network_id = c.network_id),
                            (SELECT array_agg(istat_code ORDER BY istat_code) FROM municipalities))`);
    await owner.query(
      `CREATE TEMP TABLE bench_templates (t int, domain text, title text, codes text[], snapshot jsonb) ON COMMIT DROP`,
    );
    await owner.query(
      `INSERT INTO bench_templates SELECT t, domain, title, codes::text[] FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS x(t, domain, title, codes)`,
      [
        TEMPLATES.map((_, i) => i),
        TEMPLATES.map((t) => t[0]),
        TEMPLATES.map((t) => t[1]),
        TEMPLATES.map((t) => `{${t[2].join(',')}}`),
      ],
    );
    // a goal as a plan snapshot holds it (write-plan.ts: {secondLanguage, sealed: true, goals: [{…, actions: […]}]}); since
    // migration 170 a snapshot's goal titles are sealed strings (read-plan.ts sealSnapshot): a sealed-looking blob here too
    await owner.query(`UPDATE bench_templates SET snapshot = jsonb_build_object('domain', domain, 'title', 'v1.' || md5(title), 'status', 'open', 'targetOn', NULL,
      'actions', (SELECT jsonb_agg(jsonb_build_object('catalogueCode', code, 'label', code, 'status', 'planned', 'startsOn', NULL, 'dueOn', NULL,
        'responsibleOrganisationId', NULL, 'operatorUserId', NULL, 'notes', NULL)) FROM unnest(codes) code))`);

    const rebuildIndexes = await dropSecondaryIndexes(owner, BULK_TABLES);

    // Draws first (materialised, so that each is made once per case), then the centre by range.
    await step(
      'draws',
      `CREATE TEMP TABLE bench_draw ON COMMIT DROP AS
      SELECT g AS n, random() AS uc, random() AS ut, random() AS ud, random() AS us FROM generate_series(1, ${count}) g`,
    );
    // Taken in charge: over ten years, growing (u^0.8 leans to recent years). Open for 14 days plus
    // an exponential time (mean 450 days); 83% of those whose time has run out are closed.
    await step(
      'case draws',
      `CREATE TEMP TABLE bench_case ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, x.*,
        CASE WHEN x.dur < ${d(0)} - x.taken AND x.us < 0.83 THEN x.taken + x.dur END AS closed_on,
        ${pick('x.p8', [
          [0, 35],
          [1, 30],
          [2, 24],
          [3, 8],
          [4, 3],
        ])} AS children
      FROM (
        SELECT d.n, d.us, c.idx, c.id AS org, c.prefix, c.network_id, c.lead_id, c.colleague_id, c.residences,
          ${d(-3652)} + floor(3651 * power(d.ut, 0.8))::int AS taken,
          14 + floor(-ln(1 - d.ud) * 450)::int AS dur,
          random() AS p1, random() AS p2, random() AS p3, random() AS p4, random() AS p5, random() AS p6, random() AS p7,
          random() AS p8, random() AS p9, random() AS p10, random() AS p11, random() AS p12, random() AS p13, random() AS p14,
          random() AS p15, random() AS p16
        FROM bench_draw d JOIN bench_centres c ON d.uc >= c.lo AND d.uc < c.hi
      ) x`,
    );

    const violence = (
      [
        ['psychological', 0.9],
        ['physical', 0.6],
        ['economic', 0.4],
        ['stalking', 0.2],
        ['sexual', 0.15],
        ['witnessed', 0.25],
        ['harmful_practices', 0.02],
      ] as const
    ).map(([v, p]) => `CASE WHEN random() < ${p} THEN '${v}' END`);
    await step(
      'cases',
      `INSERT INTO cases (id, organisation_id, code, network_id, status, first_contact_on, intake_on,
        taken_in_charge_on, closed_on, closure_outcome, age_band, citizenship, residence_code, education, employment,
        children_count, minor_children_count, children_witnessed, violence_types, author_relationships, referral_source,
        risk_tool, risk_level, risk_assessed_on, safe_contact, code_word_sealed, created_by, created_at, updated_at, version)
      SELECT b.id, b.org,
        b.prefix || '-' || extract(year FROM b.taken)::int || '-'
          || lpad(row_number() OVER (PARTITION BY b.prefix, extract(year FROM b.taken) ORDER BY b.taken, b.n)::text, 5, '0'),
        b.network_id,
        CASE WHEN b.closed_on IS NULL THEN 'open' ELSE 'closed' END,
        b.taken - (7 + floor(b.p1 * 34))::int,
        b.taken - floor(b.p2 * 7)::int,
        b.taken, b.closed_on,
        CASE WHEN b.closed_on IS NOT NULL THEN ${pick('b.p3', [
          ['goals_reached', 50],
          ['dropped_out', 20],
          ['sent_to_local_services', 15],
          ['moved_away', 10],
          ['other', 5],
        ])} END,
        ${pick('b.p4', [
          ['under_18', 1],
          ['18_29', 20],
          ['30_39', 31],
          ['40_49', 28],
          ['50_59', 13],
          ['60_69', 5],
          ['70_plus', 2],
        ])},
        ${pick('b.p5', [
          ['italian', 68],
          ['eu', 8],
          ['non_eu', 24],
        ])},
        b.residences[1 + floor(b.p6 * cardinality(b.residences))::int],
        ${pick('b.p7', [
          ['lower_secondary', 30],
          ['upper_secondary', 40],
          ['tertiary', 18],
          ['primary', 6],
          ['none', 2],
          ['unknown', 4],
        ])},
        ${pick('random()', [
          ['unemployed', 36],
          ['employed', 34],
          ['homemaker', 14],
          ['student', 5],
          ['retired', 3],
          ['other', 5],
          ['unknown', 3],
        ])},
        b.children, least(b.children, floor(b.p9 * (b.children + 1))::int),
        CASE WHEN b.children > 0 THEN b.p10 < 0.6 END,
        coalesce(nullif(array_remove(ARRAY[${violence.join(', ')}], NULL), '{}'), '{psychological}'),
        ARRAY[${pick('random()', [
          ['spouse', 30],
          ['cohabiting_partner', 18],
          ['former_spouse', 10],
          ['former_cohabiting_partner', 10],
          ['partner_not_cohabiting', 7],
          ['former_partner_not_cohabiting', 6],
          ['father', 4],
          ['mother', 1],
          ['son', 3],
          ['daughter', 1],
          ['brother_sister', 2],
          ['other_relative', 3],
          ['colleague_employer', 2],
          ['acquaintance_friend', 2],
          ['stranger', 1],
        ])}],
        ${pick('random()', [
          ['self', 38],
          ['helpline_1522', 14],
          ['police', 12],
          ['health_services', 11],
          ['social_services', 12],
          ['other_cav', 3],
          ['lawyer', 2],
          ['school', 1],
          ['family_friends', 6],
          ['other', 1],
        ])},
        CASE WHEN b.p11 < 0.92 THEN ${pick('b.p12', [
          ['sara', 70],
          ['isa', 20],
          ['other', 10],
        ])} END,
        CASE WHEN b.p11 < 0.92 THEN ${pick('b.p13', [
          ['low', 40],
          ['medium', 40],
          ['high', 20],
        ])} END,
        CASE WHEN b.p11 < 0.92 THEN b.taken + floor(b.p14 * 10)::int END,
        jsonb_build_object(
          'channels', (${pick('b.p15', [
            ['["phone"]', 30],
            ['["phone", "sms"]', 25],
            ['["through_centre"]', 25],
            ['["sms"]', 10],
            ['["email", "phone"]', 10],
          ])})::jsonb,
          'windows', '[{"days": ["mon", "tue", "wed", "thu", "fri"], "from": "10:00", "to": "12:00"}]'::jsonb,
          'noVoicemail', true, 'onlyThroughCentre', b.p16 < 0.4),
        CASE WHEN b.p16 > 0.7 THEN 'v1.' || translate(encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'base64'), E'+/=\\n', '-_') END,
        b.lead_id,
        b.taken + time '10:30', coalesce(b.closed_on, b.taken) + time '17:00',
        1 + (b.closed_on IS NOT NULL)::int + floor(b.p2 * 3)::int
      FROM bench_case b`,
    );
    await owner.query(`INSERT INTO case_sequences (prefix, year, last)
      SELECT prefix, extract(year FROM taken)::int, count(*) FROM bench_case GROUP BY 1, 2`);

    await step(
      'case_team',
      `INSERT INTO case_team (case_id, user_id, organisation_id, role_in_case, added_at)
      SELECT id, lead_id, org, 'lead', taken + time '10:30' FROM bench_case
      UNION ALL
      SELECT id, colleague_id, org, 'operator', taken + time '15:00' FROM bench_case WHERE p11 > 0.7`,
    );

    // 85% have an identity on file: a sealed-looking blob (v1.<base64url of 240–320 random bytes>,
    // the size of a sealed identity JSON: a window of a 64 KiB random pool) and blind indexes
    // (surnames repeat within a centre).
    await owner.query(`CREATE TEMP TABLE bench_pool ON COMMIT DROP AS
      SELECT string_agg(uuid_send(gen_random_uuid()), ''::bytea) AS bytes FROM generate_series(1, 4096)`);
    await step(
      'case_identities',
      `INSERT INTO case_identities (case_id, organisation_id, sealed, surname_index, tax_code_index, updated_at)
      SELECT b.id, b.org,
        'v1.' || translate(encode(substring(pool.bytes FROM 1 + floor(b.p15 * 65000)::int FOR 240 + b.n % 81), 'base64'), E'+/=\\n', '-_'),
        encode(sha256(convert_to(b.org::text || ':surname:' || floor(b.p12 * 2500)::int, 'UTF8')), 'hex'),
        CASE WHEN b.p13 < 0.6 THEN encode(sha256(uuid_send(b.id)), 'hex') END,
        b.taken + time '11:00'
      FROM bench_case b CROSS JOIN bench_pool pool
      WHERE b.p14 < 0.85`,
    );

    await step(
      'consents',
      `INSERT INTO consents (case_id, organisation_id, purpose, recipient_type, sharing_purpose, decision,
        text_version, method, given_on, expires_on, recorded_by, created_at)
      SELECT id, org, 'service', NULL, NULL, 'granted', extract(year FROM taken)::int || '-01', 'signed_form', taken, NULL, lead_id, taken + time '10:40'
      FROM bench_case
      UNION ALL
      SELECT id, org, 'sharing', 'employment_centre', 'work_orientation', CASE WHEN p9 < 0.9 THEN 'granted' ELSE 'refused' END,
        extract(year FROM taken)::int || '-01', 'signed_form', taken, taken + 730, lead_id, taken + time '10:45'
      FROM bench_case WHERE p15 < 0.6`,
    );

    await step(
      'plans',
      `INSERT INTO plans (case_id, organisation_id, version, second_language, updated_at)
      SELECT id, org, 1 + floor(p16 * 3)::int,
        ${pick('p10', [
          ['en', 8],
          ['fr', 3],
          ['es', 3],
          ['ar', 5],
          ['uk', 2],
          [null, 79],
        ])},
        taken + 20 + time '12:00'
      FROM bench_case`,
    );

    // 3–4 goals per case, on distinct templates ((5n + 3k) mod 8 differs for k = 1…4).
    await step(
      'goal draws',
      `CREATE TEMP TABLE bench_goal ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, b.id AS case_id, b.org, b.lead_id, b.taken, b.closed_on, k, (b.n * 5 + k * 3) % 8 AS t,
        random() AS r1, random() AS r2
      FROM bench_case b CROSS JOIN LATERAL generate_series(1, 3 + b.n % 2) k`,
    );
    await step(
      'plan_goals',
      // titles are sealed since migration 170: a sealed-looking blob, as for identities (never opened here)
      `INSERT INTO plan_goals (id, case_id, organisation_id, domain, title_sealed, status, target_on, position)
      SELECT g.id, g.case_id, g.org, t.domain, 'v1.' || md5(g.id::text || t.title),
        CASE WHEN g.closed_on IS NOT NULL THEN ${pick('g.r1', [
          ['reached', 60],
          ['dropped', 40],
        ])}
             ELSE ${pick('g.r1', [
               ['open', 80],
               ['reached', 20],
             ])} END,
        g.taken + 180 + floor(g.r2 * 185)::int, g.k
      FROM bench_goal g JOIN bench_templates t ON t.t = g.t`,
    );

    // 2–4 actions per goal (about 10.5 per case). Closed cases: mostly done or cancelled, a few
    // left in progress; open cases: past due mostly done, future ones planned or in progress.
    await step(
      'plan_actions',
      `INSERT INTO plan_actions (case_id, organisation_id, goal_id, catalogue_code, responsible_organisation_id,
        operator_user_id, starts_on, due_on, status, notes_sealed, position)
      SELECT y.case_id, y.org, y.goal_id, y.code,
        CASE WHEN y.code IN ('cpi_registration', 'gol_pathway', 'traineeship', 'job_search_support') AND cardinality(cpi.ids) > 0
          THEN cpi.ids[1 + floor(random() * cardinality(cpi.ids))::int] END,
        y.lead_id, y.starts, y.due,
        CASE WHEN y.closed_on IS NOT NULL THEN ${pick('y.r', [
          ['done', 72],
          ['cancelled', 25],
          ['in_progress', 3],
        ])}
             WHEN y.due < ${d(0)} THEN ${pick('y.r', [
               ['done', 70],
               ['cancelled', 10],
               ['in_progress', 20],
             ])}
             ELSE ${pick('y.r', [
               ['planned', 50],
               ['in_progress', 50],
             ])} END,
        CASE WHEN random() < 0.15 THEN 'v1.' || md5(random()::text) END,
        y.j
      FROM (
        SELECT x.*, x.starts + 20 + floor(random() * 130)::int AS due, random() AS r
        FROM (
          SELECT g.case_id, g.org, g.id AS goal_id, g.lead_id, g.closed_on, j, t.codes[1 + (j - 1) % cardinality(t.codes)] AS code,
            least(g.taken + (g.k - 1) * 15 + floor(random() * 90)::int, coalesce(g.closed_on, g.taken + 100000)) AS starts
          FROM bench_goal g JOIN bench_templates t ON t.t = g.t
          CROSS JOIN LATERAL generate_series(1, 2 + floor(g.r2 * 3)::int) j
        ) x
      ) y
      CROSS JOIN (SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ids FROM organisations WHERE type = 'employment_centre') cpi`,
    );

    // Snapshots: a case's goals follow from (5n mod 8, 3 or 4 goals), so 16 snapshots serve all.
    await owner.query(`CREATE TEMP TABLE bench_snapshot ON COMMIT DROP AS
      SELECT base, goals, jsonb_build_object('secondLanguage', NULL, 'sealed', true,
        'goals', (SELECT jsonb_agg(t.snapshot ORDER BY k) FROM generate_series(1, goals) k JOIN bench_templates t ON t.t = (base + k * 3) % 8)) AS snapshot
      FROM generate_series(0, 7) base, generate_series(3, 4) goals`);
    await step(
      'plan_versions',
      `INSERT INTO plan_versions (case_id, version, organisation_id, snapshot, changed_by, changed_at, agreed_on, agreement_method)
      SELECT p.case_id, v, p.organisation_id, s.snapshot, b.lead_id, b.taken + 20 + (v - 1) * 90 + time '12:00',
        CASE WHEN v = p.version THEN b.taken + 21 + (v - 1) * 90 END, CASE WHEN v = p.version THEN 'signed' END
      FROM plans p
      JOIN bench_case b ON b.id = p.case_id
      JOIN bench_snapshot s ON s.base = (b.n * 5) % 8 AND s.goals = 3 + b.n % 2
      CROSS JOIN LATERAL generate_series(1, p.version) v`,
    );

    // Outcomes: a hire for 35% of the women, a course for 20%, housing for 12%, Reddito di Libertà
    // for 10%, between a month after intake and the closure (or today).
    const outcomeKinds: Array<[string, number]> = [
      ['hired', 0.35],
      ['course_completed', 0.2],
      ['housing_reached', 0.12],
      ['freedom_income_granted', 0.1],
    ];
    await step(
      'outcome draws',
      `CREATE TEMP TABLE bench_outcome ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, b.case_id, b.org, b.lead_id, b.kind,
        b.taken + 30 + floor(random() * least(400, b.span - 30))::int AS occurred
      FROM (${outcomeKinds
        .map(
          ([
            kind,
            p,
          ]) => `SELECT id AS case_id, org, lead_id, taken, coalesce(closed_on, ${d(0)}) - taken AS span, '${kind}' AS kind
          FROM bench_case WHERE coalesce(closed_on, ${d(0)}) - taken > 30 AND random() < ${p}`,
        )
        .join(' UNION ALL ')}) b`,
    );
    await step(
      'outcomes',
      `INSERT INTO outcomes (id, case_id, organisation_id, kind, occurred_on, details, recorded_by, created_at)
      SELECT id, case_id, org, kind, occurred,
        CASE kind
          WHEN 'hired' THEN jsonb_build_object('contractType', ${pick('random()', [
            ['fixed_term', 45],
            ['permanent', 20],
            ['apprenticeship', 10],
            ['agency', 20],
            ['self_employed', 5],
          ])},
            'weeklyHours', (ARRAY[20, 24, 30, 36, 40])[1 + floor(random() * 5)::int], 'sector', (ARRAY['G', 'I', 'N', 'Q', 'C', 'S'])[1 + floor(random() * 6)::int])
          WHEN 'housing_reached' THEN jsonb_build_object('housingType', ${pick('random()', [
            ['rent_private', 50],
            ['social_housing', 30],
            ['family', 20],
          ])})
          WHEN 'course_completed' THEN jsonb_build_object('certificate', random() < 0.7)
          ELSE '{}'::jsonb END,
        lead_id, occurred + time '16:00'
      FROM bench_outcome`,
    );
    // A hire schedules follow-ups at 3, 6, 12 months; most past ones are done, some are overdue.
    await step(
      'follow_ups',
      `INSERT INTO follow_ups (case_id, organisation_id, outcome_id, months, due_on, done_on, still_working, details, recorded_by)
      SELECT o.case_id, o.org, o.id, f.m, f.due,
        CASE WHEN f.due < ${d(-20)} AND f.r < 0.85 THEN f.due + floor(f.r * 16)::int END,
        CASE WHEN f.due < ${d(-20)} AND f.r < 0.85 THEN f.r < 0.68 END,
        CASE WHEN f.due < ${d(-20)} AND f.r < 0.85 THEN jsonb_build_object('sameEmployer', f.r < 0.5) ELSE '{}'::jsonb END,
        CASE WHEN f.due < ${d(-20)} AND f.r < 0.85 THEN o.lead_id END
      FROM bench_outcome o
      CROSS JOIN LATERAL (SELECT m, (o.occurred + make_interval(months => m))::date AS due, random() AS r FROM unnest(ARRAY[3, 6, 12]) m) f
      WHERE o.kind = 'hired'`,
    );

    await step(
      'case_events',
      `INSERT INTO case_events (case_id, organisation_id, occurred_at, actor_user_id, kind, ref_id, details)
      SELECT id, org, taken + time '10:30', lead_id, 'case.opened', NULL, jsonb_build_object('identity', p14 < 0.85) FROM bench_case
      UNION ALL
      SELECT id, org, taken + 20 + time '12:00', lead_id, 'plan.updated', NULL, '{}' FROM bench_case
      UNION ALL
      SELECT case_id, org, occurred + time '16:00', lead_id, 'outcome.recorded', id::text, jsonb_build_object('kind', kind) FROM bench_outcome
      UNION ALL
      SELECT id, org, closed_on + time '17:00', lead_id, 'case.closed', NULL, '{}' FROM bench_case WHERE closed_on IS NOT NULL`,
    );

    await rebuildIndexes(steps, log);
    await step('commit', 'COMMIT');
    // VACUUM as well as ANALYZE: a database in service for years has been vacuumed (visibility
    // map set, so index-only scans are possible; hint bits set, so the first reads do not write).
    await step('vacuum analyze', 'VACUUM (ANALYZE)');

    const { sizes, databaseBytes } = await tableSizes(owner, [...BULK_TABLES, 'audit_log']);
    const dist = (
      await owner.query<{ closed: string; open: string }>(
        `SELECT count(*) FILTER (WHERE status = 'closed') AS closed, count(*) FILTER (WHERE status = 'open') AS open FROM cases`,
      )
    ).rows[0];
    const risk = await owner.query<{ level: string | null; n: string }>(
      `SELECT risk_level AS level, count(*) AS n FROM cases GROUP BY 1 ORDER BY 1`,
    );
    const closed = Number(dist?.closed ?? 0);
    const open = Number(dist?.open ?? 0);
    return {
      cases: closed + open,
      actions: sizes.find((s) => s.table === 'plan_actions')?.rows ?? 0,
      seconds: (performance.now() - started) / 1000,
      steps,
      sizes,
      databaseBytes,
      distribution: {
        closedShare: closed / Math.max(1, closed + open),
        openCases: open,
        riskLevels: Object.fromEntries(risk.rows.map((r) => [r.level ?? 'none', Number(r.n)])),
      },
    };
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await owner.end();
  }
}

/**
 * The whole setting: fresh database, the load user (a centre operator of the biggest centre,
 * made with the test harness so that she signs in for real), then the generated data.
 */
export async function prepareCases(count: number, log: (text: string) => void = () => undefined): Promise<CasesSetup> {
  const bench = await createCasesDb();
  try {
    const owner = new pg.Client({ connectionString: bench.ownerUrl });
    await owner.connect();
    const found = await centresOf(owner).finally(() => owner.end());
    if (found.length === 0) throw new Error('the seeded network has no cav or shelter operator');
    const weights = found.map((_, i) => 1 / (i + 1) ** 0.6);
    const total = weights.reduce((a, b) => a + b, 0);
    const masterKey = randomBytes(32);
    const biggest = found[0] as (typeof found)[number];
    const user = await makeUser(bench.db, testConfig({ masterKey }), {
      organisationId: biggest.id,
      roles: ['centre_operator'],
    });
    const centres: Centre[] = found.map((c, i) => ({
      id: c.id,
      name: c.name,
      type: c.type,
      networkId: c.network_id,
      share: (weights[i] ?? 0) / total,
      leadId: i === 0 ? user.id : randomUUID(),
      colleagueId: randomUUID(),
    }));
    log(`${centres.length} centres (cav and shelter operators of the seeded network); generating ${count} cases…`);
    const generated = await generateCases(bench.ownerUrl, count, centres, log);
    const stats = await bench.db.owner
      .selectFrom('cases')
      .select((eb) => [
        eb.fn.countAll<string>().as('cases'),
        eb.fn.count<string>('id').filterWhere('status', '=', 'open').as('open'),
      ])
      .where('organisation_id', '=', biggest.id)
      .executeTakeFirstOrThrow();
    const today = todayInItaly();
    const closingSoon = await closingSoonCount(bench, biggest.id, today);
    const ids = await bench.db.owner
      .selectFrom('cases')
      .select('id')
      .where('organisation_id', '=', biggest.id)
      .orderBy(sql`random()`)
      .limit(2000)
      .execute();
    return {
      bench,
      masterKey,
      user,
      centre: {
        id: biggest.id,
        name: biggest.name,
        cases: Number(stats.cases),
        openCases: Number(stats.open),
        closingSoon,
      },
      centres: centres.length,
      caseIds: ids.map((r) => r.id),
      generated,
    };
  } catch (error) {
    await bench.drop();
    throw error;
  }
}

/** Closed cases of the centre whose 182-day window ends within 30 days (what closing_soon lists). */
async function closingSoonCount(bench: BenchDb, organisationId: string, today: string): Promise<number> {
  const c = new pg.Client({ connectionString: bench.ownerUrl });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM cases WHERE organisation_id = $1 AND status = 'closed'
         AND closed_on + 182 BETWEEN $2::date AND $2::date + 30`,
      [organisationId, today],
    );
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    await c.end();
  }
}

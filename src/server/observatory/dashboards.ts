/**
 * The dashboards: each one a few tables of counts from the statistics store, every table made by
 * the suppression module (src/shared/observatory/suppress.ts). Read as the caller, under RLS.
 */
import { sql } from 'kysely';
import { FEEDBACK_QUESTIONS, MULTIPLE } from '../../shared/codes/feedback.ts';
import { definitionOf, refOf } from '../../shared/observatory/catalogue.ts';
import { columnsOf, DIMENSIONS } from '../../shared/observatory/dimensions.ts';
import {
  publishDerived,
  publishNoData,
  publishRates,
  publishRegisterCounts,
  type RawTable,
  suppressTable,
} from '../../shared/observatory/suppress.ts';
import type { Breakdown, Dashboard, Label, Period, PublishedTable } from '../../shared/observatory/types.ts';
import type { Ctx } from '../http/request-context.ts';
import {
  type CountQuery,
  type Counts,
  countCategories,
  countMeasures,
  medianDays,
  PATH_MEASURES,
  REFERRAL_MEASURES,
  uniqueWomen,
} from './queries.ts';
import type { ActorScope, Unit } from './scope.ts';

export interface DashboardRequest {
  scope: ActorScope;
  dashboard: Dashboard;
  period: Period;
  by: Breakdown;
  network: string | null;
  units: Unit[];
  today: string;
  threshold: number;
}

const L = (it: string, en: string): Label => ({ it, en });
const nameOf = (code: string) => definitionOf(code).name;
const measureColumns = (prefix: string, keys: readonly string[]) =>
  keys.map((key) => ({ key, label: nameOf(`${prefix}.${key}`) }));

function rowsOf(r: DashboardRequest) {
  return r.units.map((u) => ({ key: u.key, label: L(u.name, u.name) }));
}

/** A raw table over the request's units. */
function raw(
  r: DashboardRequest,
  code: string,
  columnDimension: string,
  columns: { key: string; label: Label }[],
  counts: Counts,
  additive: boolean,
): RawTable {
  return {
    indicator: refOf(code, r.period.to),
    period: r.period,
    rowDimension: r.by,
    columnDimension,
    rows: rowsOf(r),
    columns,
    counts: r.units.map((u) => columns.map((c) => counts.get(u.key)?.[c.key] ?? 0)),
    additive,
  };
}

function publish(r: DashboardRequest, table: RawTable, notes: Label[] = []): PublishedTable {
  const exempt =
    r.scope.unsuppressedOrganisationId !== null && r.units.every((u) => u.key === r.scope.unsuppressedOrganisationId);
  return suppressTable(table, { threshold: r.threshold, exempt, notes });
}

/** Some columns of an already suppressed table, as a table of their own (for rates and medians). */
function pick(t: PublishedTable, keys: string[]): PublishedTable {
  const idx = keys.map((k) => t.columns.findIndex((c) => c.key === k));
  return {
    ...t,
    columns: idx.map((i) => t.columns[i] as PublishedTable['columns'][number]),
    cells: t.cells.map((row) => idx.map((i) => row[i] as PublishedTable['total'])),
    columnTotals: idx.map((i) => t.columnTotals[i] as PublishedTable['total']),
  };
}

const query = (r: DashboardRequest, table: CountQuery['table']): CountQuery => ({
  table,
  by: r.by,
  period: r.period,
  network: r.network,
  today: r.today,
});

const MULTI_NOTE = L(
  'Più risposte per donna: le colonne non si sommano al totale.',
  'Several answers per woman: the columns do not add up to a total.',
);

async function funnel(ctx: Ctx, r: DashboardRequest): Promise<PublishedTable[]> {
  const steps = [
    'contacts',
    'first_interviews',
    'taken_in_charge',
    'eligible',
    'needs_analyses',
    'plans_agreed',
    'concluded',
    'abandoned',
  ] as const;
  const q = query(r, 'stats_paths');
  const counts = await countMeasures(ctx, q, Object.fromEntries(steps.map((s) => [s, PATH_MEASURES[s]])));
  const women = await uniqueWomen(ctx, q, 'contact');
  const womenTable = raw(
    r,
    'funnel.women',
    'measure',
    [{ key: 'women', label: nameOf('funnel.women') }],
    new Map([...women.perUnit].map(([k, n]) => [k, { women: n }])),
    false,
  );
  womenTable.columnTotals = [women.total];
  return [
    publish(r, raw(r, 'funnel.taken_in_charge', 'measure', measureColumns('funnel', steps), counts, false)),
    publish(r, womenTable, [
      L(
        'Una donna seguita da due centri è contata una volta (token di collegamento); il totale non è la somma delle righe.',
        'A woman followed by two centres is counted once (linkage token); the total is not the sum of the rows.',
      ),
    ]),
  ];
}

const RECIPIENT_TYPES = Object.keys(DIMENSIONS.recipient_type ?? {});

async function referrals(ctx: Ctx, r: DashboardRequest): Promise<PublishedTable[]> {
  const q = query(r, 'stats_referrals');
  const steps = [
    'sent',
    'accepted',
    'declined',
    'acknowledged',
    'ack_in_time',
    'appointments',
    'appointment_in_time',
    'overdue_now',
  ] as const;
  const counts = await countMeasures(ctx, q, Object.fromEntries(steps.map((s) => [s, REFERRAL_MEASURES[s]])));
  const main = publish(r, raw(r, 'referrals.sent', 'measure', measureColumns('referrals', steps), counts, false));
  const byType = await countCategories(ctx, q, REFERRAL_MEASURES.sent, `recipient_type`);
  const folded: Counts = new Map(
    [...byType].map(([unit, m]) => {
      const out: Record<string, number> = {};
      for (const [type, n] of Object.entries(m)) {
        const key = RECIPIENT_TYPES.includes(type) ? type : 'other';
        out[key] = (out[key] ?? 0) + n;
      }
      return [unit, out];
    }),
  );
  const reasons = await countCategories(ctx, q, REFERRAL_MEASURES.declined, 'decline_reason');
  const rates = publishRates(
    pick(main, ['ack_in_time', 'appointment_in_time']),
    pick(main, ['acknowledged', 'appointments']),
    refOf('referrals.ack_in_time_share', r.period.to),
  );
  rates.columns = [
    { key: 'ack_in_time_share', label: nameOf('referrals.ack_in_time_share') },
    { key: 'appointment_in_time_share', label: nameOf('referrals.appointment_in_time_share') },
  ];
  const medians = await medianDays(ctx, q, {
    days_to_ack: 's.acknowledged_on - s.sent_on',
    days_to_appointment: 's.first_appointment_on - s.sent_on',
  });
  const cellOf = (v: number | undefined) =>
    v === undefined || Number.isNaN(v)
      ? { value: null, status: 'no_data' as const }
      : { value: v, status: 'published' as const };
  const base = pick(main, ['acknowledged', 'appointments']);
  const days = publishDerived(
    {
      cells: r.units.map((u) => [
        cellOf(medians.get(u.key)?.days_to_ack),
        cellOf(medians.get(u.key)?.days_to_appointment),
      ]),
      rowTotals: r.units.map(() => ({ value: null, status: 'no_data' as const })),
      columnTotals: [cellOf(medians.get('')?.days_to_ack), cellOf(medians.get('')?.days_to_appointment)],
      total: { value: null, status: 'no_data' },
    },
    base,
    refOf('referrals.days_to_ack', r.period.to),
  );
  days.columns = [
    { key: 'days_to_ack', label: nameOf('referrals.days_to_ack') },
    { key: 'days_to_appointment', label: nameOf('referrals.days_to_appointment') },
  ];
  return [
    main,
    publish(r, raw(r, 'referrals.by_type', 'recipient_type', columnsOf('recipient_type'), folded, true)),
    publish(r, raw(r, 'referrals.declined_by_reason', 'decline_reason', columnsOf('decline_reason'), reasons, true)),
    rates,
    days,
    await byBody(ctx, r),
  ];
}

/** Referrals by receiving body (rows: the bodies that received referrals in the period). */
async function byBody(ctx: Ctx, r: DashboardRequest): Promise<PublishedTable> {
  const q = query(r, 'stats_referrals');
  const rows = await sql<{ id: string; name: string; sent: number; accepted: number; declined: number }>`
    SELECT s.recipient_id::text AS id, o.name, count(*)::int AS sent,
      count(*) FILTER (WHERE s.accepted_on IS NOT NULL)::int AS accepted,
      count(*) FILTER (WHERE s.declined_on IS NOT NULL)::int AS declined
    FROM stats_referrals s JOIN organisations o ON o.id = s.recipient_id
    WHERE s.sent_on BETWEEN ${q.period.from}::date AND ${q.period.to}::date
      AND (${q.network}::text IS NULL OR s.network_id = ${q.network}::text)
    GROUP BY 1, 2 ORDER BY 2`.execute(ctx.tx);
  const columns = measureColumns('referrals', ['sent', 'accepted', 'declined']);
  const table: RawTable = {
    indicator: refOf('referrals.by_body', r.period.to),
    period: r.period,
    rowDimension: 'body',
    columnDimension: 'measure',
    rows: rows.rows.map((b) => ({ key: b.id, label: L(b.name, b.name) })),
    columns,
    counts: rows.rows.map((b) => [b.sent, b.accepted, b.declined]),
    additive: false,
  };
  return suppressTable(table, { threshold: r.threshold, exempt: r.scope.unsuppressedOrganisationId !== null });
}

async function work(ctx: Ctx, r: DashboardRequest): Promise<PublishedTable[]> {
  const q = query(r, 'stats_paths');
  const steps = [
    'orientation',
    'training_started',
    'training_completed',
    'traineeships',
    'hires',
    'retained_3',
    'retained_6',
    'retained_12',
  ] as const;
  const housing = ['housing_offered', 'housing_reached'] as const;
  const counts = await countMeasures(
    ctx,
    q,
    Object.fromEntries(
      [...steps, ...housing, 'hired_retained_3', 'hired_retained_6', 'hired_retained_12'].map((s) => [
        s,
        PATH_MEASURES[s as keyof typeof PATH_MEASURES],
      ]),
    ),
  );
  const main = publish(r, raw(r, 'work.hires', 'measure', measureColumns('work', steps), counts, false));
  const home = publish(
    r,
    raw(
      r,
      'housing.reached',
      'measure',
      housing.map((k) => ({ key: k, label: nameOf(`housing.${k.replace('housing_', '')}`) })),
      counts,
      false,
    ),
  );
  const contracts = await countCategories(ctx, q, PATH_MEASURES.hires, 'hire_contract');
  const retained = publish(
    r,
    raw(
      r,
      'work.retention_rate',
      'months',
      columnsOf('months'),
      new Map(
        [...counts].map(([u, m]) => [
          u,
          { '3': m.hired_retained_3 ?? 0, '6': m.hired_retained_6 ?? 0, '12': m.hired_retained_12 ?? 0 },
        ]),
      ),
      false,
    ),
  );
  const hires = pick(main, ['hires', 'hires', 'hires']);
  const rates = publishRates(retained, hires, refOf('work.retention_rate', r.period.to));
  return [
    main,
    home,
    publish(r, raw(r, 'work.hires_by_contract', 'contract_type', columnsOf('contract_type'), contracts, true)),
    rates,
  ];
}

const PROFILE = [
  ['age_band', 'age_band', false],
  ['citizenship', 'citizenship', false],
  ['children', 'children', false],
  ['work_status', 'work_status', false],
  ['education', 'education', false],
  ['violence_type', 'violence_types', true],
  ['author_relationship', 'author_relationships', true],
] as const;

async function profile(ctx: Ctx, r: DashboardRequest): Promise<PublishedTable[]> {
  const q = query(r, 'stats_paths');
  const out: PublishedTable[] = [];
  for (const [dim, column, multi] of PROFILE) {
    const counts = await countCategories(ctx, q, PATH_MEASURES.taken_in_charge, column, multi);
    out.push(publish(r, raw(r, `profile.${dim}`, dim, columnsOf(dim), counts, !multi), multi ? [MULTI_NOTE] : []));
  }
  return out;
}

const BODY_TYPE = `CASE WHEN o.type IN ('cav', 'shelter_operator') THEN 'centre'
  WHEN o.type IN ('employment_centre', 'social_services', 'housing_office', 'training_body', 'ats_asst', 'municipality') THEN o.type
  ELSE 'other' END`;

async function network(ctx: Ctx, r: DashboardRequest): Promise<PublishedTable[]> {
  const nets = r.network ? r.scope.networks.filter((n) => n.id === r.network) : r.scope.networks;
  const bodies = await sql<{ network_id: string; t: string; n: number }>`
    SELECT n.network_id, ${sql.raw(BODY_TYPE)} AS t, count(*)::int AS n
    FROM organisation_networks n JOIN organisations o ON o.id = n.organisation_id
    WHERE n.network_id = ANY(${nets.map((x) => x.id)}::text[]) GROUP BY 1, 2`.execute(ctx.tx);
  const bodyCols = columnsOf('body_type');
  const bodyTable: RawTable = {
    indicator: refOf('network.bodies', r.period.to),
    period: r.period,
    rowDimension: 'network',
    columnDimension: 'body_type',
    rows: nets.map((n) => ({ key: n.id, label: L(n.name, n.name) })),
    columns: bodyCols,
    counts: nets.map((n) =>
      bodyCols.map((c) => bodies.rows.find((b) => b.network_id === n.id && b.t === c.key)?.n ?? 0),
    ),
    additive: true,
  };
  const signatories = await sql<{ id: string; name: string; original: number; adhesion: number }>`
    SELECT p.id::text, p.name, count(*) FILTER (WHERE s.kind = 'original')::int AS original,
      count(*) FILTER (WHERE s.kind = 'adhesion')::int AS adhesion
    FROM protocols p LEFT JOIN protocol_signatories s ON s.protocol_id = p.id AND s.joined_on <= ${r.period.to}::date
    GROUP BY 1, 2 ORDER BY 2`.execute(ctx.tx);
  const sigTable: RawTable = {
    indicator: refOf('network.signatories', r.period.to),
    period: r.period,
    rowDimension: 'protocol',
    columnDimension: 'signatory_kind',
    rows: signatories.rows.map((p) => ({ key: p.id, label: L(p.name, p.name) })),
    columns: columnsOf('signatory_kind'),
    counts: signatories.rows.map((p) => [p.original, p.adhesion]),
    additive: true,
  };
  const register = L(
    'Registro pubblico degli enti: conteggi non riferiti a donne, pubblicati per intero.',
    'Public register of bodies: counts not about women, published in full.',
  );
  return [
    publishRegisterCounts(bodyTable, [register]),
    publishRegisterCounts(sigTable, [register]),
    await trainedReferents(ctx, r),
  ];
}

/**
 * Trained CPI referents per CPI, from the training register when it exists (relation
 * `training_coverage`: cpi_id, trained); until then every cell is "no data", never a zero.
 */
async function trainedReferents(ctx: Ctx, r: DashboardRequest): Promise<PublishedTable> {
  const cpis = await sql<{ key: string; name: string }>`
    SELECT id::text AS key, name FROM organisations WHERE type = 'employment_centre' AND parent_id IS NULL ORDER BY name`.execute(
    ctx.tx,
  );
  const base = {
    indicator: refOf('network.trained_cpi_referents', r.period.to),
    period: r.period,
    rowDimension: 'cpi',
    columnDimension: 'measure',
    rows: cpis.rows.map((c) => ({ key: c.key, label: L(c.name, c.name) })),
    columns: [{ key: 'trained', label: nameOf('network.trained_cpi_referents') }],
    additive: true,
  };
  // the register's columns, as far as this role may read them (no grant: no columns, no data)
  const cols = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM information_schema.columns
    WHERE table_name = 'training_coverage' AND column_name IN ('cpi_id', 'trained')`.execute(ctx.tx);
  const noData = L(
    'Registro della formazione non ancora disponibile: nessun dato.',
    'Training register not available yet: no data.',
  );
  const exists = await sql<{ r: string | null }>`SELECT to_regclass('training_coverage')::text AS r`.execute(ctx.tx);
  if (!exists.rows[0]?.r || cols.rows[0]?.n !== 2) return publishNoData(base, noData);
  await sql`SAVEPOINT training_coverage`.execute(ctx.tx);
  try {
    const rows = await sql<{
      cpi_id: string;
      trained: number;
    }>`SELECT cpi_id::text, trained::int FROM training_coverage`.execute(ctx.tx);
    await sql`RELEASE SAVEPOINT training_coverage`.execute(ctx.tx);
    const counts = cpis.rows.map((c) => [rows.rows.find((x) => x.cpi_id === c.key)?.trained ?? 0]);
    return publishRegisterCounts({ ...base, counts });
  } catch {
    await sql`ROLLBACK TO SAVEPOINT training_coverage`.execute(ctx.tx);
    return publishNoData(base, noData);
  }
}

/**
 * The women's anonymous feedback (/parere): answers counted per question, by centre or network,
 * from feedback_counts() (which gives each reader the rows app_reads_statistics gives her). The
 * answers carry a centre and a month only, so there is no CPI breakdown.
 */
async function feedback(ctx: Ctx, r: DashboardRequest): Promise<PublishedTable[]> {
  const rows = await sql<{
    organisation_id: string;
    network_id: string | null;
    question: string;
    answer: string;
    n: number;
  }>`
    SELECT organisation_id::text, network_id, question, answer, n::int FROM feedback_counts(${r.period.from}::date, ${r.period.to}::date)`.execute(
    ctx.tx,
  );
  const unitOf = (row: { organisation_id: string; network_id: string | null }) =>
    r.by === 'network' ? row.network_id : row.organisation_id;
  return FEEDBACK_QUESTIONS.map((question) => {
    const dim = `feedback_${question}`;
    const counts: Counts = new Map();
    for (const row of rows.rows) {
      const unit = unitOf(row);
      if (row.question !== question || unit === null) continue;
      if (r.network && row.network_id !== r.network) continue;
      const line = counts.get(unit) ?? {};
      line[row.answer] = (line[row.answer] ?? 0) + row.n;
      counts.set(unit, line);
    }
    const multi = MULTIPLE.has(question);
    const table = raw(r, `feedback.${question}`, dim, columnsOf(dim), counts, !multi);
    if (r.by === 'cpi') {
      return publishNoData(
        table,
        L('Il parere è raccolto per centro: nessun dato per CPI.', 'Feedback is collected by centre: no data by CPI.'),
      );
    }
    return publish(r, table, multi ? [MULTI_NOTE] : []);
  });
}

export async function buildDashboard(ctx: Ctx, r: DashboardRequest): Promise<PublishedTable[]> {
  switch (r.dashboard) {
    case 'funnel':
      return funnel(ctx, r);
    case 'referrals':
      return referrals(ctx, r);
    case 'work':
      return work(ctx, r);
    case 'profile':
      return profile(ctx, r);
    case 'network':
      return network(ctx, r);
    case 'feedback':
      return feedback(ctx, r);
  }
}

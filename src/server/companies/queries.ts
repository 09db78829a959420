import { sql } from 'kysely';
import { can, type PermissionActor } from '../../shared/can.ts';
import { isCommitment } from '../../shared/codes/companies.ts';
import type { Tx } from '../db/context.ts';
import { isoDate, isoDateOrNull, isoTimestamp } from '../db/dates.ts';
import type { CompanyDetail, CompanyScope, CompanySummary, Engagement, Vacancy } from './schemas.ts';

/** Reads of the register. Row-level security keeps them to the actor's networks (migration 130). */

/**
 * The networks whose register the actor's organisation works with: its memberships and, for a CPI,
 * the networks covering its municipality (the same rule as RLS: app_register_networks(), migration 130).
 */
export async function actorNetworks(tx: Tx, _actor: PermissionActor): Promise<string[]> {
  const rows = await sql<{ id: string }>`SELECT unnest(app_register_networks()) AS id ORDER BY 1`.execute(tx);
  return rows.rows.map((r) => r.id);
}

/** The bodies of a network: its members and the CPIs in its municipalities (a company's follower, an activity's body). */
function networkBodies(tx: Tx, networkIds: string[]) {
  return tx
    .selectFrom('organisations as o')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('organisation_networks')
          .select(['organisation_id', 'network_id'])
          .where('network_id', 'in', networkIds)
          .union(
            eb
              .selectFrom('organisations as c')
              .innerJoin('network_municipalities as nm', 'nm.istat_code', 'c.municipality_code')
              .select(['c.id as organisation_id', 'nm.network_id'])
              .where('c.type', '=', 'employment_centre')
              .where('nm.network_id', 'in', networkIds),
          )
          .as('b'),
      (join) => join.onRef('b.organisation_id', '=', 'o.id'),
    )
    .select(['b.network_id', 'o.id', 'o.name', 'o.type', 'o.town'])
    .where('o.type', '<>', 'company');
}

/** Is this organisation a body of the network? */
export async function inNetwork(tx: Tx, organisationId: string, networkId: string): Promise<boolean> {
  const row = await networkBodies(tx, [networkId]).where('o.id', '=', organisationId).executeTakeFirst();
  return Boolean(row);
}

export async function readScope(tx: Tx, actor: PermissionActor): Promise<CompanyScope> {
  const ids = await actorNetworks(tx, actor);
  if (ids.length === 0) return { networks: [], canWrite: can(actor, 'company.write') };
  const networks = await tx
    .selectFrom('networks')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
  const places = await tx
    .selectFrom('network_municipalities as nm')
    .innerJoin('municipalities as m', 'm.istat_code', 'nm.istat_code')
    .select(['nm.network_id', 'm.istat_code', 'm.name'])
    .where('nm.network_id', 'in', ids)
    .orderBy('m.name')
    .execute();
  const bodies = await networkBodies(tx, ids).orderBy('o.name').execute();
  return {
    networks: networks.map((n) => ({
      id: n.id,
      name: n.name,
      municipalities: places.filter((p) => p.network_id === n.id).map((p) => ({ code: p.istat_code, name: p.name })),
      organisations: bodies
        .filter((b) => b.network_id === n.id)
        .map((b) => ({ id: b.id, name: b.name, type: b.type, town: b.town })),
    })),
    canWrite: can(actor, 'company.write'),
  };
}

function companyRows(tx: Tx) {
  return tx
    .selectFrom('companies as c')
    .innerJoin('municipalities as m', 'm.istat_code', 'c.municipality_code')
    .innerJoin('organisations as f', 'f.id', 'c.followed_by')
    .select([
      'c.id',
      'c.network_id',
      'c.name',
      'c.vat_number',
      'c.ateco_code',
      'c.size_band',
      'c.municipality_code',
      'm.name as municipality_name',
      'c.followed_by',
      'f.name as followed_by_name',
      'c.contact_name',
      'c.contact_email',
      'c.contact_phone',
      'c.version',
      sql<
        string[]
      >`coalesce((SELECT array_agg(DISTINCT e.kind) FROM company_engagements e WHERE e.company_id = c.id), '{}')`.as(
        'kinds',
      ),
      sql<string | null>`(SELECT max(e.started_on)::text FROM company_engagements e WHERE e.company_id = c.id)`.as(
        'last_on',
      ),
      sql<number>`(SELECT count(*)::int FROM vacancies v WHERE v.company_id = c.id AND v.status = 'open')`.as(
        'open_count',
      ),
    ]);
}
type CompanyRow = Awaited<ReturnType<ReturnType<typeof companyRows>['executeTakeFirstOrThrow']>>;

const ENGAGEMENT_ORDER = (a: string, b: string) => a.localeCompare(b);

function toSummary(r: CompanyRow): CompanySummary {
  return {
    id: r.id,
    networkId: r.network_id,
    name: r.name,
    vatNumber: r.vat_number,
    atecoCode: r.ateco_code,
    sizeBand: r.size_band as CompanySummary['sizeBand'],
    municipality: { code: r.municipality_code, name: r.municipality_name },
    followedBy: { id: r.followed_by, name: r.followed_by_name },
    commitments: (r.kinds ?? []).filter(isCommitment).sort(ENGAGEMENT_ORDER) as CompanySummary['commitments'],
    lastActivityOn: r.last_on ? isoDate(r.last_on) : null,
    openVacancies: Number(r.open_count),
  };
}

export async function listCompanies(tx: Tx, q: { network?: string }): Promise<CompanySummary[]> {
  let query = companyRows(tx);
  if (q.network) query = query.where('c.network_id', '=', q.network);
  const rows = await query.orderBy('c.name').orderBy('c.id').execute();
  return rows.map(toSummary);
}

function vacancyRows(tx: Tx) {
  return tx
    .selectFrom('vacancies as v')
    .innerJoin('companies as c', 'c.id', 'v.company_id')
    .innerJoin('municipalities as m', 'm.istat_code', 'v.municipality_code')
    .innerJoin('organisations as e', 'e.id', 'v.entered_by')
    .selectAll('v')
    .select([
      'c.name as company_name',
      'm.name as municipality_name',
      'e.name as entered_by_name',
      sql<boolean>`EXISTS (SELECT 1 FROM company_engagements x WHERE x.company_id = v.company_id
        AND x.kind = 'flexible_hours' AND (x.ended_on IS NULL OR x.ended_on >= current_date))`.as('flexible'),
    ]);
}
type VacancyRow = Awaited<ReturnType<ReturnType<typeof vacancyRows>['executeTakeFirstOrThrow']>>;

function toVacancy(actor: PermissionActor, r: VacancyRow): Vacancy {
  const writes = can(actor, 'company.write');
  return {
    id: r.id,
    networkId: r.network_id,
    company: { id: r.company_id, name: r.company_name },
    occupationCode: r.occupation_code,
    occupationLabel: r.occupation_label,
    sector: r.sector as Vacancy['sector'],
    municipality: { code: r.municipality_code, name: r.municipality_name },
    contractType: r.contract_type as Vacancy['contractType'],
    hoursPerWeek: r.hours_per_week,
    shifts: r.shifts,
    educationMin: r.education_min as Vacancy['educationMin'],
    italianMin: r.italian_min as Vacancy['italianMin'],
    languages: r.languages as Vacancy['languages'],
    drivingLicence: r.driving_licence,
    reserved: r.reserved,
    flexibleHours: Boolean(r.flexible),
    status: r.status as Vacancy['status'],
    enteredBy: { id: r.entered_by, name: r.entered_by_name },
    createdAt: isoTimestamp(r.created_at),
    version: r.version,
    allowedActions: writes ? ['edit', r.status === 'open' ? 'close' : 'reopen'] : [],
  };
}

export async function listVacancies(
  tx: Tx,
  actor: PermissionActor,
  q: { status?: string; network?: string; company?: string },
): Promise<Vacancy[]> {
  let query = vacancyRows(tx);
  if (q.status) query = query.where('v.status', '=', q.status);
  if (q.network) query = query.where('v.network_id', '=', q.network);
  if (q.company) query = query.where('v.company_id', '=', q.company);
  const rows = await query.orderBy('v.created_at', 'desc').orderBy('v.id').execute();
  return rows.map((r) => toVacancy(actor, r));
}

export async function getVacancy(tx: Tx, actor: PermissionActor, id: string): Promise<Vacancy | null> {
  const row = await vacancyRows(tx).where('v.id', '=', id).executeTakeFirst();
  return row ? toVacancy(actor, row) : null;
}

export async function getCompany(tx: Tx, actor: PermissionActor, id: string): Promise<CompanyDetail | null> {
  const row = await companyRows(tx).where('c.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const engagements = await tx
    .selectFrom('company_engagements as e')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .select(['e.id', 'e.kind', 'e.started_on', 'e.ended_on', 'e.quantity', 'o.id as org_id', 'o.name as org_name'])
    .where('e.company_id', '=', id)
    .orderBy('e.started_on', 'desc')
    .orderBy('e.id')
    .execute();
  const writes = can(actor, 'company.write');
  return {
    ...toSummary(row),
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    engagements: engagements.map(
      (e): Engagement => ({
        id: e.id,
        kind: e.kind as Engagement['kind'],
        startedOn: isoDate(e.started_on),
        endedOn: isoDateOrNull(e.ended_on),
        organisation: { id: e.org_id, name: e.org_name },
        quantity: e.quantity,
      }),
    ),
    vacancies: await listVacancies(tx, actor, { company: id }),
    version: row.version,
    allowedActions: writes ? ['edit', 'add_engagement', 'add_vacancy'] : [],
  };
}

import { sql } from 'kysely';
import { organisationActions } from '../../shared/allowed-actions.ts';
import type { PermissionActor } from '../../shared/can.ts';
import type { Tx } from '../db/context.ts';
import { isoDate } from '../db/dates.ts';
import type { NetworkDetail, NetworkSummary, OrganisationDetail, OrganisationSummary } from './schemas.ts';

/** Reads of the network directory. Row-level security decides what the transaction's actor sees. */

function networkRows(tx: Tx) {
  return tx
    .selectFrom('networks as n')
    .leftJoin('municipalities as m', 'm.istat_code', 'n.lead_municipality_code')
    .select([
      'n.id',
      'n.name',
      'n.has_shelters',
      'n.shelters_note',
      'n.notes',
      'n.source_ids',
      'm.istat_code as lead_code',
      'm.name as lead_name',
      sql<number>`(SELECT count(*)::int FROM network_municipalities x WHERE x.network_id = n.id)`.as(
        'municipality_count',
      ),
      sql<number>`(SELECT count(*)::int FROM organisation_networks x WHERE x.network_id = n.id)`.as(
        'organisation_count',
      ),
    ]);
}

type NetworkRow = Awaited<ReturnType<ReturnType<typeof networkRows>['executeTakeFirstOrThrow']>>;

function toNetworkSummary(r: NetworkRow): NetworkSummary {
  return {
    id: r.id,
    name: r.name,
    leadMunicipality: r.lead_code && r.lead_name ? { istatCode: r.lead_code, name: r.lead_name } : null,
    municipalityCount: Number(r.municipality_count),
    organisationCount: Number(r.organisation_count),
    hasShelters: r.has_shelters,
    sheltersNote: r.shelters_note,
  };
}

export async function listNetworks(tx: Tx): Promise<NetworkSummary[]> {
  const rows = await networkRows(tx).orderBy('n.name').execute();
  return rows.map(toNetworkSummary);
}

export async function getNetwork(tx: Tx, id: string): Promise<NetworkDetail | null> {
  const row = await networkRows(tx).where('n.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const municipalities = await tx
    .selectFrom('network_municipalities as nm')
    .innerJoin('municipalities as m', 'm.istat_code', 'nm.istat_code')
    .select(['m.istat_code', 'm.name'])
    .where('nm.network_id', '=', id)
    .orderBy('m.name')
    .execute();
  const organisations = await tx
    .selectFrom('organisation_networks as x')
    .innerJoin('organisations as o', 'o.id', 'x.organisation_id')
    .select(['o.id', 'o.name', 'o.type', 'o.uncertain'])
    .where('x.network_id', '=', id)
    .orderBy('o.name')
    .execute();
  return {
    ...toNetworkSummary(row),
    municipalities: municipalities.map((m) => ({ istatCode: m.istat_code, name: m.name })),
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, type: o.type, uncertain: o.uncertain })),
    notes: row.notes,
    sourceIds: row.source_ids,
  };
}

export async function listOrganisations(
  tx: Tx,
  filter: { type?: string; network?: string },
): Promise<OrganisationSummary[]> {
  let query = tx
    .selectFrom('organisations as o')
    .select([
      'o.id',
      'o.name',
      'o.type',
      'o.town',
      'o.uncertain',
      'o.operates_shelters',
      sql<
        string[]
      >`array(SELECT x.network_id FROM organisation_networks x WHERE x.organisation_id = o.id ORDER BY x.network_id)`.as(
        'network_ids',
      ),
    ])
    .orderBy('o.name');
  if (filter.type) query = query.where('o.type', '=', filter.type);
  const network = filter.network;
  if (network) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('organisation_networks as x')
          .select('x.network_id')
          .whereRef('x.organisation_id', '=', 'o.id')
          .where('x.network_id', '=', network),
      ),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    town: r.town,
    uncertain: r.uncertain,
    networkIds: r.network_ids,
    operatesShelters: r.operates_shelters,
  }));
}

/** One organisation, with what `actor` may do with it. */
export async function getOrganisation(tx: Tx, actor: PermissionActor, id: string): Promise<OrganisationDetail | null> {
  const row = await tx
    .selectFrom('organisations as o')
    .leftJoin('organisations as p', 'p.id', 'o.parent_id')
    .select([
      'o.id',
      'o.name',
      'o.type',
      'o.town',
      'o.address',
      'o.helpline',
      'o.website',
      'o.description',
      'o.operates_shelters',
      'o.uncertain',
      'o.notes',
      'o.source_ids',
      'o.version',
      'p.id as parent_id',
      'p.name as parent_name',
    ])
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const networks = await tx
    .selectFrom('organisation_networks as x')
    .innerJoin('networks as n', 'n.id', 'x.network_id')
    .select(['n.id', 'n.name', 'x.role'])
    .where('x.organisation_id', '=', id)
    .orderBy('n.name')
    .execute();
  const protocols = await tx
    .selectFrom('protocol_signatories as s')
    .innerJoin('protocols as p', 'p.id', 's.protocol_id')
    .select(['p.id', 'p.name', 's.kind', 's.joined_on'])
    .where('s.organisation_id', '=', id)
    .orderBy('s.joined_on')
    .orderBy('p.name')
    .execute();
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    town: row.town,
    address: row.address,
    helpline: row.helpline,
    website: row.website,
    description: row.description,
    operatesShelters: row.operates_shelters,
    uncertain: row.uncertain,
    notes: row.notes,
    sourceIds: row.source_ids,
    networks: networks.map((n) => ({ id: n.id, name: n.name, role: n.role })),
    protocols: protocols.map((p) => ({ id: p.id, name: p.name, kind: p.kind, joinedOn: isoDate(p.joined_on) })),
    parent: row.parent_id && row.parent_name ? { id: row.parent_id, name: row.parent_name } : null,
    version: row.version,
    allowedActions: organisationActions(actor, row.id),
  };
}

import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { collectOrganisations, type OrganisationDraft } from './collect-organisations.ts';
import { canonicalName, type NetworkData, nameKey } from './network-data.ts';
import { type SeededOrganisation, seedProtocols } from './seed-protocols.ts';

export { loadNetworkData, networkDataPath } from './network-data.ts';

/** Lead municipalities outside the 133 comuni of the Città metropolitana. */
const OTHER_MUNICIPALITIES = [{ istat_code: '018110', name: 'Pavia', province: 'PV' }];

export interface NetworkSeedResult {
  municipalities: number;
  networks: number;
  organisations: number;
  memberships: number;
  protocols: number;
  signatories: number;
}

/**
 * Loads the real networks of the Milan metropolitan area and Pavia: municipalities, networks,
 * organisations and their memberships, protocols and signatories. Runs as the owner, in one
 * transaction, once: returns null when the networks are already there.
 */
export async function seedNetwork(owner: Kysely<DB>, data: NetworkData): Promise<NetworkSeedResult | null> {
  return owner.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(4243)`.execute(tx);
    const existing = await tx
      .selectFrom('networks')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) return null;

    const municipalities = [
      ...data.metroMunicipalities.map((m) => ({ istat_code: m.istatCode, name: m.name, province: 'MI' })),
      ...OTHER_MUNICIPALITIES,
    ];
    await tx.insertInto('municipalities').values(municipalities).execute();
    const codeByName = new Map(municipalities.map((m) => [nameKey(m.name), m.istat_code]));

    const networkIds = new Set(data.networks.map((n) => n.id));
    await tx
      .insertInto('networks')
      .values(
        data.networks.map((n) => ({
          id: n.id,
          name: n.name,
          lead_municipality_code: codeByName.get(nameKey(n.leadMunicipality)) ?? null,
          municipalities_basis: n.municipalitiesBasis ?? null,
          has_shelters: n.hasShelters === true,
          shelters_note: n.sheltersNote ?? null,
          notes: joinNotes([
            n.notes,
            n.municipalitiesNote,
            n.uncertainNote,
            n.ambiti?.length && `Ambiti: ${n.ambiti.join('; ')}.`,
            n.ambitiNote,
            n.coLeadMunicipalities?.length && `Co-lead municipalities: ${n.coLeadMunicipalities.join(', ')}.`,
            n.formerLeadMunicipality && `Former lead municipality: ${n.formerLeadMunicipality}.`,
          ]),
          source_ids: n.sourceIds ?? [],
        })),
      )
      .execute();

    const placed = data.metroMunicipalities
      .filter((m) => networkIds.has(m.networkId))
      .map((m) => ({ network_id: m.networkId, istat_code: m.istatCode }));
    if (networkIds.has('pavia')) placed.push({ network_id: 'pavia', istat_code: '018110' });
    await tx.insertInto('network_municipalities').values(placed).execute();

    const orgs = await insertOrganisations(tx, collectOrganisations(data), codeByName);
    const memberships = orgs.flatMap((o) =>
      [...o.networks]
        .filter(([networkId]) => networkIds.has(networkId))
        .map(([networkId, role]) => ({ organisation_id: o.id, network_id: networkId, role })),
    );
    if (memberships.length) await tx.insertInto('organisation_networks').values(memberships).execute();

    const signatories = await seedProtocols(tx, data, orgs);
    return {
      municipalities: municipalities.length,
      networks: data.networks.length,
      organisations: orgs.length,
      memberships: memberships.length,
      protocols: data.protocols.length + 1,
      signatories,
    };
  });
}

async function insertOrganisations(
  tx: Kysely<DB>,
  drafts: OrganisationDraft[],
  codeByName: Map<string, string>,
): Promise<SeededOrganisation[]> {
  const idByName = new Map<string, string>();
  const seeded: SeededOrganisation[] = [];
  // Parents first, so that branches can point at them.
  const ordered = [...drafts.filter((d) => !d.parentName), ...drafts.filter((d) => d.parentName)];
  for (const d of ordered) {
    const shelter = d.type === 'shelter_operator' || d.operatesShelters;
    const { id } = await tx
      .insertInto('organisations')
      .values({
        name: d.name,
        type: d.type,
        town: d.town,
        municipality_code: d.town ? (codeByName.get(nameKey(d.town)) ?? null) : null,
        address: shelter ? null : d.address,
        helpline: d.helpline,
        operates_shelters: shelter,
        parent_id: d.parentName ? (idByName.get(nameKey(d.parentName)) ?? null) : null,
        uncertain: d.uncertain,
        notes: joinNotes(d.notes),
        source_ids: d.sourceIds,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    idByName.set(nameKey(d.name), id);
    seeded.push({ ...d, id });
  }
  return seeded;
}

function joinNotes(parts: Array<string | number | undefined | null | false>): string | null {
  const kept = parts.map((p) => (typeof p === 'string' ? p.trim() : '')).filter(Boolean);
  return kept.length ? kept.join(' ') : null;
}

/** The id of the organisation with this name (any spelling the sources use), or null. For seeders. */
export async function findOrganisationIdByName(owner: Kysely<DB>, name: string): Promise<string | null> {
  const key = nameKey(canonicalName(name));
  const rows = await owner.selectFrom('organisations').select(['id', 'name']).orderBy('created_at').execute();
  return rows.find((r) => nameKey(r.name) === key)?.id ?? null;
}

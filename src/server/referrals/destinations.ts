import { sql } from 'kysely';
import type { CaseRow } from '../cases/access.ts';
import type { Tx } from '../db/context.ts';
import { RECIPIENT_TYPES } from './share-check.ts';

/**
 * The CPI suggested for where she lives: the one in her municipality, else the one in the lead
 * municipality of her municipality's network (a mapping derived from the network data, shown as
 * a suggestion only). Then every organisation of the case's network that receives referrals, and
 * all CPIs.
 */
export async function destinationsFor(tx: Tx, row: CaseRow, ownOrganisationId: string) {
  const residence = row.residence_code;
  const suggested = residence
    ? await sql<{ id: string; name: string }>`
        SELECT o.id, o.name FROM organisations o
        WHERE o.type = 'employment_centre' AND o.parent_id IS NULL
          AND (o.municipality_code = ${residence} OR o.municipality_code IN (
            SELECT n.lead_municipality_code FROM network_municipalities nm JOIN networks n ON n.id = nm.network_id
            WHERE nm.istat_code = ${residence}))
        ORDER BY (o.municipality_code = ${residence}) DESC, o.name
        LIMIT 1`.execute(tx)
    : { rows: [] };
  const organisations = await tx
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name', 'o.type', 'o.town'])
    .where('o.type', 'in', [...RECIPIENT_TYPES])
    .where('o.id', '<>', ownOrganisationId)
    .where((eb) =>
      eb.or([
        eb('o.type', '=', 'employment_centre'),
        eb(
          'o.id',
          'in',
          eb
            .selectFrom('organisation_networks')
            .select('organisation_id')
            .where('network_id', '=', row.network_id ?? ''),
        ),
      ]),
    )
    .orderBy('o.type')
    .orderBy('o.name')
    .execute();
  return { suggestedCpi: suggested.rows[0] ?? null, organisations };
}

import { sql } from 'kysely';
import type { CaseRow } from '../cases/access.ts';
import type { Tx } from '../db/context.ts';
import { todayInItaly } from '../db/dates.ts';
import { RECIPIENT_TYPES } from './share-check.ts';
import { type Candidate, rankSuggestions } from './suggestions.ts';

/**
 * The CPI of where she lives: the one in her municipality, else the one in the lead municipality
 * of her municipality's network (a mapping derived from the network data: a suggestion only).
 */
export async function townCpi(tx: Tx, residence: string | null) {
  if (!residence) return null;
  const found = await sql<{ id: string; name: string; type: string }>`
    SELECT o.id, o.name, o.type FROM organisations o
    WHERE o.type = 'employment_centre' AND o.parent_id IS NULL
      AND (o.municipality_code = ${residence} OR o.municipality_code IN (
        SELECT n.lead_municipality_code FROM network_municipalities nm JOIN networks n ON n.id = nm.network_id
        WHERE nm.istat_code = ${residence}))
    ORDER BY (o.municipality_code = ${residence}) DESC, o.name
    LIMIT 1`.execute(tx);
  return found.rows[0] ?? null;
}

/**
 * The recipients to suggest, her consent and her plan first: bodies her valid sharing consents
 * name (newest first), bodies responsible for her open plan actions (nearest due first), then the
 * CPI of where she lives (the one in her municipality, else the one in the lead municipality of
 * her municipality's network: a suggestion only). Then every organisation of the case's network
 * that receives referrals, and all CPIs.
 */
export async function destinationsFor(tx: Tx, row: CaseRow, ownOrganisationId: string) {
  const today = todayInItaly();
  const named = await tx
    .selectFrom('consents as c')
    .innerJoin('organisations as o', 'o.id', 'c.recipient_organisation_id')
    .select(['o.id', 'o.name', 'o.type'])
    .where('c.case_id', '=', row.id)
    .where('c.purpose', '=', 'sharing')
    .where('c.decision', '=', 'granted')
    .where('c.given_on', '<=', today)
    .where((eb) => eb.or([eb('c.revoked_on', 'is', null), eb('c.revoked_on', '>', today)]))
    .where((eb) => eb.or([eb('c.expires_on', 'is', null), eb('c.expires_on', '>=', today)]))
    .orderBy('c.given_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
  const planned = await tx
    .selectFrom('plan_actions as a')
    .innerJoin('organisations as o', 'o.id', 'a.responsible_organisation_id')
    .select(['o.id', 'o.name', 'o.type'])
    .where('a.case_id', '=', row.id)
    .where('a.status', 'in', ['planned', 'in_progress'])
    .orderBy(sql`a.due_on NULLS LAST`)
    .orderBy('a.position')
    .execute();
  const town = await townCpi(tx, row.residence_code);
  const candidates: Candidate[] = [
    ...named.map((o) => ({ ...o, reason: 'consent' as const })),
    ...planned.map((o) => ({ ...o, reason: 'plan' as const })),
    ...(town ? [{ ...town, reason: 'residence' as const }] : []),
  ];
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
  return { suggestions: rankSuggestions(candidates, ownOrganisationId), organisations };
}

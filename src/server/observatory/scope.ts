/**
 * Who sees what in the observatory. Control room: every network (the metropolitan area and
 * Pavia). A network coordinator: her networks. An organisation administrator of a centre: her
 * centre only, unsuppressed. An organisation administrator of a CPI: its referral indicators.
 * Everyone else: nothing (404). Row-level security (app_reads_statistics) repeats the row rule.
 */
import { sql } from 'kysely';
import type { Actor } from '../db/context.ts';
import type { Ctx } from '../http/request-context.ts';
import { notFound } from '../http/errors.ts';
import type { Breakdown, Dashboard } from '../../shared/observatory/types.ts';

export type ScopeKind = 'all' | 'networks' | 'centre' | 'cpi';

export interface ActorScope {
  kind: ScopeKind;
  organisationId: string;
  networks: { id: string; name: string }[];
  breakdowns: Breakdown[];
  dashboards: Dashboard[];
  /** her own centre: counts published as they are */
  unsuppressedOrganisationId: string | null;
}

const ALL_DASHBOARDS: Dashboard[] = ['funnel', 'referrals', 'work', 'profile', 'network', 'feedback'];

/** The caller's scope, or 404 when the observatory has nothing for her. */
export async function scopeOf(ctx: Ctx): Promise<ActorScope> {
  const me: Actor = ctx.authorise('observatory.read');
  const org = await sql<{ type: string }>`SELECT type FROM organisations WHERE id = ${me.organisationId}`.execute(
    ctx.tx,
  );
  const type = org.rows[0]?.type;
  const base = { organisationId: me.organisationId, unsuppressedOrganisationId: null };
  if (me.roles.includes('control_room_member')) {
    const all = await sql<{ id: string; name: string }>`SELECT id, name FROM networks ORDER BY name`.execute(ctx.tx);
    return {
      ...base,
      kind: 'all',
      networks: all.rows,
      breakdowns: ['network', 'centre', 'cpi'],
      dashboards: ALL_DASHBOARDS,
    };
  }
  if (me.roles.includes('network_coordinator')) {
    const mine = await sql<{ id: string; name: string }>`
      SELECT n.id, n.name FROM networks n JOIN organisation_networks o ON o.network_id = n.id
      WHERE o.organisation_id = ${me.organisationId} ORDER BY n.name`.execute(ctx.tx);
    if (mine.rows.length > 0) {
      return {
        ...base,
        kind: 'networks',
        networks: mine.rows,
        breakdowns: ['network', 'centre', 'cpi'],
        dashboards: ALL_DASHBOARDS,
      };
    }
  }
  if (me.roles.includes('org_admin') && (type === 'cav' || type === 'shelter_operator')) {
    return {
      ...base,
      kind: 'centre',
      networks: [],
      breakdowns: ['centre'],
      dashboards: ['funnel', 'referrals', 'work', 'profile', 'feedback'],
      unsuppressedOrganisationId: me.organisationId,
    };
  }
  if (me.roles.includes('org_admin') && type === 'employment_centre') {
    return { ...base, kind: 'cpi', networks: [], breakdowns: ['cpi'], dashboards: ['referrals'] };
  }
  throw notFound();
}

export interface Unit {
  key: string;
  name: string;
}

/** The rows of a breakdown inside the scope (fixed lists: every unit, with zeros). */
export async function unitsOf(ctx: Ctx, scope: ActorScope, by: Breakdown, network: string | null): Promise<Unit[]> {
  const networkIds = network ? [network] : scope.networks.map((n) => n.id);
  if (by === 'network') {
    return scope.networks.filter((n) => networkIds.includes(n.id)).map((n) => ({ key: n.id, name: n.name }));
  }
  if (scope.kind === 'centre' || scope.kind === 'cpi') {
    const own =
      await sql<Unit>`SELECT id::text AS key, name FROM organisations WHERE id = ${scope.organisationId}`.execute(
        ctx.tx,
      );
    return own.rows;
  }
  if (by === 'centre') {
    const rows = await sql<Unit>`
      SELECT DISTINCT o.id::text AS key, o.name FROM organisations o JOIN organisation_networks n ON n.organisation_id = o.id
      WHERE o.type IN ('cav', 'shelter_operator') AND n.network_id = ANY(${networkIds}::text[]) ORDER BY o.name`.execute(
      ctx.tx,
    );
    return rows.rows;
  }
  const cpis = await sql<Unit>`
    SELECT id::text AS key, name FROM organisations WHERE type = 'employment_centre' AND parent_id IS NULL ORDER BY name`.execute(
    ctx.tx,
  );
  return cpis.rows;
}

/** A network named in the query must be one of the scope's; otherwise 404. */
export function checkNetwork(scope: ActorScope, network: string | undefined): string | null {
  if (!network) return null;
  if (!scope.networks.some((n) => n.id === network)) throw notFound();
  return network;
}

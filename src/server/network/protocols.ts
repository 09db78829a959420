import { protocolActions } from '../../shared/allowed-actions.ts';
import type { PermissionActor } from '../../shared/can.ts';
import type { OrganisationType } from '../../shared/codes/organisations.ts';
import { sql } from 'kysely';
import type { Tx } from '../db/context.ts';
import { isoDate, isoTimestamp, isoTimestampOrNull } from '../db/dates.ts';
import type { Adhesion, ProtocolDetail, ProtocolSummary } from './schemas.ts';

type Signatory = ProtocolSummary['signatories'][number];

async function signatoriesOf(tx: Tx, protocolIds: string[]): Promise<Map<string, Signatory[]>> {
  const byProtocol = new Map<string, Signatory[]>(protocolIds.map((id) => [id, []]));
  if (protocolIds.length === 0) return byProtocol;
  const rows = await tx
    .selectFrom('protocol_signatories as s')
    .leftJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      's.protocol_id',
      's.organisation_id',
      sql<string>`coalesce(o.name, s.signatory_name, '')`.as('name'),
      's.kind',
      's.joined_on',
    ])
    .where('s.protocol_id', 'in', protocolIds)
    .orderBy('s.joined_on')
    .orderBy('name')
    .execute();
  for (const r of rows) {
    byProtocol.get(r.protocol_id)?.push({
      organisationId: r.organisation_id,
      name: r.name,
      kind: r.kind,
      joinedOn: isoDate(r.joined_on),
    });
  }
  return byProtocol;
}

function protocolRows(tx: Tx) {
  return tx.selectFrom('protocols').select(['id', 'code', 'name', 'signed_on', 'scope', 'summary']);
}

export async function listProtocols(tx: Tx): Promise<ProtocolSummary[]> {
  const rows = await protocolRows(tx).orderBy('signed_on').orderBy('code').execute();
  const signatories = await signatoriesOf(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    signedOn: isoDate(r.signed_on),
    scope: r.scope,
    summary: r.summary,
    signatories: signatories.get(r.id) ?? [],
  }));
}

/**
 * The adhesions the actor may see: row-level security shows an organisation its own, and the
 * protocol's deciders all (a request made through an invitation has no organisation until approved).
 */
export function adhesionRows(tx: Tx) {
  return tx
    .selectFrom('protocol_adhesions as a')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('municipalities as m', 'm.istat_code', 'a.applicant_municipality_code')
    .select([
      'a.id',
      'a.organisation_id',
      sql<string>`coalesce(o.name, a.applicant_name, '')`.as('organisation_name'),
      'a.status',
      'a.motivation',
      'a.requested_at',
      'a.decided_at',
      'a.invitation_id',
      'a.applicant_type',
      'a.applicant_municipality_code',
      'm.name as municipality_name',
      'a.applicant_website',
      'a.admin_display_name',
      'a.admin_email',
    ]);
}

type AdhesionRow = Awaited<ReturnType<ReturnType<typeof adhesionRows>['executeTakeFirstOrThrow']>>;

export function toAdhesion(r: AdhesionRow): Adhesion {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    status: r.status,
    motivation: r.motivation,
    requestedAt: isoTimestamp(r.requested_at),
    decidedAt: isoTimestampOrNull(r.decided_at),
    applicant:
      r.invitation_id && r.applicant_type
        ? {
            type: r.applicant_type as OrganisationType,
            municipality:
              r.applicant_municipality_code && r.municipality_name
                ? { istatCode: r.applicant_municipality_code, name: r.municipality_name }
                : null,
            website: r.applicant_website,
            adminDisplayName: r.admin_display_name,
            adminEmail: r.admin_email,
          }
        : null,
  };
}

/** One protocol, with what `actor` may do with it. */
export async function getProtocol(tx: Tx, actor: PermissionActor, id: string): Promise<ProtocolDetail | null> {
  const row = await protocolRows(tx).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const signatories = await signatoriesOf(tx, [id]);
  const adhesions = await adhesionRows(tx).where('a.protocol_id', '=', id).orderBy('a.requested_at', 'desc').execute();
  const signedByActor = (signatories.get(id) ?? []).some((s) => s.organisationId === actor.organisationId);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    signedOn: isoDate(row.signed_on),
    scope: row.scope,
    summary: row.summary,
    signatories: signatories.get(id) ?? [],
    adhesions: adhesions.map(toAdhesion),
    allowedActions: protocolActions(actor, signedByActor),
  };
}

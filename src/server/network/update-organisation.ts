import { sql } from 'kysely';
import type { PermissionActor } from '../../shared/can.ts';
import type { Tx } from '../db/context.ts';
import { invalidField, notFound, versionConflict } from '../http/errors.ts';
import { getOrganisation } from './queries.ts';
import type { OrganisationDetail, OrganisationPatch } from './schemas.ts';

const EDITABLE = ['description', 'helpline', 'website', 'address'] as const;
type Editable = (typeof EDITABLE)[number];

/** `If-Match: "3"` (or W/"3", or 3) → 3. A change without it is refused with 428. */
const clean = (v: string | null | undefined) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * Edits the public details of an organisation, if nobody changed it since `version`. A shelter
 * operator's address is never recorded. Returns the organisation and the names of the fields
 * that changed (for the audit trail: names only, never values).
 */
export async function updateOrganisation(
  tx: Tx,
  actor: PermissionActor,
  id: string,
  version: number,
  patch: OrganisationPatch,
): Promise<{ organisation: OrganisationDetail; changed: Editable[] }> {
  const current = await tx
    .selectFrom('organisations')
    .select(['type', 'operates_shelters', 'version', ...EDITABLE])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) throw notFound();
  if (current.version !== version) throw versionConflict();

  const changes: Partial<Record<Editable, string | null>> = {};
  for (const field of EDITABLE) {
    if (!(field in patch)) continue;
    const value = clean(patch[field]);
    if (value !== current[field]) changes[field] = value;
  }
  if (changes.address && (current.type === 'shelter_operator' || current.operates_shelters)) {
    throw invalidField('address', 'shelter_address_forbidden', {
      code: 'shelter_address_forbidden',
      message: 'The address of a body that runs shelters is never recorded',
    });
  }
  const changed = EDITABLE.filter((f) => f in changes);
  if (changed.length > 0) {
    const updated = await tx
      .updateTable('organisations')
      .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw versionConflict();
  }
  const organisation = await getOrganisation(tx, actor, id);
  if (!organisation) throw notFound();
  return { organisation, changed };
}

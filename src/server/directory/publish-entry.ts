import { sql } from 'kysely';
import type { Actor, Tx } from '../db/context.ts';
import { AppError, notFound, versionConflict } from '../http/errors.ts';
import { getEntry } from './entries.ts';
import type { DirectoryEntry } from './schemas.ts';

const nothingToPublish = () => new AppError(409, 'nothing_to_publish', 'The public copy is already this draft');

/**
 * Publishes the draft the editor previewed (`version`): copies it to `directory_published`, which
 * is all the public pages, the HSDS JSON and the CSV read.
 */
export async function publishEntry(
  tx: Tx,
  actor: Actor,
  organisationId: string,
  version: number,
): Promise<DirectoryEntry> {
  const current = await getEntry(tx, actor, organisationId);
  if (!current) throw notFound();
  if (current.version !== version) throw versionConflict();
  if (!current.allowedActions.includes('publish')) throw nothingToPublish();
  const d = current.draft;
  const values = {
    public_phone: d.publicPhone,
    public_email: d.publicEmail,
    hours: JSON.stringify(d.hours),
    open_24h: d.open24h,
    services: d.services,
    languages: d.languages,
    accessibility: d.accessibility,
    free_of_charge: d.freeOfCharge,
    verified_on: d.verifiedOn,
    published_by: actor.userId,
    published_at: sql<Date>`now()` as unknown as Date,
  };
  await tx
    .insertInto('directory_published')
    .values({ organisation_id: organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
  const marked = await tx
    .updateTable('directory_entries')
    .set({ published_version: version })
    .where('organisation_id', '=', organisationId)
    .where('version', '=', version)
    .returning('organisation_id')
    .executeTakeFirst();
  if (!marked) throw versionConflict();
  const entry = await getEntry(tx, actor, organisationId);
  if (!entry) throw notFound();
  return entry;
}

import { sql } from 'kysely';
import type { Actor, Tx } from '../db/context.ts';
import { todayInItaly } from '../db/dates.ts';
import { fieldError, invalidFields, notFound, versionConflict } from '../http/errors.ts';
import { EMPTY_ENTRY, getEntry } from './entries.ts';
import type { DirectoryEntry, EntryFields } from './schemas.ts';

const FIELDS = Object.keys(EMPTY_ENTRY) as Array<keyof EntryFields>;

/** Checks what the schema cannot: hours that close after they open, a verification date not in the future. */
function check(input: EntryFields): void {
  const errors = [];
  if (input.hours.some((h) => h.closes <= h.opens))
    errors.push(fieldError('hours', 'invalid', 'closes before it opens'));
  if (input.verifiedOn && input.verifiedOn > todayInItaly()) errors.push(fieldError('verifiedOn', 'in_the_future'));
  if (errors.length) throw invalidFields(errors);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves the draft of an organisation's public entry, if nobody changed it since `version` (0 when
 * there is none yet). The public copy does not change until the draft is published. Returns the
 * entry and the names of the fields that changed (for the audit trail: names, never values).
 */
export async function saveEntry(
  tx: Tx,
  actor: Actor,
  organisationId: string,
  version: number,
  input: EntryFields,
): Promise<{ entry: DirectoryEntry; changed: string[] }> {
  const current = await getEntry(tx, actor, organisationId);
  if (!current) throw notFound();
  if (current.version !== version) throw versionConflict();
  check(input);
  const changed = FIELDS.filter((f) => !same(current.draft[f], input[f]));
  const values = {
    public_phone: input.publicPhone,
    public_email: input.publicEmail,
    hours: JSON.stringify(input.hours),
    open_24h: input.open24h,
    services: input.services,
    languages: input.languages,
    accessibility: input.accessibility,
    free_of_charge: input.freeOfCharge,
    verified_on: input.verifiedOn,
    updated_by: actor.userId,
  };
  if (version === 0) {
    const inserted = await tx
      .insertInto('directory_entries')
      .values({ organisation_id: organisationId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doNothing())
      .returning('organisation_id')
      .executeTakeFirst();
    if (!inserted) throw versionConflict();
  } else if (changed.length > 0) {
    const updated = await tx
      .updateTable('directory_entries')
      .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
      .where('organisation_id', '=', organisationId)
      .where('version', '=', version)
      .returning('organisation_id')
      .executeTakeFirst();
    if (!updated) throw versionConflict();
  }
  const entry = await getEntry(tx, actor, organisationId);
  if (!entry) throw notFound();
  return { entry, changed };
}

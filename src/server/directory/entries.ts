import { sql } from 'kysely';
import { directoryEntryActions } from '../../shared/allowed-actions.ts';
import type { PermissionActor } from '../../shared/can.ts';
import {
  DIRECTORY_ORGANISATION_TYPES,
  type DirectoryEntryStatus,
  STALE_AFTER_MONTHS,
} from '../../shared/codes/directory.ts';
import type { Tx } from '../db/context.ts';
import { isoDateOrNull, isoTimestamp, todayInItaly } from '../db/dates.ts';
import type { OpeningHours } from '../db/schema-directory.ts';
import type { DirectoryEntry, DirectoryEntrySummary, EntryFields } from './schemas.ts';

/**
 * The editors' view of the directory entries. Which organisations the actor may edit is decided
 * in SQL, by `app_edits_directory()` (her own organisation as administrator; the members of her
 * networks as coordinator; all as platform administrator), the same function the RLS policies use.
 */

export const EMPTY_ENTRY: EntryFields = {
  publicPhone: null,
  publicEmail: null,
  hours: [],
  open24h: false,
  services: [],
  languages: [],
  accessibility: [],
  freeOfCharge: true,
  verifiedOn: null,
};

/** Not verified in the last 6 months, or never: flagged to the editors. */
export function isStale(verifiedOn: string | null, today = todayInItaly()): boolean {
  if (!verifiedOn) return true;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const limit = new Date(Date.UTC(y, m - 1 - STALE_AFTER_MONTHS, d)).toISOString().slice(0, 10);
  return verifiedOn < limit;
}

function rows(tx: Tx) {
  return tx
    .selectFrom('organisations as o')
    .leftJoin('directory_entries as e', 'e.organisation_id', 'o.id')
    .leftJoin('directory_published as p', 'p.organisation_id', 'o.id')
    .select([
      'o.id',
      'o.name',
      'o.type',
      'o.operates_shelters',
      'e.public_phone',
      'e.public_email',
      'e.hours',
      'e.open_24h',
      'e.services',
      'e.languages',
      'e.accessibility',
      'e.free_of_charge',
      'e.verified_on',
      'e.version',
      'e.published_version',
      'p.public_phone as p_phone',
      'p.public_email as p_email',
      'p.hours as p_hours',
      'p.open_24h as p_open_24h',
      'p.services as p_services',
      'p.languages as p_languages',
      'p.accessibility as p_accessibility',
      'p.free_of_charge as p_free',
      'p.verified_on as p_verified_on',
      'p.published_at',
    ])
    .where('o.type', 'in', DIRECTORY_ORGANISATION_TYPES)
    .where(sql<boolean>`app_edits_directory(o.id)`);
}
type Row = Awaited<ReturnType<ReturnType<typeof rows>['executeTakeFirstOrThrow']>>;

function statusOf(r: Row): DirectoryEntryStatus {
  if (r.version === null) return 'empty';
  if (r.published_version === null) return 'draft';
  return r.published_version === r.version ? 'published' : 'changed';
}

function summary(r: Row): DirectoryEntrySummary {
  const verifiedOn = isoDateOrNull(r.verified_on ?? null);
  return {
    organisationId: r.id,
    organisationName: r.name,
    organisationType: r.type,
    status: statusOf(r),
    verifiedOn,
    stale: isStale(verifiedOn),
  };
}

const hours = (v: unknown): OpeningHours[] => (Array.isArray(v) ? (v as OpeningHours[]) : []);

function detail(actor: PermissionActor, r: Row): DirectoryEntry {
  const s = summary(r);
  const draft: EntryFields =
    r.version === null
      ? EMPTY_ENTRY
      : {
          publicPhone: r.public_phone,
          publicEmail: r.public_email,
          hours: hours(r.hours) as EntryFields['hours'],
          open24h: r.open_24h ?? false,
          services: (r.services ?? []) as EntryFields['services'],
          languages: (r.languages ?? []) as EntryFields['languages'],
          accessibility: (r.accessibility ?? []) as EntryFields['accessibility'],
          freeOfCharge: r.free_of_charge ?? true,
          verifiedOn: s.verifiedOn,
        };
  return {
    ...s,
    operatesShelters: r.operates_shelters,
    draft,
    published: r.published_at
      ? {
          publicPhone: r.p_phone,
          publicEmail: r.p_email,
          hours: hours(r.p_hours) as EntryFields['hours'],
          open24h: r.p_open_24h ?? false,
          services: (r.p_services ?? []) as EntryFields['services'],
          languages: (r.p_languages ?? []) as EntryFields['languages'],
          accessibility: (r.p_accessibility ?? []) as EntryFields['accessibility'],
          freeOfCharge: r.p_free ?? true,
          verifiedOn: isoDateOrNull(r.p_verified_on ?? null),
          publishedAt: isoTimestamp(r.published_at),
        }
      : null,
    version: r.version ?? 0,
    allowedActions: directoryEntryActions(actor, s),
  };
}

export async function listEntries(tx: Tx): Promise<DirectoryEntrySummary[]> {
  const found = await rows(tx).orderBy('o.name').execute();
  return found.map(summary);
}

/** One entry the actor may edit, or null (another organisation's, a shelter operator, unknown). */
export async function getEntry(tx: Tx, actor: PermissionActor, organisationId: string): Promise<DirectoryEntry | null> {
  const r = await rows(tx).where('o.id', '=', organisationId).executeTakeFirst();
  return r ? detail(actor, r) : null;
}

import { type Static, Type } from '@sinclair/typebox';
import {
  ACCESSIBILITY_FEATURES,
  DIRECTORY_ENTRY_ACTIONS,
  DIRECTORY_ENTRY_STATUSES,
  DIRECTORY_SERVICES,
  SPOKEN_LANGUAGES,
  WEEKDAYS,
} from '../../shared/codes/directory.ts';
import { DateOnly, DateTime, Enum, Nullable, Obj, Uuid } from '../http/schema-kit.ts';

const Time = Type.String({ maxLength: 5, pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

/** The public fields of an entry: what the pages, the HSDS JSON and the CSV show. Codes, a phone, an e-mail. */
export const EntryFields = Obj({
  publicPhone: Nullable(Type.String({ maxLength: 24, pattern: '^\\+?[0-9][0-9 ]{4,22}$' })),
  publicEmail: Nullable(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$' })),
  hours: Type.Array(Obj({ day: Enum(WEEKDAYS), opens: Time, closes: Time }), { maxItems: 28 }),
  open24h: Type.Boolean(),
  services: Type.Array(Enum(DIRECTORY_SERVICES), { uniqueItems: true }),
  languages: Type.Array(Enum(SPOKEN_LANGUAGES), { uniqueItems: true }),
  accessibility: Type.Array(Enum(ACCESSIBILITY_FEATURES), { uniqueItems: true }),
  freeOfCharge: Type.Boolean(),
  verifiedOn: Nullable(DateOnly),
});
export type EntryFields = Static<typeof EntryFields>;

export const DirectoryEntrySummary = Obj({
  organisationId: Uuid,
  organisationName: Type.String(),
  organisationType: Type.String(),
  status: Enum(DIRECTORY_ENTRY_STATUSES),
  verifiedOn: Nullable(DateOnly),
  /** not verified in the last 6 months (or never) */
  stale: Type.Boolean(),
});
export type DirectoryEntrySummary = Static<typeof DirectoryEntrySummary>;
export const DirectoryEntryList = Obj({ items: Type.Array(DirectoryEntrySummary) });

export const DirectoryEntry = Obj({
  ...DirectoryEntrySummary.properties,
  operatesShelters: Type.Boolean(),
  /** the draft being edited (empty fields when nothing is written yet) */
  draft: EntryFields,
  /** what the public sees now, if anything */
  published: Nullable(Obj({ ...EntryFields.properties, publishedAt: DateTime })),
  /** the draft's version (0: nothing written yet); send it back in If-Match */
  version: Type.Integer({ minimum: 0 }),
  allowedActions: Type.Array(Enum(DIRECTORY_ENTRY_ACTIONS)),
});
export type DirectoryEntry = Static<typeof DirectoryEntry>;

export const EntryPreview = Obj({ html: Type.String() });

export const OrganisationParams = Obj({ organisationId: Uuid });

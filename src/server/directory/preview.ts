import type { Tx } from '../db/context.ts';
import { html } from './html.ts';
import { layout } from './layout.ts';
import type { DirectoryEntry } from './schemas.ts';
import { body } from './pages.ts';
import { TEXTS } from './texts/index.ts';

/**
 * The draft as the public pages would show it, in `lang`: the same template, the same rules (no
 * town or address for a body that runs shelters; details only once verified).
 */
export async function previewEntry(tx: Tx, entry: DirectoryEntry, lang: keyof typeof TEXTS = 'it'): Promise<string> {
  const o = await tx
    .selectFrom('organisations')
    .select(['town', 'address', 'municipality_code', 'parent_id'])
    .where('id', '=', entry.organisationId)
    .executeTakeFirstOrThrow();
  const shelters = entry.operatesShelters;
  const d = entry.draft;
  const t = TEXTS[lang];
  const listed = {
    organisation: {
      id: entry.organisationId,
      name: entry.organisationName,
      type: entry.organisationType,
      parentId: o.parent_id,
      operatesShelters: shelters,
      town: shelters ? null : o.town,
      address: entry.organisationType === 'employment_centre' && !shelters ? o.address : null,
      municipalityCode: shelters ? null : o.municipality_code,
      networkIds: [],
    },
    entry: d.verifiedOn
      ? {
          organisationId: entry.organisationId,
          phone: d.publicPhone,
          email: d.publicEmail,
          hours: d.hours,
          open24h: d.open24h,
          services: d.services,
          languages: d.languages,
          accessibility: d.accessibility,
          freeOfCharge: d.freeOfCharge,
          verifiedOn: d.verifiedOn,
          publishedAt: new Date().toISOString(),
        }
      : null,
  };
  return layout(t, {
    title: entry.organisationName,
    rest: '',
    bare: true,
    body: html`<ul class="orgs">${body(t, listed)}</ul>`,
  });
}

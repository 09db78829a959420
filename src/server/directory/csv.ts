import { stringify } from 'csv-stringify/sync';
import type { Directory } from './model.ts';

/** One row per listed body: the same public fields as the pages (never a shelter's location). */
export function csvDocument(d: Directory): string {
  const rows = d.snapshot.organisations.map((o) => {
    const e = d.listedOf(o).entry;
    return [
      o.id,
      o.name,
      o.type,
      o.networkIds.join(' '),
      o.type === 'employment_centre' ? (o.address ?? '') : '',
      o.operatesShelters ? '' : (o.town ?? ''),
      o.operatesShelters ? 'yes' : 'no',
      e?.phone ?? '',
      e?.email ?? '',
      e ? (e.open24h ? '24/7' : e.hours.map((h) => `${h.day} ${h.opens}-${h.closes}`).join('; ')) : '',
      e?.services.join(' ') ?? '',
      e?.languages.join(' ') ?? '',
      e?.accessibility.join(' ') ?? '',
      e ? (e.freeOfCharge ? 'yes' : 'no') : '',
      e?.verifiedOn ?? '',
    ];
  });
  return stringify(rows, {
    header: true,
    columns: [
      'organisation_id',
      'name',
      'type',
      'networks',
      'address',
      'town',
      'gives_access_to_shelters',
      'phone',
      'email',
      'hours',
      'services',
      'languages',
      'accessibility',
      'free_of_charge',
      'verified_on',
    ],
  });
}

import { createHash } from 'node:crypto';
import { WEEKDAYS } from '../../shared/codes/directory.ts';
import type { Directory, Listed } from './model.ts';
import type { PublicOrganisation } from './snapshot.ts';
import { TEXTS } from './texts/index.ts';

/**
 * The directory as Open Referral HSDS 3.0 (https://docs.openreferral.org/en/3.0/): organizations,
 * services (with phones, schedules, languages, service areas and service_at_locations) and
 * locations. A body that runs shelters, and every anti-violence centre, has only a `virtual`
 * location: no address, no coordinates, no area narrower than its networks. Only employment
 * centres, public offices, have a physical location with their street.
 */

/** A stable UUID (version 5 layout) from a name, so that ids do not change between exports. */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(`percorsi-directory:${name}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

const TYPE_DESCRIPTION: Record<string, string> = {
  cav: 'Centro antiviolenza',
  employment_centre: 'Centro per l’impiego',
  social_services: 'Servizi sociali',
  municipality: 'Comune (servizi sociali)',
  ats_asst: 'Azienda sanitaria',
};

const it = TEXTS.it;

export interface HsdsDocument {
  hsds_version: '3.0';
  description: string;
  organizations: Record<string, unknown>[];
  services: Record<string, unknown>[];
  locations: Record<string, unknown>[];
}

function organizationOf(o: PublicOrganisation): Record<string, unknown> {
  return {
    id: o.id,
    name: o.name,
    description: TYPE_DESCRIPTION[o.type] ?? o.type,
    ...(o.parentId ? { parent_organization_id: o.parentId } : {}),
  };
}

function locationOf(o: PublicOrganisation): Record<string, unknown> {
  const id = stableUuid(`location:${o.id}`);
  if (o.type === 'employment_centre' && o.address && !o.operatesShelters) {
    return {
      id,
      location_type: 'physical',
      organization_id: o.id,
      name: o.name,
      addresses: [
        {
          id: stableUuid(`address:${o.id}`),
          location_id: id,
          address_1: o.address,
          city: o.town ?? '',
          state_province: 'Lombardia',
          postal_code: '',
          country: 'IT',
          address_type: 'physical',
        },
      ],
    };
  }
  return {
    id,
    location_type: 'virtual',
    organization_id: o.id,
    name: o.name,
    description: o.operatesShelters
      ? 'Accesso alle case rifugio solo tramite il centro: gli indirizzi sono segreti.'
      : 'Contatto telefonico o via e-mail.',
  };
}

function servicesOf(d: Directory, l: Listed): Record<string, unknown>[] {
  const { organisation: o, entry: e } = l;
  if (!e) return [];
  const areas = o.networkIds.map((id) => d.network(id)).filter((n) => n !== undefined);
  const locationId = stableUuid(`location:${o.id}`);
  return e.services.map((code) => {
    const id = stableUuid(`service:${o.id}:${code}`);
    const text = it.service[code as keyof typeof it.service];
    return {
      id,
      organization_id: o.id,
      name: `${text?.name ?? code} — ${o.name}`,
      description: text?.text ?? code,
      status: 'active',
      ...(e.email ? { email: e.email } : {}),
      ...(e.freeOfCharge ? { fees_description: 'Gratuito' } : {}),
      ...(e.verifiedOn ? { assured_date: e.verifiedOn } : {}),
      phones: e.phone
        ? [{ id: stableUuid(`phone:${o.id}:${code}`), service_id: id, number: e.phone, type: 'voice', languages: [] }]
        : [],
      schedules: e.open24h
        ? [
            {
              id: stableUuid(`schedule:${o.id}:${code}:24h`),
              service_id: id,
              description: 'Aperto 24 ore su 24, tutti i giorni',
            },
          ]
        : WEEKDAYS.flatMap((day) =>
            e.hours
              .filter((h) => h.day === day)
              .map((h) => ({
                id: stableUuid(`schedule:${o.id}:${code}:${day}:${h.opens}`),
                service_id: id,
                freq: 'WEEKLY',
                byday: day.toUpperCase(),
                opens_at: h.opens,
                closes_at: h.closes,
              })),
          ),
      languages: e.languages.map((lang) => ({
        id: stableUuid(`language:${o.id}:${code}:${lang}`),
        service_id: id,
        name: new Intl.DisplayNames(['it'], { type: 'language' }).of(lang) ?? lang,
        code: lang,
      })),
      service_areas: areas.map((n) => ({
        id: stableUuid(`area:${o.id}:${code}:${n.id}`),
        service_id: id,
        name: n.name,
        description: 'I comuni della rete antiviolenza',
      })),
      service_at_locations: [{ id: stableUuid(`sal:${o.id}:${code}`), service_id: id, location_id: locationId }],
    };
  });
}

export function hsdsDocument(d: Directory): HsdsDocument {
  const listed = d.snapshot.organisations.map((o) => d.listedOf(o));
  return {
    hsds_version: '3.0',
    description:
      'Elenco pubblico della rete antiviolenza di Milano e Pavia (Percorsi). Le case rifugio non hanno mai un indirizzo.',
    organizations: listed.map((l) => organizationOf(l.organisation)),
    services: listed.flatMap((l) => servicesOf(d, l)),
    locations: listed.map((l) => locationOf(l.organisation)),
  };
}

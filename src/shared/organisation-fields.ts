import type { OrganisationType } from './codes/organisations.ts';

/**
 * Which organisations a field may name, by what the field means: one rule table, read by the
 * server (a refused choice is a 400 `not_for_this_field`) and by the UI's `OrganisationPicker`
 * (only fitting bodies are offered, grouped by type in this order).
 */
export const ORGANISATION_FIELDS = ['plan_action.responsible', 'referral.recipient', 'consent.recipient'] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

export const FIELD_TYPES: Record<OrganisationField, readonly OrganisationType[]> = {
  // who can own an action of her plan: services that take a woman in, not police, courts or companies
  'plan_action.responsible': [
    'employment_centre',
    'training_body',
    'social_services',
    'housing_office',
    'ats_asst',
    'municipality',
    'metro_city',
    'cav',
    'shelter_operator',
    'ngo',
    'trade_union',
    'school',
  ],
  // who receives a referral: bodies of the network that take women in for a service
  'referral.recipient': [
    'employment_centre',
    'training_body',
    'housing_office',
    'social_services',
    'ats_asst',
    'cav',
    'shelter_operator',
    'municipality',
    // net-companies: a company, for a job; its share set is what a CV needs (referrals/share-fields.ts)
    'company',
  ],
  // whom her consent may name: the recipients of referrals, and the bodies she may be put in
  // touch with for legal or social support
  'consent.recipient': [
    'employment_centre',
    'training_body',
    'housing_office',
    'social_services',
    'ats_asst',
    'cav',
    'shelter_operator',
    'municipality',
    'ngo',
    'trade_union',
    'police',
    'court',
    // net-companies: a company, for a job (a referral with her consent)
    'company',
  ],
};

export const fitsField = (field: OrganisationField, type: string): boolean =>
  (FIELD_TYPES[field] as readonly string[]).includes(type);

/** Italian collation, ignoring case and accents: "ASST" sorts with "Asst", "Città" with "Citta". */
const collator = new Intl.Collator('it', { sensitivity: 'base', numeric: true });
export const compareNames = (a: string, b: string) => collator.compare(a, b);

/** Lower case, accents removed, spaces collapsed: what a search compares. */
export const searchKey = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('it').replace(/\s+/g, ' ').trim();

export interface PickableOrganisation {
  id: string;
  name: string;
  type: string;
  town?: string | null;
}

export interface OrganisationGroup<O extends PickableOrganisation> {
  type: OrganisationType;
  items: O[];
}

/**
 * The organisations a field offers, grouped by type in the table's order and sorted by name with
 * the Italian collation, keeping those whose name or town contains every word of `query`. The
 * organisation already chosen (`keep`) stays whatever the query, so a filter never hides the
 * current value.
 */
export function pickerGroups<O extends PickableOrganisation>(
  field: OrganisationField,
  organisations: readonly O[],
  query = '',
  keep?: string,
): OrganisationGroup<O>[] {
  const words = searchKey(query).split(' ').filter(Boolean);
  const matches = (o: O) => {
    if (o.id === keep) return true;
    const key = searchKey(`${o.name} ${o.town ?? ''}`);
    return words.every((w) => key.includes(w));
  };
  return FIELD_TYPES[field]
    .map((type) => ({
      type,
      items: organisations
        .filter((o) => o.type === type && matches(o))
        .sort((a, b) => compareNames(a.name, b.name) || compareNames(a.town ?? '', b.town ?? '')),
    }))
    .filter((g) => g.items.length > 0);
}

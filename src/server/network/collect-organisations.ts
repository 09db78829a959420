import { canonicalName, type NetworkData, nameKey, organisationType, type SourceCpi } from './network-data.ts';

/** One body of the network, merged from every place the sources mention it. */
export interface OrganisationDraft {
  name: string;
  type: string;
  town: string | null;
  /** only ever set for employment centres: shelter operators' addresses are secret by law */
  address: string | null;
  helpline: string | null;
  operatesShelters: boolean;
  uncertain: boolean;
  notes: string[];
  sourceIds: string[];
  parentName: string | null;
  /** network id → the body's role in it */
  networks: Map<string, string | null>;
}

interface Mention {
  name: string;
  type: string;
  town?: string;
  address?: string;
  helpline?: string;
  operatesShelters?: boolean;
  uncertain?: boolean;
  notes?: Array<string | undefined>;
  sourceIds?: string[];
  parentName?: string;
}

const textOrNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);
const isAsAbove = (v: string | undefined) => /^as above\.?$/i.test(v?.trim() ?? '');

/**
 * Folds the institutions, the networks' members, the health bodies and the CPIs into one list of
 * organisations: the same body named in several networks becomes one organisation with several
 * memberships.
 */
export function collectOrganisations(data: NetworkData): OrganisationDraft[] {
  const byKey = new Map<string, OrganisationDraft>();

  const add = (m: Mention, membership?: { networkId: string; role: string | null }) => {
    const name = canonicalName(m.name);
    const key = nameKey(name);
    const notes = (m.notes ?? []).map(textOrNull).filter((n): n is string => n !== null);
    const found = byKey.get(key);
    const draft: OrganisationDraft = found ?? {
      name,
      type: m.type,
      town: null,
      address: null,
      helpline: null,
      operatesShelters: false,
      uncertain: false,
      notes: [],
      sourceIds: [],
      parentName: m.parentName ?? null,
      networks: new Map(),
    };
    draft.town ??= textOrNull(m.town);
    draft.helpline ??= textOrNull(m.helpline);
    draft.address ??= textOrNull(m.address);
    draft.operatesShelters ||= m.operatesShelters === true || m.type === 'shelter_operator';
    draft.uncertain ||= m.uncertain === true;
    for (const n of notes) if (!draft.notes.includes(n)) draft.notes.push(n);
    for (const s of m.sourceIds ?? []) if (!draft.sourceIds.includes(s)) draft.sourceIds.push(s);
    if (membership && !draft.networks.get(membership.networkId)) {
      draft.networks.set(membership.networkId, membership.role);
    }
    byKey.set(key, draft);
  };

  for (const o of data.institutions) {
    add({ ...o, type: organisationType(o.type), notes: [o.role, o.notes] });
  }
  for (const network of data.networks) {
    let previousNotes: string | undefined;
    for (const o of network.organisations ?? []) {
      // "As above." refers to the member listed just before.
      const notes = isAsAbove(o.notes) ? previousNotes : o.notes;
      previousNotes = notes;
      add(
        {
          name: o.name,
          type: organisationType(o.type),
          town: o.town,
          helpline: o.helpline,
          operatesShelters: o.alsoShelterOperator,
          uncertain: o.uncertain,
          notes: [notes, o.helplineNote],
          sourceIds: o.sourceIds,
        },
        { networkId: network.id, role: textOrNull(o.role) },
      );
    }
  }
  for (const h of data.health) {
    const mention = {
      name: h.name,
      type: organisationType(h.type),
      uncertain: h.uncertain,
      notes: [h.notes],
      sourceIds: h.sourceIds,
    };
    if (h.networks.length === 0) add(mention);
    for (const networkId of h.networks) add(mention, { networkId, role: null });
  }
  for (const cpi of data.cpis) {
    add(employmentCentre(cpi));
    for (const branch of cpi.branches ?? []) add(employmentCentre(branch, canonicalName(cpi.name)));
  }

  const drafts = [...byKey.values()];
  for (const d of drafts) {
    // Belt and braces: the database refuses it too.
    if (d.type === 'shelter_operator' || d.operatesShelters) d.address = null;
  }
  return drafts;
}

function employmentCentre(c: SourceCpi, parentName?: string): Mention {
  return {
    name: c.name,
    type: 'employment_centre',
    town: c.town,
    address: c.address,
    uncertain: c.uncertain,
    notes: [c.note, c.addressNote, c.status],
    sourceIds: c.sourceIds,
    parentName,
  };
}

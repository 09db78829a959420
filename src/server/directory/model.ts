import type { PublicEntry, PublicOrganisation, PublicSnapshot } from './snapshot.ts';

export type Municipality = PublicSnapshot['municipalities'][number];
export type Network = PublicSnapshot['networks'][number];

/** Case, accents, apostrophes and dashes do not matter: «Cinisello», «cinisello», «Ciniséllo» match. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘'`´\-–—.,/()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Listed {
  organisation: PublicOrganisation;
  /** the published entry, when its information was verified */
  entry: PublicEntry | null;
}

/** The public directory, indexed for the pages: built once per snapshot, read by every request. */
export class Directory {
  readonly municipalities: Municipality[];
  private readonly byCode: Map<string, Municipality>;
  private readonly keys: Array<{ m: Municipality; key: string; words: string[] }>;
  private readonly networks: Map<string, Network>;
  private readonly entries: Map<string, PublicEntry>;

  constructor(readonly snapshot: PublicSnapshot) {
    this.municipalities = [...snapshot.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'it'));
    this.byCode = new Map(this.municipalities.map((m) => [m.code, m]));
    this.keys = this.municipalities.map((m) => {
      const key = normalise(m.name);
      return { m, key, words: key.split(' ') };
    });
    this.networks = new Map(snapshot.networks.map((n) => [n.id, n]));
    this.entries = new Map(snapshot.entries.map((e) => [e.organisationId, e]));
  }

  /** Municipalities whose name, or a word of it, starts with `query`: whole-name matches first. */
  search(query: string): Municipality[] {
    const q = normalise(query);
    if (!q) return [];
    const first = this.keys.filter((k) => k.key.startsWith(q));
    const then = this.keys.filter((k) => !k.key.startsWith(q) && k.words.some((w) => w.startsWith(q)));
    return [...first, ...then].map((k) => k.m);
  }

  municipality(code: string): Municipality | undefined {
    return this.byCode.get(code);
  }

  networksOf(m: Municipality): Network[] {
    return m.networkIds.map((id) => this.networks.get(id)).filter((n): n is Network => n !== undefined);
  }

  listedOf(o: PublicOrganisation): Listed {
    const entry = this.entries.get(o.id);
    return { organisation: o, entry: entry?.verifiedOn ? entry : null };
  }

  /** The anti-violence centres of a network. */
  centres(network: Network): Listed[] {
    return this.snapshot.organisations
      .filter((o) => o.type === 'cav' && o.networkIds.includes(network.id))
      .map((o) => this.listedOf(o));
  }

  /** The anti-violence centres of the municipality's networks, each once. */
  centresOf(m: Municipality): Listed[] {
    const seen = new Set<string>();
    return this.networksOf(m)
      .flatMap((n) => this.centres(n))
      .filter((l) => !seen.has(l.organisation.id) && seen.add(l.organisation.id) !== undefined);
  }

  /** The employment centres in the municipality, else those in the municipalities of its networks. */
  employmentCentres(m: Municipality): Listed[] {
    const cpis = this.snapshot.organisations.filter((o) => o.type === 'employment_centre');
    const here = cpis.filter((o) => o.municipalityCode === m.code);
    if (here.length) return here.map((o) => this.listedOf(o));
    const area = new Set(
      this.municipalities.filter((x) => x.networkIds.some((id) => m.networkIds.includes(id))).map((x) => x.code),
    );
    return cpis.filter((o) => o.municipalityCode !== null && area.has(o.municipalityCode)).map((o) => this.listedOf(o));
  }

  /** The municipality's own body (its social services), when the directory knows it. */
  socialServices(m: Municipality): Listed[] {
    return this.snapshot.organisations
      .filter((o) => (o.type === 'municipality' || o.type === 'social_services') && o.municipalityCode === m.code)
      .map((o) => this.listedOf(o));
  }

  /** Every listed body that published (and verified) this service. */
  offering(service: string): Listed[] {
    return this.snapshot.organisations.map((o) => this.listedOf(o)).filter((l) => l.entry?.services.includes(service));
  }

  /** Municipalities in a network, for the service pages. */
  network(id: string): Network | undefined {
    return this.networks.get(id);
  }
}

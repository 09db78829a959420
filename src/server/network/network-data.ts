import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shape of `network-milano-pavia.json` (the research compilation of the real networks), as far
 * as Percorsi reads it. Shelter addresses are not in it and must never be added.
 */
export interface SourceOrganisation {
  name: string;
  type: string;
  town?: string;
  role?: string;
  helpline?: string;
  helplineNote?: string;
  uncertain?: boolean;
  alsoShelterOperator?: boolean;
  notes?: string;
  sourceIds?: string[];
}

export interface SourceNetwork {
  id: string;
  name: string;
  leadMunicipality: string;
  formerLeadMunicipality?: string;
  coLeadMunicipalities?: string[];
  ambiti?: string[];
  municipalitiesBasis?: string;
  municipalitiesNote?: string;
  uncertainNote?: string;
  ambitiNote?: string;
  hasShelters: boolean | null;
  sheltersNote?: string;
  notes?: string;
  sourceIds?: string[];
  organisations?: SourceOrganisation[];
}

export interface SourceCpi {
  name: string;
  town?: string;
  address?: string;
  addressNote?: string;
  note?: string;
  status?: string;
  uncertain?: boolean;
  sourceIds?: string[];
  branches?: SourceCpi[];
}

export interface SourceHealth {
  name: string;
  type: string;
  networks: string[];
  uncertain?: boolean;
  notes?: string;
  sourceIds?: string[];
}

export interface SourceProtocol {
  name: string;
  date: string;
  signatories: string[];
  sourceIds?: string[];
}

export interface SourceMunicipality {
  name: string;
  istatCode: string;
  networkId: string;
}

export interface NetworkData {
  institutions: SourceOrganisation[];
  protocols: SourceProtocol[];
  networks: SourceNetwork[];
  cpis: SourceCpi[];
  health: SourceHealth[];
  metroMunicipalities: SourceMunicipality[];
  /** date of the Pavia programme, read from the Comune di Pavia press release in the seeds; null if not found */
  paviaProgrammeDate?: string | null;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The research compilation kept in the repository (`data/network/`, see its README); an environment variable may point elsewhere. */
export function networkDataPath(): string {
  return process.env.PERCORSI_NETWORK_DATA || path.resolve(REPO_ROOT, 'data/network/network-milano-pavia.json');
}

/** Reads the network data and, from the source documents kept beside it (`sources/`), the Pavia programme's date. */
export async function loadNetworkData(file = networkDataPath()): Promise<NetworkData> {
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  const data = parsed as NetworkData;
  for (const key of ['institutions', 'protocols', 'networks', 'cpis', 'health', 'metroMunicipalities'] as const) {
    if (!Array.isArray(data[key])) throw new Error(`network data: "${key}" is missing or not a list`);
  }
  return { ...data, paviaProgrammeDate: await readPaviaProgrammeDate(path.resolve(path.dirname(file), 'sources')) };
}

const MONTHS = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];

/** The Pavia press release (source document 003) ends with "Pavia, 17 dicembre 2021". */
export async function readPaviaProgrammeDate(seedsDir: string): Promise<string | null> {
  const files = await readdir(seedsDir).catch(() => [] as string[]);
  const seed = files.find((f) => f.startsWith('003_'));
  if (!seed) return null;
  const text = await readFile(path.join(seedsDir, seed), 'utf8');
  const m = /Pavia,\s+(\d{1,2})\s+([a-z]+)\s+(\d{4})/i.exec(text);
  const month = m ? MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1 : 0;
  if (!m || month === 0) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
}

/** A comparison key for names: case, quotes, dashes and spaces do not matter. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[’‘`]/g, "'").replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
}

export const AFOL_NAME = "AFOL Metropolitana (Agenzia Metropolitana per la Formazione, l'Orientamento e il Lavoro)";
export const ATS_MILANO_NAME = 'ATS Città Metropolitana di Milano';

/** Other spellings of the same body found in the sources, to their one name in Percorsi. */
const ALIASES: Record<string, string> = {
  'AFOL Metropolitana': AFOL_NAME,
  Afolmet: AFOL_NAME,
  'ATS Milano Città Metropolitana': ATS_MILANO_NAME,
  'ASST Melegnano e Martesana': 'ASST Melegnano e della Martesana',
  'Comando Provinciale dei Carabinieri Milano': "Comando Provinciale dell'Arma dei Carabinieri",
  'Guardia di Finanza': 'Comando Provinciale della Guardia di Finanza',
  // The sources' research notes on a change of name, in the Italian way of writing it ("già").
  "Associazione Telefono Donna Onlus (now 'Telefono Donna Italia')":
    'Telefono Donna Italia (già Associazione Telefono Donna Onlus)',
  'Istituti Clinici Scientifici Maugeri (formerly Fondazione Salvatore Maugeri)':
    'Istituti Clinici Scientifici Maugeri (già Fondazione Salvatore Maugeri)',
};
const ALIAS_KEYS = new Map(Object.entries(ALIASES).map(([alias, name]) => [nameKey(alias), name]));

/** The name Percorsi uses for a body, given any spelling of it found in the sources. */
export function canonicalName(name: string): string {
  return ALIAS_KEYS.get(nameKey(name)) ?? name.trim();
}

/** JSON organisation types to Percorsi's; AFOL stays 'other', CPIs are set apart by the seeder. */
export function organisationType(sourceType: string): string {
  switch (sourceType) {
    case 'cav':
    case 'shelter_operator':
    case 'municipality':
    case 'metro_city':
    case 'ngo':
      return sourceType;
    case 'ats':
    case 'asst':
      return 'ats_asst';
    default:
      return 'other';
  }
}

import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { OrganisationDraft } from './collect-organisations.ts';
import { canonicalName, type NetworkData, nameKey } from './network-data.ts';

export type SeededOrganisation = OrganisationDraft & { id: string };

interface ProtocolPlan {
  code: string;
  name: string;
  signedOn: string;
  scope: string;
  summary: string | null;
  sourceIds: string[];
  signatories: string[];
  /** when a signatory reads "see network 'x'": which of that network's members signed */
  networkMemberTypes?: string[];
}

const CENTRE_TYPES = ['cav', 'shelter_operator'];

/** What the JSON does not say: stable codes and the Italian scope, by the protocol's date. */
const KNOWN: Record<string, Omit<ProtocolPlan, 'name' | 'signedOn' | 'sourceIds' | 'signatories'>> = {
  '2022-05-02': {
    code: 'milano-lavoro-2022',
    scope:
      'Empowerment socio-economico delle donne che escono dalla violenza nella città di Milano: formazione degli ' +
      "operatori dei Centri per l'impiego di AFOL, campagne informative nelle aziende, analisi dei bisogni formativi " +
      "e lavorativi, piani individuali di empowerment per l'inserimento e il mantenimento del lavoro, monitoraggio e " +
      'valutazione costruiti con le donne.',
    summary:
      'Firmato dal Comune di Milano con Città metropolitana, AFOL Metropolitana, ActionAid Italia e i 14 enti della ' +
      'rete antiviolenza cittadina (un comunicato successivo ne conta 15); 13 enti sono identificati nelle fonti. ' +
      'I firmatari formano la cabina di regia e auspicano l’adesione di altri enti.',
  },
  '2023-06-21': {
    code: 'metropolitano-2023',
    scope:
      "Estende a tutta l'area metropolitana la collaborazione tra i Centri per l'impiego di AFOL e le sei reti " +
      'antiviolenza territoriali: cabina di regia, gruppi di lavoro tematici, due operatori di riferimento formati in ' +
      'ciascuno dei nove CPI, sensibilizzazione nelle aziende, analisi dei bisogni, piani individuali di empowerment ' +
      'socio-economico, monitoraggio e valutazione dei risultati.',
    summary:
      'Firmato a Palazzo Isimbardi da Città metropolitana di Milano, ATS, AFOL Metropolitana e i Comuni capofila ' +
      'delle reti di Rozzano, Melzo, San Donato Milanese, Rho, Cinisello Balsamo e Legnano. Sei allegati operativi.',
  },
  '2023-11-22': {
    code: 'protocollo-milano-2023',
    scope:
      'Prevenzione e contrasto della violenza maschile contro le donne nella città di Milano: consolidamento della ' +
      'rete interistituzionale, governance e gruppi di lavoro tematici, formazione multidisciplinare, ' +
      'sensibilizzazione nelle scuole, campagne di comunicazione, raccolta coordinata dei dati.',
    summary:
      'Firmatari dal comunicato del Comune di Milano: il Comune e i 9 Municipi, i centri antiviolenza e le case ' +
      'rifugio della rete milanese, magistratura, forze dell’ordine, ATS e ASST, Commissione territoriale, Ufficio ' +
      'Scolastico Territoriale e CIPM.',
    networkMemberTypes: ['municipality', ...CENTRE_TYPES, 'ats_asst'],
  },
};

/** Signatories of the Protocollo Milano named in the Comune's announcement (seed 004) beyond the network's members. */
const PROTOCOLLO_MILANO_OTHERS = [
  ...Array.from({ length: 9 }, (_, i) => `Municipio ${i + 1} del Comune di Milano`),
  'Tribunale Ordinario di Milano',
  'Procura della Repubblica presso il Tribunale Ordinario di Milano',
  'Tribunale per i Minorenni di Milano',
  'Procura della Repubblica presso il Tribunale per i Minorenni di Milano',
  'Prefettura di Milano',
  'Questura di Milano',
  'Comando Provinciale dei Carabinieri Milano',
  'Guardia di Finanza',
  'Commissione Territoriale per il riconoscimento della protezione internazionale',
  'Ufficio Scolastico Territoriale',
  'CIPM – Centro Italiano per la Promozione della Mediazione',
];

export function planProtocols(data: NetworkData): ProtocolPlan[] {
  const plans: ProtocolPlan[] = data.protocols.map((p) => {
    const known = KNOWN[p.date] ?? { code: `protocollo-${p.date}`, scope: p.name, summary: null };
    const signatories = [...p.signatories];
    if (known.code === 'protocollo-milano-2023') signatories.push(...PROTOCOLLO_MILANO_OTHERS);
    return { ...known, name: p.name, signedOn: p.date, sourceIds: p.sourceIds ?? [], signatories };
  });
  const paviaDate = data.paviaProgrammeDate ?? null;
  plans.push({
    code: 'pavia-programma-2021',
    name:
      "Programma di interventi per il sostegno abitativo, il reinserimento lavorativo e per l'accompagnamento nei " +
      'percorsi di fuoriuscita dalla violenza (Pavia)',
    signedOn: paviaDate ?? '2021-01-01',
    scope:
      'Programma regionale biennale per le donne vittime di violenza maschile prese in carico dalla rete, o la cui ' +
      'presa in carico si è conclusa da non più di sei mesi: empowerment economico-finanziario, reinserimento ' +
      'lavorativo e autonomia abitativa.',
    summary: paviaDate
      ? 'La data è quella del comunicato del Comune di Pavia sull’approvazione della manifestazione d’interesse ' +
        'da parte della Giunta; il Comune di Pavia è capofila della Rete Interistituzionale Territoriale Antiviolenza.'
      : 'Data non trovata nelle fonti: il 1° gennaio 2021 è convenzionale. Il Comune di Pavia è capofila della rete.',
    sourceIds: [],
    signatories: ['Comune di Pavia'],
  });
  return plans;
}

interface Resolved {
  organisationId: string | null;
  signatoryName: string | null;
}

export function resolveSignatory(name: string, orgs: SeededOrganisation[], plan: ProtocolPlan): Resolved[] {
  const seeNetwork = /^see network '([a-z0-9-]+)'/i.exec(name);
  if (seeNetwork) {
    const types = plan.networkMemberTypes;
    return orgs
      .filter((o) => o.networks.has(seeNetwork[1] ?? '') && (!types || types.includes(o.type)))
      .map((o) => ({ organisationId: o.id, signatoryName: null }));
  }
  if (/enti della rete antiviolenza cittadina/i.test(name)) {
    return orgs
      .filter((o) => o.networks.has('milano') && (CENTRE_TYPES.includes(o.type) || o.operatesShelters))
      .map((o) => ({ organisationId: o.id, signatoryName: null }));
  }
  const key = nameKey(canonicalName(name));
  const comune = /^comune di (.+)$/i.exec(name.trim());
  const org =
    orgs.find((o) => nameKey(o.name) === key) ??
    (comune
      ? orgs.find((o) => o.type === 'municipality' && nameKey(o.town ?? '') === nameKey(comune[1] ?? ''))
      : undefined);
  return [org ? { organisationId: org.id, signatoryName: null } : { organisationId: null, signatoryName: name.trim() }];
}

export async function seedProtocols(tx: Kysely<DB>, data: NetworkData, orgs: SeededOrganisation[]): Promise<number> {
  let signatories = 0;
  for (const plan of planProtocols(data)) {
    const { id } = await tx
      .insertInto('protocols')
      .values({
        code: plan.code,
        name: plan.name,
        signed_on: plan.signedOn,
        scope: plan.scope,
        summary: plan.summary,
        source_ids: plan.sourceIds,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const seen = new Set<string>();
    const rows = plan.signatories
      .flatMap((name) => resolveSignatory(name, orgs, plan))
      .filter((r) => {
        const k = r.organisationId ?? `name:${r.signatoryName}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .map((r) => ({
        protocol_id: id,
        organisation_id: r.organisationId,
        signatory_name: r.signatoryName,
        kind: 'original' as const,
        joined_on: plan.signedOn,
      }));
    if (rows.length) await tx.insertInto('protocol_signatories').values(rows).execute();
    signatories += rows.length;
  }
  return signatories;
}

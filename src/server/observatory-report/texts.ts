/** The quarterly report's words, Italian and English. */
import type { ObsLang } from '../../shared/observatory/cells.ts';
import type { Dashboard } from '../../shared/observatory/types.ts';

interface ReportTexts {
  title: string;
  forControlRoom: string;
  scope: string;
  madeOn: string;
  coverNote: string;
  fingerprint: string;
  keyFigures: string;
  dashboards: Record<Dashboard, string>;
  method: string;
  methodLines: (k: number) => string[];
  indicators: string;
  rowHead: string;
  total: string;
}

export const REPORT_TEXTS: Record<ObsLang, ReportTexts> = {
  it: {
    title: 'Osservatorio — Rapporto trimestrale',
    forControlRoom: 'Per la cabina di regia delle reti antiviolenza',
    scope: 'Ambito',
    madeOn: 'Dati letti il',
    coverNote:
      'Tutti i numeri sono aggregati e protetti dal controllo della divulgazione: nessun valore permette di riconoscere una donna.',
    fingerprint: 'Impronta dei dati (SHA-256)',
    keyFigures: 'Dati principali',
    dashboards: {
      funnel: 'I percorsi: dal contatto alla conclusione',
      referrals: 'Invii e termini del protocollo',
      work: 'Lavoro e mantenimento',
      profile: 'Il profilo delle donne',
      network: 'La rete',
      feedback: 'Il parere delle donne (modulo anonimo)',
    },
    method: 'Nota metodologica',
    methodLines: (k) => [
      `Soppressione primaria: un conteggio da 1 a ${k - 1} non è pubblicato e compare come «<${k}» (soglia k = ${k}; mai meno di 3).`,
      'Soppressione complementare: altre celle sono nascoste («n.d.») perché un valore piccolo non si possa ricavare dai totali di riga, di colonna o generali.',
      'Tassi e tempi: un valore derivato il cui numeratore o denominatore è soppresso è soppresso.',
      'Periodi e dimensioni vengono da elenchi fissi (mese, trimestre, anno; rete, centro, CPI): due interrogazioni sovrapposte non possono essere sottratte.',
      '«Nessun dato»: la fonte non esiste ancora (per esempio il registro della formazione); non è uno zero.',
      'Le donne sono contate una volta anche se si rivolgono a due centri (token di collegamento pseudonimo, mai mostrato né esportato).',
      'Stessi dati e stesse versioni degli indicatori danno gli stessi numeri: l’impronta qui sotto lo attesta.',
    ],
    indicators: 'Indicatori e versioni',
    rowHead: 'Voce',
    total: 'Totale',
  },
  en: {
    title: 'Observatory — Quarterly report',
    forControlRoom: 'For the control room of the anti-violence networks',
    scope: 'Scope',
    madeOn: 'Data read on',
    coverNote:
      'Every number is aggregated and protected by disclosure control: no figure can be used to single out a woman.',
    fingerprint: 'Data fingerprint (SHA-256)',
    keyFigures: 'Key figures',
    dashboards: {
      funnel: 'Paths: from contact to conclusion',
      referrals: 'Referrals and the protocol’s deadlines',
      work: 'Work and retention',
      profile: 'The women’s profile',
      network: 'The network',
      feedback: 'The women’s feedback (anonymous form)',
    },
    method: 'Method note',
    methodLines: (k) => [
      `Primary suppression: a count from 1 to ${k - 1} is not published and shows as "<${k}" (threshold k = ${k}; never below 3).`,
      'Complementary suppression: other cells are hidden ("n.d.") so that a small value cannot be worked out from the row, column or grand totals.',
      'Rates and times: a derived value whose numerator or denominator is suppressed is suppressed.',
      'Periods and dimensions come from fixed lists (month, quarter, year; network, centre, CPI): two overlapping queries cannot be subtracted.',
      '"No data": the source does not exist yet (e.g. the training register); it is not a zero.',
      'A woman who goes to two centres is counted once (a pseudonymous linkage token, never shown or exported).',
      'The same data and indicator versions give the same numbers: the fingerprint below attests it.',
    ],
    indicators: 'Indicators and versions',
    rowHead: 'Item',
    total: 'Total',
  },
};

/**
 * The consent texts a woman is read or given to sign, per version, purpose and language. A
 * recorded consent keeps the version she saw; a text is never edited in place: a change is a new
 * version. Plain language: an operator reads these aloud when the consent is verbal.
 */
import type { ConsentPurpose, FormLanguage } from './codes/sharing.ts';

export interface ConsentText {
  title: string;
  paragraphs: string[];
}

export const CURRENT_TEXT_VERSION = '2026-01';

const V2026_01: Record<ConsentPurpose, Record<FormLanguage, ConsentText>> = {
  service: {
    it: {
      title: 'Consenso al trattamento dei dati per il tuo percorso',
      paragraphs: [
        'Il centro ti accompagna nel percorso di uscita dalla violenza. Per farlo, le operatrici annotano le informazioni che servono: la tua situazione, il piano che costruiamo insieme, le azioni e i risultati.',
        'Queste informazioni restano al centro, sono protette e le vedono solo le operatrici che lavorano con te. Nei documenti di lavoro il tuo nome non compare: usiamo il codice scritto qui sopra.',
        'Nessuna informazione su di te viene data ad altri enti senza un consenso separato, che puoi dare o negare ogni volta.',
        'Puoi rifiutare o ritirare questo consenso: il centro continua comunque ad accoglierti e ad ascoltarti.',
      ],
    },
    en: {
      title: 'Consent to the use of your data for your path',
      paragraphs: [
        'The centre supports you on your way out of violence. To do so, the operators write down what is needed: your situation, the plan we build together, the actions and the results.',
        'This information stays at the centre, is protected, and only the operators who work with you can see it. Your name does not appear in working documents: we use the code written above.',
        'No information about you is given to another organisation without a separate consent, which you can give or refuse each time.',
        'You can refuse or withdraw this consent: the centre will still welcome you and listen to you.',
      ],
    },
  },
  sharing: {
    it: {
      title: 'Consenso a condividere informazioni con un altro ente',
      paragraphs: [
        "Con questo consenso permetti al centro di comunicare all'ente indicato qui sotto solo le informazioni necessarie per lo scopo indicato, per esempio l'orientamento al lavoro o la ricerca di una casa.",
        "L'ente riceve il codice del percorso al posto del tuo nome. Il tuo nome e i tuoi recapiti vengono comunicati solo se qui sotto è scritto che sono inclusi.",
        "L'ente non può usare queste informazioni per altri scopi né passarle ad altri.",
        'Il consenso vale fino alla scadenza indicata. Puoi ritirarlo quando vuoi: da quel giorno non verrà più inviata alcuna informazione.',
        'Se non acconsenti, il centro continua ad aiutarti: rifiutare non cambia nulla nel tuo percorso con noi.',
      ],
    },
    en: {
      title: 'Consent to share information with another organisation',
      paragraphs: [
        'With this consent you allow the centre to give the organisation named below only the information needed for the purpose named below, for example finding work or finding a home.',
        'The organisation receives the code of your path instead of your name. Your name and contact details are given only if it says below that they are included.',
        'The organisation may not use this information for anything else or pass it on to anyone else.',
        'The consent lasts until the expiry date below. You can withdraw it whenever you want: from that day no more information will be sent.',
        'If you do not agree, the centre goes on helping you: saying no changes nothing in your path with us.',
      ],
    },
  },
  statistics: {
    it: {
      title: "Consenso all'uso dei dati per statistiche",
      paragraphs: [
        "Alcune informazioni che non dicono chi sei (per esempio la fascia d'età, il tipo di violenza, i risultati del percorso) possono essere contate, insieme a quelle di molte altre donne, per le statistiche della rete antiviolenza.",
        'Le statistiche non mostrano mai numeri così piccoli da far riconoscere una persona. Il tuo nome non viene mai usato.',
        'Puoi rifiutare o ritirare il consenso in ogni momento, senza alcuna conseguenza sul tuo percorso.',
      ],
    },
    en: {
      title: 'Consent to use data for statistics',
      paragraphs: [
        'Some information that does not say who you are (for example your age group, the kind of violence, the results of your path) can be counted, together with that of many other women, for the statistics of the anti-violence network.',
        'The statistics never show numbers so small that a person could be recognised. Your name is never used.',
        'You can refuse or withdraw this consent at any time, with no consequence for your path.',
      ],
    },
  },
  contact_by_other_body: {
    it: {
      title: 'Consenso a essere contattata da un altro ente',
      paragraphs: [
        "Con questo consenso permetti all'ente indicato qui sotto di contattarti direttamente, solo per lo scopo indicato.",
        "Il centro comunica all'ente solo i recapiti che servono per contattarti e i canali e gli orari che hai indicato come sicuri. L'ente deve rispettarli.",
        'Se un contatto ti mette in pericolo o non lo vuoi più, dillo alla tua operatrice: puoi ritirare il consenso in ogni momento.',
        'Se non acconsenti, il centro continua ad aiutarti e può fare da tramite.',
      ],
    },
    en: {
      title: 'Consent to be contacted by another organisation',
      paragraphs: [
        'With this consent you allow the organisation named below to contact you directly, only for the purpose named below.',
        'The centre gives the organisation only the contact details it needs and the channels and times you marked as safe. The organisation must keep to them.',
        'If a contact puts you in danger or you no longer want it, tell your operator: you can withdraw the consent at any time.',
        'If you do not agree, the centre goes on helping you and can pass messages on for you.',
      ],
    },
  },
};

export const CONSENT_TEXTS: Readonly<Record<string, Record<ConsentPurpose, Record<FormLanguage, ConsentText>>>> = {
  '2026-01': V2026_01,
};

export const isKnownTextVersion = (version: string): boolean => Object.hasOwn(CONSENT_TEXTS, version);

export function consentText(version: string, purpose: ConsentPurpose, lang: FormLanguage): ConsentText | undefined {
  return isKnownTextVersion(version) ? CONSENT_TEXTS[version]?.[purpose][lang] : undefined;
}

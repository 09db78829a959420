/** Italian text of the accessibility statement and of the privacy notice. */

export interface LegalSection {
  h: string;
  p?: string[];
  ul?: string[];
  links?: { href: string; text: string }[];
}

const accessibility: LegalSection[] = [
  {
    h: 'Impegno',
    p: [
      'La Città metropolitana di Milano, insieme agli enti delle reti territoriali antiviolenza, si impegna a rendere accessibile la piattaforma Percorsi, conformemente alla legge 9 gennaio 2004, n. 4 e alla direttiva (UE) 2016/2102.',
      'La presente dichiarazione di accessibilità si applica all’applicazione web Percorsi (area riservata agli operatori delle reti e pagine pubbliche).',
    ],
  },
  {
    h: 'Stato di conformità',
    p: [
      'Questa applicazione è parzialmente conforme ai requisiti previsti dall’allegato A alla norma UNI CEI EN 301549 (che recepisce le WCAG 2.1, livello AA), in ragione dei casi di non conformità elencati di seguito.',
    ],
  },
  {
    h: 'Contenuti non accessibili',
    p: ['I contenuti elencati di seguito non sono ancora pienamente accessibili per inosservanza della legge 4/2004:'],
    ul: [
      'le verifiche con tecnologie assistive (lettori di schermo e comandi vocali) non sono ancora state completate su tutte le pagine: possono essere presenti difetti non rilevati dai controlli automatici;',
      'i codici delle fonti dei dati sono mostrati come identificativi tecnici, senza una descrizione estesa;',
      'la configurazione della verifica in due passaggi mostra un codice QR; come alternativa viene sempre fornita la chiave testuale da inserire a mano.',
    ],
  },
  {
    h: 'Contenuti non soggetti alla normativa',
    p: [
      'I siti web delle organizzazioni, raggiungibili dalle loro schede, sono gestiti dalle singole organizzazioni e non rientrano nell’ambito di questa dichiarazione.',
    ],
  },
  {
    h: 'Redazione della dichiarazione',
    p: [
      'La dichiarazione è stata redatta sulla base di un’autovalutazione effettuata dal gruppo di sviluppo, con strumenti di verifica automatica (axe) e con prove di navigazione da tastiera. Viene riesaminata a ogni nuova versione della piattaforma; la versione in uso è indicata nel piè di pagina.',
    ],
  },
  {
    h: 'Meccanismo di feedback e recapiti',
    p: [
      'Per segnalare problemi di accessibilità o chiedere informazioni e contenuti in formato accessibile, rivolgiti all’amministratore della tua organizzazione, che inoltra la segnalazione al gruppo di gestione della piattaforma, oppure alla Città metropolitana di Milano, tramite i recapiti del Responsabile per la transizione al digitale pubblicati sul suo sito istituzionale.',
      'Riceverai una risposta entro 30 giorni.',
    ],
    links: [
      { href: 'https://www.cittametropolitana.mi.it', text: 'Sito istituzionale della Città metropolitana di Milano' },
    ],
  },
  {
    h: 'Procedura di attuazione',
    p: [
      'In caso di risposta insoddisfacente o di mancata risposta entro 30 giorni dalla segnalazione, puoi inoltrare una segnalazione all’Agenzia per l’Italia Digitale (AgID), ai sensi dell’articolo 3-quinquies, comma 3, della legge 4/2004, tramite il modulo pubblicato da AgID.',
    ],
    links: [{ href: 'https://form.agid.gov.it', text: 'Modulo di segnalazione di AgID' }],
  },
];

const privacy: LegalSection[] = [
  {
    h: 'Chi tratta i dati (titolari del trattamento)',
    p: [
      'Percorsi è la piattaforma condivisa delle reti territoriali antiviolenza dell’area metropolitana di Milano e di Pavia, nata dai protocolli d’intesa tra Comuni, Città metropolitana, AFOL Metropolitana, ATS, centri antiviolenza e altri enti.',
      'Ogni ente della rete (centro antiviolenza, comune capofila, centro per l’impiego, servizio sociale, ente di formazione e gli altri aderenti) è titolare autonomo dei dati che tratta con la piattaforma per i propri compiti. Per gli account e i registri di sicurezza, titolare è l’ente a cui appartiene l’utente. Il gestore tecnico della piattaforma tratta i dati per conto dei titolari, come responsabile del trattamento (art. 28 GDPR).',
    ],
  },
  {
    h: 'Quali dati',
    ul: [
      'dati degli operatori: nome, nome utente, email (se indicata), ente, ruoli, data e ora degli accessi e delle operazioni;',
      'dati relativi ai percorsi delle donne: bisogni, obiettivi, azioni, invii e risultati, che possono comprendere categorie particolari di dati (art. 9 GDPR), come dati relativi alla salute e alla violenza subita;',
      'dati organizzativi delle reti: enti, protocolli, riunioni, corsi e indicatori aggregati.',
    ],
  },
  {
    h: 'L’identità della donna resta al centro antiviolenza',
    p: [
      'Il nome e gli altri dati che identificano la donna sono conosciuti solo dal centro antiviolenza che la accompagna. Gli altri enti ricevono uno pseudonimo e soltanto le informazioni che lei ha accettato di condividere, per la finalità e per il tempo indicati nel suo consenso.',
      'Il consenso è dato per ogni finalità e per ogni destinatario, ha una scadenza e può essere revocato in ogni momento. Rifiutare o revocare il consenso non interrompe il sostegno del centro antiviolenza.',
      'Le statistiche pubblicate sono aggregate e non mostrano numeri così piccoli da poter identificare una persona.',
    ],
  },
  {
    h: 'Finalità',
    ul: [
      'gestire gli account degli operatori e garantire la sicurezza della piattaforma;',
      'coordinare i percorsi di uscita dalla violenza: piani individuali di autonomia, invii tra enti, risultati e verifiche nel tempo;',
      'monitorare e valutare i risultati dei protocolli con dati aggregati e pseudonimi;',
      'registrare ogni accesso ai dati (registro non modificabile), per consentire i controlli dei titolari e dei loro RPD.',
    ],
  },
  {
    h: 'Basi giuridiche',
    ul: [
      'art. 6, par. 1, lett. e) GDPR: esecuzione di compiti di interesse pubblico e di pubblici poteri degli enti, previsti dalla normativa sul contrasto alla violenza contro le donne e dai protocolli d’intesa;',
      'art. 6, par. 1, lett. c) GDPR: obblighi di legge, tra cui la sicurezza dei trattamenti (art. 32 GDPR);',
      'art. 9, par. 2, lett. g) GDPR e art. 2-sexies del Codice privacy: motivi di interesse pubblico rilevante, per le categorie particolari di dati;',
      'art. 9, par. 2, lett. h) GDPR: assistenza sociale, per i servizi sociali e sanitari;',
      'art. 9, par. 2, lett. a) GDPR: consenso esplicito della donna per la condivisione dei suoi dati con altri enti della rete.',
    ],
  },
  {
    h: 'Destinatari',
    p: [
      'I dati non sono diffusi. Sono comunicati solo agli enti della rete indicati nel consenso della donna e, quando la legge lo impone, alle autorità competenti. I dati sono conservati in server situati nell’Unione europea e non sono trasferiti fuori dall’Unione.',
    ],
  },
  {
    h: 'Conservazione',
    p: [
      'I dati dei percorsi sono conservati dal centro antiviolenza per il tempo necessario al percorso e poi secondo il piano di conservazione del titolare. I dati ricevuti da altri enti con un invio sono resi inaccessibili alla scadenza o alla revoca del consenso. Gli account disattivati e i registri degli accessi sono conservati per il periodo stabilito dai titolari per finalità di sicurezza e di controllo, quindi cancellati.',
    ],
  },
  {
    h: 'Cookie',
    p: [
      'La piattaforma usa soltanto cookie tecnici, necessari per l’accesso (la fase di verifica e la sessione), e la memoria locale del browser per ricordare la lingua scelta. Non usa cookie di profilazione né servizi di terze parti: caratteri e immagini sono serviti dalla piattaforma stessa.',
    ],
  },
  {
    h: 'I tuoi diritti',
    p: [
      'Puoi chiedere l’accesso ai tuoi dati, la rettifica, la cancellazione, la limitazione del trattamento e opporti al trattamento (articoli 15–22 GDPR), e revocare il consenso in ogni momento. Le donne seguite dalle reti possono rivolgersi al centro antiviolenza che le accompagna, che si occupa della richiesta anche verso gli altri enti.',
      'Hai anche il diritto di proporre reclamo al Garante per la protezione dei dati personali.',
    ],
    links: [{ href: 'https://www.garanteprivacy.it', text: 'Garante per la protezione dei dati personali' }],
  },
  {
    h: 'Responsabile della protezione dei dati (RPD/DPO)',
    p: [
      'Ogni titolare ha designato un proprio Responsabile della protezione dei dati. I recapiti sono pubblicati sul sito istituzionale di ciascun ente, di norma nella sezione dedicata alla privacy. Gli operatori possono chiedere i recapiti all’amministratore della propria organizzazione.',
    ],
  },
];

export const itLegal = {
  legal: {
    accessibilityTitle: 'Dichiarazione di accessibilità',
    privacyTitle: 'Informativa sul trattamento dei dati personali',
    privacyIntro: 'Informativa ai sensi degli articoli 13 e 14 del Regolamento (UE) 2016/679 (GDPR).',
    externalLink: '(sito esterno)',
    accessibility,
    privacy,
  },
};

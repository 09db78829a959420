import type { PublicTexts } from './types.ts';

export const it: PublicTexts = {
  lang: 'it',
  dir: 'ltr',
  name: 'Italiano',
  siteTitle: 'Aiuto contro la violenza sulle donne — Milano e Pavia',
  skip: 'Vai al contenuto',
  exit: 'Esci subito',
  exitHint: 'Per uscire in fretta premi Esc, oppure tre volte il tasto Maiuscole.',
  alwaysTitle: 'Numeri sempre attivi',
  call1522: 'Numero antiviolenza e stalking. Gratuito, giorno e notte, anche in altre lingue.',
  call112: 'Emergenza. Chiama se sei in pericolo adesso.',
  notice:
    'Questo sito non usa cookie e non salva nulla. La pagina resta però nella cronologia del browser. Se il telefono o il computer è condiviso, leggi i consigli.',
  noticeLink: 'Navigare in sicurezza',
  nav: {
    home: 'Inizio',
    path: 'Come funziona un percorso',
    safety: 'Navigare in sicurezza',
    all: 'Tutti i comuni',
    data: 'Dati aperti',
    languages: 'Lingue',
  },
  intro:
    'Per ogni comune dell’area di Milano e di Pavia trovi a chi rivolgerti: il centro antiviolenza, il centro per l’impiego, i servizi sociali. L’aiuto è gratuito e riservato.',
  searchLabel: 'Il tuo comune',
  searchHint: 'Scrivi le prime lettere, per esempio «Sesto» o «Cini».',
  searchButton: 'Cerca',
  results: '{n} comuni per «{q}»',
  noResults: 'Nessun comune trovato. Prova con meno lettere, o guarda l’elenco di tutti i comuni.',
  allTitle: 'Tutti i comuni',
  inNetwork: '{town} fa parte di questa rete antiviolenza:',
  noNetwork:
    'Per questo comune non conosciamo ancora la rete. Chiama il 1522: ti mettono in contatto con il centro più vicino.',
  centresTitle: 'Centri antiviolenza',
  centresIntro:
    'Un centro antiviolenza ti ascolta senza giudicare. Non devi denunciare per chiedere aiuto. È gratuito e riservato.',
  shelterAccess:
    'Questo centro dà accesso alle case rifugio. Gli indirizzi delle case rifugio sono segreti: si entra solo tramite il centro.',
  unverified: 'Orari e contatti non ancora verificati.',
  phone: 'Telefono',
  email: 'E-mail',
  hours: 'Orari',
  open24h: 'Sempre aperto, 24 ore su 24',
  services: 'Cosa offre',
  languages: 'Lingue parlate',
  accessibility: 'Accessibilità',
  free: 'Gratuito',
  verifiedOn: 'Informazioni verificate il {date}',
  address: 'Indirizzo',
  cpiTitle: 'Centro per l’impiego',
  cpiIntro:
    'Il centro per l’impiego (CPI) aiuta a trovare lavoro: orientamento, corsi, tirocini. Lavora insieme al centro antiviolenza, se tu sei d’accordo.',
  socialTitle: 'Servizi sociali',
  socialText:
    'I servizi sociali del Comune di {town} possono aiutarti per la casa, i figli e il sostegno economico. Il centro antiviolenza può accompagnarti.',
  print: 'Stampa la scheda',
  printTitle: 'Chi chiamare',
  printFoot: 'Scheda stampata dal sito della rete antiviolenza. Aiuto gratuito e riservato.',
  servicesTitle: 'Servizi',
  whereTitle: 'Dove trovarlo',
  nowhere: 'Nessun ente ha ancora pubblicato questo servizio. Chiama il 1522.',
  service: {
    listening: {
      name: 'Ascolto',
      text: 'Una persona ti ascolta, di persona o al telefono, e ti aiuta a capire cosa fare.',
    },
    shelter_access: {
      name: 'Casa rifugio',
      text: 'Un posto sicuro dove stare, da sola o con i figli. L’indirizzo è segreto. Si entra tramite un centro antiviolenza.',
    },
    legal_advice: {
      name: 'Consulenza legale',
      text: 'Un’avvocata ti spiega i tuoi diritti: separazione, figli, denuncia.',
    },
    psychological_support: { name: 'Sostegno psicologico', text: 'Colloqui con una psicologa, per stare meglio.' },
    children_support: {
      name: 'Aiuto per i figli',
      text: 'Sostegno per i bambini e i ragazzi che hanno vissuto la violenza.',
    },
    social_support: {
      name: 'Servizi sociali',
      text: 'Aiuto del Comune per la casa, i figli, il sostegno economico.',
    },
    job_guidance: { name: 'Orientamento al lavoro', text: 'Capire cosa sai fare e quale lavoro cercare.' },
    training: { name: 'Corsi di formazione', text: 'Corsi gratuiti per imparare un mestiere o la lingua italiana.' },
    job_placement: { name: 'Tirocini e lavoro', text: 'Tirocini e aiuto per essere assunta.' },
    housing_support: { name: 'Casa', text: 'Aiuto per trovare una casa dove vivere in autonomia.' },
    health_care: {
      name: 'Cure mediche',
      text: 'Pronto soccorso e consultori. Le cure urgenti sono garantite a tutte.',
    },
  },
  access: {
    step_free_access: 'Accesso senza gradini',
    accessible_toilet: 'Bagno accessibile',
    sign_language: 'Lingua dei segni (LIS)',
    interpreter_on_request: 'Interprete su richiesta',
  },
  pathTitle: 'Come funziona un percorso',
  pathSteps: [
    {
      title: 'Il primo contatto',
      text: 'Chiami il 1522 o un centro antiviolenza, oppure ci vai. Puoi restare anonima. Non devi denunciare.',
    },
    {
      title: 'L’ascolto',
      text: 'Un’operatrice ti ascolta e valuta con te i rischi. Decidi tu cosa fare e quando.',
    },
    {
      title: 'La presa in carico',
      text: 'Se vuoi, il centro costruisce con te un percorso: sostegno psicologico, consulenza legale, aiuto per i figli.',
    },
    {
      title: 'La protezione',
      text: 'Se a casa non sei al sicuro, il centro può trovarti un posto in una casa rifugio.',
    },
    {
      title: 'Il lavoro',
      text: 'Con il tuo consenso il centro lavora con il centro per l’impiego: orientamento, corsi, tirocini, un lavoro.',
    },
    {
      title: 'La casa e l’autonomia',
      text: 'I servizi sociali e la rete aiutano a trovare una casa e a vivere in modo indipendente.',
    },
    {
      title: 'I tuoi dati',
      text: 'Il centro non passa i tuoi dati a nessuno senza il tuo consenso. Puoi ritirarlo quando vuoi.',
    },
  ],
  safetyTitle: 'Navigare in sicurezza',
  safetyTips: [
    'Questo sito non usa cookie e non salva nulla sul telefono. Non manda dati a nessun altro sito.',
    'Il browser però ricorda le pagine visitate nella cronologia. Puoi cancellarla dalle impostazioni del browser.',
    'Puoi usare la navigazione privata (in incognito): le pagine non restano nella cronologia.',
    'Il pulsante «Esci subito» apre un sito neutro. Con la tastiera: Esc, oppure tre volte Maiuscole.',
    'Se qualcuno controlla il tuo telefono, usa il telefono di una persona di fiducia o un computer pubblico.',
    'La chiamata al 1522 è gratuita. Resta però nell’elenco delle chiamate del telefono: puoi cancellarla.',
  ],
  dataTitle: 'Dati aperti',
  dataText:
    'L’elenco è pubblicato anche come dati aperti, nel formato Open Referral HSDS 3.0 (JSON) e in CSV. Gli indirizzi delle case rifugio non ci sono mai.',
  notFound: 'Pagina non trovata.',
};

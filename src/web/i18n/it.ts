/** Italian UI strings (the reference language: en.ts must have the same shape). */
import { itObservatory } from './it-observatory.ts';
import { itControlRoom } from './it-control-room.ts';
import { itCompanies } from './it-companies.ts';
import { itCasePage } from './it-case-page.ts';
import { itCaseWork } from './it-case-work.ts';
import { itCases } from './it-cases.ts';
import { itFieldReasons } from './it-field-reasons.ts';
import { itLabels } from './it-labels.ts';
import { itLegal } from './it-legal.ts';
import { itNotifications } from './it-notifications.ts';
import { itPages } from './it-pages.ts';
import { itPartners } from './it-partners.ts';
import { itDirectory } from './it-directory.ts';
import { itReferralWizard } from './it-referral-wizard.ts';
import { itReferrals } from './it-referrals.ts';
import { itUrgency } from './it-urgency.ts';
import { itWorklist } from './it-worklist.ts';
import { itDrafts } from './it-drafts.ts';
import { itTraining } from './it-training.ts';
import { itPrevention } from './it-prevention.ts';
import { itRights } from './it-rights.ts';
import { itSecurity } from './it-security.ts';

export const it = {
  app: {
    name: 'Percorsi',
    tagline: 'Autonomia economica e abitativa delle donne in uscita dalla violenza',
    owner: 'Città metropolitana di Milano — Reti antiviolenza',
    titleSuffix: 'Percorsi',
    demoBanner: 'DEMO — dati sintetici. Non inserire dati reali.',
    helpline: 'Numero antiviolenza e stalking 1522: gratuito, attivo 24 ore su 24.',
  },
  skip: { main: 'Vai al contenuto principale', footer: 'Vai al piede di pagina', label: 'Collegamenti di salto' },
  lang: { label: 'Lingua', it: 'Italiano', en: 'English', itShort: 'IT', enShort: 'EN' },
  nav: {
    label: 'Menu principale',
    open: 'Apri il menu',
    close: 'Chiudi il menu',
    home: 'Home',
    networks: 'Reti',
    organisations: 'Organizzazioni',
    protocols: 'Protocolli',
    users: 'Utenti',
    audit: 'Registro accessi',
    myActivity: 'Le mie attività',
    logout: 'Esci',
    signedInAs: 'Utente: {name}',
    cases: 'Percorsi',
    followUps: 'Verifiche',
  },
  footer: {
    legal: 'Note legali',
    accessibility: 'Dichiarazione di accessibilità',
    privacy: 'Informativa privacy',
    version: 'Versione {version}',
    about: 'Piattaforma delle reti territoriali antiviolenza dell’area metropolitana di Milano e di Pavia.',
  },
  common: {
    loading: 'Caricamento in corso…',
    error: 'Si è verificato un errore. Riprova più tardi.',
    forbidden: 'Non hai i permessi per vedere questa pagina.',
    notFound: 'Elemento non trovato.',
    save: 'Salva',
    cancel: 'Annulla',
    send: 'Invia',
    yes: 'Sì',
    no: 'No',
    none: '—',
    reload: 'Ricarica',
    copy: 'Copia',
    copied: 'Copiato negli appunti.',
    uncertain: 'non verificato',
    uncertainLong: 'Dato non verificato: la fonte è incerta.',
    errorSummary: 'Il modulo contiene errori',
    tooManyRequests: 'Troppi tentativi. Attendi qualche minuto e riprova.',
    sources: 'Fonti',
    notes: 'Note',
    researchNotes: 'Note della ricerca (in inglese)',
    results: '{count} risultati',
    resultOne: '1 risultato',
  },
  login: {
    title: 'Accedi',
    intro: 'Accedi con le credenziali fornite dall’amministratore della tua organizzazione.',
    username: 'Nome utente',
    password: 'Password',
    submit: 'Accedi',
    forgot: 'Password dimenticata?',
    sessionExpired:
      'Sessione scaduta: per la tua sicurezza sei stata/o disconnessa/o dopo 15 minuti di inattività. Accedi di nuovo.',
    loggedOut: 'Sei uscita/o dalla piattaforma.',
    invalidCredentials: 'Nome utente o password non corretti.',
    locked: 'Account bloccato temporaneamente dopo troppi tentativi. Riprova più tardi o contatta l’amministratore.',
    usernameRequired: 'Inserisci il nome utente.',
    passwordRequired: 'Inserisci la password.',
    restart: 'La procedura di accesso è scaduta. Inserisci di nuovo nome utente e password.',
    totpTitle: 'Verifica in due passaggi',
    totpIntro: 'Inserisci il codice a 6 cifre mostrato dall’app di autenticazione.',
    totpCode: 'Codice di verifica',
    totpRequired: 'Inserisci il codice di verifica.',
    invalidCode: 'Codice non valido o scaduto.',
    verify: 'Verifica',
    useRecovery: 'Usa un codice di recupero',
    useTotp: 'Usa il codice dell’app di autenticazione',
    recoveryTitle: 'Codice di recupero',
    recoveryIntro: 'Inserisci uno dei codici di recupero che hai salvato. Ogni codice vale una sola volta.',
    recoveryCode: 'Codice di recupero',
    enrolTitle: 'Attiva la verifica in due passaggi',
    enrolIntro:
      'Il tuo ruolo richiede un secondo fattore. Inquadra il codice QR con un’app di autenticazione (per esempio FreeOTP, Aegis o Google Authenticator).',
    qrAlt: 'Codice QR per configurare l’app di autenticazione con il tuo account Percorsi',
    manualEntry: 'Se non puoi inquadrare il codice, inserisci a mano questa chiave:',
    firstCode: 'Codice generato dall’app',
    confirm: 'Conferma',
    recoveryCodesTitle: 'I tuoi codici di recupero',
    recoveryCodesIntro:
      'Salva questi codici in un posto sicuro: ti servono se perdi il telefono. Vengono mostrati una sola volta.',
    recoveryCodesLabel: 'Codici di recupero',
    savedThem: 'Li ho salvati',
  },
  password: {
    inviteTitle: 'Accetta l’invito',
    inviteIntro: 'Scegli la password del tuo account Percorsi.',
    resetTitle: 'Reimposta la password',
    resetIntro: 'Scegli una nuova password.',
    newPassword: 'Nuova password',
    confirmPassword: 'Ripeti la password',
    hint: 'Almeno 12 caratteri. Una frase lunga e facile da ricordare è una buona scelta.',
    tooShort: 'La password deve avere almeno 12 caratteri.',
    common: 'Questa password è troppo comune: scegline un’altra.',
    mismatch: 'Le due password non coincidono.',
    invalidLink: 'Il collegamento non è valido o è scaduto. Chiedi un nuovo collegamento all’amministratore.',
    inviteDone: 'Password impostata. Ora puoi accedere.',
    resetDone: 'Password reimpostata. Ora puoi accedere.',
    goToLogin: 'Vai all’accesso',
    forgotTitle: 'Password dimenticata',
    forgotIntro:
      'Inserisci il tuo nome utente: gli amministratori della tua organizzazione riceveranno la richiesta e ti invieranno un collegamento per scegliere una nuova password.',
    forgotSent:
      'Se l’account esiste, gli amministratori della tua organizzazione sono stati avvisati e ti invieranno un collegamento per reimpostare la password. Se non lo ricevi, contattali direttamente.',
    backToLogin: 'Torna all’accesso',
  },
  home: {
    title: 'Benvenuta/o, {name}',
    organisation: 'Organizzazione',
    roles: 'Ruoli',
    whatYouCanDo: 'Cosa puoi fare',
    networksTitle: 'Reti antiviolenza',
    networksText: 'Le reti territoriali, i comuni e le organizzazioni che ne fanno parte.',
    organisationsTitle: 'Organizzazioni',
    organisationsText: 'Centri antiviolenza, centri per l’impiego, servizi e gli altri enti delle reti.',
    protocolsTitle: 'Protocolli',
    protocolsText: 'I protocolli d’intesa, i firmatari e le richieste di adesione.',
    usersTitle: 'Utenti della tua organizzazione',
    usersText: 'Invita nuove persone, modifica i ruoli, disattiva gli account.',
    auditTitle: 'Registro degli accessi',
    auditText: 'Chi ha fatto cosa, quando e per quale finalità.',
    myActivityTitle: 'Le mie attività',
    myActivityText: 'Le operazioni registrate a tuo nome.',
    myOrgTitle: 'La mia organizzazione',
    myOrgText: 'La scheda pubblica della tua organizzazione.',
    casesTitle: 'Percorsi delle donne',
    casesText: 'Le donne prese in carico dal centro: profilo, consensi, bisogni, piano, esiti.',
    followUpsTitle: 'Verifiche da fare',
    followUpsText: 'Le verifiche del mantenimento del lavoro a 3, 6 e 12 mesi dall’assunzione.',
    intakeTitle: 'Nuova presa in carico',
    intakeText: 'Apri il percorso di una donna: può restare anonima.',
  },
  fieldReasons: itFieldReasons,
  ...itPages,
  ...itCases,
  ...itCasePage,
  ...itCaseWork,
  ...itLabels,
  ...itLegal,
  ...itReferrals,
  ...itReferralWizard,
  ...itNotifications,
  ...itUrgency,
  ...itDrafts,
  ...itPartners,
  ...itWorklist,
  ...itDirectory,
  // obs-report
  ...itObservatory,
  ...itControlRoom,
  // net-companies
  ...itCompanies,
  ...itTraining,
  ...itPrevention,
  ...itRights,
  ...itSecurity,
};

export type Messages = typeof it;

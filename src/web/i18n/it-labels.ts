/** Italian labels for the codes used by the API (roles, organisation types, audit actions…). */
import { AUDIT_ACTIONS } from '../../shared/codes/audit.ts';
import { EXPORT_LISTS } from '../../shared/codes/exports.ts';
import type { OrganisationType } from '../../shared/codes/organisations.ts';
import { labelsFor } from './code-labels.ts';
import type { Role } from '../../shared/codes/roles.ts';
import { itCaseLabels } from './it-case-labels.ts';
import { itPathLabels } from './it-path-labels.ts';
import { itReferralLabels } from './it-referral-labels.ts';

const roles: Record<Role, string> = {
  centre_operator: 'Operatrice del centro antiviolenza',
  cpi_referent: 'Referente del centro per l’impiego',
  service_operator: 'Operatore dei servizi',
  network_coordinator: 'Coordinamento di rete',
  control_room_member: 'Componente della cabina di regia',
  training_coordinator: 'Coordinamento della formazione',
  company_liaison: 'Referente per le aziende',
  dpo: 'Responsabile della protezione dei dati (RPD)',
  org_admin: 'Amministratore dell’organizzazione',
  platform_admin: 'Amministratore della piattaforma',
};

const orgTypes: Record<OrganisationType, string> = {
  cav: 'Centro antiviolenza',
  shelter_operator: 'Ente gestore di case rifugio',
  employment_centre: 'Centro per l’impiego',
  social_services: 'Servizi sociali',
  housing_office: 'Ufficio casa',
  training_body: 'Ente di formazione',
  ats_asst: 'ATS / ASST',
  municipality: 'Comune',
  metro_city: 'Città metropolitana',
  company: 'Azienda',
  trade_union: 'Sindacato',
  ngo: 'Associazione / ONG',
  police: 'Forze dell’ordine',
  court: 'Autorità giudiziaria',
  school: 'Scuola',
  university: 'Università',
  other: 'Altro',
};

const actions = labelsFor(AUDIT_ACTIONS, {
  'auth.login': 'Accesso (nome utente e password)',
  'auth.totp': 'Verifica in due passaggi',
  'auth.recovery_code': 'Accesso con codice di recupero',
  'auth.logout': 'Uscita',
  'auth.totp_enrol': 'Attivazione della verifica in due passaggi',
  'auth.password_reset_request': 'Richiesta di nuova password',
  'auth.password_set': 'Impostazione della password',
  'user.invite': 'Invito di un utente',
  'user.roles_change': 'Modifica dei ruoli',
  'user.disable': 'Disattivazione di un utente',
  'user.enable': 'Riattivazione di un utente',
  'user.password_reset_link': 'Collegamento per nuova password',
  'user.list': 'Consultazione degli utenti',
  'organisation.read': 'Consultazione di un’organizzazione',
  'organisation.update': 'Modifica di un’organizzazione',
  'protocol.adhesion_request': 'Richiesta di adesione a un protocollo',
  'protocol.adhesion_decide': 'Decisione su un’adesione',
  'audit.search': 'Consultazione del registro',
  'case.create': 'Presa in carico di una donna',
  'case.read': 'Consultazione di un percorso',
  'case.list': 'Consultazione dell’elenco dei percorsi',
  'case.identity_search': 'Ricerca per cognome o codice fiscale',
  'case.update': 'Modifica del profilo di un percorso',
  'case.identity_read': 'Visualizzazione dell’identità',
  'case.identity_update': 'Modifica dell’identità',
  'case.team_change': 'Modifica del team di un percorso',
  'case.close': 'Chiusura di un percorso',
  'case.reopen': 'Riapertura di un percorso',
  'case.timeline_read': 'Consultazione della cronologia di un percorso',
  'consent.record': 'Registrazione di un consenso',
  'consent.revoke': 'Ritiro di un consenso',
  'consent.form_print': 'Stampa di un modulo di consenso',
  'needs.record': 'Registrazione di un’analisi dei bisogni',
  'plan.update': 'Modifica del piano individuale',
  'plan.agree': 'Accordo sul piano',
  'plan.review': 'Revisione del piano',
  'plan.print': 'Stampa del piano',
  'catalogue.extend': 'Nuova azione nel catalogo',
  'outcome.record': 'Registrazione di un esito',
  'follow_up.record': 'Registrazione di una verifica',
  'referral.send': 'Invio a un altro ente',
  'referral.preview': 'Anteprima di un invio',
  'referral.list': 'Consultazione degli invii',
  'referral.read': 'Consultazione di un invio',
  'referral.transition': 'Passaggio di stato di un invio',
  'referral.message': 'Messaggio su un invio',
  'referral.messages_read': 'Lettura dei messaggi di un invio',
  'referral.overdue_list': 'Consultazione degli invii in ritardo',
  'draft.save': 'Salvataggio di una bozza',
  'draft.read': 'Ripresa di una bozza',
  'draft.discard': 'Eliminazione di una bozza',
  'draft.expire': 'Eliminazione delle bozze scadute',
  'worklist.list': 'Consultazione di un elenco di cose da fare',
  // osservatorio (issue 7)
  'observatory.scope': 'Osservatorio: consultazione dell’ambito',
  'observatory.catalogue': 'Osservatorio: consultazione del catalogo degli indicatori',
  'observatory.dashboard': 'Osservatorio: consultazione di un cruscotto',
  'observatory.export': 'Osservatorio: esportazione di una tabella',
  'referral.access_end': 'Fine dell’accesso a un invio',
  'auth.session_expired': 'Sessione scaduta',
  'list.export': 'Esportazione di un elenco',
  'form.print': 'Stampa di un modulo in bianco',
  'directory.entry_update': 'Modifica di una scheda dell’elenco dei servizi',
  'directory.publish': 'Pubblicazione di una scheda dell’elenco dei servizi',
  'directory.stale_flag': 'Scheda dell’elenco dei servizi da verificare',
  // obs-report
  'observatory.report_request': 'Richiesta del rapporto trimestrale dell’osservatorio',
  'observatory.report_download': 'Scaricamento del rapporto trimestrale dell’osservatorio',
  'observatory.extract': 'Estrazione annuale dell’osservatorio (ISTAT, O.R.A.)',
  'document.upload': 'Caricamento di un documento',
  'document.list': 'Elenco dei documenti',
  'document.read': 'Lettura di un documento',
  'control_room.list': 'Elenco delle cabine di regia',
  'control_room.read': 'Consultazione della cabina di regia',
  'control_room.meeting_read': 'Lettura di una riunione',
  'control_room.meeting_record': 'Registrazione di una riunione',
  'control_room.action_update': 'Aggiornamento di un’azione della cabina di regia',
  'control_room.group_create': 'Creazione di un gruppo di lavoro',
  'procedure.list': 'Elenco delle procedure',
  'procedure.read': 'Lettura di una procedura',
  'procedure.create': 'Creazione di una procedura',
  'procedure.version_add': 'Nuova versione di una procedura',
  'procedure.transition': 'Approvazione, sostituzione o presa visione di una procedura',
  // net-companies
  'company.list': 'Consultazione del registro delle aziende',
  'company.read': 'Consultazione della scheda di un’azienda',
  'company.create': 'Registrazione di un’azienda',
  'company.update': 'Modifica della scheda di un’azienda',
  'company.engagement_add': 'Registrazione di un’attività o di un impegno di un’azienda',
  'vacancy.create': 'Inserimento di un’offerta di lavoro',
  'vacancy.update': 'Modifica di un’offerta di lavoro',
  'vacancy.match': 'Abbinamento anonimo delle offerte a un percorso',
  'system.retention': 'Eliminazione dei dati di sistema oltre il periodo di conservazione',
  'system.restore': 'Ripristino della banca dati da un backup',
});

const exportLists = labelsFor(EXPORT_LISTS, {
  caseload: 'Elenco dei percorsi',
  follow_ups: 'Verifiche dopo l’assunzione',
  audit: 'Registro degli accessi',
});

const outcomes: Record<string, string> = {
  success: 'Riuscita',
  ok: 'Riuscita',
  failure: 'Non riuscita',
  failed: 'Non riuscita',
  denied: 'Negata',
  error: 'Errore',
};

const adhesionStatus: Record<string, string> = {
  pending: 'In attesa',
  requested: 'In attesa',
  approved: 'Approvata',
  rejected: 'Respinta',
  withdrawn: 'Ritirata',
};

const subjectTypes: Record<string, string> = {
  user: 'Utente',
  organisation: 'Organizzazione',
  network: 'Rete',
  protocol: 'Protocollo',
  adhesion: 'Adesione',
  protocol_adhesion: 'Adesione a un protocollo',
  invitation: 'Invito',
  session: 'Sessione',
  audit: 'Registro',
  case: 'Percorso',
  consent: 'Consenso',
  outcome: 'Esito',
  follow_up: 'Verifica',
  action_catalogue: 'Catalogo delle azioni',
  referral: 'Invio',
};

const signatoryKinds: Record<string, string> = {
  original: 'Firmatario originario',
  signatory: 'Firmatario',
  signer: 'Firmatario',
  founding: 'Firmatario originario',
  adherent: 'Aderente',
  adhesion: 'Adesione successiva',
  member: 'Componente',
};

const networkRoles: Record<string, string> = {
  lead: 'Comune capofila',
  lead_municipality: 'Comune capofila',
  member: 'Componente',
  cav: 'Centro antiviolenza',
  shelter: 'Casa rifugio',
  partner: 'Partner',
  coordinator: 'Coordinamento',
};

export const itLabels = {
  labels: {
    roles,
    orgTypes,
    actions,
    exportLists,
    outcomes,
    adhesionStatus,
    subjectTypes,
    signatoryKinds,
    networkRoles,
    ...itCaseLabels,
    ...itPathLabels,
    ...itReferralLabels,
  },
};

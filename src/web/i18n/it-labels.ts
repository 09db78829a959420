/** Italian labels for the codes used by the API (roles, organisation types, audit actions…). */
import type { OrganisationType, Role } from '../../shared/roles.ts';

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

const actions: Record<string, string> = {
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
};

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
  labels: { roles, orgTypes, actions, outcomes, adhesionStatus, subjectTypes, signatoryKinds, networkRoles },
};

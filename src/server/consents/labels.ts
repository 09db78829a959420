import type { OrganisationType } from '../../shared/codes/organisations.ts';
import type { FormLanguage, SharingPurpose } from '../../shared/codes/sharing.ts';

/** The fixed words of the printed consent form, in Italian and English. */
const it = {
  heading: 'Modulo di consenso',
  caseCode: 'Codice del percorso',
  controller: 'Titolare del trattamento',
  textVersion: 'Versione del testo',
  recipient: 'Ente destinatario',
  recipientType: 'Qualsiasi ente di questo tipo',
  sharingPurpose: 'Scopo',
  identity: 'Nome e recapiti inclusi',
  yes: 'Sì',
  no: 'No, solo il codice del percorso',
  validUntil: 'Valido fino al',
  untilRevoked: 'Fino a quando non lo ritiri',
  monthsFromSignature: '{n} mesi dalla data della firma',
  decision: 'La tua scelta',
  agree: 'Acconsento',
  disagree: 'Non acconsento',
  revokeHeading: 'Come ritirare il consenso',
  revoke:
    'Puoi ritirare il consenso in qualsiasi momento, senza dare spiegazioni: basta dirlo alla tua operatrice del centro, di persona o per telefono. Il ritiro vale dal giorno in cui lo chiedi; ciò che è già stato comunicato prima resta valido. Puoi anche chiedere di vedere, correggere o cancellare i tuoi dati rivolgendoti al centro o al suo responsabile per la protezione dei dati.',
  signatures: 'Firme',
  date: 'Data',
  signatureWoman: 'Firma della donna',
  signatureOperator: "Firma dell'operatrice",
  signatureWitness: 'Firma della testimone (solo per consenso verbale)',
  footer:
    'Una copia di questo modulo è per te, se lo desideri. Il tuo nome non è stampato: il centro lo collega al codice.',
  printedOn: 'Stampato il',
};
export type FormLabels = Record<keyof typeof it, string>;

const en: FormLabels = {
  heading: 'Consent form',
  caseCode: 'Path code',
  controller: 'Data controller',
  textVersion: 'Text version',
  recipient: 'Receiving organisation',
  recipientType: 'Any organisation of this type',
  sharingPurpose: 'Purpose',
  identity: 'Name and contact details included',
  yes: 'Yes',
  no: 'No, only the path code',
  validUntil: 'Valid until',
  untilRevoked: 'Until you withdraw it',
  monthsFromSignature: '{n} months from the date of signature',
  decision: 'Your choice',
  agree: 'I agree',
  disagree: 'I do not agree',
  revokeHeading: 'How to withdraw your consent',
  revoke:
    'You can withdraw your consent at any time, without giving reasons: just tell your operator at the centre, in person or by phone. The withdrawal applies from the day you ask; what was already shared before stays lawful. You can also ask to see, correct or delete your data by asking the centre or its data protection officer.',
  signatures: 'Signatures',
  date: 'Date',
  signatureWoman: 'Signature of the woman',
  signatureOperator: 'Signature of the operator',
  signatureWitness: 'Signature of the witness (verbal consent only)',
  footer: 'A copy of this form is yours if you want it. Your name is not printed: the centre links it to the code.',
  printedOn: 'Printed on',
};

export const FORM_LABELS: Record<FormLanguage, FormLabels> = { it, en };

export const SHARING_PURPOSE_LABELS: Record<FormLanguage, Record<SharingPurpose, string>> = {
  it: {
    work_orientation: 'Orientamento e inserimento lavorativo',
    training: 'Formazione',
    housing: 'Sostegno abitativo',
    social_support: 'Sostegno sociale',
    health: 'Salute',
    legal: 'Assistenza legale',
  },
  en: {
    work_orientation: 'Work orientation and job placement',
    training: 'Training',
    housing: 'Housing support',
    social_support: 'Social support',
    health: 'Health',
    legal: 'Legal assistance',
  },
};

export const ORGANISATION_TYPE_LABELS: Record<FormLanguage, Record<OrganisationType, string>> = {
  it: {
    cav: 'Centro antiviolenza',
    shelter_operator: 'Gestore di case rifugio',
    employment_centre: "Centro per l'impiego",
    social_services: 'Servizi sociali',
    housing_office: 'Ufficio casa',
    training_body: 'Ente di formazione',
    ats_asst: 'ATS / ASST (servizi sanitari)',
    municipality: 'Comune',
    metro_city: 'Città metropolitana',
    company: 'Azienda',
    trade_union: 'Sindacato',
    ngo: 'Associazione',
    police: "Forze dell'ordine",
    court: 'Tribunale o procura',
    school: 'Scuola',
    university: 'Università',
    other: 'Altro ente',
  },
  en: {
    cav: 'Anti-violence centre',
    shelter_operator: 'Shelter operator',
    employment_centre: 'Employment centre (CPI)',
    social_services: 'Social services',
    housing_office: 'Housing office',
    training_body: 'Training body',
    ats_asst: 'ATS / ASST (health services)',
    municipality: 'Municipality',
    metro_city: 'Metropolitan city',
    company: 'Company',
    trade_union: 'Trade union',
    ngo: 'Association (NGO)',
    police: 'Police',
    court: 'Court or prosecutor',
    school: 'School',
    university: 'University',
    other: 'Other organisation',
  },
};

/** dd/mm/yyyy, as on Italian forms. */
export const formDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

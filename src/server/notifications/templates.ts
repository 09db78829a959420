import type { NotificationKind } from '../../shared/codes/notifications.ts';

/**
 * The e-mail of each kind: fixed text, Italian and English in the same mail, with no personal
 * data, no case code, no pseudonym and no organisation name. The only placeholder is
 * {publicUrl}, where the operator signs in to read the details.
 */
interface Template {
  it: string;
  en: string;
}

/** What happened, as a subject line: the same words open the body. */
export const EMAIL_TEMPLATES: Record<NotificationKind, Template> = {
  referral_received: { it: 'hai un nuovo invio', en: 'You have a new referral' },
  referral_accepted: { it: 'un invio è stato accettato', en: 'A referral was accepted' },
  referral_declined: { it: 'un invio non è stato accettato', en: 'A referral was declined' },
  referral_withdrawn: { it: 'un invio è stato ritirato', en: 'A referral was withdrawn' },
  referral_reported: { it: 'c’è un nuovo riscontro su un invio', en: 'There is new feedback on a referral' },
  referral_completed: { it: 'un invio è stato concluso', en: 'A referral was completed' },
  referral_message: { it: 'c’è un nuovo messaggio su un invio', en: 'There is a new message on a referral' },
  referral_overdue: { it: 'un invio attende una risposta', en: 'A referral is waiting for an answer' },
  referral_access_ended: { it: 'l’accesso a un invio è terminato', en: 'Access to a referral has ended' },
  directory_entry_stale: {
    it: 'una scheda dell’elenco pubblico va verificata',
    en: 'A public directory entry needs checking',
  },
  training_coverage_low: {
    it: 'un Centro per l’impiego ha meno di due referenti formati',
    en: 'An employment centre has fewer than two trained referents',
  },
  insider_alert: {
    it: 'un’allerta di accesso interno da verificare',
    en: 'An insider alert to review',
  },
};

/** The body, before {publicUrl} is filled in. */
export function bodyTemplate(kind: NotificationKind): string {
  const t = EMAIL_TEMPLATES[kind];
  return [
    'Buongiorno,',
    '',
    `in Percorsi ${t.it}.`,
    'Accedi a {publicUrl} e apri la pagina Notifiche: {publicUrl}/notifiche',
    'Per riservatezza questa e-mail non contiene dati personali: i dettagli sono solo in Percorsi.',
    '',
    '---',
    '',
    'Hello,',
    '',
    `${t.en} in Percorsi.`,
    'Sign in at {publicUrl} and open the Notifications page: {publicUrl}/notifiche',
    'For confidentiality this e-mail contains no personal data: the details are only in Percorsi.',
    '',
    '-- ',
    'Percorsi. Questo è un messaggio automatico: non rispondere. / This is an automatic message: do not reply.',
  ].join('\n');
}

export function subjectOf(kind: NotificationKind): string {
  const t = EMAIL_TEMPLATES[kind];
  return `Percorsi: ${t.it} / ${t.en}`;
}

export function renderEmail(kind: NotificationKind, publicUrl: string): { subject: string; text: string } {
  const base = publicUrl.replace(/\/+$/, '');
  return { subject: subjectOf(kind), text: bodyTemplate(kind).replaceAll('{publicUrl}', base) };
}

/** Exported for the test: the placeholders a template may use. */
export const PLACEHOLDERS = ['{publicUrl}'] as const;

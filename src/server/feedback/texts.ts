/** The feedback form's words, Italian and English (plain, short, in the second person, feminine). */
import type { FeedbackQuestion } from '../../shared/codes/feedback.ts';

export const FEEDBACK_LANGUAGES = ['it', 'en'] as const;
export type FeedbackLanguage = (typeof FEEDBACK_LANGUAGES)[number];

export interface FeedbackTexts {
  lang: FeedbackLanguage;
  name: string;
  title: string;
  intro: string;
  anonymous: string;
  optional: string;
  questions: Record<FeedbackQuestion, { legend: string; hint?: string; answers: Record<string, string> }>;
  submit: string;
  errorTitle: string;
  errorNothing: string;
  thanksTitle: string;
  thanksText: string;
  answeredTitle: string;
  answeredText: string;
  unknownTitle: string;
  unknownText: string;
  help: string;
  other: string;
}

const yesPartlyNo = (yes: string, partly: string, no: string) => ({ yes, partly, no });

export const FEEDBACK_TEXTS: Record<FeedbackLanguage, FeedbackTexts> = {
  it: {
    lang: 'it',
    name: 'Italiano',
    title: 'Il tuo parere sul percorso',
    intro: 'Ci aiuti a migliorare? Sono quattro domande e servono due minuti.',
    anonymous:
      'Il questionario è anonimo: non chiediamo il tuo nome e le risposte non sono collegate al tuo percorso. Le vediamo solo come totali, mai una per una.',
    optional: 'Puoi rispondere solo alle domande che vuoi. Puoi rispondere una volta sola.',
    questions: {
      listened: {
        legend: 'Al centro ti sei sentita ascoltata?',
        answers: yesPartlyNo('Sì', 'In parte', 'No'),
      },
      referral_helped: {
        legend: 'Gli altri servizi a cui ti abbiamo indirizzata (lavoro, casa, altri aiuti) ti sono stati utili?',
        answers: {
          ...yesPartlyNo('Sì', 'In parte', 'No'),
          not_referred: 'Non sono stata indirizzata ad altri servizi',
        },
      },
      plan_own: {
        legend: 'Il piano è chiaro e lo senti tuo?',
        answers: yesPartlyNo('Sì', 'In parte', 'No'),
      },
      missing: {
        legend: 'Che cosa ti è mancato di più?',
        hint: 'Puoi sceglierne più di una.',
        answers: {
          work: 'Un lavoro',
          housing: 'Una casa',
          childcare: 'Aiuto con i figli',
          income: 'Un sostegno economico',
          legal: 'Aiuto legale',
          health: 'Cure e sostegno psicologico',
          time: 'Più tempo con le operatrici',
          nothing: 'Niente, ho avuto ciò che mi serviva',
        },
      },
    },
    submit: 'Invia il parere',
    errorTitle: 'Il parere non è stato inviato',
    errorNothing:
      'Rispondi ad almeno una domanda. Se hai scelto «Niente», non scegliere altre voci nella stessa domanda.',
    thanksTitle: 'Grazie',
    thanksText: 'Il tuo parere è arrivato. Conta: ci aiuta a migliorare i percorsi per tutte.',
    answeredTitle: 'Hai già risposto',
    answeredText: 'Con questo collegamento è già stato inviato un parere: se ne può inviare uno solo. Grazie.',
    unknownTitle: 'Collegamento non valido',
    unknownText: 'Il collegamento non è valido. Controlla di averlo copiato tutto, come è scritto sul tuo piano.',
    help: 'Se sei in pericolo chiama il 112. Il numero antiviolenza 1522 è gratuito e attivo 24 ore su 24.',
    other: 'English',
  },
  en: {
    lang: 'en',
    name: 'English',
    title: 'Your opinion on your path',
    intro: 'Will you help us improve? There are four questions and they take two minutes.',
    anonymous:
      'This questionnaire is anonymous: we do not ask your name and the answers are not linked to your path. We only see them as totals, never one by one.',
    optional: 'You may answer only the questions you want. You can answer only once.',
    questions: {
      listened: { legend: 'Did you feel listened to at the centre?', answers: yesPartlyNo('Yes', 'Partly', 'No') },
      referral_helped: {
        legend: 'Were the other services we referred you to (work, housing, other help) useful to you?',
        answers: { ...yesPartlyNo('Yes', 'Partly', 'No'), not_referred: 'I was not referred to other services' },
      },
      plan_own: {
        legend: 'Is your plan clear, and do you feel it is yours?',
        answers: yesPartlyNo('Yes', 'Partly', 'No'),
      },
      missing: {
        legend: 'What did you miss most?',
        hint: 'You may choose more than one.',
        answers: {
          work: 'A job',
          housing: 'A home',
          childcare: 'Help with the children',
          income: 'Financial support',
          legal: 'Legal help',
          health: 'Care and psychological support',
          time: 'More time with the staff',
          nothing: 'Nothing, I had what I needed',
        },
      },
    },
    submit: 'Send my opinion',
    errorTitle: 'Your opinion was not sent',
    errorNothing:
      'Answer at least one question. If you chose "Nothing", do not choose other items in the same question.',
    thanksTitle: 'Thank you',
    thanksText: 'Your opinion has arrived. It counts: it helps us improve the paths for every woman.',
    answeredTitle: 'You have already answered',
    answeredText: 'An opinion has already been sent with this link: only one can be sent. Thank you.',
    unknownTitle: 'Link not valid',
    unknownText: 'The link is not valid. Check that you copied all of it, as written on your plan.',
    help: 'If you are in danger call 112. The anti-violence helpline 1522 is free and open 24 hours a day.',
    other: 'Italiano',
  },
};

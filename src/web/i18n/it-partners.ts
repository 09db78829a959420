/** Italian strings of the organisation picker, the partners' reports on Esiti and the referral's plan action. */
export const itPartners = {
  picker: {
    search: 'Cerca per nome o comune',
    searchIn: 'Cerca in «{field}» per nome o comune',
    matches: '{n} enti corrispondono alla ricerca.',
    noMatch: 'Nessun ente corrisponde alla ricerca.',
  },
  partnerReports: {
    caption: 'Esiti e resoconti degli enti, dal più recente',
    kind: 'Esito o resoconto',
    action: 'Azione del piano',
    noAction: '—',
    actionNow: '{action}: {status}',
    markDone: 'Segna l’azione come completata',
    markInProgress: 'Segna l’azione come in corso',
    marked: 'Azione «{action}» segnata come «{status}» (versione {n} del piano).',
    stale: 'Il piano è cambiato nel frattempo: l’elenco è stato ricaricato, riprova.',
    fromReport: 'Resoconto di {organisation} del {date}: {kind}',
    openReferral: 'Apri l’invio',
  },
  referralPlan: {
    action: 'Azione del piano a cui serve l’invio (facoltativa)',
    actionHint: 'Le azioni del suo piano di cui {recipient} è l’ente responsabile.',
    none: 'Nessuna azione in particolare',
    noActions: 'Nel suo piano nessuna azione aperta ha {recipient} come ente responsabile.',
    serves: 'Azione del piano servita',
    notShared: 'Non condivisa con l’ente',
  },
  suggest: {
    hint: 'Suggeriti dal suo consenso, dal suo piano e dal comune in cui vive. Puoi scegliere un altro ente.',
    because: 'perché: {reasons}',
    noSuggestion:
      'Nessun ente suggerito: nessun consenso o azione del piano nomina un ente, e il comune di residenza non ha un centro per l’impiego associato. Scegli l’ente dall’elenco.',
  },
};

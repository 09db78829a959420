/** Italian strings of the drafts that forms keep while she types, and of leaving with unsaved changes. */
export const itDrafts = {
  drafts: {
    saving: 'Salvataggio della bozza…',
    savedAt: 'Bozza salvata alle {time}',
    failed: 'Bozza non salvata: controlla la connessione. Riproverò alla prossima modifica.',
    restored: 'Abbiamo ripreso la bozza salvata il {date} alle {time}.',
    privacy:
      'La bozza è cifrata come i dati della donna, la vedi solo tu, ed è eliminata alla registrazione o dopo {days} giorni.',
    discard: 'Scarta la bozza',
    discardConfirm: 'Vuoi scartare la bozza? Quello che hai inserito andrà perso.',
    discardYes: 'Sì, scarta la bozza',
    discardNo: 'No, tienila',
    discarded: 'Bozza scartata: il modulo è di nuovo vuoto.',
    leaveTitle: 'Modifiche non ancora salvate',
    leaveText: 'Alcune modifiche non sono ancora salvate nella bozza. Cosa vuoi fare?',
    leaveSave: 'Salva la bozza ed esci',
    leaveWithout: 'Esci senza salvare',
    stay: 'Resta nella pagina',
  },
};

/** Italian strings of the case tab "Invii", the send-referral wizard and the plan's reported outcomes. */
export const itReferralWizard = {
  referralTab: {
    title: 'Invii',
    intro:
      'Gli invii di questa donna ad altri enti: ricevono solo ciò che lei ha acconsentito a condividere, per il tempo necessario.',
    new: 'Nuovo invio',
    sent: 'Invio spedito a {name}.',
    empty: 'Nessun invio per questo percorso.',
    caption: 'Invii del percorso, dal più recente',
    opened: 'Aperto da',
    notOpened: 'Non ancora aperto',
    openedBy: '{names}',
    lastOpened: 'ultima apertura {date} ({count} in tutto)',
    reportsTitle: 'Esiti segnalati dagli enti',
    noReports: 'Nessun esito segnalato finora dagli enti a cui è stata inviata.',
    noReferrals: 'Nessun invio: gli esiti segnalati dagli enti compariranno qui.',
    reportedBy: 'Segnalato da {organisation}: {text}.',
    openReferral: 'Apri l’invio',
  },
  referralNew: {
    title: 'Nuovo invio',
    back: 'Torna agli invii del percorso',
    notEditable: 'Non puoi inviare questo percorso: è chiuso, oppure il tuo ruolo non lo consente.',
    steps: {
      destination: 'Destinatario e finalità',
      share: 'Dati da condividere',
      preview: 'Anteprima',
      send: 'Invio',
    },
    recipient: 'Destinatario',
    suggested: 'centro per l’impiego del suo comune, suggerito',
    suggestedHint: 'Il centro per l’impiego del comune in cui vive. Puoi scegliere un altro ente.',
    otherOrganisation: 'Un altro ente della rete',
    noSuggestion:
      'Nessun centro per l’impiego suggerito: il comune di residenza non è indicato o non ha un centro associato. Scegli l’ente dall’elenco.',
    search: 'Cerca un ente',
    searchHint: 'Scrivi una parte del nome o del comune: l’elenco qui sotto si riduce.',
    organisation: 'Ente destinatario',
    chooseOrganisation: 'Scegli l’ente',
    noMatch: 'Nessun ente corrisponde alla ricerca',
    purpose: 'Finalità',
    choosePurpose: 'Scegli la finalità',
    referent: 'Referente presso l’ente (facoltativo)',
    referentHint: 'Se non scegli nessuno, l’invio arriva a tutte le persone dell’ente che ricevono gli invii.',
    noReferent: 'Nessuno: a tutto l’ente',
    urgency: 'Urgenza',
    note: 'Nota breve (facoltativa)',
    noteHint:
      'Al massimo 1000 caratteri. Non scrivere il suo nome né altri dati: scegli nel passaggio successivo cosa condividere.',
    shareIntro:
      'Scegli cosa riceverà {recipient}. Condividi solo ciò che serve: i dati che i suoi consensi non coprono non si possono scegliere.',
    noConsent:
      'Manca il consenso alla condivisione con {recipient} per la finalità «{purpose}»: nessun dato può essere inviato.',
    recordConsent: 'Registra il consenso nella scheda Consensi',
    seeConsents: 'Vedi i consensi di questa donna',
    noIdentityConsent:
      'Nome e recapiti non possono essere condivisi: manca il consenso a comunicare la sua identità a questo destinatario.',
    onlyThroughCentre:
      'Le sue preferenze di contatto sicuro dicono che la contatta solo il centro: telefono ed email non si possono condividere.',
    previewIntro: 'Ecco esattamente ciò che vedrà {recipient}.',
    pseudonym: 'La conosceranno come',
    dueDates: 'Scadenze: risposta entro il {ack}; primo appuntamento entro il {appointment} (in giorni lavorativi).',
    fieldsChosen: 'Dati condivisi',
    noFields: 'Nessuno: solo lo pseudonimo e la nota',
    confirmText:
      'Premi «Invia» per spedire l’invio. Finché è aperto puoi ritirarlo; se lei ritira il consenso, l’accesso del destinatario termina subito.',
    submit: 'Invia',
    sendFailed: 'L’invio non è riuscito per un problema di collegamento. Puoi riprovare: non verrà spedito due volte.',
  },
};

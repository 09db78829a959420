/** English strings of the case tab "Referrals", the wizard and the plan's reported outcomes: same shape as it-referral-wizard.ts. */
import type { itReferralWizard } from './it-referral-wizard.ts';

export const enReferralWizard: typeof itReferralWizard = {
  referralTab: {
    title: 'Referrals',
    intro: 'Her referrals to other bodies: they receive only what she agreed to share, for as long as needed.',
    new: 'New referral',
    sent: 'Referral sent to {name}.',
    empty: 'No referrals for this case.',
    caption: 'Referrals of the case, newest first',
    opened: 'Opened by',
    notOpened: 'Not opened yet',
    openedBy: '{names}',
    lastOpened: 'last opened {date} ({count} in all)',
    reportsTitle: 'Outcomes reported by the bodies',
    noReports: 'No outcome reported so far by the bodies she was referred to.',
    noReferrals: 'No referrals: outcomes reported by the bodies will appear here.',
    reportedBy: 'Reported by {organisation}: {text}.',
    openReferral: 'Open the referral',
  },
  referralNew: {
    title: 'New referral',
    back: 'Back to the case’s referrals',
    notEditable: 'You cannot refer from this case: it is closed, or your role does not allow it.',
    steps: { destination: 'Recipient and purpose', share: 'Data to share', preview: 'Preview', send: 'Send' },
    recipient: 'Recipient',
    suggested: 'employment centre of her municipality, suggested',
    suggestedHint: 'The employment centre of the municipality where she lives. You may choose another body.',
    otherOrganisation: 'Another body of the network',
    noSuggestion:
      'No employment centre suggested: her municipality is not recorded or has no centre associated. Choose the body from the list.',
    search: 'Search for a body',
    searchHint: 'Type part of the name or the town: the list below narrows down.',
    organisation: 'Receiving body',
    chooseOrganisation: 'Choose the body',
    noMatch: 'No body matches the search',
    purpose: 'Purpose',
    choosePurpose: 'Choose the purpose',
    referent: 'Referent at the body (optional)',
    referentHint: 'If you choose nobody, the referral reaches everyone at the body who receives referrals.',
    noReferent: 'Nobody: the whole body',
    urgency: 'Urgency',
    note: 'Short note (optional)',
    noteHint: 'Up to 1000 characters. Do not write her name or other data: choose what to share in the next step.',
    shareIntro:
      'Choose what {recipient} will receive. Share only what is needed: data her consents do not cover cannot be chosen.',
    noConsent: 'There is no consent to share with {recipient} for the purpose “{purpose}”: no data can be sent.',
    recordConsent: 'Record the consent in the Consents tab',
    seeConsents: 'See her consents',
    noIdentityConsent:
      'Name and contact details cannot be shared: there is no consent to disclose her identity to this recipient.',
    onlyThroughCentre:
      'Her safe-contact preferences say only the centre contacts her: phone and email cannot be shared.',
    previewIntro: 'This is exactly what {recipient} will see.',
    pseudonym: 'They will know her as',
    dueDates: 'Deadlines: answer by {ack}; first appointment by {appointment} (in working days).',
    fieldsChosen: 'Data shared',
    noFields: 'None: only the pseudonym and the note',
    confirmText:
      'Press “Send” to send the referral. While it is open you may withdraw it; if she withdraws her consent, the recipient’s access ends at once.',
    submit: 'Send',
    sendFailed:
      'The referral could not be sent because of a connection problem. You can try again: it will not be sent twice.',
  },
};

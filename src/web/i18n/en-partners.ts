/** English strings of the organisation picker, the partners' reports on Outcomes and the referral's plan action. */
import type { itPartners } from './it-partners.ts';

export const enPartners: typeof itPartners = {
  picker: {
    search: 'Search by name or town',
    searchIn: 'Search “{field}” by name or town',
    matches: '{n} bodies match the search.',
    noMatch: 'No body matches the search.',
  },
  partnerReports: {
    caption: 'Outcomes and reports from the bodies, newest first',
    kind: 'Outcome or report',
    action: 'Plan action',
    noAction: '—',
    actionNow: '{action}: {status}',
    markDone: 'Mark the action as done',
    markInProgress: 'Mark the action as in progress',
    marked: 'Action “{action}” marked as “{status}” (plan version {n}).',
    stale: 'The plan changed in the meantime: the list was reloaded, try again.',
    fromReport: 'Report from {organisation} of {date}: {kind}',
    openReferral: 'Open the referral',
  },
  referralPlan: {
    action: 'Plan action the referral serves (optional)',
    actionHint: 'The actions of her plan for which {recipient} is the responsible body.',
    none: 'No action in particular',
    noActions: 'No open action of her plan has {recipient} as the responsible body.',
    serves: 'Plan action served',
    notShared: 'Not shared with the body',
  },
  suggest: {
    hint: 'Suggested by her consent, her plan and the town where she lives. You may choose another body.',
    because: 'because: {reasons}',
    noSuggestion:
      'No body suggested: no consent or plan action names one, and her town has no employment centre associated. Choose the body from the list.',
  },
};

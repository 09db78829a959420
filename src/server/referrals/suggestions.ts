import { SUGGESTION_REASONS, type SuggestionReason } from '../../shared/codes/referrals.ts';
import { fitsField } from '../../shared/organisation-fields.ts';

export interface Candidate {
  id: string;
  name: string;
  type: string;
  reason: SuggestionReason;
}
export interface Suggestion {
  id: string;
  name: string;
  type: string;
  reasons: SuggestionReason[];
}

const rank = (r: SuggestionReason) => SUGGESTION_REASONS.indexOf(r);

/**
 * The recipients to suggest, strongest first: her consent before her plan before her town; a body
 * with more reasons before one with fewer of the same strength; otherwise in the order given
 * (newest consent, nearest due action). Only bodies that receive referrals, never the centre itself.
 */
export function rankSuggestions(candidates: readonly Candidate[], ownOrganisationId: string): Suggestion[] {
  const byId = new Map<string, Suggestion & { first: number }>();
  candidates.forEach((c, i) => {
    if (c.id === ownOrganisationId || !fitsField('referral.recipient', c.type)) return;
    const seen = byId.get(c.id);
    if (!seen) byId.set(c.id, { id: c.id, name: c.name, type: c.type, reasons: [c.reason], first: i });
    else if (!seen.reasons.includes(c.reason)) seen.reasons.push(c.reason);
  });
  const best = (s: Suggestion) => Math.min(...s.reasons.map(rank));
  return [...byId.values()]
    .map((s) => ({ ...s, reasons: [...s.reasons].sort((a, b) => rank(a) - rank(b)) }))
    .sort((a, b) => best(a) - best(b) || b.reasons.length - a.reasons.length || a.first - b.first)
    .map(({ first: _first, ...s }) => s);
}

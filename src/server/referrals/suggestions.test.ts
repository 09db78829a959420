import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUGGESTION_REASONS } from '../../shared/codes/referrals.ts';
import { type Candidate, rankSuggestions } from './suggestions.ts';

const c = (id: string, reason: Candidate['reason'], type = 'employment_centre'): Candidate => ({
  id,
  name: `Ente ${id}`,
  type,
  reason,
});

describe('the recipient the wizard suggests', () => {
  it('puts the body her consent names first, then the body of her plan, then her town’s CPI', () => {
    const out = rankSuggestions([c('town', 'residence'), c('plan', 'plan'), c('named', 'consent')], 'me');
    expect(out.map((s) => s.id)).toEqual(['named', 'plan', 'town']);
  });

  it('merges the reasons of one body, and prefers the body with more of them', () => {
    const out = rankSuggestions(
      [c('a', 'consent'), c('b', 'consent'), c('b', 'plan'), c('a', 'consent'), c('b', 'residence')],
      'me',
    );
    expect(out).toEqual([
      { id: 'b', name: 'Ente b', type: 'employment_centre', reasons: ['consent', 'plan', 'residence'] },
      { id: 'a', name: 'Ente a', type: 'employment_centre', reasons: ['consent'] },
    ]);
  });

  it('never suggests the centre itself or a body that receives no referrals', () => {
    const out = rankSuggestions([c('me', 'consent', 'cav'), c('q', 'consent', 'police'), c('t', 'residence')], 'me');
    expect(out.map((s) => s.id)).toEqual(['t']);
  });

  it('property: the strongest reason never decreases down the list; each body appears once', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
            name: fc.constant('x'),
            type: fc.constantFrom('employment_centre', 'police', 'training_body'),
            reason: fc.constantFrom(...SUGGESTION_REASONS),
          }),
          { maxLength: 20 },
        ),
        (list) => {
          const out = rankSuggestions(list, 'z');
          const strongest = out.map((s) => SUGGESTION_REASONS.indexOf(s.reasons[0] as Candidate['reason']));
          expect([...strongest].sort((x, y) => x - y)).toEqual(strongest);
          expect(new Set(out.map((s) => s.id)).size).toBe(out.length);
          expect(out.every((s) => s.type !== 'police')).toBe(true);
        },
      ),
    );
  });
});

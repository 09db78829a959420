import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTRACT_TYPES,
  ITALIAN_LEVELS,
  JOB_SECTORS,
  MATCH_REASONS,
  REQUIRED_EDUCATION,
  VACANCY_LANGUAGES,
} from '../../shared/codes/companies.ts';
import { SHARE_FIELDS } from '../../shared/codes/sharing.ts';
import { fieldsForRecipientType, fieldsVisibleTo, refusalFor } from '../referrals/share-fields.ts';
import { type Her, MATCH_FIELDS, type MatchableVacancy, matchVacancies, REASON_FIELD, WEIGHTS } from './match.ts';

const vacancy = (over: Partial<MatchableVacancy> = {}): MatchableVacancy => ({
  id: '00000000-0000-4000-8000-000000000001',
  sector: 'hospitality_catering',
  municipality: { code: '015146' },
  contractType: 'fixed_term',
  hoursPerWeek: 24,
  shifts: false,
  educationMin: 'lower_secondary',
  italianMin: 'a2',
  languages: [],
  drivingLicence: false,
  reserved: false,
  flexibleHours: false,
  status: 'open',
  ...over,
});

const HER: Her = {
  'plan.goals': [{ domain: 'work', status: 'open' }],
  'profile.residence': '015146',
  'needs.education_languages': { education_level: 'lower_secondary', italian_level: 'b1', other_languages: ['en'] },
  'needs.work_history': { last_job_sector: 'cleaning' },
  'needs.licences_mobility': { driving_licence: 'none', has_car: false, public_transport: 'good' },
  'needs.availability': { hours_per_week: 30, shifts_ok: false },
  'needs.aspirations': { desired_sectors: ['hospitality_catering', 'retail'] },
};
const ALL = fieldsVisibleTo({ kind: 'holding_centre' });
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

describe('matching: scoring with reasons', () => {
  it('a vacancy she wants, in her town, within her hours and requirements: every reason and its score', () => {
    const { items, fieldsUsed } = matchVacancies(HER, ALL, [vacancy({ reserved: true, flexibleHours: true })]);
    expect(items).toHaveLength(1);
    const m = items[0] as (typeof items)[number];
    expect(codes(m)).toEqual([
      'work_goal_open',
      'sector_desired',
      'education_met',
      'italian_met',
      'same_municipality',
      'hours_fit',
      'reserved_vacancy',
      'flexible_hours_company',
    ]);
    expect(m.score).toBe(10 + 25 + 10 + 10 + 15 + 15 + 10 + 5);
    expect(m.reasons.every((r) => r.effect === 'plus')).toBe(true);
    expect(fieldsUsed).toEqual([
      'plan.goals',
      'profile.residence',
      'needs.education_languages',
      'needs.availability',
      'needs.aspirations',
    ]);
  });

  it('unmet requirements take from the score; two of them leave the vacancy out', () => {
    const one = matchVacancies(HER, ALL, [vacancy({ hoursPerWeek: 36 })]).items[0];
    expect(one?.reasons).toContainEqual({ code: 'hours_too_many', effect: 'minus' });
    expect(one?.score).toBe(10 + 25 + 10 + 10 + 15 - 20);
    expect(matchVacancies(HER, ALL, [vacancy({ hoursPerWeek: 36, shifts: true })]).items).toEqual([]);
    expect(matchVacancies(HER, ALL, [vacancy({ drivingLicence: true, languages: ['de'] })]).items).toEqual([]);
  });

  it('ranks by score, leaves closed vacancies out, and lists nothing when the plan has no open work goal', () => {
    const a = vacancy({ id: 'a', sector: 'retail' });
    const b = vacancy({ id: 'b', sector: 'cleaning', municipality: { code: '018110' } });
    const c = vacancy({ id: 'c', status: 'closed' });
    const { items } = matchVacancies(HER, ALL, [b, c, a]);
    expect(items.map((m) => m.vacancy.id)).toEqual(['a', 'b']);
    expect(codes(items[1] as (typeof items)[number])).toContain('sector_experience');
    expect(codes(items[1] as (typeof items)[number])).toContain('reachable_by_transport');
    const reached = { ...HER, 'plan.goals': [{ domain: 'work', status: 'reached' }] };
    expect(matchVacancies(reached, ALL, [a]).items).toEqual([]);
  });

  it('reach: by car with a licence, hard to reach without transport', () => {
    const far = vacancy({ municipality: { code: '018110' } });
    const car = {
      ...HER,
      'needs.licences_mobility': { driving_licence: 'b', has_car: true, public_transport: 'none' },
    };
    expect(codes(matchVacancies(car, ALL, [far]).items[0] as never)).toContain('reachable_by_car');
    const stuck = {
      ...HER,
      'needs.licences_mobility': { driving_licence: 'none', has_car: false, public_transport: 'none' },
    };
    expect(codes(matchVacancies(stuck, ALL, [far]).items[0] as never)).toContain('hard_to_reach');
  });

  it('every reason has a field (or none: the vacancy’s own) and a weight', () => {
    for (const r of MATCH_REASONS) {
      expect(WEIGHTS[r]).not.toBe(0);
      const f = REASON_FIELD[r];
      if (f !== null) expect(MATCH_FIELDS).toContain(f);
    }
    expect(MATCH_FIELDS.every((f) => (SHARE_FIELDS as readonly string[]).includes(f))).toBe(true);
  });
});

// ---------------------------------------------------------------- property: only what the viewer may see
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const arbHer: fc.Arbitrary<Her> = fc.record(
  {
    'plan.goals': fc.array(
      fc.record({
        domain: fc.constantFrom('work', 'training', 'housing'),
        status: fc.constantFrom('open', 'reached', 'dropped'),
      }),
      { maxLength: 3 },
    ),
    'profile.education': maybe(fc.constantFrom(...REQUIRED_EDUCATION, 'unknown')),
    'profile.residence': maybe(fc.constantFrom('015146', '018110', '015182')),
    'needs.education_languages': fc.record(
      {
        education_level: fc.constantFrom(...REQUIRED_EDUCATION),
        italian_level: fc.constantFrom(...ITALIAN_LEVELS),
        other_languages: fc.subarray([...VACANCY_LANGUAGES]),
      },
      { requiredKeys: [] },
    ),
    'needs.work_history': fc.record({ last_job_sector: fc.constantFrom(...JOB_SECTORS) }, { requiredKeys: [] }),
    'needs.licences_mobility': fc.record(
      {
        driving_licence: fc.constantFrom('none', 'b', 'foreign_to_convert', 'other'),
        has_car: fc.boolean(),
        public_transport: fc.constantFrom('good', 'limited', 'none'),
      },
      { requiredKeys: [] },
    ),
    'needs.availability': fc.record(
      { hours_per_week: fc.integer({ min: 0, max: 48 }), shifts_ok: fc.boolean() },
      { requiredKeys: [] },
    ),
    'needs.aspirations': fc.record({ desired_sectors: fc.subarray([...JOB_SECTORS]) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const arbVacancy: fc.Arbitrary<MatchableVacancy> = fc.record({
  id: fc.uuid(),
  sector: fc.constantFrom(...JOB_SECTORS),
  municipality: fc.record({ code: fc.constantFrom('015146', '018110', '015182') }),
  contractType: fc.constantFrom(...CONTRACT_TYPES),
  hoursPerWeek: fc.integer({ min: 1, max: 48 }),
  shifts: fc.boolean(),
  educationMin: fc.constantFrom(...REQUIRED_EDUCATION),
  italianMin: fc.constantFrom(...ITALIAN_LEVELS),
  languages: fc.subarray([...VACANCY_LANGUAGES], { maxLength: 2 }),
  drivingLicence: fc.boolean(),
  reserved: fc.boolean(),
  flexibleHours: fc.boolean(),
  status: fc.constantFrom('open', 'closed'),
});
// a recipient sees her share set: any subset of the share fields
const arbShared = fc.subarray([...SHARE_FIELDS]);

describe('matching: property', () => {
  it('a match never uses a field outside what the viewer may see: its reasons rest on visible fields, and hidden data changes nothing', () => {
    fc.assert(
      fc.property(
        arbHer,
        arbHer,
        arbShared,
        fc.array(arbVacancy, { maxLength: 6 }),
        (her, other, shared, vacancies) => {
          const visible = fieldsVisibleTo({ kind: 'recipient', sharedFields: shared });
          const result = matchVacancies(her, visible, vacancies);
          for (const m of result.items)
            for (const r of m.reasons) {
              const f = REASON_FIELD[r.code];
              if (f !== null) expect(visible).toContain(f);
            }
          for (const f of result.fieldsUsed) expect(visible).toContain(f);
          // the same visible fields with anything else in the hidden ones: the same answer
          const mixed: Her = { ...other };
          for (const f of MATCH_FIELDS) {
            if (visible.includes(f)) (mixed as Record<string, unknown>)[f] = her[f];
          }
          for (const f of MATCH_FIELDS)
            if (visible.includes(f) && her[f] === undefined) delete (mixed as Record<string, unknown>)[f];
          expect(matchVacancies(mixed, visible, vacancies)).toEqual(result);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the holding centre sees every field; a company recipient never her plan or history', () => {
    expect(fieldsVisibleTo({ kind: 'holding_centre' })).toEqual([...SHARE_FIELDS]);
    const c = { recipientType: 'company', sharingConsentId: 'c', identityConsentId: 'i', onlyThroughCentre: false };
    for (const f of [
      'plan.goals',
      'plan.actions',
      'needs.profile',
      'needs.housing',
      'needs.health',
      'needs.legal',
      'needs.care',
      'needs.income_debts',
      'profile.children',
      'profile.citizenship',
      'profile.residence',
      'identity.taxCode',
      'identity.birthDate',
    ])
      expect(refusalFor(f, c)).toBe('not_for_recipient');
    for (const f of fieldsForRecipientType('company')) expect(refusalFor(f, c)).toBeNull();
    // her safe-contact preferences still hold for a company
    expect(refusalFor('identity.phone', { ...c, onlyThroughCentre: true })).toBe('only_through_centre');
    // other recipients are unchanged
    expect(refusalFor('plan.goals', { ...c, recipientType: 'employment_centre' })).toBeNull();
  });
});

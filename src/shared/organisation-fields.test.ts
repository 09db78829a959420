import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORGANISATION_TYPES } from './codes/organisations.ts';
import { FIELD_TYPES, fitsField, ORGANISATION_FIELDS, pickerGroups, searchKey } from './organisation-fields.ts';

const org = (id: string, name: string, type: string, town: string | null = null) => ({ id, name, type, town });

describe('which organisations a field may name', () => {
  it.each([
    ['plan_action.responsible', 'employment_centre', true],
    ['plan_action.responsible', 'training_body', true],
    ['plan_action.responsible', 'police', false],
    ['plan_action.responsible', 'court', false],
    ['plan_action.responsible', 'company', false],
    ['referral.recipient', 'employment_centre', true],
    ['referral.recipient', 'police', false],
    ['referral.recipient', 'ngo', false],
    ['consent.recipient', 'court', true],
    ['consent.recipient', 'company', true],
    ['referral.recipient', 'company', true],
  ] as const)('%s takes %s: %s', (field, type, fits) => {
    expect(fitsField(field, type)).toBe(fits);
  });

  it('names only known types, each once per field', () => {
    for (const field of ORGANISATION_FIELDS) {
      const types = FIELD_TYPES[field];
      expect(new Set(types).size).toBe(types.length);
      for (const type of types) expect(ORGANISATION_TYPES).toContain(type);
    }
  });
});

describe('pickerGroups', () => {
  const orgs = [
    org('1', 'cpi di Pavia', 'employment_centre', 'Pavia'),
    org('2', 'CPI di Milano', 'employment_centre', 'Milano'),
    org('3', 'Questura di Milano', 'police', 'Milano'),
    org('4', 'Àncora ETS', 'training_body', 'Città di Vigevano'),
    org('5', 'ASST Pavia', 'ats_asst', 'Pavia'),
    org('6', 'Tribunale di Pavia', 'court', 'Pavia'),
  ];

  it('leaves out bodies that do not fit, groups by type in the table order, sorts by the Italian collation', () => {
    const groups = pickerGroups('plan_action.responsible', orgs);
    expect(groups.map((g) => g.type)).toEqual(['employment_centre', 'training_body', 'ats_asst']);
    expect(groups[0]?.items.map((o) => o.name)).toEqual(['CPI di Milano', 'cpi di Pavia']);
  });

  it('finds by any word of the name or town, ignoring case and accents', () => {
    expect(pickerGroups('plan_action.responsible', orgs, 'ancora').flatMap((g) => g.items.map((o) => o.id))).toEqual([
      '4',
    ]);
    expect(
      pickerGroups('plan_action.responsible', orgs, 'citta vige').flatMap((g) => g.items.map((o) => o.id)),
    ).toEqual(['4']);
    expect(pickerGroups('plan_action.responsible', orgs, 'PAVIA').flatMap((g) => g.items.map((o) => o.id))).toEqual([
      '1',
      '5',
    ]);
  });

  it('keeps the chosen organisation whatever the filter', () => {
    const ids = pickerGroups('plan_action.responsible', orgs, 'pavia', '2').flatMap((g) => g.items.map((o) => o.id));
    expect(ids).toContain('2');
  });

  it('property: every offered body fits the field and matches the query; none is offered twice', () => {
    const arbOrg = fc.record({
      id: fc.uuid(),
      name: fc.string({ minLength: 1, maxLength: 12 }),
      type: fc.constantFrom(...ORGANISATION_TYPES),
      town: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...ORGANISATION_FIELDS),
        fc.uniqueArray(arbOrg, { selector: (o) => o.id, maxLength: 30 }),
        fc.string({ maxLength: 4 }),
        (field, list, query) => {
          const offered = pickerGroups(field, list, query).flatMap((g) => g.items);
          expect(new Set(offered.map((o) => o.id)).size).toBe(offered.length);
          for (const o of offered) {
            expect(fitsField(field, o.type)).toBe(true);
            for (const w of searchKey(query).split(' ').filter(Boolean))
              expect(searchKey(`${o.name} ${o.town ?? ''}`)).toContain(w);
          }
          // with no query, every fitting body is offered
          const all = pickerGroups(field, list).flatMap((g) => g.items);
          expect(all.length).toBe(list.filter((o) => fitsField(field, o.type)).length);
        },
      ),
    );
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type CodiceFiscaleType from 'codice-fiscale-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeOmocodia, isValidTaxCode, taxCodeProblem } from './tax-code.ts';

// The oracle: codice-fiscale-js (another team's implementation). Its CommonJS build exports
// { CodiceFiscale }, whatever its type file says.
const require = createRequire(import.meta.url);
const { CodiceFiscale } = require('codice-fiscale-js') as { CodiceFiscale: typeof CodiceFiscaleType };

/** Every cadastral code in the library's list of municipalities and foreign states (about 10,000). */
const PLACES = [
  ...new Set(
    [
      ...readFileSync(
        path.join(path.dirname(require.resolve('codice-fiscale-js/package.json')), 'src/lista-comuni.js'),
        'utf8',
      ).matchAll(/\['([A-Z]\d{3})'/g),
    ].map((m) => m[1] as string),
  ),
];

/** A 15-character body closed with the library's check character. */
const closed = (body: string) => body + CodiceFiscale.getCheckCode(body);

/** The date parts (month letter + day) the library writes for every real day, in a leap and a common year. */
function dateParts(year: number): Set<string> {
  const parts = new Set<string>();
  for (let d = Date.UTC(year, 0, 1); d < Date.UTC(year + 1, 0, 1); d += 86_400_000) {
    const day = new Date(d);
    for (const gender of ['M', 'F'] as const) {
      parts.add(CodiceFiscale.dateCode(day.getUTCDate(), day.getUTCMonth() + 1, year, gender).slice(2));
    }
  }
  return parts;
}
const LEAP = dateParts(2000);
const COMMON = dateParts(2001);

const letters = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: min, maxLength: max });

const person = fc.record({
  name: letters(1, 14),
  surname: letters(1, 14),
  gender: fc.constantFrom('M' as const, 'F' as const),
  birthday: fc.date({
    min: new Date('1900-01-01T12:00:00Z'),
    max: new Date('2099-12-31T12:00:00Z'),
    noInvalidDate: true,
  }),
  birthplace: fc.constantFrom(...PLACES),
});

const computed = person.map((x) =>
  CodiceFiscale.compute({
    name: x.name,
    surname: x.surname,
    gender: x.gender,
    day: x.birthday.getUTCDate(),
    month: x.birthday.getUTCMonth() + 1,
    year: x.birthday.getUTCFullYear(),
    birthplace: x.birthplace,
  }),
);

describe('tax code (codice fiscale)', () => {
  it('accepts valid codes, including omocodic ones, lower case and surrounding spaces', () => {
    expect(isValidTaxCode('RSSMRA85T10A562S')).toBe(true);
    expect(isValidTaxCode('rssmra85t10a562s')).toBe(true);
    expect(isValidTaxCode(' RSSMRA85T10A562S ')).toBe(true);
    expect(isValidTaxCode('RSSMRA85T10A56NH')).toBe(true);
    expect(isValidTaxCode('CNRZNB85T50F205J')).toBe(true);
  });

  it('refuses a wrong check character, a wrong shape or length', () => {
    expect(taxCodeProblem('RSSMRA85T10A562T')).toBe('check_character');
    expect(taxCodeProblem('RSSMRA85Z10A562S')).toBe('format'); // Z is no month
    expect(taxCodeProblem('RSSMRA85T10A562')).toBe('format');
    expect(taxCodeProblem('RSSMRA85T10A5W2S')).toBe('format'); // W stands for no digit
    expect(taxCodeProblem('')).toBe('format');
  });

  it('refuses impossible dates, birthplaces and letters even with a right check character', () => {
    const impossible: [string, string][] = [
      ['RSSMRA85T00F205', 'date'], // day 00
      ['RSSMRA85T32F205', 'date'], // 32–40 is neither a man's nor a woman's day
      ['RSSMRA85T40F205', 'date'],
      ['RSSMRA85T72F205', 'date'], // a woman's 32nd
      ['RSSMRA85T99F205', 'date'],
      ['RSSMRA85B31F205', 'date'], // 31 February
      ['RSSMRA85B30F205', 'date'],
      ['RSSMRA85B29F205', 'date'], // 29 February 1985 / 2085: never a leap year
      ['RSSMRA85B69F205', 'date'], // the same, for a woman
      ['RSSMRA85D31F205', 'date'], // 31 April
      ['RSSMRA85SV1F205', 'date'], // omocodic day V1 = 91
      ['RSSMRA85T10N205', 'birthplace'], // N–Y are no cadastral letters
      ['RSSMRA85T10Y205', 'birthplace'],
      ['ARSMRA85T10F205', 'letters'], // a consonant after a vowel
      ['RSSAXE85T10F205', 'letters'], // E after the X that fills a short name
      ['RSSAEB85T10F205', 'letters'], // the name's B after its vowels
    ];
    for (const [body, problem] of impossible) {
      const code = closed(body);
      expect(CodiceFiscale.check(code), code).toBe(true); // the library's own check lets them through
      expect(taxCodeProblem(code), code).toBe(problem);
    }
  });

  it('accepts 29 February when the two-digit year may be a leap year, and women’s days 41–71', () => {
    for (const body of [
      'RSSMRA84B29F205',
      'RSSMRA00B29F205',
      'RSSMRA84B69F205',
      'RSSMRA85T41F205',
      'RSSMRA85T71F205',
    ]) {
      expect(taxCodeProblem(closed(body)), body).toBe(null);
    }
    expect(taxCodeProblem(closed('RSSMRA85S71F205'))).toBe('date'); // 31 November
  });

  it('accepts omocodic codes and decodes them before checking date and place', () => {
    const code = closed('RSSMRA85T10F205');
    expect(decodeOmocodia('RSSMRAURTMLFNLRX')).toBe('RSSMRA85T10F205X');
    for (const variant of CodiceFiscale.getOmocodie(code)) expect(taxCodeProblem(variant), variant).toBe(null);
    expect(CodiceFiscale.getOmocodie(code)).toHaveLength(127);
  });

  it('accepts every code the library computes, and every omocodic variant of it', () => {
    fc.assert(
      fc.property(computed, fc.nat(126), (code, k) => {
        expect(taxCodeProblem(code)).toBe(null);
        const variant = CodiceFiscale.getOmocodie(code)[k] as string;
        expect(taxCodeProblem(variant)).toBe(null);
        expect(taxCodeProblem(variant.toLowerCase())).toBe(null);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('accepts every birthplace in the library’s list of municipalities and foreign states', () => {
    expect(PLACES.length).toBeGreaterThan(9000);
    const refused = PLACES.filter((place) => !isValidTaxCode(closed(`RSSMRA85T10${place}`)));
    expect(refused).toEqual([]);
  });

  it('agrees with the library on shape and check character for any 16 characters', () => {
    const chars = fc.constantFrom(...'ABCDEHLMNPQRSTUVXZ0123456789');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 15, maxLength: 15 }), fc.boolean(), chars, (body, close, last) => {
        const code = close ? closed(body.join('')) : body.join('') + last;
        const problem = taxCodeProblem(code);
        expect(problem !== 'format' && problem !== 'check_character').toBe(CodiceFiscale.check(code));
      }),
      { numRuns: 20000 },
    );
  });

  it('judges the date like the library’s calendar, for any year, month letter and day', () => {
    const digits = (n: number) => fc.nat(10 ** n - 1).map((x) => String(x).padStart(n, '0'));
    fc.assert(
      fc.property(digits(2), fc.constantFrom(...'ABCDEHLMPRST'), digits(2), (yy, month, day) => {
        const code = closed(`RSSMRA${yy}${month}${day}F205`);
        const real = (Number(yy) % 4 === 0 ? LEAP : COMMON).has(month + day);
        expect(taxCodeProblem(code) === null).toBe(real);
        if (!real) expect(taxCodeProblem(code)).toBe('date');
      }),
      { numRuns: 20000 },
    );
  });
});

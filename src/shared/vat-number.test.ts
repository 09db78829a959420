import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidVatNumber, normaliseVatNumber, vatCheckDigit, vatProblem } from './vat-number.ts';

describe('partita IVA', () => {
  it('accepts real VAT numbers (TIM, Poste Italiane, Eni)', () => {
    for (const v of ['00488410010', '01114601006', '00905811006', '00743110157']) expect(vatProblem(v)).toBeNull();
  });

  it('computes the check digit by hand: 0074311015 → 7', () => {
    // odd places 0+7+3+1+1 = 12; even places 0,4,1,0,5 doubled 0,8,2,0,10→1 = 11; 23 → 7
    expect(vatCheckDigit('0074311015')).toBe(7);
  });

  it('refuses a wrong format, an unknown office, a wrong check digit', () => {
    expect(vatProblem('0074311015')).toBe('format');
    expect(vatProblem('0074311015a')).toBe('format');
    expect(vatProblem('00000000000')).toBe('format');
    expect(vatProblem('12345671012')).toBe('office');
    expect(vatProblem('00743110158')).toBe('check_digit');
  });

  it('normalises what people type', () => {
    expect(normaliseVatNumber('IT 007 4311 0157')).toBe('00743110157');
    expect(normaliseVatNumber('it00743110157')).toBe('00743110157');
  });

  const office = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(120, 121, 888, 999));
  const body = fc
    .tuple(fc.integer({ min: 1, max: 9_999_999 }), office)
    .map(([n, o]) => `${String(n).padStart(7, '0')}${String(o).padStart(3, '0')}`);

  it('property: a body closed with its check digit is valid, any other last digit is not', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 9 }), (b, d) => {
        const right = vatCheckDigit(b);
        expect(isValidVatNumber(`${b}${right}`)).toBe(true);
        if (d !== right) expect(vatProblem(`${b}${d}`)).toBe('check_digit');
      }),
    );
  });

  it('property: changing any one digit, or swapping two different adjacent digits, is caught', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (b, i, delta) => {
        const v = `${b}${vatCheckDigit(b)}`;
        const digits = v.split('');
        digits[i] = String((Number(digits[i]) + delta) % 10);
        const changed = digits.join('');
        // a change in the office code may make the office invalid first: still refused
        expect(isValidVatNumber(changed)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 8 }), (b, i) => {
        const v = `${b}${vatCheckDigit(b)}`;
        const a = v[i] as string;
        const c = v[i + 1] as string;
        // Luhn misses only the swap of 0 and 9
        fc.pre(a !== c && !(a + c === '09' || a + c === '90'));
        const swapped = v.slice(0, i) + c + a + v.slice(i + 2);
        expect(isValidVatNumber(swapped)).toBe(false);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { isValidTaxCode } from './tax-code.ts';

describe('tax code', () => {
  it('accepts valid codes, including homocodic ones and lower case', () => {
    expect(isValidTaxCode('RSSMRA85T10A562S')).toBe(true);
    expect(isValidTaxCode('rssmra85t10a562s')).toBe(true);
    expect(isValidTaxCode('RSSMRA85T10A56NH')).toBe(true);
  });
  it('refuses a wrong check letter, a wrong shape or length', () => {
    expect(isValidTaxCode('RSSMRA85T10A562T')).toBe(false);
    expect(isValidTaxCode('RSSMRA85Z10A562S')).toBe(false);
    expect(isValidTaxCode('RSSMRA85T10A562')).toBe(false);
    expect(isValidTaxCode('')).toBe(false);
  });
});

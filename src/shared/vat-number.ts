/**
 * The Italian VAT number (partita IVA): 11 digits, the first 7 the company's number at its office,
 * the next 3 the office (001–100, 120, 121 for the provinces; 888, 999 for special registrations),
 * the last a check digit (Luhn's formula over the first 10: digits in odd places added, digits in
 * even places doubled, 9 taken from a double over 9; the check makes the total a multiple of 10).
 */

export type VatProblem = 'format' | 'office' | 'check_digit';

/** The check digit of the first 10 digits. */
export function vatCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = first10.charCodeAt(i) - 48;
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return (10 - (sum % 10)) % 10;
}

const validOffice = (code: number) =>
  (code >= 1 && code <= 100) || code === 120 || code === 121 || code === 888 || code === 999;

/** What is wrong with a VAT number, or null when it is valid. Spaces are not allowed (normalise first). */
export function vatProblem(value: string): VatProblem | null {
  if (!/^[0-9]{11}$/.test(value) || value.startsWith('0000000')) return 'format';
  if (!validOffice(Number(value.slice(7, 10)))) return 'office';
  if (vatCheckDigit(value.slice(0, 10)) !== Number(value[10])) return 'check_digit';
  return null;
}

export const isValidVatNumber = (value: string) => vatProblem(value) === null;

/** "IT 123 456 789 01" → "12345678901": what a form should send. */
export const normaliseVatNumber = (value: string) => value.replace(/^IT/i, '').replace(/[\s.-]/g, '');

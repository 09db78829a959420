/**
 * The Italian tax code (codice fiscale) of a person, checked the same way by the server and the UI.
 *
 *   RSS MRA 85 T 10 A562 S
 *   │   │   │  │ │  │    └ check character (odd/even tables, DM 23/12/1976)
 *   │   │   │  │ │  └ birthplace: cadastral code of an Italian municipality (A–M) or Z + foreign state
 *   │   │   │  │ └ day of birth, + 40 for women (01–31, 41–71)
 *   │   │   │  └ month letter A B C D E H L M P R S T
 *   │   │   └ year (two digits: the century is unknown)
 *   │   └ name: consonants, then vowels, then X
 *   └ surname: the same
 *
 * Omocodia: when two people would get the same code, the Agenzia delle Entrate replaces digits
 * (positions 7–8, 10–11, 13–15, from the right) with L M N P Q R S T U V for 0–9. Those codes are
 * valid: they are decoded before the date and the birthplace are checked.
 */

export type TaxCodeProblem = 'format' | 'check_character' | 'letters' | 'date' | 'birthplace';

const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const OMOCODIA = 'LMNPQRSTUV';
const MONTHS = 'ABCDEHLMPRST';
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** The positions that hold digits, which omocodia may turn into letters. */
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];

const DIGIT = '[0-9LMNPQRSTUV]';
const SHAPE = new RegExp(`^[A-Z]{6}${DIGIT}{2}[${MONTHS}]${DIGIT}{2}[A-Z]${DIGIT}{3}[A-Z]$`);
/** Three letters of a surname or a name: consonants (X is one), then vowels, then X for missing letters. */
const NAME_LETTERS = /^[B-DF-HJ-NP-TV-Z]*[AEIOU]*X*$/;

/** Value of a character (digit or letter) at an odd (1st, 3rd …) or even position, for the check character. */
function value(c: string, oddPosition: boolean): number {
  const code = c.charCodeAt(0);
  const index = code <= 57 ? code - 48 : code - 65; // '0'–'9' → 0–9, 'A'–'Z' → 0–25
  return oddPosition ? (ODD[index] as number) : index;
}

export function checkCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += value(first15[i] as string, i % 2 === 0);
  return String.fromCharCode(65 + (sum % 26));
}

/** The code with omocodic letters turned back into digits (upper case, 16 characters expected). */
export function decodeOmocodia(code: string): string {
  const chars = [...code];
  for (const i of DIGIT_POSITIONS) {
    const k = OMOCODIA.indexOf(chars[i] as string);
    if (k >= 0) chars[i] = String(k);
  }
  return chars.join('');
}

/** Upper case, without surrounding spaces: the form the server stores. */
export const normaliseTaxCode = (input: string) => input.trim().toUpperCase();

/** What is wrong with a tax code, or null when it is a possible one. */
export function taxCodeProblem(input: string): TaxCodeProblem | null {
  const code = normaliseTaxCode(input);
  if (!SHAPE.test(code)) return 'format';
  if (checkCharacter(code) !== code[15]) return 'check_character';
  if (!NAME_LETTERS.test(code.slice(0, 3)) || !NAME_LETTERS.test(code.slice(3, 6))) return 'letters';
  const plain = decodeOmocodia(code);
  const year = Number(plain.slice(6, 8));
  const month = MONTHS.indexOf(plain[8] as string);
  const dayCode = Number(plain.slice(9, 11));
  const day = dayCode > 40 ? dayCode - 40 : dayCode;
  // 29 February only when the year may be a leap year (YY divisible by 4: 1900 was not, 2000 was).
  const monthDays = month === 1 && year % 4 !== 0 ? 28 : (MONTH_DAYS[month] as number);
  if (day < 1 || day > monthDays) return 'date'; // 00, 32–40, 72–99 and 31 April fall here
  if (!/^[A-MZ]\d{3}$/.test(plain.slice(11, 15))) return 'birthplace';
  return null;
}

export function isValidTaxCode(input: string): boolean {
  return taxCodeProblem(input) === null;
}

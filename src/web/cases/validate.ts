/**
 * Client-side checks that mirror the server's (the server checks again and has the last word). The
 * tax code is checked by the one function both share: src/shared/codes/tax-code.ts.
 */

/** Looks like a tax code (16 letters and digits): the caseload search sends it as taxCode. */
export const looksLikeTaxCode = (s: string) => /^[A-Za-z0-9]{16}$/.test(s.trim());

/** a ≤ b for ISO dates, true when either is missing. */
export const inOrder = (a: string | null | undefined, b: string | null | undefined) => !a || !b || a <= b;

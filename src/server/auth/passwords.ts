import argon2 from 'argon2';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const MIN_PASSWORD_LENGTH = 12;

/** argon2id with OWASP's second recommended profile (19 MiB, t=2). */
export const hashPassword = (password: string): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    // Same work for a user without a password (or an unknown user) as for a real check.
    await argon2.verify(DUMMY_HASH, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0TpKL0b6m0+1z2B0mzPjzqK0qOeJzG1ms0q0kD5W1Nw';

/** Returns a stable problem code, or null when the password is acceptable. */
export function passwordProblem(password: string, context: string[] = []): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'password_too_short';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'password_common';
  if (/^(.)\1+$/.test(password)) return 'password_common';
  if (context.some((c) => c.length >= 4 && lower.includes(c.toLowerCase()))) return 'password_common';
  return null;
}

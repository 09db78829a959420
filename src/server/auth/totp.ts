import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

function totpFor(secretBase32: string, label = 'Percorsi'): TOTP {
  return new TOTP({
    issuer: 'Percorsi',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

export const otpauthUrl = (secretBase32: string, username: string): string =>
  totpFor(secretBase32, username).toString();

export const totpCode = (secretBase32: string, at = Date.now()): string =>
  totpFor(secretBase32).generate({ timestamp: at });

/**
 * Checks a 6-digit code within one step of clock drift and returns its time step, or null.
 * The caller refuses any step not greater than the last one accepted: a code works once.
 */
export function matchTotp(secretBase32: string, code: string, at = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: at, window: 1 });
  if (delta === null) return null;
  return Math.floor(at / 1000 / PERIOD) + delta;
}

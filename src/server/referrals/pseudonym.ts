import { createHmac, hkdfSync } from 'node:crypto';
import { openSecret, sealSecret } from '../auth/secrets.ts';

const derive = (masterKey: Buffer, info: string) =>
  Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * The name a recipient organisation knows her by: a keyed hash of the case and the recipient, so
 * the same recipient sees the same pseudonym across its referrals for her, and two recipients
 * cannot link their records through it. Nothing of the case code is in it.
 */
export function pseudonymFor(masterKey: Buffer, caseId: string, recipientOrganisationId: string): string {
  const mac = createHmac('sha256', derive(masterKey, 'percorsi/referral-pseudonym'))
    .update(`${caseId}:${recipientOrganisationId}`)
    .digest();
  let out = '';
  for (let i = 0; i < 8; i += 1) out += ALPHABET[(mac[i] ?? 0) % ALPHABET.length];
  return `P-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** The share of one referral is sealed with a key derived for that referral alone. */
export function sealShare(masterKey: Buffer, referralId: string, payload: unknown): string {
  return sealSecret(
    derive(masterKey, `percorsi/referral-share/${referralId}`),
    JSON.stringify(payload),
    `referral-share:${referralId}`,
  );
}

export function openShare<T>(masterKey: Buffer, referralId: string, sealed: string): T {
  return JSON.parse(
    openSecret(derive(masterKey, `percorsi/referral-share/${referralId}`), sealed, `referral-share:${referralId}`),
  ) as T;
}

/**
 * The free text of a partner's report (a course title), sealed with the referral's key like its
 * messages and bound to the report id: both sides read it, nobody else.
 */
export function sealReportText(masterKey: Buffer, referralId: string, reportId: string, text: string): string {
  return sealSecret(derive(masterKey, `percorsi/referral-share/${referralId}`), text, `referral-report:${reportId}`);
}

export function openReportText(masterKey: Buffer, referralId: string, reportId: string, sealed: string): string {
  return openSecret(derive(masterKey, `percorsi/referral-share/${referralId}`), sealed, `referral-report:${reportId}`);
}

/** A message of a referral's thread, sealed with the referral's key and bound to the message id. */
export function sealMessage(masterKey: Buffer, referralId: string, messageId: string, body: string): string {
  return sealSecret(derive(masterKey, `percorsi/referral-share/${referralId}`), body, `referral-message:${messageId}`);
}

export function openMessage(masterKey: Buffer, referralId: string, messageId: string, sealed: string): string {
  return openSecret(
    derive(masterKey, `percorsi/referral-share/${referralId}`),
    sealed,
    `referral-message:${messageId}`,
  );
}

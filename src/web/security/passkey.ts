/**
 * The browser side of passkeys (issue 12), with @simplewebauthn/browser: asks the server for
 * options, lets the browser talk to the authenticator, and sends the answer back. Each call
 * throws (ApiError, or the browser's error when the user cancels).
 */
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { api } from '../api.ts';

export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

/** Passwordless sign-in: answers the new session's CSRF token. */
export async function signInWithPasskey(): Promise<string> {
  const { options } = await api.post('/auth/passkey/sign-in/options', { authFlow: true });
  const response = await startAuthentication({ optionsJSON: options });
  const done = await api.post('/auth/passkey/sign-in', { body: { response }, authFlow: true });
  return done.csrfToken;
}

/** The second factor after the password: answers the new session's CSRF token. */
export async function secondFactorWithPasskey(): Promise<string> {
  const { options } = await api.post('/auth/passkey/options', { authFlow: true });
  const response = await startAuthentication({ optionsJSON: options });
  const done = await api.post('/auth/passkey', { body: { response }, authFlow: true });
  return done.csrfToken;
}

/** Enrols a new passkey for the signed-in user. */
export async function enrolPasskey(name: string): Promise<void> {
  const { options } = await api.post('/auth/passkeys/options');
  const response = await startRegistration({ optionsJSON: options });
  await api.post('/auth/passkeys', { body: { name, response } });
}

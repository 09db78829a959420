/** English strings of passkeys and of the fresh verification for sensitive actions (issue 12). */
import type { itSecurity } from './it-security.ts';

export const enSecurity: typeof itSecurity = {
  security: {
    nav: 'Security',
    title: 'Account security',
    intro:
      'Passkeys sign you in with your device’s fingerprint, face or PIN, without typing codes. The authenticator app code still works as an alternative, and your recovery codes do not change.',
    passkeysTitle: 'Your passkeys',
    none: 'You have not registered a passkey yet.',
    name: 'Name',
    created: 'Registered on',
    lastUsed: 'Last used',
    never: 'never',
    revoke: 'Revoke',
    revokeLabel: 'Revoke the passkey {name}',
    revokeConfirm: 'Revoke the passkey “{name}”? You will no longer be able to sign in with it.',
    revoked: 'Passkey revoked.',
    addTitle: 'Register a new passkey',
    addName: 'Passkey name',
    addHint: 'To recognise it, e.g. “Work phone” or “USB key”.',
    addNameRequired: 'Give the passkey a name.',
    add: 'Register the passkey',
    added: 'Passkey registered.',
    failed: 'The passkey was not registered: the device cancelled or it could not be verified.',
    unsupported: 'This browser does not support passkeys.',
    tooMany: 'You already have 10 passkeys: revoke one before adding another.',
  },
  passkeyLogin: {
    signIn: 'Sign in with a passkey',
    or: 'or',
    useInstead: 'Use a passkey',
    failed: 'Passkey sign-in failed. Try again, or use your username and password.',
    secondFailed: 'Passkey verification failed. Try again or use the app code.',
  },
  stepUp: {
    title: 'Confirm it is you',
    intro:
      'This action needs a recent verification (within the last 10 minutes). Use your passkey or your authenticator app code.',
    usePasskey: 'Use the passkey',
    code: 'Verification code',
    verify: 'Verify',
    cancel: 'Cancel',
    invalid: 'The code is not valid or was already used.',
    passkeyFailed: 'Passkey verification failed.',
    codeRequired: 'Enter the verification code.',
  },
};

import { type Static, Type } from '@sinclair/typebox';
import { ACTIONS } from '../../shared/can.ts';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { strict, Uuid } from '../http/schema-kit.ts';

export const Credentials = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  strict,
);
export const LoginAnswer = Type.Union([
  // passkey: she has enrolled one, so the UI offers it beside the TOTP code
  Type.Object({ mfaRequired: Type.Literal(true), passkey: Type.Optional(Type.Literal(true)) }, strict),
  Type.Object({ mfaEnrolmentRequired: Type.Literal(true) }, strict),
]);
export const Code = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) }, strict);
export const CsrfAnswer = Type.Object({ csrfToken: Type.String() }, strict);
export const Enrolment = Type.Object(
  { secret: Type.String(), otpauthUrl: Type.String(), qrDataUrl: Type.String() },
  strict,
);
export const EnrolmentDone = Type.Object(
  { csrfToken: Type.String(), recoveryCodes: Type.Array(Type.String()) },
  strict,
);
/**
 * WebAuthn (passkeys): the options are the library's JSON (PublicKeyCredential*OptionsJSON), passed
 * to the browser part as they are; the answers are the browser part's JSON, checked by the library.
 * Their inner objects are open (authenticators add fields); the outer ones are strict.
 */
const Open = Type.Object({}, { additionalProperties: true });
export const PasskeyOptions = Type.Object(
  { options: Type.Unsafe<PublicKeyCredentialCreationOptionsJSON>(Open) },
  strict,
);
export const PasskeyAuthOptions = Type.Object(
  { options: Type.Unsafe<PublicKeyCredentialRequestOptionsJSON>(Open) },
  strict,
);
const B64 = Type.String({ minLength: 1, maxLength: 16_384, pattern: '^[A-Za-z0-9_-]+={0,2}$' });
const CredentialCommon = {
  id: B64,
  rawId: B64,
  type: Type.Literal('public-key'),
  clientExtensionResults: Open,
  authenticatorAttachment: Type.Optional(Type.String({ maxLength: 32 })),
};
export const RegistrationAnswer = Type.Unsafe<RegistrationResponseJSON>(
  Type.Object(
    {
      ...CredentialCommon,
      response: Type.Object({ clientDataJSON: B64, attestationObject: B64 }, { additionalProperties: true }),
    },
    strict,
  ),
);
export const AuthenticationAnswer = Type.Unsafe<AuthenticationResponseJSON>(
  Type.Object(
    {
      ...CredentialCommon,
      response: Type.Object(
        { clientDataJSON: B64, authenticatorData: B64, signature: B64, userHandle: Type.Optional(B64) },
        { additionalProperties: true },
      ),
    },
    strict,
  ),
);
export const PasskeyRegistration = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }), response: RegistrationAnswer },
  strict,
);
export const PasskeyAssertion = Type.Object({ response: AuthenticationAnswer }, strict);
export const Passkey = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    createdAt: Type.String(),
    lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  },
  strict,
);
export const PasskeyList = Type.Object({ passkeys: Type.Array(Passkey) }, strict);
export const PasskeyCreated = Type.Object({ id: Type.String() }, strict);
export const PasskeyId = Type.Object({ id: Uuid }, strict);
/** Step-up: when the session's last second factor was proven (ISO), and until when it counts as fresh. */
export const StepUpAnswer = Type.Object({ freshUntil: Type.String() }, strict);
export const StepUpState = Type.Object(
  { fresh: Type.Boolean(), freshUntil: Type.Union([Type.String(), Type.Null()]) },
  strict,
);

export const UsernameOnly = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }) }, strict);
export const TokenAndPassword = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  strict,
);
export const Message = Type.Object({ message: Type.String() }, strict);
export const Me = Type.Object(
  {
    user: Type.Object(
      {
        id: Type.String(),
        username: Type.String(),
        displayName: Type.String(),
        email: Type.Union([Type.String(), Type.Null()]),
        mfaEnrolled: Type.Boolean(),
      },
      strict,
    ),
    organisation: Type.Object({ id: Type.String(), name: Type.String(), type: Type.String() }, strict),
    roles: Type.Array(Type.String()),
    /** the actions she may take in her own organisation (can(), deny by default) */
    permissions: Type.Array(Type.Union(ACTIONS.map((a) => Type.Literal(a)))),
  },
  strict,
);
export type Credentials = Static<typeof Credentials>;
export type LoginAnswer = Static<typeof LoginAnswer>;
export type Code = Static<typeof Code>;
export type CsrfAnswer = Static<typeof CsrfAnswer>;
export type Enrolment = Static<typeof Enrolment>;
export type EnrolmentDone = Static<typeof EnrolmentDone>;
export type UsernameOnly = Static<typeof UsernameOnly>;
export type TokenAndPassword = Static<typeof TokenAndPassword>;
export type Message = Static<typeof Message>;
export type Me = Static<typeof Me>;

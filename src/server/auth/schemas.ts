import { type Static, Type } from '@sinclair/typebox';
import { ACTIONS } from '../../shared/can.ts';
import { strict } from '../http/schema-kit.ts';

export const Credentials = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  strict,
);
export const LoginAnswer = Type.Union([
  Type.Object({ mfaRequired: Type.Literal(true) }, strict),
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

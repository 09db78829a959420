import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { limitUsername, loginRateLimit } from '../http/rate-limit.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../http/errors.ts';
import { clearAuthCookie, setAuthCookie } from '../http/request-context.ts';
import { describeMe } from '../users/queries.ts';
import { acceptInvitation, completePasswordReset, requestPasswordReset } from './links.ts';
import { loginWithPassword } from './login.ts';
import { stepUpPasskey, stepUpState, stepUpWithTotp } from './step-up.ts';
import {
  authenticationOptions,
  listPasskeys,
  registerPasskey,
  registrationOptions,
  revokePasskey,
  signInWithPasskey,
  verifyPasskey,
} from './passkeys.ts';
import { ErrorBody, errorResponses } from '../http/schema-kit.ts';
import * as S from './schemas.ts';
import {
  confirmEnrolment,
  type SecondFactorResult,
  startEnrolment,
  verifyRecoveryCode,
  verifyTotp,
} from './second-factor.ts';
import { ABSOLUTE_HOURS, endSession, PRE_AUTH_COOKIE, PRE_AUTH_MINUTES, SESSION_COOKIE } from './sessions.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tags = ['auth'];
const errors = errorResponses(400, 401, 409, 410);
const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Wrong username or password, or the account is temporarily locked');
const invalidCode = () => new AppError(401, 'invalid_code', 'The code is not valid');

/** Sets the session cookie for a full session and drops the pre-authentication one. */
function openSession(reply: FastifyReply, token: string) {
  clearAuthCookie(reply, PRE_AUTH_COOKIE);
  setAuthCookie(reply, SESSION_COOKIE, token, ABSOLUTE_HOURS * 3600);
}

async function answerSecondFactor(result: SecondFactorResult, reply: FastifyReply) {
  if (!result.ok) {
    await sleep(result.delayMs);
    throw invalidCode();
  }
  openSession(reply, result.token);
  return { csrfToken: result.csrfToken };
}

export function registerAuthRoutes(app: FastifyInstance, { config }: { config: Config }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // proof-ops: per address (an office signs in from one), plus per username in the handlers below
  const loginLimit = { rateLimit: loginRateLimit(config.rateLimits) };

  api.post(
    '/auth/login',
    {
      schema: { tags, body: S.Credentials, response: { 200: S.LoginAnswer, ...errors } },
      // a refused body still leaves its failed-login row in the audit trail (whatever it held)
      attachValidation: true,
      config: { auth: 'public', keepRefusedInput: true, ...loginLimit },
    },
    async (req, reply) => {
      const refused = req.inputError ?? req.validationError;
      if (refused) {
        await req.inContext((ctx) =>
          ctx.audit({ action: 'auth.login', outcome: 'failure', actor: null, details: { reason: 'invalid_input' } }),
        );
        throw refused;
      }
      const { username, password } = req.body;
      await limitUsername(req.server, req, username);
      const result = await req.inContext((ctx) => loginWithPassword(ctx, username, password));
      if (!result.ok) {
        await sleep(result.delayMs);
        throw invalidCredentials();
      }
      setAuthCookie(reply, PRE_AUTH_COOKIE, result.token, PRE_AUTH_MINUTES * 60);
      if (!result.enrolled) return { mfaEnrolmentRequired: true as const };
      return result.passkey ? { mfaRequired: true as const, passkey: true as const } : { mfaRequired: true as const };
    },
  );

  const preAuth = { auth: 'pre_auth' as const, ...loginLimit };
  api.post(
    '/auth/totp',
    { schema: { tags, body: S.Code, response: { 200: S.CsrfAnswer, ...errors } }, config: preAuth },
    async (req, reply) => {
      const { code } = req.body;
      const pre = req.cookies[PRE_AUTH_COOKIE] as string;
      return answerSecondFactor(await req.inContext((ctx) => verifyTotp(ctx, config.masterKey, pre, code)), reply);
    },
  );
  api.post(
    '/auth/recovery',
    { schema: { tags, body: S.Code, response: { 200: S.CsrfAnswer, ...errors } }, config: preAuth },
    async (req, reply) => {
      const { code } = req.body;
      const pre = req.cookies[PRE_AUTH_COOKIE] as string;
      return answerSecondFactor(await req.inContext((ctx) => verifyRecoveryCode(ctx, pre, code)), reply);
    },
  );
  api.post(
    '/auth/totp/enrolment',
    { schema: { tags, response: { 200: S.Enrolment, ...errors } }, config: preAuth },
    async (req) => req.inContext((ctx) => startEnrolment(ctx, config.masterKey)),
  );
  api.post(
    '/auth/totp/enrolment/confirm',
    { schema: { tags, body: S.Code, response: { 200: S.EnrolmentDone, ...errors } }, config: preAuth },
    async (req, reply) => {
      const { code } = req.body;
      const pre = req.cookies[PRE_AUTH_COOKIE] as string;
      const result = await req.inContext((ctx) => confirmEnrolment(ctx, config.masterKey, pre, code));
      if (!result.ok) {
        await sleep(result.delayMs);
        throw invalidCode();
      }
      openSession(reply, result.token);
      return { csrfToken: result.csrfToken, recoveryCodes: result.recoveryCodes };
    },
  );

  // Passkeys (issue 12): the second factor after the password, in place of the TOTP code
  api.post(
    '/auth/passkey/options',
    { schema: { tags, response: { 200: S.PasskeyAuthOptions, ...errors } }, config: preAuth },
    async (req) => ({ options: await req.inContext((ctx) => authenticationOptions(ctx, config.webauthn)) }),
  );
  api.post(
    '/auth/passkey',
    { schema: { tags, body: S.PasskeyAssertion, response: { 200: S.CsrfAnswer, ...errors } }, config: preAuth },
    async (req, reply) => {
      const pre = req.cookies[PRE_AUTH_COOKIE] as string;
      const { response } = req.body;
      return answerSecondFactor(
        await req.inContext((ctx) => verifyPasskey(ctx, config.webauthn, pre, response)),
        reply,
      );
    },
  );
  // Passwordless sign-in with a passkey (user verification required)
  const publicLimited = { auth: 'public' as const, ...loginLimit };
  api.post(
    '/auth/passkey/sign-in/options',
    { schema: { tags, response: { 200: S.PasskeyAuthOptions, ...errors } }, config: publicLimited },
    async (req) => ({ options: await req.inContext((ctx) => authenticationOptions(ctx, config.webauthn)) }),
  );
  api.post(
    '/auth/passkey/sign-in',
    { schema: { tags, body: S.PasskeyAssertion, response: { 200: S.CsrfAnswer, ...errors } }, config: publicLimited },
    async (req, reply) => {
      const { response } = req.body;
      return answerSecondFactor(await req.inContext((ctx) => signInWithPasskey(ctx, config.webauthn, response)), reply);
    },
  );
  // Her own passkeys: list, enrol, revoke (the security page)
  api.get('/auth/passkeys', { schema: { tags, response: { 200: S.PasskeyList, 401: ErrorBody } } }, async (req) => ({
    passkeys: await req.inContext((ctx) => listPasskeys(ctx)),
  }));
  api.post(
    '/auth/passkeys/options',
    { schema: { tags, response: { 200: S.PasskeyOptions, ...errors } } },
    async (req) => ({ options: await req.inContext((ctx) => registrationOptions(ctx, config.webauthn)) }),
  );
  api.post(
    '/auth/passkeys',
    { schema: { tags, body: S.PasskeyRegistration, response: { 201: S.PasskeyCreated, ...errors } } },
    async (req, reply) => {
      const { name, response } = req.body;
      const created = await req.inContext((ctx) => registerPasskey(ctx, config.webauthn, name, response));
      if (!created) throw new AppError(400, 'invalid_passkey', 'The passkey could not be verified');
      return reply.status(201).send(created);
    },
  );
  api.delete(
    '/auth/passkeys/:id',
    { schema: { tags, params: S.PasskeyId, response: { 204: { type: 'null' }, ...errorResponses(401, 404) } } },
    async (req, reply) => {
      const { id } = req.params;
      await req.inContext((ctx) => revokePasskey(ctx, id));
      return reply.status(204).send();
    },
  );

  // Step-up (issue 12): a fresh second factor on the open session, for identity reads and exports
  api.get('/auth/step-up', { schema: { tags, response: { 200: S.StepUpState, 401: ErrorBody } } }, async (req) =>
    req.inContext((ctx) => stepUpState(ctx)),
  );
  api.post(
    '/auth/step-up/totp',
    { schema: { tags, body: S.Code, response: { 200: S.StepUpAnswer, ...errors } }, config: loginLimit },
    async (req) => {
      const { code } = req.body;
      const result = await req.inContext((ctx) => stepUpWithTotp(ctx, config.masterKey, code));
      if (!result.ok) {
        await sleep(result.delayMs);
        throw invalidCode();
      }
      return { freshUntil: result.freshUntil };
    },
  );
  api.post(
    '/auth/step-up/passkey/options',
    { schema: { tags, response: { 200: S.PasskeyAuthOptions, ...errors } } },
    async (req) => ({ options: await req.inContext((ctx) => authenticationOptions(ctx, config.webauthn)) }),
  );
  api.post(
    '/auth/step-up/passkey',
    { schema: { tags, body: S.PasskeyAssertion, response: { 200: S.StepUpAnswer, ...errors } }, config: loginLimit },
    async (req) => {
      const { response } = req.body;
      const result = await req.inContext((ctx) => stepUpPasskey(ctx, config.webauthn, response));
      if (!result.ok) {
        await sleep(result.delayMs);
        throw invalidCode();
      }
      return { freshUntil: result.freshUntil };
    },
  );

  api.post(
    '/auth/logout',
    { schema: { tags, response: { 204: { type: 'null' }, 401: ErrorBody } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE] as string;
      await req.inContext(async (ctx) => {
        await endSession(ctx.tx, token);
        await ctx.audit({ action: 'auth.logout', subjectType: 'user', subjectId: ctx.me().userId });
      });
      clearAuthCookie(reply, SESSION_COOKIE);
      reply.header('Clear-Site-Data', '"cache", "cookies", "storage"');
      return reply.status(204).send();
    },
  );

  api.get('/auth/csrf', { schema: { tags, response: { 200: S.CsrfAnswer, 401: ErrorBody } } }, async (req) =>
    req.inContext(async (ctx) => ({ csrfToken: ctx.csrfToken as string })),
  );

  api.post(
    '/auth/password-reset',
    {
      schema: { tags, body: S.UsernameOnly, response: { 202: S.Message, ...errors } },
      config: { auth: 'public', ...loginLimit },
    },
    async (req, reply) => {
      const { username } = req.body;
      await limitUsername(req.server, req, username);
      await req.inContext((ctx) => requestPasswordReset(ctx, username));
      return reply.status(202).send({
        message: 'If the account exists, its organisation administrators have been asked to send a reset link.',
      });
    },
  );
  api.post(
    '/auth/password-reset/complete',
    {
      schema: { tags, body: S.TokenAndPassword, response: { 204: { type: 'null' }, ...errors } },
      config: { auth: 'public', ...loginLimit },
    },
    async (req, reply) => {
      const { token, password } = req.body;
      await req.inContext((ctx) => completePasswordReset(ctx, token, password));
      return reply.status(204).send();
    },
  );
  api.post(
    '/auth/invitations/accept',
    {
      schema: { tags, body: S.TokenAndPassword, response: { 204: { type: 'null' }, ...errors } },
      config: { auth: 'public', ...loginLimit },
    },
    async (req, reply) => {
      const { token, password } = req.body;
      await req.inContext((ctx) => acceptInvitation(ctx, token, password));
      return reply.status(204).send();
    },
  );

  api.get('/me', { schema: { tags, response: { 200: S.Me, 401: ErrorBody } } }, async (req) =>
    req.inContext((ctx) => describeMe(ctx.tx, ctx.me())),
  );
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AuditEvent, recordAudit } from '../audit/record.ts';
import { type Action, can, type Subject } from '../../shared/can.ts';
import { loadSession, PRE_AUTH_COOKIE, SESSION_COOKIE } from '../auth/sessions.ts';
import { isFresh, lastFactorOf } from '../auth/step-up.ts';
import { sameSecret, sha256 } from '../auth/tokens.ts';
import { type Actor, type Tx, withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { AppError, notFound, unauthenticated } from './errors.ts';

/** How a route is reached: by anyone, mid-login (password checked, second factor pending), or signed in. */
export type AuthMode = 'public' | 'pre_auth' | 'session';

export interface Ctx {
  tx: Tx;
  actor: Actor | null;
  /** the session's CSRF token, where there is a session */
  csrfToken: string | null;
  /** the signed-in actor; throws 401 where there is none */
  me(): Actor;
  audit(event: AuditEvent): Promise<void>;
  /** throws 404 (not 403, so that nothing is revealed) unless the actor may do `action` */
  authorise(action: Action, subject?: Subject): Actor;
  /**
   * Step-up (auth/step-up.ts): whether the session proved a second factor in the last 10 minutes.
   * In a request: read from the session (none: false). Outside HTTP (demo seed, scripts run by
   * whoever holds the master key): true, as no one is at a keyboard to ask.
   */
  freshFactor(): Promise<boolean>;
  /** the SHA-256 of the session's cookie token, in a request with a full session */
  sessionIdHash: string | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthMode;
  }
  interface FastifyRequest {
    /** Runs `fn` in the request's one transaction, as the request's actor. The only way to data. */
    inContext<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const EXPIRED = Symbol('expired');

/** A context for running use cases outside HTTP (demo seed, benchmarks), with the same checks. */
export function makeCtx(
  tx: Tx,
  actor: Actor | null,
  csrfToken: string | null = null,
  session: { idHash: string | null } | null = null,
): Ctx {
  const idHash = session?.idHash ?? null;
  return {
    tx,
    actor,
    csrfToken,
    sessionIdHash: idHash,
    async freshFactor() {
      if (!session) return true;
      if (!idHash) return false;
      const { at, now } = await lastFactorOf(tx, idHash);
      return isFresh(at, now);
    },
    me() {
      if (!actor) throw unauthenticated();
      return actor;
    },
    audit: (event) => recordAudit(tx, actor, event),
    authorise(action, subject) {
      if (!can(actor, action, subject)) throw notFound();
      return actor as Actor;
    },
  };
}

export function installRequestContext(app: FastifyInstance, db: Database): void {
  // Authentication before anything about the request is looked at: an anonymous call to a route that
  // needs a session (or the half-open login) is a 401 whatever its body, query or headers hold, and
  // before the body is even parsed. The session itself is checked in the request's transaction.
  app.addHook('onRequest', async (request) => {
    if (request.is404 || !request.url.startsWith('/api/v1/')) return;
    const mode: AuthMode = request.routeOptions.config.auth ?? 'session';
    if (mode === 'public') return;
    if (!request.cookies[mode === 'pre_auth' ? PRE_AUTH_COOKIE : SESSION_COOKIE]) throw unauthenticated();
  });
  app.decorateRequest('inContext', function inContext<T>(this: FastifyRequest, fn: (ctx: Ctx) => Promise<T>) {
    return runInContext(db, this, fn);
  });
}

async function runInContext<T>(db: Database, request: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const mode: AuthMode = request.routeOptions.config.auth ?? 'session';
  const cookieName = mode === 'pre_auth' ? PRE_AUTH_COOKIE : SESSION_COOKIE;
  const token = mode === 'public' ? undefined : request.cookies[cookieName];
  if (mode !== 'public' && !token) throw unauthenticated();

  const result = await withContext(db, async (tx) => {
    if (!token) return { value: await fn(makeCtx(tx, null, null, { idHash: null })) };
    const session = await loadSession(tx, token, mode === 'pre_auth' ? 'pre_auth' : 'full');
    if (session === 'missing') return { missing: true as const };
    if (session === 'expired') {
      return { expired: EXPIRED };
    }
    if (mode === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        throw new AppError(403, 'csrf_invalid', 'Missing or wrong X-CSRF-Token header');
      }
    }
    const idHash = mode === 'session' ? sha256(token) : null;
    return { value: await fn(makeCtx(tx, session.actor, session.csrfToken, { idHash })) };
  });
  if ('missing' in result) throw unauthenticated();
  if ('expired' in result) throw new AppError(401, 'session_expired', 'The session has expired; sign in again');
  return result.value as T;
}

/** Cookie options for every cookie Percorsi sets. */
export function setAuthCookie(reply: FastifyReply, name: string, token: string, maxAgeSeconds: number): void {
  reply.setCookie(name, token, { httpOnly: true, secure: true, sameSite: 'strict', path: '/', maxAge: maxAgeSeconds });
}

export function clearAuthCookie(reply: FastifyReply, name: string): void {
  reply.clearCookie(name, { httpOnly: true, secure: true, sameSite: 'strict', path: '/' });
}

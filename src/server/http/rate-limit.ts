import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis as RedisClient } from 'ioredis';
import { sql } from 'kysely';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import type { Database } from '../db/database.ts';
import { AppError } from './errors.ts';

/**
 * Rate limits that fit offices (issue 11, item 7). Buckets, per minute:
 * - a signed-in request (a route that needs the session) counts against its user, wherever it
 *   comes from: many operators behind one office NAT do not share a bucket;
 * - anything else (public pages, the login steps) counts against the client address, per route
 *   for routes with their own limit;
 * - the login and password-reset steps also count against the username, from every address at
 *   once: spraying one account from many addresses is limited too.
 * Counters are shared by all app nodes: in Redis with PERCORSI_REDIS_URL, else in PostgreSQL
 * (rate_limit_hits, migration 161); on the embedded database (one process) in memory. Keys are
 * SHA-256 hashes: no address, name or user id is stored.
 */
export interface RateLimits {
  /** requests per minute of one signed-in user */
  user: number;
  /** requests per minute of one client address on routes without their own limit */
  address: number;
  /** login steps (password, second factor, reset) per minute from one address */
  loginAddress: number;
  /** login and reset attempts per minute for one username, from all addresses */
  username: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { user: 600, address: 600, loginAddress: 300, username: 10 };

/** PERCORSI_RATE_LIMIT_USER, _ADDRESS, _LOGIN, _USERNAME: per minute; USER 0 turns the user bucket off (benchmarks). */
export function rateLimitsFrom(env: NodeJS.ProcessEnv): Partial<RateLimits> {
  const out: Partial<RateLimits> = {};
  const names = { user: 'USER', address: 'ADDRESS', loginAddress: 'LOGIN', username: 'USERNAME' } as const;
  for (const [field, suffix] of Object.entries(names) as Array<[keyof RateLimits, string]>) {
    const text = env[`PERCORSI_RATE_LIMIT_${suffix}`];
    if (text === undefined || text === '') continue;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`PERCORSI_RATE_LIMIT_${suffix} must be a whole number`);
    out[field] = n;
  }
  return out;
}

/** The per-route limit of the login steps, by address (routes' `config.rateLimit`). */
export function loginRateLimit(limits: Partial<RateLimits> = {}) {
  return { max: limits.loginAddress ?? DEFAULT_RATE_LIMITS.loginAddress, timeWindow: 60_000 };
}

/**
 * PERCORSI_TRUST_PROXY: which proxies' X-Forwarded-For decides the client address. A number is a
 * hop count (`1`: the one reverse proxy in front), `true` trusts every hop (never on the internet),
 * anything else a comma-separated list of proxy addresses or CIDRs. Unset: the socket's address.
 */
export function trustProxyFrom(text: string | undefined): boolean | number | string[] {
  if (!text) return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

type Incr = (
  key: string,
  cb: (err: Error | null, res?: { current: number; ttl: number }) => void,
  timeWindow: number,
  max: number,
) => void;

/** A store for @fastify/rate-limit over rate_limit_hit() (migration 161), one statement a hit. */
function postgresStore(db: Database) {
  return class PostgresStore {
    incr: Incr = (key, cb, timeWindow) => {
      sql<{ hits: number; ttl_ms: number }>`SELECT hits, ttl_ms FROM rate_limit_hit(${key}, ${timeWindow}::int)`
        .execute(db.app)
        .then((r) => cb(null, { current: r.rows[0]?.hits ?? 1, ttl: r.rows[0]?.ttl_ms ?? timeWindow }))
        .catch((e: Error) => cb(e));
    };
    child() {
      return this;
    }
  };
}

/** Signed-in sessions to their users (a session belongs to one user for life, so the map never goes stale). */
class SessionUsers {
  private readonly known = new Map<string, string>();
  constructor(private readonly db: Database) {}
  async userOf(token: string): Promise<string | null> {
    const idHash = hash(token);
    const hit = this.known.get(idHash);
    if (hit) return hit;
    const row = await sql<{ user_id: string }>`SELECT user_id FROM auth_find_session(${idHash})`.execute(this.db.app);
    const user = row.rows[0]?.user_id ?? null;
    if (user) {
      if (this.known.size >= 50_000) this.known.clear();
      this.known.set(idHash, user);
    }
    return user;
  }
}

export interface RateLimitSetup {
  options: Record<string, unknown>;
  close(): Promise<void>;
  limits: RateLimits;
}

/** The options of @fastify/rate-limit for this deployment (security.ts registers it). */
export function rateLimitSetup(deps: {
  db: Database | null;
  redisUrl?: string | null;
  limits?: Partial<RateLimits>;
}): RateLimitSetup {
  const limits = { ...DEFAULT_RATE_LIMITS, ...rateLimitsFrom(process.env), ...deps.limits };
  const users = deps.db ? new SessionUsers(deps.db) : null;
  const byUser = new WeakSet<FastifyRequest>();
  const keyGenerator = async (req: FastifyRequest): Promise<string> => {
    const config = req.routeOptions.config as { auth?: string; rateLimit?: unknown };
    const token = req.cookies?.[SESSION_COOKIE];
    if ((config.auth ?? 'session') === 'session' && token && users) {
      const user = await users.userOf(token);
      if (user) {
        byUser.add(req);
        return hash(`user:${user}`);
      }
    }
    // routes with their own limit (login steps, directory, feedback) count apart from the rest
    const scope = config.rateLimit ? (req.routeOptions.url ?? '') : '';
    return hash(`address:${scope}:${req.ip}`);
  };
  const max = async (req: FastifyRequest) => (byUser.has(req) ? limits.user : limits.address);
  const options: Record<string, unknown> = { max, timeWindow: 60_000, keyGenerator, nameSpace: 'percorsi-rl:' };
  // PERCORSI_RATE_LIMIT_USER=0: signed-in requests are not counted at all (benchmarks)
  if (limits.user <= 0) options.allowList = async (req: FastifyRequest) => byUser.has(req);
  let close = async () => undefined;
  if (deps.redisUrl) {
    // ioredis is loaded only when Redis is configured (a third of a second of CPU at start otherwise)
    const { Redis } = createRequire(import.meta.url)('ioredis') as { Redis: typeof RedisClient };
    const redis = new Redis(deps.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: false });
    redis.on('error', () => {
      // the client reconnects by itself; a request meanwhile counts nowhere (skipOnError)
    });
    options.redis = redis;
    options.skipOnError = true;
    close = async () => {
      await redis.quit().catch(() => undefined);
      return undefined;
    };
  } else if (deps.db?.kind === 'postgres') {
    options.store = postgresStore(deps.db);
  }
  return { options, close, limits };
}

/**
 * Counts a login or reset attempt against its username, from every address together: one account
 * tried from many addresses is limited even when each address stays under its own limit.
 */
export async function limitUsername(app: FastifyInstance, req: FastifyRequest, username: string): Promise<void> {
  const limiter = (app as unknown as { usernameLimiter?: (req: FastifyRequest) => Promise<{ isExceeded?: boolean }> })
    .usernameLimiter;
  if (!limiter) return;
  (req as { limitedUsername?: string }).limitedUsername = username.normalize('NFC').trim().toLowerCase();
  const result = await limiter(req);
  if (result.isExceeded) throw new AppError(429, 'rate_limited', 'Too many requests; try again later');
}

/** Registers the username limiter (after @fastify/rate-limit). */
export function installUsernameLimiter(app: FastifyInstance, limits: RateLimits): void {
  const create = (app as unknown as { createRateLimit?: (o: object) => (req: FastifyRequest) => Promise<object> })
    .createRateLimit;
  if (!create) return;
  const limiter = create({
    max: limits.username,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => hash(`username:${(req as { limitedUsername?: string }).limitedUsername}`),
  });
  app.decorate('usernameLimiter', limiter);
}

import { hkdfSync } from 'node:crypto';
import path from 'node:path';
import { thresholdOf } from '../shared/observatory/suppress.ts';
import { type RateLimits, rateLimitsFrom } from './http/rate-limit.ts';
import { DEFAULT_TRAINING_VALID_MONTHS } from '../shared/codes/training.ts';

export interface Config {
  port: number;
  host: string;
  /** Owner connection, used for migrations; when unset the embedded PGlite database is used. */
  databaseUrl: string | null;
  /** Connection as the unprivileged percorsi_app role. */
  appDatabaseUrl: string | null;
  dataDir: string;
  demo: boolean;
  /** 32-byte key (base64) that encrypts TOTP secrets and, later, per-organisation data keys. */
  masterKey: Buffer;
  publicUrl: string;
  logLevel: string;
  /** SMTP server of the operators' notification e-mails, e.g. smtp://127.0.0.1:2525; unset: mails stay queued. */
  smtpUrl: string | null;
  /** From header of those e-mails. */
  mailFrom: string;
  /** Observatory: the platform linkage key (HMAC of her normalised identity), never held by centres or readers. */
  linkageKey: Buffer;
  /** Observatory: the disclosure threshold k (default 5, never below 3). */
  observatoryThreshold: number;
  /** proof-ops: Redis for the rate-limit counters shared by app nodes (PERCORSI_REDIS_URL); unset: PostgreSQL or memory */
  redisUrl?: string | null;
  /** proof-ops: rate limits per minute (PERCORSI_RATE_LIMIT_*); unset: the defaults of http/rate-limit.ts */
  rateLimits?: Partial<RateLimits>;
  /** Training (issue 8): months a completed course keeps a CPI referent trained (default 24). */
  trainingValidMonths: number;
  /**
   * Passkeys (issue 12): the WebAuthn relying party. rpId is a registrable domain of the origins
   * (PERCORSI_WEBAUTHN_RP_ID, default the host of publicUrl); origins are where the UI is served
   * (PERCORSI_WEBAUTHN_ORIGINS, comma-separated, default the origin of publicUrl).
   */
  webauthn: { rpId: string; rpName: string; origins: string[] };
}

function appUrlFrom(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = 'percorsi_app';
  url.password = process.env.PERCORSI_APP_DB_PASSWORD ?? '';
  return url.toString();
}

/** A fixed key for the embedded demo only; production must set PERCORSI_MASTER_KEY. */
const DEMO_MASTER_KEY = Buffer.from('percorsi-demo-master-key-32bytes', 'utf8');

/**
 * The observatory's linkage key: PERCORSI_LINKAGE_KEY (32 bytes, base64); when unset, a sub-key of
 * the master key (HKDF, "percorsi/observatory-linkage"): a platform key either way, never a centre's.
 */
function linkageKeyFrom(env: NodeJS.ProcessEnv, masterKey: Buffer): Buffer {
  const text = env.PERCORSI_LINKAGE_KEY;
  if (!text) return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'percorsi/observatory-linkage', 32));
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('PERCORSI_LINKAGE_KEY must decode to 32 bytes');
  return key;
}

/** PERCORSI_TRAINING_VALID_MONTHS: a whole number of months, 1 to 120. */
function trainingMonthsFrom(text: string | undefined): number {
  if (!text) return DEFAULT_TRAINING_VALID_MONTHS;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 120) throw new Error('PERCORSI_TRAINING_VALID_MONTHS must be 1 to 120');
  return n;
}

function webauthnFrom(env: NodeJS.ProcessEnv, publicUrl: string): Config['webauthn'] {
  const url = new URL(publicUrl);
  const origins = (env.PERCORSI_WEBAUTHN_ORIGINS ?? url.origin)
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return { rpId: env.PERCORSI_WEBAUTHN_RP_ID || url.hostname, rpName: 'Percorsi', origins };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || null;
  const demo = env.PERCORSI_DEMO ? env.PERCORSI_DEMO !== 'off' : !databaseUrl;
  const keyText = env.PERCORSI_MASTER_KEY;
  if (!keyText && !demo) {
    throw new Error('PERCORSI_MASTER_KEY (32 bytes, base64) is required when demo mode is off');
  }
  const masterKey = keyText ? Buffer.from(keyText, 'base64') : DEMO_MASTER_KEY;
  if (masterKey.length !== 32) throw new Error('PERCORSI_MASTER_KEY must decode to 32 bytes');
  const port = Number(env.PORT ?? 3000);
  const publicUrl = env.PERCORSI_PUBLIC_URL ?? `http://localhost:${port}`;
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    appDatabaseUrl: env.APP_DATABASE_URL || (databaseUrl ? appUrlFrom(databaseUrl) : null),
    dataDir: path.resolve(env.PERCORSI_DATA_DIR ?? '.percorsi-data'),
    demo,
    masterKey,
    publicUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
    smtpUrl: env.PERCORSI_SMTP_URL || null,
    mailFrom: env.PERCORSI_MAIL_FROM || 'Percorsi <no-reply@percorsi.invalid>',
    linkageKey: linkageKeyFrom(env, masterKey),
    observatoryThreshold: thresholdOf(env.PERCORSI_OBSERVATORY_K ? Number(env.PERCORSI_OBSERVATORY_K) : undefined),
    redisUrl: env.PERCORSI_REDIS_URL || null,
    rateLimits: rateLimitsFrom(env),
    trainingValidMonths: trainingMonthsFrom(env.PERCORSI_TRAINING_VALID_MONTHS),
    webauthn: webauthnFrom(env, publicUrl),
  };
}

import { createRequire } from 'node:module';
import { type Kysely, sql } from 'kysely';
import type Nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { isNotificationKind } from './kinds.ts';
import { renderEmail } from './templates.ts';

/** After this many failed attempts a mail is given up (failed_at). */
export const MAX_ATTEMPTS = 8;
/** How many mails one run claims. */
const BATCH = 20;
/** A claimed mail is not claimed again for this long (a node that died mid-send is retried then). */
const LEASE = '5 minutes';

/** Minutes to wait after the n-th failure: 1, 2, 4 … capped at 60. */
export function backoffMinutes(failures: number): number {
  return Math.min(2 ** Math.max(0, failures - 1), 60);
}

/** A stable code for a send failure: the SMTP reply code, never the reply's text (it can quote the address). */
export function errorCode(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown };
  const code = typeof e.code === 'string' ? e.code : 'ERROR';
  const full = typeof e.responseCode === 'number' ? `${code}_${e.responseCode}` : code;
  return full.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 64) || 'ERROR';
}

export interface WorkerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface OutboxWorker {
  stop(): Promise<void>;
  runOnce(): Promise<{ sent: number; failed: number }>;
}

interface Claimed {
  id: string;
  to_address: string;
  template: string;
  attempts: number;
  active: boolean;
}

/**
 * Claims due mails with FOR UPDATE SKIP LOCKED (so several app nodes can run the worker) and
 * leases them in one short statement; the SMTP conversation happens outside any transaction.
 * The outbox is system infrastructure: it is read through the owner connection, like migrations.
 */
async function claim(owner: Kysely<DB>, limit: number): Promise<Claimed[]> {
  const res = await sql<Claimed>`
    UPDATE email_outbox o SET next_attempt_at = now() + ${LEASE}::interval
    FROM (SELECT e.id FROM email_outbox e
          WHERE e.sent_at IS NULL AND e.failed_at IS NULL AND e.next_attempt_at <= now()
          ORDER BY e.next_attempt_at, e.id LIMIT ${limit} FOR UPDATE SKIP LOCKED) due, users u
    WHERE o.id = due.id AND u.id = o.user_id
    RETURNING o.id, o.to_address, o.template, o.attempts, (u.disabled_at IS NULL) AS active`.execute(owner);
  return res.rows;
}

async function markSent(owner: Kysely<DB>, id: string): Promise<void> {
  await owner.updateTable('email_outbox').set({ sent_at: sql`now()`, last_error: null }).where('id', '=', id).execute();
}

/** Records a failure: retried after the backoff, or given up after MAX_ATTEMPTS (at once when `final`). */
async function markFailed(owner: Kysely<DB>, row: Claimed, code: string, final = false): Promise<'retry' | 'gave_up'> {
  const attempts = row.attempts + 1;
  const giveUp = final || attempts >= MAX_ATTEMPTS;
  await owner
    .updateTable('email_outbox')
    .set({
      attempts,
      last_error: code,
      failed_at: giveUp ? sql`now()` : null,
      next_attempt_at: sql`now() + make_interval(mins => ${backoffMinutes(attempts)}::int)`,
    })
    .where('id', '=', row.id)
    .execute();
  return giveUp ? 'gave_up' : 'retry';
}

type Outcome = { result: 'sent' } | { result: 'retry' | 'gave_up'; code: string };

export function startOutboxWorker(deps: {
  db: Database;
  config: Config;
  logger: WorkerLogger;
  intervalMs: number;
}): OutboxWorker {
  const { db, config, logger } = deps;
  if (!config.smtpUrl) throw new Error('startOutboxWorker: smtpUrl is not configured');
  // loaded only with an SMTP server configured
  const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof Nodemailer;
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
    logger: false,
    debug: false,
  });
  const fail = async (row: Claimed, code: string, final = false): Promise<Outcome> => ({
    result: await markFailed(db.owner, row, code, final),
    code,
  });

  async function send(row: Claimed): Promise<Outcome> {
    // disabled since the mail was queued, or queued by a newer version: never sent
    if (!row.active) return fail(row, 'user_disabled', true);
    if (!isNotificationKind(row.template)) return fail(row, 'unknown_template', true);
    const mail = renderEmail(row.template, config.publicUrl);
    try {
      await transport.sendMail({ from: config.mailFrom, to: row.to_address, subject: mail.subject, text: mail.text });
    } catch (err) {
      return fail(row, errorCode(err));
    }
    await markSent(db.owner, row.id);
    return { result: 'sent' };
  }

  /** Log lines carry counts and error codes only, never an address. */
  async function runBatch(): Promise<{ sent: number; failed: number }> {
    const rows = await claim(db.owner, BATCH);
    let sent = 0;
    let gaveUp = 0;
    const codes = new Set<string>();
    for (const row of rows) {
      const outcome = await send(row);
      if (outcome.result === 'sent') {
        sent++;
        continue;
      }
      codes.add(outcome.code);
      if (outcome.result === 'gave_up') gaveUp++;
    }
    const failed = rows.length - sent;
    if (rows.length > 0)
      logger.info({ claimed: rows.length, sent, failed, gaveUp, codes: [...codes] }, 'email outbox run');
    return { sent, failed };
  }

  let running: Promise<{ sent: number; failed: number }> | null = null;
  /** One run at a time per node: a call during a run waits for it and returns its result. */
  function runOnce(): Promise<{ sent: number; failed: number }> {
    if (!running) {
      running = runBatch().finally(() => {
        running = null;
      });
    }
    return running;
  }

  // intervalMs 0: no timer, runs only through runOnce (tests). Otherwise: once soon after start
  // (mails queued while no node was sending), then every intervalMs.
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    runOnce().catch((err: unknown) => logger.warn({ code: errorCode(err) }, 'email outbox run failed'));
  };
  const timers = deps.intervalMs > 0 ? [setTimeout(tick, 1_000), setInterval(tick, deps.intervalMs)] : [];
  for (const t of timers) t.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await running?.catch(() => undefined);
      transport.close();
    },
  };
}

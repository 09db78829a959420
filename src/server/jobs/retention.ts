import { type Kysely, sql } from 'kysely';
import { IDLE_MINUTES } from '../auth/sessions.ts';
import type { DB } from '../db/schema.ts';
import { recordAudit } from '../audit/record.ts';

export interface RetentionSettings {
  /** sent and failed e-mails are deleted from email_outbox this many days after sending or giving up */
  emailDays: number;
  /** idempotency keys of referral creation are forgotten this many days after their request */
  idempotencyDays: number;
  /** used or expired one-time links (invitations, password resets) are deleted this many days later */
  linkDays: number;
}

export const DEFAULT_RETENTION: RetentionSettings = { emailDays: 30, idempotencyDays: 7, linkDays: 1 };

function days(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of days (0 or more)`);
  return n;
}

export function retentionFrom(env: NodeJS.ProcessEnv): RetentionSettings {
  return {
    emailDays: days(env.PERCORSI_EMAIL_RETENTION_DAYS, DEFAULT_RETENTION.emailDays, 'PERCORSI_EMAIL_RETENTION_DAYS'),
    idempotencyDays: DEFAULT_RETENTION.idempotencyDays,
    linkDays: DEFAULT_RETENTION.linkDays,
  };
}

/**
 * Retention of system data (issue 11, item 9), through the owner connection:
 * - e-mails sent or given up more than `emailDays` ago (they hold operators' addresses);
 * - sessions past their absolute expiry, or idle past IDLE_MINUTES (auth_session_check would end
 *   them on their next use anyway);
 * - one-time links used or expired more than `linkDays` ago;
 * - idempotency keys older than `idempotencyDays` (a retry comes within minutes, not days);
 * - rate-limit counters (PostgreSQL) whose window ended an hour ago.
 * Mails still waiting for a retry are never touched. Answers the counts deleted.
 */
export async function purgeSystemData(owner: Kysely<DB>, settings: RetentionSettings = DEFAULT_RETENTION) {
  // the deletions and their audit row commit together
  return owner.transaction().execute(async (tx) => {
    const secs = (d: number) => d * 86_400;
    const emails = await sql`DELETE FROM email_outbox
    WHERE coalesce(sent_at, failed_at) < now() - make_interval(secs => ${secs(settings.emailDays)})`.execute(tx);
    const sessions = await sql`DELETE FROM sessions WHERE expires_at < now()
    OR (stage = 'full' AND last_seen_at < now() - make_interval(mins => ${IDLE_MINUTES}))`.execute(tx);
    const links = await sql`DELETE FROM invitations
    WHERE coalesce(used_at, expires_at) < now() - make_interval(secs => ${secs(settings.linkDays)})
      AND (used_at IS NOT NULL OR expires_at < now())`.execute(tx);
    const keys = await sql`DELETE FROM idempotency_keys
    WHERE created_at < now() - make_interval(secs => ${secs(settings.idempotencyDays)})`.execute(tx);
    // rate-limit windows (migration 161) last a minute: an hour-old row counts nothing any more
    const windows = await sql`DELETE FROM rate_limit_hits WHERE window_start < now() - interval '1 hour'`.execute(tx);
    const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);
    const counts = {
      emails: n(emails),
      sessions: n(sessions),
      links: n(links),
      idempotencyKeys: n(keys),
      rateLimitWindows: n(windows),
    };
    // what was deleted, as counts, in the trail (sessions and rate-limit windows are routine: not audited)
    if (counts.emails + counts.links + counts.idempotencyKeys > 0) {
      await recordAudit(tx, null, {
        action: 'system.retention',
        details: { emails: counts.emails, links: counts.links, idempotencyKeys: counts.idempotencyKeys },
      });
    }
    return counts;
  });
}

import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { STALE_AFTER_MONTHS } from '../../shared/codes/directory.ts';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/database.ts';
import { todayInItaly } from '../db/dates.ts';
import { notifyFromSystem } from '../notifications/notify.ts';

/** The day `months` before `today` (YYYY-MM-DD). */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10);
}

/**
 * Tells the editors of each entry not verified in the last 6 months (its organisation's
 * administrators, and the network coordinators of its networks) that it needs checking: a
 * notification of kind `directory_entry_stale`, at most once every 30 days per entry. A system
 * job through the owner connection, like the referral sweep; nothing but a kind travels.
 */
export async function flagStaleEntries(db: Database, today = todayInItaly()): Promise<number> {
  const limit = monthsBefore(today, STALE_AFTER_MONTHS);
  const due = await db.owner
    .selectFrom('directory_entries')
    .select('organisation_id')
    .where((eb) => eb.or([eb('verified_on', 'is', null), eb('verified_on', '<', limit)]))
    .where((eb) =>
      eb.or([
        eb('stale_notified_at', 'is', null),
        eb('stale_notified_at', '<', sql<Date>`${today}::date - interval '30 days'`),
      ]),
    )
    .execute();
  for (const { organisation_id: id } of due) {
    await db.owner.transaction().execute(async (tx) => {
      await notifyFromSystem(tx, { organisationId: id, roles: ['org_admin'], kind: 'directory_entry_stale' });
      const coordinating = await tx
        .selectFrom('organisation_networks as mine')
        .innerJoin('organisation_networks as theirs', 'theirs.network_id', 'mine.network_id')
        .select('theirs.organisation_id')
        .distinct()
        .where('mine.organisation_id', '=', id)
        .execute();
      const others = new Set([id, ...coordinating.map((c) => c.organisation_id)]);
      for (const org of others) {
        await notifyFromSystem(tx, {
          organisationId: org,
          roles: ['network_coordinator'],
          kind: 'directory_entry_stale',
        });
      }
      await tx
        .updateTable('directory_entries')
        .set({ stale_notified_at: sql<Date>`now()` as unknown as Date })
        .where('organisation_id', '=', id)
        .execute();
      await recordAudit(tx, null, { action: 'directory.stale_flag', subjectType: 'organisation', subjectId: id });
    });
  }
  return due.length;
}

/** Runs the check now and every `intervalMs`. */
export function startStaleEntrySweep(db: Database, log: FastifyBaseLogger, intervalMs: number) {
  const run = async () => {
    try {
      const flagged = await flagStaleEntries(db);
      if (flagged > 0) log.info({ flagged }, 'directory entries to verify');
    } catch (e) {
      log.error({ code: (e as { code?: string }).code ?? 'stale_sweep_failed' }, 'directory check failed');
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { todayInItaly } from '../db/dates.ts';
import { notifyFromSystem } from '../notifications/notify.ts';
import { sweepReferrals } from './end-access.ts';
import { RECEIVING_ROLES } from './notify-parties.ts';

/**
 * Tells both sides, once per missed deadline, that a referral is overdue: the sender's operator
 * and the recipient's inbox. A system job: it reads the deadlines through the owner connection,
 * like the outbox worker, and no personal data travels (a kind and a referral id).
 */
export async function notifyOverdue(db: Database, today = todayInItaly()): Promise<number> {
  const late = await sql<{
    id: string;
    organisation_id: string;
    created_by: string;
    recipient_organisation_id: string;
    recipient_user_id: string | null;
    overdue: string;
  }>`
    SELECT id, organisation_id, created_by, recipient_organisation_id, recipient_user_id, overdue FROM (
      SELECT r.*, CASE
        WHEN r.status = 'sent' AND ${today}::date > r.ack_due_on AND ${today}::date <= r.expires_on THEN 'acknowledgement'
        WHEN r.status IN ('accepted', 'in_progress') AND r.appointment_on IS NULL AND ${today}::date > r.appointment_due_on THEN 'first_appointment'
      END AS overdue
      FROM referrals r WHERE r.access_ended_at IS NULL AND r.status IN ('sent', 'accepted', 'in_progress')) x
    WHERE overdue IS NOT NULL AND overdue IS DISTINCT FROM overdue_notified`.execute(db.owner);
  for (const r of late.rows) {
    await db.owner.transaction().execute(async (tx) => {
      await notifyFromSystem(tx, {
        organisationId: r.organisation_id,
        userIds: [r.created_by],
        kind: 'referral_overdue',
        referralId: r.id,
      });
      await notifyFromSystem(tx, {
        organisationId: r.recipient_organisation_id,
        ...(r.recipient_user_id ? { userIds: [r.recipient_user_id] } : { roles: [...RECEIVING_ROLES] }),
        kind: 'referral_overdue',
        referralId: r.id,
      });
      await tx.updateTable('referrals').set({ overdue_notified: r.overdue }).where('id', '=', r.id).execute();
    });
  }
  return late.rows.length;
}

/** Runs the referral sweep now and every `intervalMs`: expiry, deleting shares whose access ran out, overdue notices. */
export function startReferralSweep(db: Database, log: FastifyBaseLogger, intervalMs: number) {
  const run = async () => {
    try {
      const shares = await withContext(db, (tx) => sweepReferrals(tx));
      const overdue = await notifyOverdue(db);
      if (shares > 0 || overdue > 0) log.info({ shares, overdue }, 'referral sweep');
    } catch (e) {
      log.error({ code: (e as { code?: string }).code ?? 'sweep_failed' }, 'referral sweep failed');
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

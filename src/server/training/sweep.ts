/**
 * When a CPI drops below two trained referents (a referent disabled, moved, or her training run
 * out), its network coordinators and AFOL's administrators are told once: a notification of kind
 * `training_coverage_low`, and a row in training_coverage_alerts; the row goes when the CPI is
 * back at two or more, so the next drop is told again. A system job on the owner connection (like
 * the directory's stale sweep), under a transaction-scoped advisory lock: with two nodes one runs (the job runner,
 * jobs/schedule.ts `training_coverage`, every 15 minutes, also runs each period on one node only).
 */
import { sql } from 'kysely';
import { recordAudit } from '../audit/record.ts';
import type { Database } from '../db/database.ts';
import { todayInItaly } from '../db/dates.ts';
import { notifyFromSystem } from '../notifications/notify.ts';

const LOCK = 7_120_120;

export async function checkCoverage(db: Database, today = todayInItaly()): Promise<{ notified: string[] } | null> {
  return db.owner.transaction().execute(async (tx) => {
    const lock = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${LOCK}) AS ok`.execute(tx);
    if (!lock.rows[0]?.ok) return null;
    const rows = await sql<{ cpi_id: string; trained: number; alerted: boolean }>`
      SELECT c.cpi_id, c.trained, (a.cpi_id IS NOT NULL) AS alerted
      FROM training_coverage_all(${today}::date) c LEFT JOIN training_coverage_alerts a ON a.cpi_id = c.cpi_id`.execute(
      tx,
    );
    const settings = await sql<{ afol: string | null }>`SELECT cpi_operator_id AS afol FROM training_settings`.execute(
      tx,
    );
    const afol = settings.rows[0]?.afol ?? null;
    const notified: string[] = [];
    for (const r of rows.rows) {
      if (r.trained >= 2) {
        if (r.alerted) await sql`DELETE FROM training_coverage_alerts WHERE cpi_id = ${r.cpi_id}`.execute(tx);
        continue;
      }
      if (r.alerted) {
        await sql`UPDATE training_coverage_alerts SET trained = ${r.trained} WHERE cpi_id = ${r.cpi_id}`.execute(tx);
        continue;
      }
      await sql`INSERT INTO training_coverage_alerts (cpi_id, trained) VALUES (${r.cpi_id}, ${r.trained})`.execute(tx);
      // the network coordinators of every network the CPI belongs to
      const coordinating = await sql<{ organisation_id: string }>`
        SELECT DISTINCT theirs.organisation_id FROM organisation_networks mine
        JOIN organisation_networks theirs ON theirs.network_id = mine.network_id
        WHERE mine.organisation_id = ${r.cpi_id}`.execute(tx);
      for (const { organisation_id: org } of coordinating.rows) {
        await notifyFromSystem(tx, {
          organisationId: org,
          roles: ['network_coordinator'],
          kind: 'training_coverage_low',
        });
      }
      if (afol)
        await notifyFromSystem(tx, { organisationId: afol, roles: ['org_admin'], kind: 'training_coverage_low' });
      await recordAudit(tx, null, {
        action: 'training.coverage_alert',
        subjectType: 'organisation',
        subjectId: r.cpi_id,
        details: { trained: r.trained },
      });
      notified.push(r.cpi_id);
    }
    return { notified };
  });
}

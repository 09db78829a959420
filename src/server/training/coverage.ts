/**
 * The coverage board: for each of AFOL's nine CPIs (employment centres without a parent), its
 * trained referents (active, cpi_referent there or at one of its branches, a completed course for
 * CPI referents whose validity has not run out), the state ≥2 / 1 / 0 and the day the next
 * refresher is due. Read through the SECURITY DEFINER doors of migration 120, which answer only
 * to the control room, network and training coordinators, and AFOL's and the CPIs' administrators.
 */
import { type Kysely, sql } from 'kysely';
import { coverageState } from '../../shared/codes/training.ts';
import type { Tx } from '../db/context.ts';
import { todayInItaly } from '../db/dates.ts';
import type { DB } from '../db/schema.ts';
import type { Config } from '../config.ts';
import type { Coverage } from './schemas.ts';

const iso = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

export async function readCoverage(tx: Tx, today = todayInItaly()): Promise<Coverage | null> {
  const rows = await sql<{
    cpi_id: string;
    trained: number;
    next_due: string | null;
    name: string;
    town: string | null;
  }>`
    SELECT c.cpi_id, c.trained, c.next_due::text, o.name, o.town
    FROM training_coverage_on(${today}::date) c JOIN organisations o ON o.id = c.cpi_id
    ORDER BY c.trained, o.name`.execute(tx);
  if (rows.rows.length === 0) return null;
  const people = await sql<{
    cpi_id: string;
    user_id: string;
    display_name: string;
    completed_on: string;
    expires_on: string;
  }>`
    SELECT cpi_id, user_id, display_name, completed_on::text, expires_on::text
    FROM training_referents_on(${today}::date) ORDER BY expires_on, display_name`.execute(tx);
  const months = await sql<{ m: number }>`SELECT validity_months AS m FROM training_settings`.execute(tx);
  return {
    today,
    validityMonths: months.rows[0]?.m ?? 24,
    items: rows.rows.map((r) => ({
      cpiId: r.cpi_id,
      cpiName: r.name,
      town: r.town,
      trained: r.trained,
      state: coverageState(r.trained),
      nextDue: iso(r.next_due),
      referents: people.rows
        .filter((p) => p.cpi_id === r.cpi_id)
        .map((p) => ({
          userId: p.user_id,
          name: p.display_name,
          completedOn: iso(p.completed_on) as string,
          expiresOn: iso(p.expires_on) as string,
        })),
    })),
  };
}

/**
 * Writes the configured validity and AFOL's organisation (the body that runs the CPIs, whose
 * administrators are told of a drop) into training_settings: main.ts, after the network seed.
 */
export async function configureTraining(owner: Kysely<DB>, config: Pick<Config, 'trainingValidMonths'>): Promise<void> {
  await sql`UPDATE training_settings SET validity_months = ${config.trainingValidMonths},
    cpi_operator_id = (SELECT id FROM organisations WHERE name LIKE 'AFOL Metropolitana%' ORDER BY name LIMIT 1)`.execute(
    owner,
  );
}

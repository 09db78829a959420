/**
 * Hours of training given (sessions held, by the body that runs the course) and received
 * (attendance, by the participant's body), per network and period: from the courses the reader
 * sees under RLS (her organisation's, or every course for the control room).
 */
import { sql } from 'kysely';
import type { TrainingPeriod } from '../../shared/codes/training.ts';
import type { Tx } from '../db/context.ts';
import type { HoursRow } from './schemas.ts';

export async function readHours(tx: Tx, period: TrainingPeriod, year: number): Promise<HoursRow[]> {
  const label =
    period === 'year'
      ? sql`to_char(s.held_on, 'YYYY')`
      : sql`to_char(s.held_on, 'YYYY') || '-Q' || extract(quarter FROM s.held_on)::int`;
  const rows = await sql<{
    period: string;
    network_id: string;
    network_name: string;
    organisation_id: string;
    organisation_name: string;
    given: string;
    received: string;
  }>`
    WITH given AS (
      SELECT ${label} AS period, c.network_id, c.running_body_id AS organisation_id, sum(s.hours) AS hours
      FROM training_sessions s JOIN training_editions e ON e.id = s.edition_id
      JOIN training_courses c ON c.id = e.course_id
      WHERE extract(year FROM s.held_on) = ${year}
      GROUP BY 1, 2, 3
    ), received AS (
      SELECT ${label} AS period, c.network_id, p.participant_org_id AS organisation_id, sum(a.hours) AS hours
      FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
      JOIN training_enrolments p ON p.id = a.enrolment_id
      JOIN training_editions e ON e.id = s.edition_id JOIN training_courses c ON c.id = e.course_id
      WHERE extract(year FROM s.held_on) = ${year}
      GROUP BY 1, 2, 3
    )
    SELECT coalesce(g.period, r.period) AS period, n.id AS network_id, n.name AS network_name,
      o.id AS organisation_id, o.name AS organisation_name,
      coalesce(g.hours, 0)::text AS given, coalesce(r.hours, 0)::text AS received
    FROM given g FULL JOIN received r
      ON r.period = g.period AND r.network_id = g.network_id AND r.organisation_id = g.organisation_id
    JOIN networks n ON n.id = coalesce(g.network_id, r.network_id)
    JOIN organisations o ON o.id = coalesce(g.organisation_id, r.organisation_id)
    ORDER BY 1, 3, 5`.execute(tx);
  return rows.rows.map((r) => ({
    period: r.period,
    networkId: r.network_id,
    networkName: r.network_name,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    given: Number(r.given),
    received: Number(r.received),
  }));
}

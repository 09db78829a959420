/**
 * Courses, editions, sessions, enrolments and attendance (issue 8, /formazione). Every query runs
 * as percorsi_app under RLS (migration 120: the recording organisation's network and training
 * coordinators write; they and the control room read); a row the actor may not see is a 404.
 */
import { sql } from 'kysely';
import { COMPLETION_SHARE, type TrainingAudience } from '../../shared/codes/training.ts';
import type { Actor, Tx } from '../db/context.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type {
  AttendanceFields,
  Course,
  CourseFields,
  CourseSummary,
  Edition,
  EnrolmentFields,
  Participant,
  SessionFields,
} from './schemas.ts';

const iso = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

interface CourseRow {
  id: string;
  title: string;
  network_id: string;
  network_name: string;
  running_body_id: string;
  running_body_name: string;
  audiences: TrainingAudience[];
  hours: string;
  topics: string[];
  editions: number;
  last_session_on: string | null;
}

const summaryOf = (r: CourseRow): CourseSummary => ({
  id: r.id,
  title: r.title,
  networkId: r.network_id,
  networkName: r.network_name,
  runningBodyId: r.running_body_id,
  runningBodyName: r.running_body_name,
  audiences: r.audiences,
  hours: Number(r.hours),
  topics: r.topics,
  editions: r.editions,
  lastSessionOn: iso(r.last_session_on),
});

const courseSelect = sql`
  SELECT c.id, c.title, c.network_id, n.name AS network_name, c.running_body_id, b.name AS running_body_name,
    c.audiences, c.hours::text AS hours, c.topics,
    (SELECT count(*)::int FROM training_editions e WHERE e.course_id = c.id) AS editions,
    (SELECT max(s.held_on)::text FROM training_sessions s JOIN training_editions e ON e.id = s.edition_id
      WHERE e.course_id = c.id) AS last_session_on
  FROM training_courses c
  JOIN networks n ON n.id = c.network_id
  JOIN organisations b ON b.id = c.running_body_id`;

export async function listCourses(tx: Tx): Promise<CourseSummary[]> {
  const rows = await sql<CourseRow>`${courseSelect} ORDER BY last_session_on DESC NULLS FIRST, c.title`.execute(tx);
  return rows.rows.map(summaryOf);
}

export async function createCourse(tx: Tx, me: Actor, f: CourseFields): Promise<string> {
  const network = await sql<{ id: string }>`SELECT id FROM networks WHERE id = ${f.networkId}`.execute(tx);
  if (!network.rows[0]) throw invalidField('networkId', 'not_allowed_value');
  const body = await sql<{ id: string }>`SELECT id FROM organisations WHERE id = ${f.runningBodyId}`.execute(tx);
  if (!body.rows[0]) throw invalidField('runningBodyId', 'unknown_organisation');
  const row = await sql<{ id: string }>`
    INSERT INTO training_courses (organisation_id, network_id, running_body_id, title, audiences, hours, topics, created_by)
    VALUES (${me.organisationId}, ${f.networkId}, ${f.runningBodyId}, ${f.title.trim()}, ${f.audiences}::text[],
      ${f.hours}, ${f.topics.map((t) => t.trim()).filter(Boolean)}::text[], ${me.userId})
    RETURNING id`.execute(tx);
  return (row.rows[0] as { id: string }).id;
}

/** The course's owner (recording organisation) when the actor sees it; else 404. */
async function courseOwner(tx: Tx, courseId: string): Promise<string> {
  const row = await sql<{
    o: string;
  }>`SELECT organisation_id AS o FROM training_courses WHERE id = ${courseId}`.execute(tx);
  if (!row.rows[0]) throw notFound();
  return row.rows[0].o;
}

export async function editionOwner(tx: Tx, editionId: string): Promise<{ organisationId: string; courseId: string }> {
  const row = await sql<{ o: string; c: string }>`
    SELECT organisation_id AS o, course_id AS c FROM training_editions WHERE id = ${editionId}`.execute(tx);
  if (!row.rows[0]) throw notFound();
  return { organisationId: row.rows[0].o, courseId: row.rows[0].c };
}

export async function readCourse(tx: Tx, courseId: string): Promise<Course | null> {
  const rows = await sql<CourseRow>`${courseSelect} WHERE c.id = ${courseId}`.execute(tx);
  const r = rows.rows[0];
  if (!r) return null;
  const editions = await sql<{ id: string; label: string }>`
    SELECT id, label FROM training_editions WHERE course_id = ${courseId} ORDER BY created_at, label`.execute(tx);
  const sessions = await sql<{
    id: string;
    edition_id: string;
    held_on: string;
    hours: string;
    place: string | null;
    online_url: string | null;
  }>`SELECT s.id, s.edition_id, s.held_on::text, s.hours::text, s.place, s.online_url
    FROM training_sessions s JOIN training_editions e ON e.id = s.edition_id
    WHERE e.course_id = ${courseId} ORDER BY s.held_on, s.created_at`.execute(tx);
  const people = await sql<{
    id: string;
    edition_id: string;
    participant_name: string;
    participant_org_id: string;
    org_name: string;
    user_id: string | null;
  }>`SELECT p.id, p.edition_id, p.participant_name, p.participant_org_id, o.name AS org_name, p.user_id
    FROM training_enrolments p JOIN training_editions e ON e.id = p.edition_id
    JOIN organisations o ON o.id = p.participant_org_id
    WHERE e.course_id = ${courseId} ORDER BY p.participant_name, p.created_at`.execute(tx);
  const present = await sql<{ enrolment_id: string; session_id: string; hours: string }>`
    SELECT a.enrolment_id, a.session_id, a.hours::text FROM training_attendance a
    JOIN training_sessions s ON s.id = a.session_id JOIN training_editions e ON e.id = s.edition_id
    WHERE e.course_id = ${courseId}`.execute(tx);
  const course = summaryOf(r);
  const heldOn = new Map(sessions.rows.map((s) => [s.id, iso(s.held_on) as string]));
  return {
    ...course,
    editions: editions.rows.map(
      (e): Edition => ({
        id: e.id,
        label: e.label,
        sessions: sessions.rows
          .filter((s) => s.edition_id === e.id)
          .map((s) => ({
            id: s.id,
            heldOn: iso(s.held_on) as string,
            hours: Number(s.hours),
            place: s.place,
            onlineUrl: s.online_url,
          })),
        participants: people.rows
          .filter((p) => p.edition_id === e.id)
          .map((p): Participant => {
            const mine = present.rows.filter((a) => a.enrolment_id === p.id);
            const hours = mine.reduce((n, a) => n + Number(a.hours), 0);
            const completed = completes(hours, course.hours);
            const last = mine.map((a) => heldOn.get(a.session_id) as string).sort();
            return {
              id: p.id,
              name: p.participant_name,
              organisationId: p.participant_org_id,
              organisationName: p.org_name,
              platformUser: p.user_id !== null,
              attendedSessionIds: mine.map((a) => a.session_id),
              hoursAttended: hours,
              completed,
              completedOn: completed ? (last[last.length - 1] ?? null) : null,
            };
          }),
      }),
    ),
  };
}

/** The completion rule (the SQL function training_completions() says the same). */
export function completes(hoursAttended: number, courseHours: number): boolean {
  return courseHours > 0 && hoursAttended >= COMPLETION_SHARE * courseHours;
}

export async function createEdition(tx: Tx, courseId: string, label: string): Promise<string> {
  const owner = await courseOwner(tx, courseId);
  const row = await sql<{ id: string }>`
    INSERT INTO training_editions (course_id, organisation_id, label) VALUES (${courseId}, ${owner}, ${label.trim()})
    RETURNING id`.execute(tx);
  return (row.rows[0] as { id: string }).id;
}

export async function addSession(tx: Tx, editionId: string, f: SessionFields): Promise<string> {
  const { organisationId } = await editionOwner(tx, editionId);
  if (!f.place && !f.onlineUrl) throw invalidField('place', 'required');
  const row = await sql<{ id: string }>`
    INSERT INTO training_sessions (edition_id, organisation_id, held_on, hours, place, online_url)
    VALUES (${editionId}, ${organisationId}, ${f.heldOn}::date, ${f.hours}, ${f.place?.trim() || null},
      ${f.onlineUrl || null})
    RETURNING id`.execute(tx);
  return (row.rows[0] as { id: string }).id;
}

/** Active users of a body who may be enrolled (ids and names, through training_candidates()). */
export async function candidates(tx: Tx, organisationId: string): Promise<Array<{ id: string; name: string }>> {
  const rows = await sql<{ user_id: string; display_name: string }>`
    SELECT user_id, display_name FROM training_candidates(${organisationId}::uuid)`.execute(tx);
  return rows.rows.map((r) => ({ id: r.user_id, name: r.display_name }));
}

export async function enrol(tx: Tx, editionId: string, f: EnrolmentFields): Promise<string> {
  const { organisationId } = await editionOwner(tx, editionId);
  const org = await sql<{ id: string }>`SELECT id FROM organisations WHERE id = ${f.organisationId}`.execute(tx);
  if (!org.rows[0]) throw invalidField('organisationId', 'unknown_organisation');
  let name = f.name?.trim() ?? '';
  if (f.userId) {
    const found = (await candidates(tx, f.organisationId)).find((c) => c.id === f.userId);
    if (!found) throw invalidField('userId', 'not_allowed_value');
    name = found.name;
    const dup = await sql<{ id: string }>`
      SELECT id FROM training_enrolments WHERE edition_id = ${editionId} AND user_id = ${f.userId}`.execute(tx);
    if (dup.rows[0]) return dup.rows[0].id;
  } else if (name.length < 2) {
    throw invalidField('name', 'required');
  }
  const row = await sql<{ id: string }>`
    INSERT INTO training_enrolments (edition_id, organisation_id, user_id, participant_name, participant_org_id)
    VALUES (${editionId}, ${organisationId}, ${f.userId ?? null}, ${name}, ${f.organisationId})
    RETURNING id`.execute(tx);
  return (row.rows[0] as { id: string }).id;
}

/** Sets who was present at one session of the edition (each for the session's hours). */
export async function recordAttendance(
  tx: Tx,
  editionId: string,
  f: AttendanceFields,
): Promise<{ present: number; absent: number }> {
  const { organisationId } = await editionOwner(tx, editionId);
  const session = await sql<{ hours: string }>`
    SELECT hours::text FROM training_sessions WHERE id = ${f.sessionId} AND edition_id = ${editionId}`.execute(tx);
  if (!session.rows[0]) throw invalidField('sessionId', 'not_allowed_value');
  const enrolled = await sql<{
    id: string;
  }>`SELECT id FROM training_enrolments WHERE edition_id = ${editionId}`.execute(tx);
  const ids = new Set(enrolled.rows.map((e) => e.id));
  f.present.forEach((id, i) => {
    if (!ids.has(id)) throw invalidField(`present/${i}`, 'not_allowed_value');
  });
  await sql`DELETE FROM training_attendance WHERE session_id = ${f.sessionId}`.execute(tx);
  for (const id of f.present) {
    await sql`INSERT INTO training_attendance (session_id, enrolment_id, organisation_id, hours)
      VALUES (${f.sessionId}, ${id}, ${organisationId}, ${session.rows[0].hours}::numeric)`.execute(tx);
  }
  return { present: f.present.length, absent: ids.size - f.present.length };
}

/** What a certificate prints: her name, her body, the course, the hours, the dates. */
export async function certificateData(tx: Tx, enrolmentId: string) {
  const row = await sql<{
    edition_id: string;
    course_id: string;
  }>`SELECT p.edition_id, e.course_id FROM training_enrolments p JOIN training_editions e ON e.id = p.edition_id
    WHERE p.id = ${enrolmentId}`.execute(tx);
  const found = row.rows[0];
  if (!found) return null;
  const course = await readCourse(tx, found.course_id);
  const edition = course?.editions.find((e) => e.id === found.edition_id);
  const participant = edition?.participants.find((p) => p.id === enrolmentId);
  if (!course || !edition || !participant) return null;
  return { course, edition, participant };
}

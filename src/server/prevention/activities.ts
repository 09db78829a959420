/**
 * Prevention activities (issue 8, /prevenzione): recorded by a network coordinator or an
 * organisation's administrator for her body, read by them and the control room (RLS, migration 121).
 */
import { sql } from 'kysely';
import type { PreventionAudience, PreventionKind, PreventionResourceKind } from '../../shared/codes/prevention.ts';
import type { TrainingPeriod } from '../../shared/codes/training.ts';
import type { Actor, Tx } from '../db/context.ts';
import { invalidField } from '../http/errors.ts';
import type { Activity, ActivityFields, Totals } from './schemas.ts';

const iso = (d: Date | string): string => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export async function createActivity(tx: Tx, me: Actor, f: ActivityFields): Promise<string> {
  if ((f.municipio === null) === (f.municipalityCode === null)) throw invalidField('municipio', 'required');
  if (f.endsOn < f.startsOn) throw invalidField('endsOn', 'before_start');
  const net = await sql<{ id: string }>`SELECT id FROM networks WHERE id = ${f.networkId}`.execute(tx);
  if (!net.rows[0]) throw invalidField('networkId', 'not_allowed_value');
  if (f.municipalityCode) {
    const m = await sql<{
      c: string;
    }>`SELECT istat_code AS c FROM municipalities WHERE istat_code = ${f.municipalityCode}`.execute(tx);
    if (!m.rows[0]) throw invalidField('municipalityCode', 'not_allowed_value');
  }
  const bodies = [...new Set(f.resources.map((r) => r.bodyId))];
  if (bodies.length) {
    const found = await sql<{ id: string }>`SELECT id FROM organisations WHERE id = ANY (${bodies}::uuid[])`.execute(
      tx,
    );
    const known = new Set(found.rows.map((r) => r.id));
    f.resources.forEach((r, i) => {
      if (!known.has(r.bodyId)) throw invalidField(`resources/${i}/bodyId`, 'unknown_organisation');
    });
  }
  const row = await sql<{ id: string }>`
    INSERT INTO prevention_activities (organisation_id, network_id, kind, title, municipio, municipality_code, audiences,
      starts_on, ends_on, participants, materials, created_by)
    VALUES (${me.organisationId}, ${f.networkId}, ${f.kind}, ${f.title.trim()}, ${f.municipio}, ${f.municipalityCode},
      ${f.audiences}::text[], ${f.startsOn}::date, ${f.endsOn}::date, ${f.participants},
      ${f.materials.map((m) => m.trim()).filter(Boolean)}::text[], ${me.userId})
    RETURNING id`.execute(tx);
  const id = (row.rows[0] as { id: string }).id;
  const seen = new Set<string>();
  for (const r of f.resources) {
    const key = `${r.bodyId}:${r.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await sql`INSERT INTO prevention_resources (activity_id, organisation_id, body_id, kind, amount)
      VALUES (${id}, ${me.organisationId}, ${r.bodyId}, ${r.kind}, ${r.kind === 'involved' ? 0 : r.amount})`.execute(
      tx,
    );
  }
  return id;
}

/** The activities that overlap [from, to], and their totals per period (by start date). */
export async function listActivities(
  tx: Tx,
  from: string,
  to: string,
  period: TrainingPeriod,
): Promise<{ items: Activity[]; totals: Totals[] }> {
  const rows = await sql<{
    id: string;
    network_id: string;
    network_name: string;
    organisation_name: string;
    kind: PreventionKind;
    title: string;
    municipio: number | null;
    municipality_code: string | null;
    municipality_name: string | null;
    audiences: PreventionAudience[];
    starts_on: string;
    ends_on: string;
    participants: number | null;
    materials: string[];
  }>`SELECT a.id, a.network_id, n.name AS network_name, o.name AS organisation_name, a.kind, a.title, a.municipio,
      a.municipality_code, m.name AS municipality_name, a.audiences, a.starts_on::text, a.ends_on::text,
      a.participants, a.materials
    FROM prevention_activities a JOIN networks n ON n.id = a.network_id JOIN organisations o ON o.id = a.organisation_id
    LEFT JOIN municipalities m ON m.istat_code = a.municipality_code
    WHERE a.starts_on <= ${to}::date AND a.ends_on >= ${from}::date
    ORDER BY a.starts_on, a.title`.execute(tx);
  const ids = rows.rows.map((r) => r.id);
  const resources = ids.length
    ? (
        await sql<{
          activity_id: string;
          body_id: string;
          body_name: string;
          kind: PreventionResourceKind;
          amount: string;
        }>`
      SELECT r.activity_id, r.body_id, o.name AS body_name, r.kind, r.amount::text FROM prevention_resources r
      JOIN organisations o ON o.id = r.body_id WHERE r.activity_id = ANY (${ids}::uuid[]) ORDER BY o.name`.execute(tx)
      ).rows
    : [];
  const items: Activity[] = rows.rows.map((r) => ({
    id: r.id,
    networkId: r.network_id,
    networkName: r.network_name,
    organisationName: r.organisation_name,
    kind: r.kind,
    title: r.title,
    municipio: r.municipio,
    municipalityCode: r.municipality_code,
    municipalityName: r.municipality_name,
    audiences: r.audiences,
    startsOn: iso(r.starts_on),
    endsOn: iso(r.ends_on),
    participants: r.participants,
    materials: r.materials,
    resources: resources
      .filter((x) => x.activity_id === r.id)
      .map((x) => ({ bodyId: x.body_id, bodyName: x.body_name, kind: x.kind, amount: Number(x.amount) })),
  }));
  const periodOf = (d: string) =>
    period === 'year' ? d.slice(0, 4) : `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
  const totals = new Map<string, Totals>();
  for (const a of items) {
    const p = periodOf(a.startsOn);
    const t = totals.get(p) ?? { period: p, activities: 0, participants: 0, money: 0, hours: 0 };
    t.activities += 1;
    t.participants += a.participants ?? 0;
    for (const r of a.resources) {
      if (r.kind === 'money') t.money += r.amount;
      if (r.kind === 'hours') t.hours += r.amount;
    }
    totals.set(p, t);
  }
  return { items, totals: [...totals.values()].sort((a, b) => a.period.localeCompare(b.period)) };
}

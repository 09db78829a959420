import { sql } from 'kysely';
import type { Role } from '../../shared/codes/roles.ts';
import { type Actor, setActor, withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { todayInItaly } from '../db/dates.ts';
import { publishEntry } from '../directory/publish-entry.ts';
import { saveEntry } from '../directory/save-entry.ts';
import type { EntryFields } from '../directory/schemas.ts';

/**
 * Demo only: public directory entries for the network's anti-violence centres whose helpline the
 * research found on an official page, and for the confirmed employment centres, written and
 * published by the demo platform administrator through the same use cases as the API. The phone
 * numbers are the published ones; the hours and services are synthetic (demo mode says so).
 */
export async function seedDemoDirectoryOnce(db: Database): Promise<number> {
  const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM directory_entries`.execute(db.owner);
  if ((existing.rows[0]?.n ?? 0) > 0) return 0;
  const admin = await db.owner
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('username', '=', 'admin.piattaforma')
    .executeTakeFirst();
  if (!admin) return 0;
  const orgs = await db.owner
    .selectFrom('organisations')
    .select(['id', 'type', 'helpline', 'operates_shelters'])
    .where((eb) =>
      eb.or([
        eb.and([eb('type', '=', 'cav'), eb('helpline', 'is not', null)]),
        eb.and([eb('type', '=', 'employment_centre'), eb('uncertain', '=', false)]),
      ]),
    )
    .execute();
  const actor: Actor = { userId: admin.id, organisationId: admin.organisation_id, roles: ['platform_admin' as Role] };
  const weekdays = ['mo', 'tu', 'we', 'th', 'fr'] as const;
  let n = 0;
  for (const o of orgs) {
    const cav = o.type === 'cav';
    const phone = o.helpline && /^\+?[0-9][0-9 ]{4,22}$/.test(o.helpline.trim()) ? o.helpline.trim() : null;
    const fields: EntryFields = {
      publicPhone: phone,
      publicEmail: null,
      hours: weekdays.map((day) => ({ day, opens: '09:00', closes: cav ? '17:00' : '12:30' })),
      open24h: false,
      services: cav
        ? [
            'listening',
            'legal_advice',
            'psychological_support',
            'children_support',
            ...(o.operates_shelters ? (['shelter_access'] as const) : []),
          ]
        : ['job_guidance', 'training', 'job_placement'],
      languages: cav ? ['it', 'en', 'fr', 'es', 'ar'] : ['it', 'en'],
      accessibility: ['step_free_access'],
      freeOfCharge: true,
      verifiedOn: todayInItaly(),
    };
    await withContext(db, async (tx) => {
      await setActor(tx, actor);
      const { entry } = await saveEntry(tx, actor, o.id, 0, fields);
      await publishEntry(tx, actor, o.id, entry.version);
    });
    n += 1;
  }
  return n;
}

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type Actor, setActor, withContext } from '../db/context.ts';
import { auditRows, makeOrg, openTestAppPerFile, type Signed, signInNew } from '../testing/harness.ts';
import { flagStaleEntries, monthsBefore } from './stale.ts';
import { todayInItaly } from '../db/dates.ts';

/** The editors' side of the public directory: drafts, preview, publication, who may, and the 6-month check. */
const t = openTestAppPerFile();

const DRAFT = {
  publicPhone: '02 9876 5432',
  publicEmail: 'aiuto@centro.example',
  hours: [
    { day: 'mo', opens: '09:00', closes: '13:00' },
    { day: 'we', opens: '14:00', closes: '18:00' },
  ],
  open24h: false,
  services: ['listening', 'legal_advice'],
  languages: ['it', 'en', 'ar'],
  accessibility: ['step_free_access'],
  freeOfCharge: true,
  verifiedOn: todayInItaly(),
};

async function network(orgIds: string[]): Promise<string> {
  const id = `rete-${Math.random().toString(36).slice(2, 8)}`;
  await t.db.owner
    .insertInto('networks')
    .values({ id, name: `Rete ${id}`, has_shelters: false })
    .execute();
  await t.db.owner
    .insertInto('organisation_networks')
    .values(orgIds.map((organisation_id) => ({ organisation_id, network_id: id, role: null })))
    .execute();
  return id;
}

const entryUrl = (org: string) => `/api/v1/directory/entries/${org}`;
const get = (s: Signed | null, url: string) => t.app.inject({ url, headers: s ? { cookie: s.cookie } : {} });
const put = (s: Signed, org: string, version: string, payload: unknown = DRAFT) =>
  t.app.inject({
    method: 'PUT',
    url: entryUrl(org),
    headers: { ...s.headers, 'if-match': version },
    payload: payload as object,
  });
const publish = (s: Signed, org: string, version: string) =>
  t.app.inject({ method: 'POST', url: `${entryUrl(org)}/publish`, headers: { ...s.headers, 'if-match': version } });

describe('directory entries: draft, preview, publish', () => {
  it('an administrator writes a draft that the public sees only once published', async () => {
    const org = await makeOrg(t.db, { type: 'cav', name: 'Centro Bozza e Pubblicazione' });
    await network([org]);
    const admin = await signInNew(t, { organisationId: org, roles: ['org_admin'] });

    const list = await get(admin, '/api/v1/directory/entries');
    expect(list.json().items).toEqual([
      expect.objectContaining({ organisationId: org, status: 'empty', stale: true, verifiedOn: null }),
    ]);
    const empty = await get(admin, entryUrl(org));
    expect(empty.json()).toMatchObject({ version: 0, published: null, allowedActions: ['edit'] });

    const saved = await put(admin, org, '"0"');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      status: 'draft',
      draft: DRAFT,
      allowedActions: ['edit', 'publish'],
    });
    const html = () => t.app.inject({ url: '/aiuto/it/servizi/legal_advice' }).then((r) => r.body);
    expect(await html()).not.toContain('02 9876 5432');

    const preview = await get(admin, `${entryUrl(org)}/preview`);
    expect(preview.json().html).toContain('02 9876 5432');
    expect(preview.json().html).toContain('lunedì');

    const published = await publish(admin, org, '"1"');
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', allowedActions: ['edit'] });
    expect(published.json().published).toMatchObject({ publicPhone: '02 9876 5432' });
    expect(await html()).toContain('02 9876 5432');
    expect((await publish(admin, org, '"1"')).statusCode).toBe(409);

    const changed = await put(admin, org, '"1"', { ...DRAFT, publicPhone: '02 1111 2222' });
    expect(changed.json()).toMatchObject({ version: 2, status: 'changed' });
    expect(await html()).toContain('02 9876 5432');
    expect((await put(admin, org, '"1"')).statusCode).toBe(409);

    const audit = (await auditRows(t.db)).filter((r) => r.subject_id === org && r.action.startsWith('directory.'));
    expect(audit.map((r) => r.action)).toEqual([
      'directory.entry_update',
      'directory.publish',
      'directory.entry_update',
    ]);
    expect(audit[0]?.details).toMatchObject({
      fields: Object.keys(DRAFT).filter((f) => f !== 'open24h' && f !== 'freeOfCharge'),
    });
    expect(audit[2]?.details).toMatchObject({ fields: ['publicPhone'] });
    expect(JSON.stringify(audit)).not.toContain('9876');
  });

  it('refuses hours that close before they open, a verification in the future, unknown codes', async () => {
    const org = await makeOrg(t.db, { type: 'employment_centre' });
    const admin = await signInNew(t, { organisationId: org, roles: ['org_admin'] });
    const bad = [
      { ...DRAFT, hours: [{ day: 'mo', opens: '13:00', closes: '09:00' }] },
      { ...DRAFT, verifiedOn: '2999-01-01' },
      { ...DRAFT, services: ['tarot'] },
      { ...DRAFT, publicPhone: 'via Roma 1' },
      { ...DRAFT, address: 'via Roma 1' },
    ];
    for (const payload of bad) {
      const r = await put(admin, org, '"0"', payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await put(admin, org, '"0"')).statusCode).toBe(200);
  });
});

describe('who edits an entry', () => {
  it('a network coordinator edits her network members, not others; other roles and bodies get 404', async () => {
    const member = await makeOrg(t.db, { type: 'cav' });
    const lead = await makeOrg(t.db, { type: 'municipality' });
    const stranger = await makeOrg(t.db, { type: 'cav' });
    await network([member, lead]);
    await network([stranger]);
    const coordinator = await signInNew(t, { organisationId: lead, roles: ['network_coordinator'] });
    const ids = (await get(coordinator, '/api/v1/directory/entries'))
      .json()
      .items.map((i: { organisationId: string }) => i.organisationId);
    expect(ids.sort()).toEqual([member, lead].sort());
    expect((await put(coordinator, member, '"0"')).statusCode).toBe(200);
    expect((await publish(coordinator, member, '"1"')).statusCode).toBe(200);

    expect((await get(coordinator, entryUrl(stranger))).statusCode).toBe(404);
    expect((await put(coordinator, stranger, '"0"')).statusCode).toBe(404);
    const otherAdmin = await signInNew(t, { organisationId: stranger, roles: ['org_admin'] });
    expect((await get(otherAdmin, entryUrl(member))).statusCode).toBe(404);
    expect((await put(otherAdmin, member, '"1"')).statusCode).toBe(404);
    expect((await publish(otherAdmin, member, '"1"')).statusCode).toBe(404);
    const operator = await signInNew(t, { organisationId: member, roles: ['centre_operator'] });
    expect((await get(operator, '/api/v1/directory/entries')).statusCode).toBe(404);
    expect((await put(operator, member, '"1"')).statusCode).toBe(404);
    expect((await get(null, entryUrl(member))).statusCode).toBe(401);
  });

  it('row-level security shows another organisation nothing, even without the app check', async () => {
    const mine = await makeOrg(t.db, { type: 'cav' });
    const theirs = await makeOrg(t.db, { type: 'cav' });
    const admin = await signInNew(t, { organisationId: theirs, roles: ['org_admin'] });
    await put(admin, theirs, '"0"');
    const actor: Actor = { userId: crypto.randomUUID(), organisationId: mine, roles: ['org_admin'] };
    const seen = await withContext(t.db, async (tx) => {
      await setActor(tx, actor);
      const entries = await tx
        .selectFrom('directory_entries')
        .select('organisation_id')
        .where('organisation_id', '=', theirs)
        .execute();
      const inserted = await tx
        .insertInto('directory_published')
        .values({ organisation_id: theirs, services: ['listening'] })
        .execute()
        .then(
          () => 'inserted',
          () => 'refused',
        );
      return { entries, inserted };
    });
    expect(seen).toEqual({ entries: [], inserted: 'refused' });
  });

  it('a shelter operator has no entry to edit', async () => {
    const shelter = await makeOrg(t.db, { type: 'shelter_operator' });
    const admin = await signInNew(t, { organisationId: shelter, roles: ['org_admin'] });
    expect((await get(admin, '/api/v1/directory/entries')).json().items).toEqual([]);
    expect((await get(admin, entryUrl(shelter))).statusCode).toBe(404);
    expect((await put(admin, shelter, '"0"')).statusCode).toBe(404);
  });
});

describe('entries not verified for 6 months', () => {
  it('are flagged to their editors once a month, with a kind and nothing else', async () => {
    const org = await makeOrg(t.db, { type: 'cav' });
    const lead = await makeOrg(t.db, { type: 'municipality' });
    await network([org, lead]);
    const admin = await signInNew(t, { organisationId: org, roles: ['org_admin'] });
    await signInNew(t, { organisationId: lead, roles: ['network_coordinator'] });
    const old = monthsBefore(todayInItaly(), 7);
    expect((await put(admin, org, '"0"', { ...DRAFT, verifiedOn: old })).statusCode).toBe(200);
    const listed = (await get(admin, '/api/v1/directory/entries')).json().items[0];
    expect(listed).toMatchObject({ stale: true, verifiedOn: old });

    expect(await flagStaleEntries(t.db)).toBeGreaterThanOrEqual(1);
    const notes = await t.db.owner
      .selectFrom('notifications')
      .select(['organisation_id', 'kind', 'referral_id'])
      .where('kind', '=', 'directory_entry_stale')
      .where('organisation_id', 'in', [org, lead])
      .execute();
    expect(notes.map((n) => n.organisation_id).sort()).toEqual([org, lead].sort());
    expect(notes.every((n) => n.referral_id === null)).toBe(true);
    await flagStaleEntries(t.db);
    const again = await t.db.owner
      .selectFrom('notifications')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('kind', '=', 'directory_entry_stale')
      .where('organisation_id', 'in', [org, lead])
      .executeTakeFirstOrThrow();
    expect(Number(again.n)).toBe(2);
    const audit = (await auditRows(t.db)).filter((r) => r.action === 'directory.stale_flag' && r.subject_id === org);
    expect(audit).toHaveLength(1);
  });
});

describe('nothing from a case can reach the directory', () => {
  it('the directory tables reference only organisations, users and each other; nothing references them but themselves', async () => {
    const fks = await sql<{ tbl: string; ref: string }>`
      SELECT c.conrelid::regclass::text AS tbl, c.confrelid::regclass::text AS ref FROM pg_constraint c
      WHERE c.contype = 'f' AND (c.conrelid::regclass::text LIKE 'directory_%' OR c.confrelid::regclass::text LIKE 'directory_%')
      ORDER BY 1, 2`.execute(t.db.owner);
    for (const fk of fks.rows) {
      expect(fk.tbl, JSON.stringify(fk)).toMatch(/^directory_/);
      expect(['organisations', 'users', 'directory_entries'], JSON.stringify(fk)).toContain(fk.ref);
    }
    const columns = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns WHERE table_name LIKE 'directory_%'`.execute(t.db.owner);
    expect(
      columns.rows.map((c) => c.column_name).filter((c) => /case|referral|consent|identity|pseudonym/.test(c)),
    ).toEqual([]);
  });

  it('directory_public() reads no table but the public ones', async () => {
    const fn = await sql<{ src: string }>`SELECT prosrc AS src FROM pg_proc WHERE proname = 'directory_public'`.execute(
      t.db.owner,
    );
    const src = fn.rows[0]?.src ?? '';
    const tables = [...src.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/gi)].map((m) => m[1]);
    expect(tables.length).toBeGreaterThan(4);
    for (const table of tables) {
      expect([
        'municipalities',
        'networks',
        'network_municipalities',
        'organisations',
        'organisation_networks',
        'directory_published',
        'listed',
      ]).toContain(table);
    }
  });
});

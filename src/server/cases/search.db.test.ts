/** The caseload search: case code and surname by prefix, tax code exactly; totals, sorting; from the attacker's side too. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { auditRows, makeOrg, openTestAppPerFile, type Signed, signInNew } from '../testing/harness.ts';
import { dataKeyOf, prefixIndex, prefixIndexes } from './keys.ts';

const t = openTestAppPerFile();

async function centre() {
  const orgId = await makeOrg(t.db, { type: 'cav' });
  return { orgId, s: await signInNew(t, { organisationId: orgId, roles: ['centre_operator'] }) };
}

async function create(s: Signed, lastName: string | null, extra: object = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: s.headers,
    payload: {
      takenInChargeOn: '2026-03-01',
      ...extra,
      ...(lastName ? { identity: { firstName: 'Anna', lastName } } : {}),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
}

const search = (s: Signed, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/cases/search', headers: s.headers, payload });
const ids = async (s: Signed, payload: object) => {
  const res = await search(s, payload);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((x) => x.id).sort();
};

describe('caseload search', () => {
  it('finds surnames by prefix from 3 letters, folding case and accents', async () => {
    const { s } = await centre();
    const verdiani = await create(s, 'Verdiani');
    const verdi = await create(s, 'Verdi');
    const rossi = await create(s, 'Rossi');
    await create(s, null);
    expect(await ids(s, { text: 'Verd' })).toEqual([verdiani.id, verdi.id].sort());
    expect(await ids(s, { text: 'verdia' })).toEqual([verdiani.id]);
    expect(await ids(s, { text: ' VÈRDIÀNI ' })).toEqual([verdiani.id]);
    expect(await ids(s, { text: 'Verdianis' })).toEqual([]);
    expect(await ids(s, { text: 'ross' })).toEqual([rossi.id]);
    // two letters are too few for a surname (and match no case code)
    expect(await ids(s, { text: 'Ve' })).toEqual([]);
    // inside the surname is not a prefix
    expect(await ids(s, { text: 'diani' })).toEqual([]);
  });

  it('finds a case code by prefix and a tax code exactly', async () => {
    const { s } = await centre();
    const a = await create(s, null);
    const b = await create(s, 'Bianchi');
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${b.id}/identity`,
      headers: { ...s.headers, 'if-match': '"1"' },
      payload: { firstName: 'Maria', lastName: 'Bianchi', taxCode: 'RSSMRA85T10A562S' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await ids(s, { text: a.code })).toEqual([a.id]);
    expect(await ids(s, { text: a.code.toLowerCase() })).toEqual([a.id]);
    const common = a.code.slice(0, a.code.lastIndexOf('-'));
    expect(await ids(s, { text: common })).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids(s, { text: 'rssmra85t10a562s' })).toEqual([b.id]);
    // a LIKE wildcard is a character, not a pattern
    expect(await ids(s, { text: '%' })).toEqual([]);
    expect(await ids(s, { text: '___' })).toEqual([]);
  });

  it('answers the total, not the page size', async () => {
    const { s } = await centre();
    for (const n of ['Verdiani', 'Verdini', 'Verdone']) await create(s, n);
    const res = await search(s, { text: 'verd', limit: 2 });
    expect(res.json().items).toHaveLength(2);
    expect(res.json().total).toBe(3);
    const next = await search(s, { text: 'verd', limit: 2, offset: 2 });
    expect(next.json().items).toHaveLength(1);
    expect(next.json().total).toBe(3);
  });

  it('sorts on whitelisted keys only', async () => {
    const { s } = await centre();
    const low = await create(s, null, { riskTool: 'sara', riskLevel: 'low', takenInChargeOn: '2026-01-01' });
    const high = await create(s, null, { riskTool: 'sara', riskLevel: 'high', takenInChargeOn: '2026-02-01' });
    const none = await create(s, null, { takenInChargeOn: '2026-03-01' });
    const order = async (q: object) => ((await search(s, q)).json().items as { id: string }[]).map((x) => x.id);
    expect(await order({ sort: 'riskLevel', dir: 'desc' })).toEqual([high.id, low.id, none.id]);
    expect(await order({ sort: 'riskLevel', dir: 'asc' })).toEqual([none.id, low.id, high.id]);
    expect(await order({ sort: 'takenInChargeOn', dir: 'asc' })).toEqual([low.id, high.id, none.id]);
    expect(await order({ sort: 'code', dir: 'asc' })).toEqual([low.id, high.id, none.id]);
    expect(await order({ sort: 'code', dir: 'desc' })).toEqual([none.id, high.id, low.id]);
    for (const bad of [{ sort: 'cases.id; DROP TABLE cases' }, { sort: 'organisation_id' }, { dir: 'sideways' }]) {
      const res = await search(s, bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].reason).toBe('not_allowed_value');
    }
    const get = await t.app.inject({ method: 'GET', url: '/api/v1/cases?sort=riskLevel&dir=desc', headers: s.headers });
    expect((get.json().items as { id: string }[]).map((x) => x.id)).toEqual([high.id, low.id, none.id]);
  });

  it('keeps names out of URLs and the audit trail', async () => {
    const { s } = await centre();
    await create(s, 'Canarinovic');
    // the caseload's GET no longer takes a surname or a tax code
    for (const q of ['surname=Canarinovic', 'taxCode=RSSMRA85T10A562S', 'text=Canarinovic']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases?${q}`, headers: s.headers });
      expect(res.statusCode).toBe(400);
    }
    const before = (await auditRows(t.db)).length;
    expect((await search(s, { text: 'Canarin' })).json().total).toBe(1);
    const rows = (await auditRows(t.db)).slice(before);
    expect(rows.map((r) => r.action)).toEqual(['case.identity_search']);
    expect(JSON.stringify(rows)).not.toMatch(/canarin/i);
    expect(rows[0]?.details).toMatchObject({ kind: 'code_or_surname', total: 1, surnamePrefix: true });
  });

  it('never matches another centre’s prefixes, and the stored indexes are keyed per centre', async () => {
    const a = await centre();
    const b = await centre();
    const theirs = await create(a.s, 'Verdiani');
    const mine = await create(b.s, 'Verdiani');
    expect(await ids(b.s, { text: 'Verd' })).toEqual([mine.id]);
    expect(await ids(a.s, { text: 'Verd' })).toEqual([theirs.id]);
    // B calls the door with A's own prefix index: still nothing of A's
    const keys = await t.db.owner.transaction().execute(async (tx) => {
      await sql`SET LOCAL ROLE percorsi_app`.execute(tx);
      await sql`SELECT set_config('app.org_id', ${a.orgId}, true), set_config('app.user_id', ${a.orgId}, true), set_config('app.roles', 'centre_operator', true)`.execute(
        tx,
      );
      const keyA = await dataKeyOf(tx, t.config.masterKey, a.orgId);
      await sql`SELECT set_config('app.org_id', ${b.orgId}, true), set_config('app.user_id', ${b.orgId}, true)`.execute(
        tx,
      );
      const keyB = await dataKeyOf(tx, t.config.masterKey, b.orgId);
      const indexA = prefixIndex(keyA, 'Verd') as string;
      const found = await sql<{ id: string }>`SELECT case_ids_by_prefix(${indexA}) AS id`.execute(tx);
      return { keyA, keyB, found: found.rows.map((r) => r.id) };
    });
    expect(keys.found).toEqual([]);
    expect(prefixIndexes(keys.keyA, 'Verdiani')).not.toEqual(prefixIndexes(keys.keyB, 'Verdiani'));
    const stored = await t.db.owner
      .selectFrom('case_identities')
      .select(['case_id', 'surname_prefixes', 'surname_index'])
      .where('case_id', 'in', [theirs.id, mine.id])
      .execute();
    for (const r of stored) {
      expect(r.surname_prefixes).toHaveLength('VERDIANI'.length - 2);
      expect(r.surname_prefixes).not.toContain(r.surname_index);
    }
  });

  it('lets no other role search: a CPI referent gets 404, and the door returns nothing to her', async () => {
    const a = await centre();
    const target = await create(a.s, 'Verdiani');
    const cpi = await makeOrg(t.db, { type: 'employment_centre' });
    const referent = await signInNew(t, { organisationId: cpi, roles: ['cpi_referent'] });
    expect((await search(referent, { text: 'Verd' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: referent.headers })).statusCode).toBe(
      404,
    );
    // even with the centre's organisation id in her settings, a role without cases finds nothing
    const found = await t.db.owner.transaction().execute(async (tx) => {
      await sql`SET LOCAL ROLE percorsi_app`.execute(tx);
      await sql`SELECT set_config('app.org_id', ${a.orgId}, true), set_config('app.user_id', ${a.orgId}, true), set_config('app.roles', 'centre_operator', true)`.execute(
        tx,
      );
      const key = await dataKeyOf(tx, t.config.masterKey, a.orgId);
      await sql`SELECT set_config('app.roles', 'cpi_referent', true)`.execute(tx);
      return (await sql<{ id: string }>`SELECT case_ids_by_prefix(${prefixIndex(key, 'Verd')}) AS id`.execute(tx)).rows;
    });
    expect(found).toEqual([]);
    expect(target.id).toBeTruthy();
  });

  it('refuses no session', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases/search', payload: { text: 'Verd' } });
    expect([401, 403]).toContain(res.statusCode);
  });
});

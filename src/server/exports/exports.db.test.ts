/** Exports of the lists a role may see: formula-safe, audited, no identity, nothing of another centre. */
import { describe, expect, it } from 'vitest';
import { groupAuditRows } from '../../shared/audit-groups.ts';
import { auditRows, makeOrg, openTestAppPerFile, type Signed, signInNew } from '../testing/harness.ts';

const t = openTestAppPerFile();
const CANARY_SURNAME = 'Canarinska';
const FORMULA = '=HYPERLINK("http://evil.invalid","apri")';

async function centre() {
  const orgId = await makeOrg(t.db, { type: 'cav' });
  const s = await signInNew(t, { organisationId: orgId, roles: ['centre_operator'] });
  const dpo = await signInNew(t, { organisationId: orgId, roles: ['dpo'] });
  return { orgId, s, dpo };
}

async function create(s: Signed) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: s.headers,
    payload: { takenInChargeOn: '2026-03-01', identity: { firstName: 'Anna', lastName: CANARY_SURNAME } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
}

const get = (s: Signed | null, url: string) => t.app.inject({ method: 'GET', url, headers: s?.headers ?? {} });
const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);

describe('list exports', () => {
  it('exports the caseload as CSV and XLSX, without her identity, audited', async () => {
    const { s } = await centre();
    const a = await create(s);
    const b = await create(s);
    const before = (await auditRows(t.db)).length;
    const csv = await get(s, '/api/v1/cases/export?format=csv&lang=it&sort=code&dir=asc');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="percorsi-caseload-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = csvLines(csv.body);
    expect(lines[0]).toMatch(/^Codice,Stato,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([a.code, b.code]);
    expect(lines[1]).toContain('In carico');
    expect(csv.body).not.toContain(CANARY_SURNAME);
    const xlsx = await get(s, '/api/v1/cases/export?format=xlsx&lang=en');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const rows = (await auditRows(t.db)).slice(before);
    expect(rows.map((r) => [r.action, r.details])).toEqual([
      ['list.export', { list: 'caseload', format: 'csv', rows: 2 }],
      ['list.export', { list: 'caseload', format: 'xlsx', rows: 2 }],
    ]);
  });

  it('exports only what the role may see: another centre gets its own, a CPI referent nothing, no session nothing', async () => {
    const mine = await centre();
    const theirs = await centre();
    const mineCase = await create(mine.s);
    await create(theirs.s);
    const other = await get(theirs.s, '/api/v1/cases/export?format=csv');
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain(mineCase.code);
    expect(csvLines(other.body)).toHaveLength(2);
    const cpi = await signInNew(t, {
      organisationId: await makeOrg(t.db, { type: 'employment_centre' }),
      roles: ['cpi_referent'],
    });
    for (const url of ['/api/v1/cases/export?format=csv', '/api/v1/follow-ups/export?format=csv'])
      expect((await get(cpi, url)).statusCode).toBe(404);
    expect((await get(null, '/api/v1/cases/export?format=csv')).statusCode).toBe(401);
    expect((await get(mine.s, '/api/v1/cases/export?format=pdf')).statusCode).toBe(400);
    expect((await get(mine.s, '/api/v1/cases/export?format=csv&text=Canarinska')).statusCode).toBe(400);
    const follow = await get(mine.s, '/api/v1/follow-ups/export?format=csv&due=all');
    expect(follow.statusCode).toBe(200);
    expect(csvLines(follow.body)[0]).toMatch(/^Codice del percorso,/);
  });

  it('neutralises a canary formula in the audit export (a purpose typed by a user)', async () => {
    const { s, dpo } = await centre();
    const c = await create(s);
    const read = await get(s, `/api/v1/cases/${c.id}/identity?purpose=${encodeURIComponent(FORMULA)}`);
    expect(read.statusCode, read.body).toBe(200);
    const csv = await get(dpo, `/api/v1/audit/export?format=csv&caseCode=${c.code}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.invalid"",""apri"")"`);
    expect(csv.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv.body).not.toContain(CANARY_SURNAME);
    const xlsx = await get(dpo, `/api/v1/audit/export?format=xlsx&caseCode=${c.code}`);
    expect(xlsx.statusCode).toBe(200);
  });
});

describe('the DPO’s audit page', () => {
  it('speaks the operator’s language: case codes, bodies and users by name', async () => {
    const { s, dpo, orgId } = await centre();
    const c = await create(s);
    await get(s, `/api/v1/cases/${c.id}`);
    const page = await get(dpo, `/api/v1/audit?caseCode=${c.code.toLowerCase()}`);
    expect(page.statusCode).toBe(200);
    const items = page.json().items as Array<Record<string, unknown>>;
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const e of items) {
      expect(e.caseCode).toBe(c.code);
      expect(e.organisationId).toBe(orgId);
      expect(typeof e.organisationName).toBe('string');
      expect(typeof e.actorName).toBe('string');
    }
    expect(items.map((e) => e.action)).toEqual(expect.arrayContaining(['case.read', 'case.create']));
  });

  it('shows one page view as one entry, while the trail and its CSV keep every row', async () => {
    const { s, dpo } = await centre();
    const c = await create(s);
    // the reads the case page makes when it opens
    for (const part of ['', '/consents', '/outcomes', '/timeline', '/follow-ups'])
      expect((await get(s, `/api/v1/cases/${c.id}${part}`)).statusCode).toBe(200);
    const page = await get(dpo, `/api/v1/audit?caseCode=${c.code}`);
    const items = page.json().items as Parameters<typeof groupAuditRows>[0];
    const reads = items.filter((e) => e.action === 'case.read' || e.action === 'case.timeline_read');
    expect(reads.length).toBeGreaterThanOrEqual(5);
    const groups = groupAuditRows(items);
    const viewGroups = groups.filter((g) => g.first.action === 'case.read' || g.first.action === 'case.timeline_read');
    expect(viewGroups).toHaveLength(1);
    expect(viewGroups[0]?.rows).toHaveLength(reads.length);
    // the case's creation stays its own entry
    expect(groups.some((g) => g.first.action === 'case.create' && g.rows.length === 1)).toBe(true);
    const csv = await get(dpo, `/api/v1/audit/export?format=csv&caseCode=${c.code}&lang=it`);
    const lines = csvLines(csv.body).slice(1);
    expect(lines).toHaveLength(items.length);
    expect(lines.filter((l) => l.includes('Consultazione'))).toHaveLength(reads.length);
  });

  it('filters by action, user, case code and period; another centre’s DPO sees none of it', async () => {
    const { s, dpo } = await centre();
    const c = await create(s);
    await get(s, `/api/v1/cases/${c.id}`);
    const only = await get(dpo, `/api/v1/audit?action=case.create&caseCode=${c.code}`);
    expect((only.json().items as { action: string }[]).map((e) => e.action)).toEqual(['case.create']);
    const me = (await get(s, '/api/v1/me')).json() as { id?: string; user?: { id: string } };
    const userId = me.user?.id ?? me.id;
    const byUser = await get(dpo, `/api/v1/audit?actor=${userId}&caseCode=${c.code}`);
    expect((byUser.json().items as unknown[]).length).toBeGreaterThanOrEqual(2);
    const today = new Date().toISOString().slice(0, 10);
    const past = await get(dpo, `/api/v1/audit?caseCode=${c.code}&to=2020-01-01`);
    expect(past.json().items).toEqual([]);
    const now = await get(dpo, `/api/v1/audit?caseCode=${c.code}&from=2020-01-01&to=${today}`);
    expect((now.json().items as unknown[]).length).toBeGreaterThanOrEqual(2);
    expect((await get(dpo, '/api/v1/audit?action=not.an_action')).statusCode).toBe(400);
    // another centre's DPO: the code resolves to nothing, and the rows are not hers
    const other = await centre();
    expect((await get(other.dpo, `/api/v1/audit?caseCode=${c.code}`)).json().items).toEqual([]);
    const hers = (await get(other.dpo, '/api/v1/audit?limit=200')).json().items as { caseCode: string | null }[];
    expect(hers.some((e) => e.caseCode === c.code)).toBe(false);
    const csv = await get(other.dpo, `/api/v1/audit/export?format=csv&caseCode=${c.code}`);
    expect(csvLines(csv.body)).toHaveLength(1);
  });
});

/**
 * The quarterly report job and the annual extract, on fixture tables (the seam is source.ts):
 * progress to done, a stored PDF downloaded as an attachment, reproducible (same data → same data
 * and PDF hashes), marks not numbers, audited; other roles and no session get nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardAnswer, funnelTable } from '../../shared/observatory/fixture.ts';
import type { Cell, ObservatoryScope } from '../../shared/observatory/types.ts';
import { auditRows, makeOrg, openTestAppPerFile, type Signed, signInNew } from '../testing/harness.ts';
import { pdfText } from '../testing/pdf-text.ts';
import { setObservatorySource } from './source.ts';

const t = openTestAppPerFile();
/** A wrong value carried by a suppressed cell: whatever the source sends, it must never be printed. */
const CANARY = 4321;

const scope: ObservatoryScope = {
  breakdowns: ['network', 'centre'],
  networks: [{ id: 'n1', name: 'Rete Milano' }],
  periods: [
    { kind: 'quarter', key: '2026-Q3', from: '2026-07-01', to: '2026-09-30' },
    { kind: 'year', key: '2026', from: '2026-01-01', to: '2026-12-31' },
  ],
  threshold: 5,
  unsuppressedOrganisationId: null,
};

beforeAll(() => {
  setObservatorySource({
    scope: async () => scope,
    dashboard: async (ctx, q) => {
      // reads in the job's transaction, as the real source does (a failed statement before it
      // would show here as 25P02: the browser journey found that)
      await sql`SELECT 1`.execute(ctx.tx);
      const a = dashboardAnswer();
      const funnel = funnelTable();
      funnel.cells[0]![2] = { value: CANARY, status: 'small' } as Cell;
      return { ...a, dashboard: q.dashboard, tables: [funnel, ...a.tables.slice(1)] };
    },
  });
});
afterAll(() => setObservatorySource(null));

let room: Signed;
let operator: Signed;

async function waitDone(id: string) {
  for (let i = 0; i < 120; i++) {
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/observatory/reports/${id}`, headers: room.headers });
    const body = r.json() as { status: string; progress: number; dataHash: string; pdfHash: string };
    if (body.status === 'done' || body.status === 'failed') return body;
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error('report not done');
}

describe('quarterly report job', () => {
  it('runs in the background to done; the PDF is an attachment with marks, not numbers; reproducible; audited', async () => {
    const org = await makeOrg(t.db, { type: 'metro_city' });
    room = await signInNew(t, { organisationId: org, roles: ['control_room_member'] });
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/v1/observatory/reports',
      headers: room.headers,
      payload: { quarter: '2026-Q3' },
    });
    expect(post.statusCode).toBe(202);
    const job = post.json() as { id: string; status: string };
    expect(['queued', 'running', 'done']).toContain(job.status);
    const done = await waitDone(job.id);
    expect(done.status).toBe('done');
    expect(done.progress).toBe(100);
    expect(done.dataHash).toMatch(/^[0-9a-f]{64}$/);

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/observatory/reports/${job.id}/pdf`,
      headers: room.headers,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="osservatorio-2026-Q3-it.pdf"');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const s of [
      'Osservatorio — Rapporto trimestrale',
      '3º trimestre 2026',
      'Dati principali',
      'Nota metodologica',
      'Rete Milano',
      '<5',
      'n.d.',
      'nessun dato',
      'funnel v1',
    ])
      expect(text).toContain(s);
    expect(text).not.toMatch(/4\.?321/);

    // same data and versions → same numbers (data hash) and the same file
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/observatory/reports',
      headers: room.headers,
      payload: { quarter: '2026-Q3' },
    });
    const second = await waitDone((again.json() as { id: string }).id);
    expect(second.dataHash).toBe(done.dataHash);
    expect(second.pdfHash).toBe(done.pdfHash);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/observatory/reports', headers: room.headers });
    expect((list.json() as { items: unknown[] }).items).toHaveLength(2);
    const audit = (await auditRows(t.db)).filter((r) => r.action === 'observatory.report_download');
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('a quarter the observatory does not publish is refused', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/observatory/reports',
      headers: room.headers,
      payload: { quarter: '2031-Q1' },
    });
    expect(r.statusCode).toBe(400);
  });

  it('other roles and no session get nothing (404 / 401)', async () => {
    const centre = await makeOrg(t.db, { type: 'cav' });
    operator = await signInNew(t, {
      organisationId: centre,
      roles: ['centre_operator', 'network_coordinator', 'cpi_referent'],
    });
    const id = (await sql<{ id: string }>`SELECT id FROM observatory_reports LIMIT 1`.execute(t.db.owner)).rows[0]!.id;
    for (const [method, url] of [
      ['POST', '/api/v1/observatory/reports'],
      ['GET', '/api/v1/observatory/reports'],
      ['GET', `/api/v1/observatory/reports/${id}`],
      ['GET', `/api/v1/observatory/reports/${id}/pdf`],
      ['GET', '/api/v1/observatory/extract/2026'],
      ['GET', '/api/v1/observatory/extract/2026/dizionario.csv'],
    ] as const) {
      const r = await t.app.inject({
        method,
        url,
        headers: operator.headers,
        payload: method === 'POST' ? { quarter: '2026-Q3' } : undefined,
      });
      expect(r.statusCode, url).toBe(404);
      const anon = await t.app.inject({ method, url, payload: method === 'POST' ? { quarter: '2026-Q3' } : undefined });
      expect(anon.statusCode, url).toBe(401);
    }
  });
});

describe('annual extract', () => {
  it('lists a documented package; each CSV carries marks, never the small value; audited', async () => {
    const index = await t.app.inject({ method: 'GET', url: '/api/v1/observatory/extract/2026', headers: room.headers });
    expect(index.statusCode).toBe(200);
    const files = (index.json() as { files: { name: string }[] }).files.map((f) => f.name);
    expect(files.slice(0, 3)).toEqual(['leggimi.md', 'dizionario.csv', 'funnel_funnel.csv']);
    const get = (f: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/observatory/extract/2026/${f}`, headers: room.headers });
    const funnel = await get('funnel_funnel.csv');
    expect(funnel.statusCode).toBe(200);
    expect(funnel.headers['content-disposition']).toBe('attachment; filename="percorsi-2026-funnel_funnel.csv"');
    expect(funnel.body).toContain('network,network_label,contacts,taken_in_charge,concluded,total');
    expect(funnel.body).toContain('n1,Rete Milano,1234,87,<5,n.d.');
    expect(funnel.body).not.toContain(String(CANARY));
    const dict = await get('dizionario.csv');
    expect(dict.body).toContain('funnel_funnel.csv,contacts,Contatti,Contacts');
    const readme = await get('leggimi.md');
    expect(readme.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(readme.body).toContain('ISTAT');
    expect(readme.body).toContain('O.R.A.');
    expect((await get('nope.csv')).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/observatory/extract/2019', headers: room.headers }))
        .statusCode,
    ).toBe(404);
    const audit = (await auditRows(t.db)).filter((r) => r.action === 'observatory.extract');
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });
});

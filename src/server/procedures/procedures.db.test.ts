import { describe, expect, it } from 'vitest';
import { controlRoomFixture, multipart, PDF_BYTES } from '../testing/control-room-fixture.ts';
import { auditRows, openTestAppPerFile, type Signed } from '../testing/harness.ts';

const t = openTestAppPerFile();

const api = (method: string, url: string, s?: Signed, body?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: method as 'GET',
    url: `/api/v1${url}`,
    headers: { ...(s ? s.headers : {}), ...headers },
    ...(body === undefined ? {} : { payload: body as object }),
  });

async function procedureText(s: Signed, protocolId: string, title: string): Promise<string> {
  const { payload, contentType } = multipart({ kind: 'procedure', title }, { name: 'procedura.pdf', bytes: PDF_BYTES });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/control-room/${protocolId}/documents`,
    headers: { ...s.headers, 'content-type': contentType },
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const move = (s: Signed, id: string, v: { id: string; version: number }, body: object) =>
  api('POST', `/procedures/${id}/versions/${v.id}/transitions`, s, body, { 'if-match': `"${v.version}"` });

describe('shared procedures', () => {
  it('draft → approved → superseded by the next approval; bodies acknowledge the version in force; the wizard finds it', async () => {
    const f = await controlRoomFixture(t);
    const doc1 = await procedureText(f.coordinator, f.protocolId, 'Procedura di invio ai CPI, v1');
    const created = await api('POST', `/control-room/${f.protocolId}/procedures`, f.coordinator, {
      title: 'Invio ai Centri per l’impiego',
      appliesToType: 'employment_centre',
      documentId: doc1,
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    const v1 = p.versions[0];
    expect(v1).toMatchObject({ number: 1, status: 'draft', allowedActions: ['approve'] });
    expect(p.allowedActions).toEqual([]);

    // a draft is not in force: nothing to acknowledge, nothing for the wizard
    expect((await api('GET', '/procedures/in-force?appliesTo=employment_centre', f.operator)).json().items).toEqual([]);
    expect((await move(f.centreAdmin, p.id, v1, { action: 'acknowledge' })).statusCode).toBe(409);

    expect((await move(f.coordinator, p.id, v1, { action: 'approve', approvedOn: '2026-03-01' })).statusCode).toBe(400);
    expect(
      (await move(f.coordinator, p.id, v1, { action: 'approve', approvedOn: '2999-01-01', actReference: 'Delibera 1' }))
        .statusCode,
    ).toBe(400);
    const approved = await move(f.coordinator, p.id, v1, {
      action: 'approve',
      approvedOn: '2026-03-01',
      actReference: 'Delibera n. 12/2026',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const a1 = approved.json().versions[0];
    expect(a1).toMatchObject({ status: 'approved', approvedOn: '2026-03-01', actReference: 'Delibera n. 12/2026' });
    expect(
      (await move(f.coordinator, p.id, v1, { action: 'approve', approvedOn: '2026-03-01', actReference: 'x' }))
        .statusCode,
    ).toBe(409);

    // the centre's administrator acknowledges for her body, once
    const seen = (await api('GET', `/procedures/${p.id}`, f.centreAdmin)).json();
    expect(seen.versions[0].allowedActions).toEqual(['acknowledge']);
    const ack = await move(f.centreAdmin, p.id, a1, { action: 'acknowledge' });
    expect(ack.statusCode, ack.body).toBe(200);
    const acks = ack.json().acknowledgements;
    expect(acks).toHaveLength(4);
    expect(
      acks.find((a: { organisation: { id: string } }) => a.organisation.id === f.orgs.centre).acknowledgedBy,
    ).toMatch(/^Utente /);
    expect(acks.filter((a: { acknowledgedAt: string | null }) => a.acknowledgedAt)).toHaveLength(1);
    expect((await move(f.centreAdmin, p.id, a1, { action: 'acknowledge' })).statusCode).toBe(409);
    const list = (await api('GET', '/procedures', f.centreAdmin)).json();
    expect(list.items[0]).toMatchObject({
      acknowledgedCount: 1,
      bodyCount: 4,
      mineAcknowledged: true,
      inForce: { number: 1 },
    });
    expect(list.manages).toEqual([]);

    // the wizard (a centre operator) sees the version in force for a CPI
    const inForce = (await api('GET', '/procedures/in-force?appliesTo=employment_centre', f.operator)).json().items;
    expect(inForce).toEqual([
      expect.objectContaining({ id: p.id, inForce: expect.objectContaining({ number: 1, documentId: doc1 }) }),
    ]);
    expect((await api('GET', `/documents/${doc1}/file`, f.operator)).statusCode).toBe(200);

    // a second version: one draft at a time; approving it supersedes the first
    const doc2 = await procedureText(f.coordinator, f.protocolId, 'Procedura di invio ai CPI, v2');
    const added = await api('POST', `/procedures/${p.id}/versions`, f.coordinator, { documentId: doc2 });
    expect(added.statusCode, added.body).toBe(201);
    expect((await api('POST', `/procedures/${p.id}/versions`, f.coordinator, { documentId: doc2 })).statusCode).toBe(
      409,
    );
    const v2 = added.json().versions[0];
    const second = await move(f.coordinator, p.id, v2, {
      action: 'approve',
      approvedOn: '2026-10-01',
      actReference: 'Delibera n. 40/2026',
    });
    expect(second.statusCode, second.body).toBe(200);
    const versions = second.json().versions;
    expect(
      versions.map((v: { number: number; status: string; supersededOn: string | null }) => [
        v.number,
        v.status,
        v.supersededOn,
      ]),
    ).toEqual([
      [2, 'approved', null],
      [1, 'superseded', '2026-10-01'],
    ]);
    // nobody has acknowledged the new version yet
    expect(
      second.json().acknowledgements.every((a: { acknowledgedAt: string | null }) => a.acknowledgedAt === null),
    ).toBe(true);
    expect(versions[1].allowedActions).toEqual([]);

    const kinds = (await auditRows(t.db)).map((r) => r.action);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'procedure.create',
        'procedure.transition',
        'procedure.version_add',
        'procedure.read',
        'procedure.list',
      ]),
    );
  });

  it('gives 404 to another network, to who may not act, and keeps writes to the coordinator', async () => {
    const f = await controlRoomFixture(t);
    const doc = await procedureText(f.coordinator, f.protocolId, 'Procedura');
    const p = (
      await api('POST', `/control-room/${f.protocolId}/procedures`, f.coordinator, {
        title: 'Procedura di rete',
        appliesToType: null,
        documentId: doc,
      })
    ).json();
    const v = p.versions[0];
    // another protocol's coordinator, and an outsider body, see nothing
    for (const who of [f.otherCoordinator]) {
      expect((await api('GET', `/procedures/${p.id}`, who)).statusCode).toBe(404);
      expect((await api('GET', '/procedures', who)).json().items).toEqual([]);
      expect(
        (await move(who, p.id, v, { action: 'approve', approvedOn: '2026-01-01', actReference: 'x' })).statusCode,
      ).toBe(404);
      expect((await api('GET', `/documents/${doc}/file`, who)).statusCode).toBe(404);
    }
    // signatories' operators read, but neither approve nor acknowledge nor write
    for (const who of [f.operator, f.cpiReferent, f.member]) {
      expect((await api('GET', `/procedures/${p.id}`, who)).statusCode).toBe(200);
      expect(
        (await move(who, p.id, v, { action: 'approve', approvedOn: '2026-01-01', actReference: 'x' })).statusCode,
      ).toBe(404);
      expect((await move(who, p.id, v, { action: 'acknowledge' })).statusCode).toBe(404);
      expect((await api('POST', `/procedures/${p.id}/versions`, who, { documentId: doc })).statusCode).toBe(404);
      expect(
        (
          await api('POST', `/control-room/${f.protocolId}/procedures`, who, {
            title: 'Altra',
            appliesToType: null,
            documentId: doc,
          })
        ).statusCode,
      ).toBe(404);
    }
    // an administrator may not approve
    expect(
      (await move(f.centreAdmin, p.id, v, { action: 'approve', approvedOn: '2026-01-01', actReference: 'x' }))
        .statusCode,
    ).toBe(404);
    // no session
    expect((await api('GET', '/procedures')).statusCode).toBe(401);
  });
});

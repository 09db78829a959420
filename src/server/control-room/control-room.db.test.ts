import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../shared/codes/control-room.ts';
import { todayInItaly } from '../db/dates.ts';
import { setActor, withContext } from '../db/context.ts';
import { postgresStore, sha256Hex } from '../documents/storage.ts';
import { controlRoomFixture, HTML_BYTES, multipart, PDF_BYTES, PNG_BYTES } from '../testing/control-room-fixture.ts';
import { auditRows, openTestAppPerFile, type Signed } from '../testing/harness.ts';

const t = openTestAppPerFile();

const api = (method: string, url: string, s?: Signed, body?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: method as 'GET',
    url: `/api/v1${url}`,
    headers: { ...(s ? s.headers : {}), ...headers },
    ...(body === undefined ? {} : { payload: body as object }),
  });

const upload = (
  s: Signed,
  protocolId: string,
  fields: Record<string, string>,
  file?: Parameters<typeof multipart>[1],
) => {
  const { payload, contentType } = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/control-room/${protocolId}/documents`,
    headers: { ...s.headers, 'content-type': contentType },
    payload,
  });
};

const yesterday = () => {
  const d = new Date(`${todayInItaly()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

describe('control room: documents, meetings, decisions, actions', () => {
  it('the coordinator uploads minutes, records a meeting with a decision and an overdue action; the home page lists it', async () => {
    const f = await controlRoomFixture(t);
    const up = await upload(
      f.coordinator,
      f.protocolId,
      { kind: 'minutes', title: 'Verbale di marzo' },
      { name: 'verbale.pdf', bytes: PDF_BYTES },
    );
    expect(up.statusCode, up.body).toBe(201);
    const doc = up.json();
    expect(doc).toMatchObject({
      kind: 'minutes',
      mediaType: 'application/pdf',
      sizeBytes: PDF_BYTES.byteLength,
      sha256: sha256Hex(PDF_BYTES),
    });

    const meeting = await api('POST', `/control-room/${f.protocolId}/meetings`, f.coordinator, {
      heldOn: '2026-03-10',
      place: 'Palazzo Marino',
      agenda: ['Formazione dei referenti', 'Campagna nelle aziende'],
      attendance: [f.orgs.city, f.orgs.centre],
      minutesDocumentId: doc.id,
      decisions: [
        {
          text: 'Si avvia la formazione dei referenti CPI',
          actions: [{ title: 'Calendario dei corsi', ownerOrganisationId: f.orgs.cpi, dueOn: yesterday() }],
        },
      ],
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const m = meeting.json();
    expect(m.decisions).toHaveLength(1);
    expect(m.actions[0]).toMatchObject({ title: 'Calendario dei corsi', status: 'open', overdue: true });
    expect(m.minutes.id).toBe(doc.id);
    expect(m.attendance.map((b: { id: string }) => b.id).sort()).toEqual([f.orgs.city, f.orgs.centre].sort());

    const room = (await api('GET', `/control-room/${f.protocolId}`, f.coordinator)).json();
    expect(room.allowedActions).toEqual(['manage', 'update_action']);
    expect(room.bodies).toHaveLength(4);
    expect(room.meetings[0]).toMatchObject({ decisionCount: 1, actionCount: 1, attendanceCount: 2, hasMinutes: true });

    for (const who of [f.coordinator, f.member]) {
      const counts = (await api('GET', '/worklist', who)).json();
      expect(counts.queues).toContainEqual({ queue: 'room_actions_overdue', count: 1 });
      const page = (await api('GET', '/worklist/room_actions_overdue', who)).json();
      expect(page.items[0]).toMatchObject({ person: 'Calendario dei corsi', detail: f.protocolId, dueOn: yesterday() });
    }
    const theirs = (await api('GET', '/worklist', f.otherCoordinator)).json();
    expect(theirs.queues).toContainEqual({ queue: 'room_actions_overdue', count: 0 });

    // a member moves the status (If-Match), which takes it off the queue
    const action = m.actions[0];
    const moved = await api(
      'PUT',
      `/control-room/${f.protocolId}/actions/${action.id}/status`,
      f.member,
      { status: 'done' },
      { 'if-match': `"${action.version}"` },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'done', overdue: false, version: action.version + 1 });
    const stale = await api(
      'PUT',
      `/control-room/${f.protocolId}/actions/${action.id}/status`,
      f.member,
      { status: 'open' },
      { 'if-match': `"${action.version}"` },
    );
    expect(stale.statusCode).toBe(409);
    expect((await api('GET', '/worklist', f.coordinator)).json().queues).toContainEqual({
      queue: 'room_actions_overdue',
      count: 0,
    });

    const actions = (await auditRows(t.db)).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'document.upload',
        'control_room.meeting_record',
        'control_room.read',
        'control_room.action_update',
      ]),
    );
  });

  it('serves a document as an attachment that never runs, and audits the read', async () => {
    const f = await controlRoomFixture(t);
    const doc = (
      await upload(
        f.coordinator,
        f.protocolId,
        { kind: 'material', title: 'Locandina' },
        { name: 'locandina.png', bytes: PNG_BYTES },
      )
    ).json();
    expect(doc.mediaType).toBe('image/png');
    const res = await api('GET', `/documents/${doc.id}/file`, f.member);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="documento-[0-9a-f]{8}\.png"$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(Buffer.compare(res.rawPayload, PNG_BYTES)).toBe(0);
    const rows = (await auditRows(t.db)).filter((r) => r.action === 'document.read' && r.subject_id === doc.id);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]?.details)).not.toContain('Locandina');
  });

  it('refuses a disguised type, an unknown type, an empty file, an oversize file and a body that is not multipart', async () => {
    const f = await controlRoomFixture(t);
    const html = await upload(
      f.coordinator,
      f.protocolId,
      { kind: 'minutes', title: 'Verbale' },
      { name: 'verbale.pdf', bytes: HTML_BYTES, type: 'application/pdf' },
    );
    expect(html.statusCode).toBe(400);
    expect(html.json().fields).toEqual([expect.objectContaining({ field: 'file', reason: 'type_not_allowed' })]);
    const png = await upload(
      f.coordinator,
      f.protocolId,
      { kind: 'minutes', title: 'Verbale' },
      { name: 'verbale.pdf', bytes: PNG_BYTES, type: 'application/pdf' },
    );
    expect(png.statusCode).toBe(400);
    expect(png.json().fields).toEqual([expect.objectContaining({ field: 'file', reason: 'type_mismatch' })]);
    const empty = await upload(
      f.coordinator,
      f.protocolId,
      { kind: 'minutes', title: 'Verbale' },
      { name: 'verbale.pdf', bytes: new Uint8Array() },
    );
    expect(empty.statusCode).toBe(400);
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(PDF_BYTES);
    const over = await upload(
      f.coordinator,
      f.protocolId,
      { kind: 'minutes', title: 'Verbale' },
      { name: 'verbale.pdf', bytes: big },
    );
    expect(over.statusCode).toBe(413);
    expect(over.json().code).toBe('file_too_large');
    const noFile = await upload(f.coordinator, f.protocolId, { kind: 'minutes', title: 'Verbale' });
    expect(noFile.statusCode).toBe(400);
    const badKind = await upload(
      f.coordinator,
      f.protocolId,
      { kind: 'dossier', title: 'Verbale' },
      { name: 'v.pdf', bytes: PDF_BYTES },
    );
    expect(badKind.statusCode).toBe(400);
    const json = await api('POST', `/control-room/${f.protocolId}/documents`, f.coordinator, { kind: 'minutes' });
    expect(json.statusCode).toBe(415);
    const stored = await t.db.owner
      .selectFrom('documents')
      .select('id')
      .where('protocol_id', '=', f.protocolId)
      .execute();
    expect(stored).toHaveLength(0);
    const blobs = await t.db.owner
      .selectFrom('document_blobs')
      .select('sha256')
      .where('protocol_id', '=', f.protocolId)
      .execute();
    expect(blobs).toHaveLength(0);
  });

  it('gives 404 to another network’s coordinator, a CPI referent, a centre operator and an administrator; 401 without a session', async () => {
    const f = await controlRoomFixture(t);
    const doc = (
      await upload(
        f.coordinator,
        f.protocolId,
        { kind: 'minutes', title: 'Verbale' },
        { name: 'v.pdf', bytes: PDF_BYTES },
      )
    ).json();
    const meeting = (
      await api('POST', `/control-room/${f.protocolId}/meetings`, f.coordinator, {
        heldOn: '2026-02-01',
        agenda: [],
        attendance: [],
        decisions: [
          {
            text: 'Decisione',
            actions: [{ title: 'Azione', ownerOrganisationId: f.orgs.centre, dueOn: '2026-01-01' }],
          },
        ],
      })
    ).json();
    const action = meeting.actions[0];
    const reads = [
      `/control-room/${f.protocolId}`,
      `/control-room/${f.protocolId}/meetings/${meeting.id}`,
      `/control-room/${f.protocolId}/documents`,
      `/documents/${doc.id}/file`,
    ];
    for (const who of [f.otherCoordinator, f.cpiReferent, f.operator, f.centreAdmin]) {
      for (const url of reads) expect((await api('GET', url, who)).statusCode, url).toBe(404);
      expect(
        (
          await api('POST', `/control-room/${f.protocolId}/meetings`, who, {
            heldOn: '2026-02-02',
            agenda: [],
            attendance: [],
            decisions: [],
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await api(
            'PUT',
            `/control-room/${f.protocolId}/actions/${action.id}/status`,
            who,
            { status: 'done' },
            { 'if-match': '"1"' },
          )
        ).statusCode,
      ).toBe(404);
      expect(
        (await upload(who, f.protocolId, { kind: 'minutes', title: 'x' }, { name: 'v.pdf', bytes: PDF_BYTES }))
          .statusCode,
      ).toBe(404);
      expect(
        (await api('POST', `/control-room/${f.protocolId}/working-groups`, who, { name: 'Gruppo', memberIds: [] }))
          .statusCode,
      ).toBe(404);
    }
    // the other coordinator runs her own room, and it does not open this one
    expect((await api('GET', `/control-room/${f.otherProtocolId}`, f.otherCoordinator)).statusCode).toBe(200);
    expect(
      (await api('GET', '/control-room', f.otherCoordinator)).json().items.map((r: { id: string }) => r.id),
    ).toEqual([f.otherProtocolId]);
    // a member reads but does not record
    expect((await api('GET', `/control-room/${f.protocolId}`, f.member)).json().allowedActions).toEqual([
      'update_action',
    ]);
    expect(
      (
        await api('POST', `/control-room/${f.protocolId}/meetings`, f.member, {
          heldOn: '2026-02-02',
          agenda: [],
          attendance: [],
          decisions: [],
        })
      ).statusCode,
    ).toBe(404);
    // a body outside the protocol cannot be given an action or marked present
    const outside = await api('POST', `/control-room/${f.protocolId}/meetings`, f.coordinator, {
      heldOn: '2026-02-02',
      agenda: [],
      attendance: [f.orgs.outsider],
      decisions: [],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields[0]).toMatchObject({ field: 'attendance/0', reason: 'not_a_signatory' });
    for (const url of reads) expect((await api('GET', url)).statusCode).toBe(401);
  });

  it('keeps bytes per protocol: put is idempotent, get and delete by hash, invisible from another room', async () => {
    const f = await controlRoomFixture(t);
    const coordinatorActor = await t.db.owner
      .selectFrom('users')
      .select(['id'])
      .where('organisation_id', '=', f.orgs.city)
      .executeTakeFirstOrThrow();
    const actor = { userId: coordinatorActor.id, organisationId: f.orgs.city, roles: ['network_coordinator' as const] };
    await withContext(t.db, async (tx) => {
      await setActor(tx, actor);
      const store = postgresStore(tx, f.protocolId);
      const h = await store.put(PDF_BYTES);
      expect(await store.put(PDF_BYTES)).toBe(h);
      expect(Buffer.compare(Buffer.from((await store.get(h)) ?? []), Buffer.from(PDF_BYTES))).toBe(0);
      expect(await postgresStore(tx, f.otherProtocolId).get(h)).toBeNull();
      expect(await store.delete(h)).toBe(true);
      expect(await store.get(h)).toBeNull();
      expect(await store.delete(h)).toBe(false);
    });
  });
});

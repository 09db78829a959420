/** Prevention activities (issue 8): recording, totals by period, and who gets 404 or nothing. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeOrg, openTestAppPerFile, signInNew } from '../testing/harness.ts';

const t = openTestAppPerFile();

const activity = (net: string, body: string) => ({
  networkId: net,
  kind: 'school_workshop',
  title: 'Laboratorio sul rispetto nelle relazioni',
  municipio: 4,
  municipalityCode: null,
  audiences: ['students', 'teachers'],
  startsOn: '2026-03-02',
  endsOn: '2026-03-20',
  participants: 120,
  materials: ['Opuscolo "Riconoscere la violenza"', '=HYPERLINK("x")'],
  resources: [
    { bodyId: body, kind: 'money', amount: 1500 },
    { bodyId: body, kind: 'hours', amount: 24 },
  ],
});

describe('prevention activities', () => {
  it('records an activity, lists it with totals, and keeps it to its body and the control room', async () => {
    const coordinating = await makeOrg(t.db, { type: 'municipality' });
    const net = `rete-${Math.random().toString(36).slice(2, 8)}`;
    await t.db.owner
      .insertInto('networks')
      .values({ id: net, name: `Rete ${net}`, has_shelters: false })
      .execute();
    const me = await signInNew(t, { organisationId: coordinating, roles: ['network_coordinator'] });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/prevention/activities',
      headers: me.headers,
      payload: activity(net, coordinating),
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const list = await t.app.inject({
      url: '/api/v1/prevention/activities?from=2026-01-01&to=2026-12-31&period=quarter',
      headers: { cookie: me.cookie },
    });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect(body.totals).toEqual([{ period: '2026-Q1', activities: 1, participants: 120, money: 1500, hours: 24 }]);
    // neither Municipio nor municipality, or both: 400
    const both = await t.app.inject({
      method: 'POST',
      url: '/api/v1/prevention/activities',
      headers: me.headers,
      payload: { ...activity(net, coordinating), municipalityCode: '015146' },
    });
    expect(both.statusCode).toBe(400);

    const room = await signInNew(t, {
      organisationId: await makeOrg(t.db, { type: 'metro_city' }),
      roles: ['control_room_member'],
    });
    const roomList = await t.app.inject({
      url: '/api/v1/prevention/activities?from=2026-01-01',
      headers: { cookie: room.cookie },
    });
    expect(roomList.json().items.map((a: { id: string }) => a.id)).toContain(id);
    const other = await signInNew(t, {
      organisationId: await makeOrg(t.db, { type: 'municipality' }),
      roles: ['network_coordinator'],
    });
    const otherList = await t.app.inject({
      url: '/api/v1/prevention/activities?from=2026-01-01',
      headers: { cookie: other.cookie },
    });
    expect(otherList.json().items).toEqual([]);
    for (const role of ['cpi_referent', 'centre_operator'] as const) {
      const s = await signInNew(t, { organisationId: await makeOrg(t.db, { type: 'cav' }), roles: [role] });
      expect(
        (await t.app.inject({ url: '/api/v1/prevention/activities', headers: { cookie: s.cookie } })).statusCode,
      ).toBe(404);
      const write = await t.app.inject({
        method: 'POST',
        url: '/api/v1/prevention/activities',
        headers: s.headers,
        payload: activity(net, coordinating),
      });
      expect(write.statusCode).toBe(404);
    }
    expect((await t.app.inject({ url: '/api/v1/prevention/activities' })).statusCode).toBe(401);
    const audit = await sql<{ action: string; details: unknown }>`
      SELECT action, details FROM audit_log WHERE action LIKE 'prevention.%'`.execute(t.db.owner);
    expect(audit.rows.map((r) => r.action)).toContain('prevention.create');
    expect(JSON.stringify(audit.rows)).not.toContain('Laboratorio');
  });
});

import { describe, expect, it } from 'vitest';
import { makeOrg, makeUser, openTestAppPerFile, signIn } from '../testing/harness.ts';

const t = openTestAppPerFile();

// The hash chain's tests are in chain.db.test.ts.
describe('audit search', () => {
  it('shows a DPO their organisation’s trail, and everyone else only their own actions', async () => {
    const orgA = await makeOrg(t.db);
    const orgB = await makeOrg(t.db);
    const dpo = await makeUser(t.db, t.config, { organisationId: orgA, roles: ['dpo'] });
    const colleague = await makeUser(t.db, t.config, { organisationId: orgA, roles: ['centre_operator'] });
    const outsider = await makeUser(t.db, t.config, { organisationId: orgB, roles: ['dpo'] });
    await signIn(t.app, t.db, colleague);
    const s = await signIn(t.app, t.db, dpo);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit?actor=${colleague.id}`, headers: s.headers });
    expect(res.statusCode).toBe(200);
    const actions = res.json().items.map((i: { action: string }) => i.action);
    expect(actions).toContain('auth.totp');
    const so = await signIn(t.app, t.db, outsider);
    const peek = await t.app.inject({ method: 'GET', url: `/api/v1/audit?actor=${colleague.id}`, headers: so.headers });
    expect(peek.json().items).toEqual([]);
    const cs = await signIn(t.app, t.db, colleague);
    const own = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: cs.headers });
    const actors = new Set(own.json().items.map((i: { actorUserId: string }) => i.actorUserId));
    expect([...actors]).toEqual([colleague.id]);
    const dated = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?from=2000-01-01&to=2000-01-02`,
      headers: s.headers,
    });
    expect(dated.json().items).toEqual([]);
    const badDate = await t.app.inject({ method: 'GET', url: `/api/v1/audit?from=ieri`, headers: s.headers });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields[0].field).toContain('from');
  });

  it('shows a platform administrator every trail, without the ids of another organisation’s cases', async () => {
    const centre = await makeOrg(t.db, { type: 'cav' });
    const operator = await makeUser(t.db, t.config, { organisationId: centre, roles: ['centre_operator'] });
    const os = await signIn(t.app, t.db, operator);
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: os.headers,
      payload: { takenInChargeOn: '2026-01-10' },
    });
    expect(made.statusCode).toBe(201);
    const caseId = (made.json() as { id: string }).id;
    const platform = await makeOrg(t.db, { type: 'metro_city' });
    const admin = await makeUser(t.db, t.config, { organisationId: platform, roles: ['platform_admin'] });
    const as = await signIn(t.app, t.db, admin);
    const all = await t.app.inject({ method: 'GET', url: `/api/v1/audit?actor=${operator.id}`, headers: as.headers });
    expect(all.statusCode).toBe(200);
    const items = all.json().items as { action: string; subjectId: string | null; organisationId: string }[];
    const created = items.find((i) => i.action === 'case.create');
    expect(created, 'the case.create row is listed').toBeTruthy();
    expect(created?.organisationId).toBe(centre);
    expect(created?.subjectId).toBeNull();
    expect(all.body).not.toContain(caseId);
    // the users and bodies of the network keep their ids (who did what, where)
    expect(items.every((i) => i.organisationId === centre)).toBe(true);
    const bySubject = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?subject=${caseId}`,
      headers: as.headers,
    });
    expect(bySubject.json().items).toEqual([]);
    // her centre's own DPO still sees the id
    const dpo = await makeUser(t.db, t.config, { organisationId: centre, roles: ['dpo'] });
    const ds = await signIn(t.app, t.db, dpo);
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/audit?subject=${caseId}`, headers: ds.headers });
    expect(own.json().items.map((i: { subjectId: string }) => i.subjectId)).toContain(caseId);
  });
});

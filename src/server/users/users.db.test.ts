import { permissionsOf } from '../../shared/can.ts';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/codes/roles.ts';
import { makeOrg, makeUser, openTestAppPerFile, signIn, signInNew } from '../testing/harness.ts';

const t = openTestAppPerFile();

describe('user administration', () => {
  it('lets an org admin change roles and disable a colleague, which ends their sessions', async () => {
    const orgId = await makeOrg(t.db);
    const admin = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['org_admin'] });
    const colleague = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });
    const s = await signIn(t.app, t.db, admin);
    const cs = await signIn(t.app, t.db, colleague);
    const roles = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${colleague.id}/roles`,
      headers: s.headers,
      payload: { roles: ['centre_operator', 'dpo'] },
    });
    expect(roles.statusCode).toBe(200);
    expect(roles.json().roles).toEqual(['centre_operator', 'dpo']);
    const meNow = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cs.cookie } });
    expect(meNow.json().roles).toEqual(['centre_operator', 'dpo']);
    // told what she may do now, computed by can() for her own organisation
    expect(meNow.json().permissions).toEqual(
      permissionsOf({ organisationId: orgId, roles: ['centre_operator', 'dpo'] }),
    );
    expect(meNow.json().permissions).toContain('audit.read_organisation');
    expect(meNow.json().permissions).not.toContain('user.manage');
    const off = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${colleague.id}/disable`,
      headers: s.headers,
    });
    expect(off.json().disabled).toBe(true);
    expect(off.json().allowedActions).toEqual(['update_roles', 'enable']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: cs.cookie } })).statusCode).toBe(
      401,
    );
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: colleague.username, password: colleague.password },
    });
    expect(relogin.statusCode).toBe(401);
    const self = await t.app.inject({ method: 'POST', url: `/api/v1/users/${admin.id}/disable`, headers: s.headers });
    expect(self.statusCode).toBe(409);
  });

  it('never lists or returns another organisation’s users', async () => {
    const mine = await makeOrg(t.db);
    const theirs = await makeOrg(t.db);
    const admin = await makeUser(t.db, t.config, { organisationId: mine, roles: ['org_admin'] });
    const other = await makeUser(t.db, t.config, { organisationId: theirs, roles: ['centre_operator'] });
    const s = await signIn(t.app, t.db, admin);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: s.headers });
    expect(list.json().items.map((u: { id: string }) => u.id)).toEqual([admin.id]);
    // she may not disable herself, nor grant platform_admin
    expect(list.json().items[0].allowedActions).toEqual(['update_roles', 'reset_password']);
    expect(list.json().allowedActions).toEqual(['invite']);
    expect(list.json().assignableRoles).not.toContain('platform_admin');
    const dpo = await signInNew(t, { organisationId: mine, roles: ['dpo'] });
    const readOnly = (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: dpo.headers })).json();
    expect(readOnly).toMatchObject({ allowedActions: [], assignableRoles: [] });
    expect(readOnly.items.every((u: { allowedActions: string[] }) => u.allowedActions.length === 0)).toBe(true);
    expect(list.body).not.toContain(other.username);
  });
});

/** Every id-bearing endpoint, as every role, against another organisation's records: 404, and nothing changes. */
describe('cross-organisation attempts', () => {
  const attempts = (victimId: string) => [
    { method: 'PUT' as const, url: `/api/v1/users/${victimId}/roles`, payload: { roles: ['org_admin'] } },
    { method: 'POST' as const, url: `/api/v1/users/${victimId}/disable` },
    { method: 'POST' as const, url: `/api/v1/users/${victimId}/enable` },
    { method: 'POST' as const, url: `/api/v1/users/${victimId}/password-reset` },
  ];

  it.each(ROLES.filter((r) => r !== 'platform_admin'))('as %s: 404 on another organisation’s user', async (role) => {
    const attackerOrg = await makeOrg(t.db);
    const victimOrg = await makeOrg(t.db);
    const attacker = await makeUser(t.db, t.config, { organisationId: attackerOrg, roles: [role as Role] });
    const victim = await makeUser(t.db, t.config, { organisationId: victimOrg, roles: ['centre_operator'] });
    const s = await signIn(t.app, t.db, attacker);
    for (const a of attempts(victim.id)) {
      const res = await t.app.inject({ ...a, headers: s.headers });
      expect(res.statusCode, `${a.method} ${a.url}`).toBe(404);
      expect(res.body).not.toContain(victim.username);
    }
    const after = await t.db.owner
      .selectFrom('users')
      .select(['disabled_at'])
      .where('id', '=', victim.id)
      .executeTakeFirstOrThrow();
    expect(after.disabled_at).toBeNull();
    const links = await t.db.owner.selectFrom('invitations').select('id').where('user_id', '=', victim.id).execute();
    expect(links).toHaveLength(0);
    const roles = await t.db.owner.selectFrom('user_roles').select('role').where('user_id', '=', victim.id).execute();
    expect(roles.map((r) => r.role)).toEqual(['centre_operator']);
  });

  it('without a session every endpoint answers 401', async () => {
    const victim = await makeUser(t.db, t.config, { organisationId: await makeOrg(t.db), roles: ['centre_operator'] });
    for (const a of [
      ...attempts(victim.id),
      { method: 'GET' as const, url: '/api/v1/users' },
      { method: 'GET' as const, url: '/api/v1/audit' },
    ]) {
      const res = await t.app.inject(a);
      expect(res.statusCode, `${a.method} ${a.url}`).toBe(401);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import {
  auditRows,
  makeOrg,
  makeUser,
  openTestAppPerFile,
  openTestDb,
  signIn,
  testConfig,
} from '../testing/harness.ts';

const t = openTestAppPerFile();

describe('HTTP hardening', () => {
  it('sends security headers, and no-store on the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/meta' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses unknown fields with 400 naming the field, and writes nothing', async () => {
    const before = (await auditRows(t.db)).length;
    const res = await t.app.inject({
      method: 'POST',
      // not the login: a refused login body still leaves its failed-login row (input-hygiene.db.test.ts)
      url: '/api/v1/auth/password-reset',
      payload: { username: 'x', role: 'platform_admin' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'role', reason: 'unknown_field', message: 'unknown field' }],
    });
    expect((await auditRows(t.db)).length).toBe(before);
  });

  it('names missing fields', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
    expect(res.json().fields).toEqual([expect.objectContaining({ field: 'password', reason: 'required' })]);
  });

  it('answers 413 to an oversized body, and 415 to a form post', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x', password: 'y'.repeat(70_000) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload_too_large');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=x&password=y',
    });
    expect(form.statusCode).toBe(415);
  });

  it('rolls back a request that fails half-way: nothing of it is written', async () => {
    const orgId = await makeOrg(t.db);
    const admin = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['org_admin'] });
    const s = await signIn(t.app, t.db, admin);
    const before = (await auditRows(t.db)).length;
    // the invitation would be created, but a duplicate username is refused first: no link, no audit row
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users/invitations',
      headers: s.headers,
      payload: { username: admin.username, displayName: 'Doppione', roles: ['dpo'] },
    });
    expect(res.statusCode).toBe(409);
    expect((await auditRows(t.db)).length).toBe(before);
    expect(
      await t.db.owner.selectFrom('invitations').select('id').where('display_name', '=', 'Doppione').execute(),
    ).toHaveLength(0);
  });

  it('answers JSON 404s without stack traces', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: 'Not found' });
  });

  it('publishes OpenAPI 3 with the contract endpoints', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/totp',
      '/api/v1/auth/logout',
      '/api/v1/me',
      '/api/v1/networks',
      '/api/v1/organisations',
      '/api/v1/organisations/{id}',
      '/api/v1/protocols',
      '/api/v1/audit',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers health and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});

describe('demo mode', () => {
  it('creates nothing synthetic when demo mode is off', async () => {
    const fresh = await openTestDb();
    try {
      expect(await seedDemo(fresh, testConfig({ demo: false }))).toBeNull();
      expect(await fresh.owner.selectFrom('users').select('id').execute()).toHaveLength(0);
    } finally {
      await fresh.close();
    }
  });
});

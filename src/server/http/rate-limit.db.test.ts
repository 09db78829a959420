import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import { makeOrg, makeUser, openTestDbPerFile, type Signed, signIn, testApp, testConfig } from '../testing/harness.ts';
import { trustProxyFrom } from './rate-limit.ts';

const t = openTestDbPerFile();
const REDIS = process.env.PERCORSI_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const apps: App[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
});

async function appWith(config: Partial<Config>): Promise<{ app: App; config: Config }> {
  const full = testConfig(config);
  const { app } = await testApp(t.db, full);
  apps.push(app);
  return { app, config: full };
}

/** A fresh address in 10/8 for each test, so that counters of earlier runs (Redis) never meet it. */
const anAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

const read = (app: App, who: Signed, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'GET', url: '/api/v1/auth/csrf', headers: who.headers, remoteAddress });

let org: string;
beforeAll(async () => {
  org = await makeOrg(t.db);
});

async function signedIn(app: App, config: Config, n: number): Promise<Signed[]> {
  const out: Signed[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      await signIn(app, t.db, await makeUser(t.db, config, { organisationId: org, roles: ['centre_operator'] })),
    );
  }
  return out;
}

describe('rate limits that fit offices', () => {
  it('reads PERCORSI_TRUST_PROXY as a hop count, true, or a list of proxy addresses', () => {
    expect(trustProxyFrom(undefined)).toBe(false);
    expect(trustProxyFrom('1')).toBe(1);
    expect(trustProxyFrom('2')).toBe(2);
    expect(trustProxyFrom('true')).toBe(true);
    expect(trustProxyFrom('10.0.0.1, 10.0.0.0/8')).toEqual(['10.0.0.1', '10.0.0.0/8']);
  });

  it('lets an office behind one address work: each signed-in user has her own bucket', async () => {
    const { app, config } = await appWith({ rateLimits: { user: 20, address: 20 } });
    const office = await signedIn(app, config, 5);
    const statuses: number[] = [];
    // 5 users × 15 requests from the same address: far above 20 for the address, under 20 for each user
    for (let round = 0; round < 15; round++) {
      for (const who of office) statuses.push((await read(app, who)).statusCode);
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('stops one user over her limit with a JSON 429, and only her', async () => {
    const { app, config } = await appWith({ rateLimits: { user: 20 } });
    const [busy, quiet] = await signedIn(app, config, 2);
    if (!busy || !quiet) throw new Error('no users');
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await read(app, busy, anAddress())).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    const blocked = await read(app, busy);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toEqual({ code: 'rate_limited', message: expect.any(String) });
    expect((await read(app, quiet)).statusCode).toBe(200);
  });

  it('limits spraying one username from many addresses, each address under its own limit', async () => {
    const { app, config } = await appWith({ rateLimits: { username: 5, loginAddress: 100 } });
    const user = await makeUser(t.db, config, { organisationId: org, roles: ['centre_operator'] });
    const tries = async (username: string, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: anAddress(),
          payload: { username, password: `wrong-${i}-password` },
        });
        if (res.statusCode === 429) expect(res.json()).toMatchObject({ code: 'rate_limited' });
        out.push(res.statusCode);
      }
      return out;
    };
    const sprayed = await tries(user.username, 8);
    expect(sprayed.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(sprayed.slice(5)).toEqual([429, 429, 429]);
    // the same name in another case and form counts in the same bucket
    expect(await tries(user.username.toUpperCase(), 1)).toEqual([429]);
    // the password reset step counts against the name too
    const reset = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      remoteAddress: anAddress(),
      payload: { username: user.username },
    });
    expect(reset.statusCode).toBe(429);
    // another account is not affected
    expect(await tries(`other${randomInt(1e9)}`, 1)).toEqual([401]);
  });

  it('limits the login steps by address too', async () => {
    const { app } = await appWith({ rateLimits: { loginAddress: 6 } });
    const from = anAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: from,
        payload: { username: `nobody${randomInt(1e9)}`, password: 'wrong-password-here' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 6).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  it('shares the counters between app nodes (PostgreSQL: rate_limit_hits; Redis when configured)', async () => {
    const shared: Partial<Config>[] = [{ redisUrl: REDIS, rateLimits: { user: 12 } }];
    if (t.db.kind === 'postgres') shared.push({ rateLimits: { user: 12 } });
    for (const setting of shared) {
      const a = await appWith(setting);
      const b = await appWith(setting);
      const [who] = await signedIn(a.app, a.config, 1);
      if (!who) throw new Error('no user');
      const statuses: number[] = [];
      // alternately through node a and node b: 12 in all pass, then both refuse
      for (let i = 0; i < 16; i++) statuses.push((await read(i % 2 ? b.app : a.app, who, anAddress())).statusCode);
      expect(statuses.filter((s) => s === 200).length, JSON.stringify(setting)).toBe(12);
      expect(statuses.slice(12).every((s) => s === 429)).toBe(true);
    }
    if (t.db.kind === 'postgres') {
      // only hashes are stored
      const keys = await sql<{ key: string }>`SELECT key FROM rate_limit_hits`.execute(t.db.owner);
      expect(keys.rows.length).toBeGreaterThan(0);
      expect(keys.rows.every((r) => /^[0-9a-f]{64}$/.test(r.key))).toBe(true);
    }
  });
});

import Fastify, { type InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerApiRoutes } from '../app.ts';
import type { Database } from '../db/database.ts';
import { todayInItaly } from '../db/dates.ts';
import { openTestAppPerFile, type Signed, signInNew, sql, testConfig } from '../testing/harness.ts';
import { referralFixture } from '../testing/referral-fixture.ts';
import { ROLES } from '../../shared/codes/roles.ts';

/**
 * The authorisation matrix (issue 11): every API route, collected with Fastify's onRoute (a new
 * route is covered without editing this file) × every role of another organisation × real ids of
 * a centre's case world (case, plan, analysis, consents, outcome, referral, messages) → never a
 * 2xx on her resources, never a 5xx, and no answer of any route carries one of her ids. No session
 * → 401; a state-changing request without the CSRF token or with another session's → never done.
 * PERCORSI_MATRIX_PROBES sets the number of attacker probes (npm test: a sample; .ci/run: 10,000
 * on PostgreSQL as the app role). The count is printed.
 */
const PROBES = Number(process.env.PERCORSI_MATRIX_PROBES ?? 400);

// the rate limits (per user, per username) are not what this suite measures (rate-limit.db.test.ts does)
const t = openTestAppPerFile({ config: () => testConfig({ rateLimits: { user: 1_000_000, username: 1_000_000 } }) });
/** Each probe from its own address: the rate limit (per address) is not what this suite measures. */
let n = 0;
const addr = () => {
  n++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};
const tt = {
  get app() {
    return { inject } as unknown as typeof t.app;
  },
  get db() {
    return t.db;
  },
  get config() {
    return t.config;
  },
};
const inject = (o: InjectOptions) => t.app.inject({ ...o, remoteAddress: addr() });
const f = referralFixture(() => tt);

interface RouteInfo {
  method: string;
  url: string;
  auth: string;
  /** a body or query schema, which Fastify checks before the handler looks at the session */
  hasInput: boolean;
}

/** The routes as the server registers them (onRoute on a bare instance; handlers never run). */
async function collectRoutes(): Promise<RouteInfo[]> {
  const routes: RouteInfo[] = [];
  const app = Fastify();
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) {
      if (m === 'HEAD' || m === 'OPTIONS') continue;
      const auth = (r.config as { auth?: string } | undefined)?.auth ?? 'session';
      routes.push({ method: m, url: r.url, auth, hasInput: Boolean(r.schema?.body || r.schema?.querystring) });
    }
  });
  await app.register(async (api) => registerApiRoutes(api, { db: {} as Database, config: testConfig() }), {
    prefix: '/api/v1',
  });
  await app.ready();
  await app.close();
  return routes;
}

/** A small seeded generator: the same probes on every run. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Pools = Record<string, string[]>;
let routes: RouteInfo[];
let pools: Pools;
let privateIds: string[];
let victim: { s: Signed; caseId: string; orgId: string };
let attackers: Array<{ role: string; s: Signed }>;

/** Her world at a centre, written through the API: the ids the attackers will try. */
beforeAll(async () => {
  routes = await collectRoutes();
  const centre = await f.centreWithCase();
  const cpi = await f.party('employment_centre', ['cpi_referent']);
  const caseId = centre.caseId;
  victim = { s: centre.s, caseId, orgId: centre.orgId };
  const put = await inject({
    method: 'PUT',
    url: `/api/v1/cases/${caseId}/plan`,
    headers: { ...centre.s.headers, 'if-match': '"0"' },
    payload: {
      goals: [
        {
          domain: 'work',
          title: 'Lavoro',
          actions: [{ catalogueCode: 'cpi_registration', responsibleOrganisationId: cpi.orgId, notes: 'n' }],
        },
      ],
    },
  });
  expect(put.statusCode, put.body).toBe(200);
  await f.inject('POST', centre.s, `/api/v1/cases/${caseId}/plan/reviews`, {
    reviewedOn: todayInItaly(),
    summary: 's',
  });
  await f.inject('POST', centre.s, `/api/v1/cases/${caseId}/needs-assessments`, {
    questionnaireVersion: '2026-2',
    assessedOn: todayInItaly(),
    answers: { housing_situation: 'shelter' },
  });
  await f.inject('POST', centre.s, `/api/v1/cases/${caseId}/outcomes`, {
    kind: 'hired',
    occurredOn: todayInItaly(),
    details: { contractType: 'permanent', weeklyHours: 20, sector: 'G' },
  });
  await f.consent(centre.s, caseId, cpi.orgId);
  const sent = await f.send(centre.s, {
    caseId,
    recipientOrganisationId: cpi.orgId,
    purpose: 'work_orientation',
    urgency: 'routine',
    shareFields: ['profile.ageBand'],
  });
  expect(sent.statusCode, sent.body).toBe(201);
  await f.inject('POST', centre.s, `/api/v1/referrals/${sent.json().id}/messages`, { body: 'ciao' });
  const ids = async (q: string) => (await sql.raw<{ id: string }>(q).execute(t.db.owner)).rows.map((r) => r.id);
  const c = `'${caseId}'`;
  pools = {
    cases: [caseId],
    referrals: await ids(`SELECT id::text AS id FROM referrals WHERE case_id = ${c}`),
    consents: await ids(`SELECT id::text AS id FROM consents WHERE case_id = ${c}`),
    outcomes: await ids(`SELECT id::text AS id FROM outcomes WHERE case_id = ${c}`),
    followUps: await ids(`SELECT id::text AS id FROM follow_ups WHERE case_id = ${c}`),
    actions: await ids(`SELECT id::text AS id FROM plan_actions WHERE case_id = ${c}`),
    goals: await ids(`SELECT id::text AS id FROM plan_goals WHERE case_id = ${c}`),
    needs: await ids(`SELECT id::text AS id FROM needs_assessments WHERE case_id = ${c}`),
    reviews: await ids(`SELECT id::text AS id FROM plan_reviews WHERE case_id = ${c}`),
    messages: await ids(`SELECT m.id::text AS id FROM referral_messages m JOIN referrals r ON r.id = m.referral_id
      WHERE r.case_id = ${c}`),
    users: [centre.user.id],
    notifications: await ids(`SELECT id::text AS id FROM notifications WHERE organisation_id = '${cpi.orgId}'`),
  };
  privateIds = Object.entries(pools)
    .filter(([k]) => k !== 'users')
    .flatMap(([, v]) => v);
  expect(privateIds.length).toBeGreaterThan(8);
  // one user of every role, each in an organisation of her own (never party to the case)
  const typeOf: Record<string, string> = {
    centre_operator: 'cav',
    dpo: 'cav',
    cpi_referent: 'employment_centre',
    service_operator: 'social_services',
    network_coordinator: 'municipality',
    control_room_member: 'municipality',
  };
  attackers = [];
  for (const role of ROLES)
    attackers.push({
      role,
      s: await signInNew(tt, { organisationId: await org(typeOf[role] ?? 'cav'), roles: [role] }),
    });
}, 600_000);

async function org(type: string) {
  const row = await t.db.owner
    .insertInto('organisations')
    .values({ name: `Altro ente ${Math.random().toString(36).slice(2, 8)}`, type })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A value for a path parameter: her ids where the route names one, plain values elsewhere. */
function fill(url: string, rnd: () => number): string {
  const pick = (a: string[]) => a[Math.floor(rnd() * a.length)] ?? pools.cases?.[0] ?? '';
  const poolFor = (param: string, prefix: string): string[] => {
    const byParam: Record<string, string[]> = {
      actionId: pools.actions ?? [],
      consentId: pools.consents ?? [],
      followUpId: pools.followUps ?? [],
      userId: pools.users ?? [],
      outcomeId: pools.outcomes ?? [],
    };
    if (byParam[param]) return byParam[param];
    if (rnd() < 0.25) return privateIds;
    if (prefix.startsWith('/api/v1/cases')) return pools.cases ?? [];
    if (prefix.startsWith('/api/v1/referrals')) return pools.referrals ?? [];
    if (prefix.startsWith('/api/v1/users')) return pools.users ?? [];
    if (prefix.startsWith('/api/v1/notifications')) return pools.notifications ?? [];
    return privateIds;
  };
  const plain: Record<string, string> = { version: '1', queue: 'overdue_actions', form: 'intake', lang: 'it' };
  return url.replace(/:(\w+)/g, (_m, name: string, at: number) => plain[name] ?? pick(poolFor(name, url.slice(0, at))));
}

const ALLOWED_ON_HER_IDS = new Set([400, 403, 404, 405, 428]);
const isWrite = (m: string) => !['GET', 'HEAD', 'OPTIONS'].includes(m);

describe('authorisation matrix', () => {
  it('refuses every route × every role of another organisation on her ids, and no answer carries them', async () => {
    const rnd = prng(11);
    const failures: string[] = [];
    // her own account's routes (sign-out, password, second factor) act on the prober, not on her
    const api = routes.filter((r) => r.auth === 'session' && !r.url.startsWith('/api/v1/auth/'));
    let probes = 0;
    let withHerId = 0;
    const byStatus: Record<number, number> = {};
    while (probes < PROBES) {
      const route = api[Math.floor(rnd() * api.length)] as RouteInfo;
      const who = attackers[Math.floor(rnd() * attackers.length)] as (typeof attackers)[number];
      const url = fill(route.url, rnd);
      const hers = privateIds.some((id) => url.includes(id));
      const res = await inject({
        method: route.method as 'GET',
        url: route.method === 'GET' && url.includes('/identity') ? `${url}?purpose=verifica` : url,
        headers: who.s.headers,
        ...(isWrite(route.method) ? { payload: {} } : {}),
      });
      probes++;
      if (hers) withHerId++;
      byStatus[res.statusCode] = (byStatus[res.statusCode] ?? 0) + 1;
      const where = `${who.role} ${route.method} ${route.url} → ${res.statusCode}`;
      if (res.statusCode >= 500) failures.push(where);
      else if (hers && !ALLOWED_ON_HER_IDS.has(res.statusCode)) failures.push(where);
      else if (privateIds.some((id) => res.body.includes(id) && !url.includes(id)))
        failures.push(`${where}: the answer carries one of her ids`);
      else if (hers && res.statusCode < 300) failures.push(where);
    }
    console.log(
      `authorisation matrix: ${probes} probes (${withHerId} on her ids) over ${api.length} routes × ${attackers.length} roles of other organisations; statuses ${JSON.stringify(byStatus)}`,
    );
    if (failures.length) console.log([...new Set(failures)].join('\n'));
    expect([...new Set(failures)].slice(0, 40)).toEqual([]);
  }, 1_200_000);

  it('every list an attacker may read is free of her ids', async () => {
    const lists = routes.filter((r) => r.auth === 'session' && r.method === 'GET' && !r.url.includes(':'));
    const failures: string[] = [];
    for (const route of lists)
      for (const who of attackers) {
        const res = await inject({ method: 'GET', url: route.url, headers: who.s.headers });
        if (res.statusCode >= 500) failures.push(`${who.role} ${route.url} → ${res.statusCode}`);
        if (privateIds.some((id) => res.body.includes(id))) failures.push(`${who.role} ${route.url} carries her ids`);
      }
    console.log(`authorisation matrix: ${lists.length * attackers.length} list probes`);
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers 401 without a session on every route that needs one', async () => {
    const rnd = prng(7);
    const failures: string[] = [];
    let bodyFirst = 0;
    const closed = routes.filter((r) => r.auth !== 'public');
    for (const route of closed) {
      const res = await inject({ method: route.method as 'GET', url: fill(route.url, rnd) });
      if (res.statusCode === 401) continue;
      // a body checked before the session (issue 11, item 2: "proof-input" moves authentication first)
      if (res.statusCode === 400 && route.hasInput) bodyFirst++;
      else failures.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    console.log(
      `authorisation matrix: ${closed.length} anonymous probes, ${closed.length - bodyFirst - failures.length} answered 401, ${bodyFirst} validated the body or query first (400)`,
    );
    if (failures.length) console.log(failures.join('\n'));
    expect(failures).toEqual([]);
  });

  it('never does a state-changing request without its own CSRF token', async () => {
    const writes = routes.filter((r) => r.auth === 'session' && isWrite(r.method));
    const other = attackers[0]?.s as Signed;
    const failures: string[] = [];
    let refused = 0;
    const rnd = prng(5);
    for (const route of writes)
      for (const token of [undefined, other.csrf]) {
        const headers: Record<string, string> = { cookie: victim.s.cookie };
        if (token) headers['x-csrf-token'] = token;
        const url = fill(route.url, rnd).replace(/\/cases\/[0-9a-f-]{36}/, `/cases/${victim.caseId}`);
        const res = await inject({ method: route.method as 'POST', url, headers, payload: {} });
        if (res.statusCode === 403) refused++;
        else if (res.statusCode < 300 || res.statusCode >= 500)
          failures.push(`${route.method} ${route.url} ${token ? 'foreign' : 'no'} token → ${res.statusCode}`);
      }
    // with a valid body, the refusal is the CSRF check's own 403
    const review = { reviewedOn: todayInItaly(), summary: 'x' };
    const url = `/api/v1/cases/${victim.caseId}/plan/reviews`;
    const none = await inject({ method: 'POST', url, headers: { cookie: victim.s.cookie }, payload: review });
    const foreign = await inject({
      method: 'POST',
      url,
      headers: { cookie: victim.s.cookie, 'x-csrf-token': other.csrf },
      payload: review,
    });
    expect([none.statusCode, foreign.statusCode]).toEqual([403, 403]);
    expect(none.json().code).toBe('csrf_invalid');
    console.log(`authorisation matrix: ${writes.length * 2} CSRF probes, ${refused} answered 403, none done`);
    expect(failures).toEqual([]);
  });

  it('hides her identity from a colleague of the same centre who is not on her team', async () => {
    const colleague = await signInNew(tt, { organisationId: victim.orgId, roles: ['centre_operator'] });
    const res = await inject({
      method: 'GET',
      url: `/api/v1/cases/${victim.caseId}/identity?purpose=verifica`,
      headers: colleague.headers,
    });
    expect([403, 404]).toContain(res.statusCode);
    expect(res.body).not.toContain('Canarossi');
    const team = await inject({
      method: 'GET',
      url: `/api/v1/cases/${victim.caseId}/identity?purpose=verifica`,
      headers: victim.s.headers,
    });
    expect(team.statusCode).toBe(200);
  });

  it('closes a referral to its recipient after decline, withdrawal and expiry', async () => {
    const centre = await f.centreWithCase();
    const cpi = await f.party('employment_centre', ['cpi_referent']);
    await f.consent(centre.s, centre.caseId, cpi.orgId);
    const send = async () => {
      const r = await f.send(centre.s, {
        caseId: centre.caseId,
        recipientOrganisationId: cpi.orgId,
        purpose: 'work_orientation',
        urgency: 'routine',
        shareFields: ['profile.ageBand'],
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: string; version: number };
    };
    const closedTo = async (id: string) => {
      for (const path of ['', '/messages']) {
        const r = await f.inject('GET', cpi.s, `/api/v1/referrals/${id}${path}`);
        expect(r.statusCode, `${path} after the end`).toBe(404);
      }
      const m = await f.inject('POST', cpi.s, `/api/v1/referrals/${id}/messages`, { body: 'ancora?' });
      expect(m.statusCode).toBe(404);
      const list = await f.inject('GET', cpi.s, '/api/v1/referrals');
      expect(list.body).not.toContain(centre.caseId);
    };
    const declined = await send();
    const d = await f.step(cpi.s, declined.id, declined.version, { action: 'decline', declineReason: 'no_capacity' });
    expect(d.statusCode, d.body).toBe(200);
    await closedTo(declined.id);
    const withdrawn = await send();
    const w = await f.step(centre.s, withdrawn.id, withdrawn.version, { action: 'withdraw' });
    expect(w.statusCode, w.body).toBe(200);
    await closedTo(withdrawn.id);
    const expired = await send();
    expect((await f.inject('GET', cpi.s, `/api/v1/referrals/${expired.id}`)).statusCode).toBe(200);
    await sql`UPDATE referrals SET expires_on = current_date - 1 WHERE id = ${expired.id}`.execute(t.db.owner);
    await closedTo(expired.id);
  });
});

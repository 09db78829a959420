import { describe, expect, it } from 'vitest';
import { type Signed, auditRows, makeOrg, makeUser, openTestAppPerFile, signIn } from '../testing/harness.ts';
import { referralFixture } from '../testing/referral-fixture.ts';

/**
 * The one input rule and the contract, end to end: NUL and half surrogate pairs are a 400
 * invalid_input naming the field (they were 500s: PostgreSQL refuses the byte), strings are stored
 * in NFC, bodies are not coerced, required headers, 405, and the 401 before the body is read.
 */
const t = openTestAppPerFile();
const f = referralFixture(() => t);
const NUL = '\u0000';

let centre: Signed;
let admin: Signed;
let caseId: string;

const call = (method: string, url: string, s: Signed | null, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: {
      ...(s?.headers ?? {}),
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(payload !== undefined ? { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) } : {}),
  });

const refusedField = (res: { statusCode: number; json: () => unknown }, field: string) => {
  expect(res.statusCode).toBe(400);
  expect(res.json()).toMatchObject({ code: 'invalid_input', fields: [{ field, reason: 'invalid_characters' }] });
};

describe('one rule for every string', () => {
  it('sets up a centre with a case and an administrator', async () => {
    const c = await f.centreWithCase();
    centre = c.s;
    caseId = c.caseId;
    const orgId = await makeOrg(t.db);
    admin = await signIn(
      t.app,
      t.db,
      await makeUser(t.db, t.config, { organisationId: orgId, roles: ['org_admin', 'dpo', 'network_coordinator'] }),
    );
  });

  it('a NUL in the login username is a 400, and the failed-login row is committed', async () => {
    const before = (await auditRows(t.db)).length;
    refusedField(await call('POST', '/api/v1/auth/login', null, { username: `a${NUL}b`, password: 'x' }), 'username');
    const rows = await auditRows(t.db);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ action: 'auth.login', outcome: 'failure' });
    // a body the schema refuses is a failed login too
    const wrongType = await call('POST', '/api/v1/auth/login', null, { username: 5, password: 'x' });
    expect(wrongType.statusCode).toBe(400);
    expect((await auditRows(t.db)).length).toBe(before + 2);
  });

  it('the seven endpoints of the report answer 400 invalid_input for a NUL, never 500', async () => {
    refusedField(await call('POST', '/api/v1/auth/password-reset', null, { username: `a${NUL}` }), 'username');
    refusedField(
      await call('POST', '/api/v1/users/invitations', admin, {
        username: 'nuova.utente',
        displayName: `Ann${NUL}a`,
        roles: [],
      }),
      'displayName',
    );
    refusedField(await call('GET', '/api/v1/audit?subject=%00', admin), 'subject');
    refusedField(await call('GET', `/api/v1/cases/${caseId}/identity?purpose=ab%00c`, centre), 'purpose');
    refusedField(
      await call('POST', '/api/v1/action-catalogue', admin, {
        code: 'prova_nul',
        domain: 'work',
        labelIt: `x${NUL}`,
        labelEn: 'x',
      }),
      'labelIt',
    );
    refusedField(
      await call('POST', `/api/v1/cases/${caseId}/plan/reviews`, centre, {
        reviewedOn: '2026-02-01',
        summary: `s${NUL}`,
      }),
      'summary',
    );
    refusedField(await call('POST', `/api/v1/referrals/${caseId}/messages`, centre, { body: `ciao${NUL}` }), 'body');
  });

  it('half a surrogate pair is refused the same way, deep in the body', async () => {
    const res = await call(
      'PATCH',
      `/api/v1/cases/${caseId}`,
      centre,
      { safeContact: { notes: 'a\uDC00' } },
      {
        'if-match': '"1"',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_input' });
  });

  it('stores strings in NFC', async () => {
    const res = await call('POST', '/api/v1/users/invitations', admin, {
      username: 'nfc.utente',
      displayName: 'Rene\u0301e',
      roles: [],
    });
    expect(res.statusCode).toBe(201);
    const row = await t.db.owner
      .selectFrom('invitations')
      .select('display_name')
      .where('username', '=', 'nfc.utente')
      .executeTakeFirstOrThrow();
    expect(row.display_name).toBe('Ren\u00e9e');
  });
});

describe('the contract tells the truth', () => {
  it('a body is not coerced: a boolean is not a summary, a number not a message', async () => {
    const res = await call('POST', `/api/v1/cases/${caseId}/plan/reviews`, centre, {
      reviewedOn: '2026-02-01',
      summary: false,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'summary', reason: 'invalid_format' }],
    });
    const msg = await call('POST', `/api/v1/referrals/${caseId}/messages`, centre, { body: 12345 });
    expect(msg.statusCode).toBe(400);
  });

  it('query and path parameters keep their coercion', async () => {
    const res = await call('GET', '/api/v1/audit?limit=5', admin);
    expect(res.statusCode).toBe(200);
  });

  it('If-Match is required (428 without it) and has a pattern (400 when malformed)', async () => {
    const none = await call('PATCH', `/api/v1/cases/${caseId}`, centre, { educationNotes: undefined });
    expect(none.statusCode).toBe(428);
    expect(none.json()).toMatchObject({ code: 'precondition_required' });
    const bad = await call('PATCH', `/api/v1/cases/${caseId}`, centre, {}, { 'if-match': 'latest' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ fields: [{ field: 'if-match' }] });
  });

  it('the document says so: required headers with their pattern, PDF errors in JSON', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { parameters?: Array<Record<string, unknown>>; responses: Record<string, { content?: object }> }>
      >;
    };
    const patch = doc.paths['/api/v1/cases/{id}']?.patch;
    const ifMatch = patch?.parameters?.find((p) => p.name === 'if-match');
    expect(ifMatch).toMatchObject({ in: 'header', required: true, schema: { pattern: expect.any(String) } });
    const send = doc.paths['/api/v1/referrals']?.post;
    expect(send?.parameters?.find((p) => p.name === 'idempotency-key')).toMatchObject({ required: true });
    const print = doc.paths['/api/v1/cases/{id}/plan/print']?.get;
    expect(Object.keys(print?.responses['200']?.content ?? {})).toEqual(['application/pdf']);
    expect(Object.keys(print?.responses['404']?.content ?? {})).toEqual(['application/json']);
  });

  it('an unsupported method is a 405 with Allow, not a 404', async () => {
    const res = await call('DELETE', '/api/v1/action-catalogue', admin);
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
    expect(res.json()).toMatchObject({ code: 'method_not_allowed' });
    expect((await call('GET', '/api/v1/no-such-thing', admin)).statusCode).toBe(404);
  });

  it('an anonymous caller gets 401 before the body is read, even a malformed one', async () => {
    for (const payload of ['{"summary":', '{"summary": false}', 'not json at all']) {
      const res = await call('POST', `/api/v1/cases/${caseId}/plan/reviews`, null, payload);
      expect(res.statusCode, payload).toBe(401);
    }
    const otherType = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/plan/reviews`,
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(otherType.statusCode).toBe(401);
  });
});

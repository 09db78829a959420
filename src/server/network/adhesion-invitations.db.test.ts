/**
 * Protocol adhesion by invitation (issue 8, migration 210): the coordinator invites, the body fills
 * in the public form through a single-use link, the coordinator approves, which creates the
 * organisation, makes it a signatory and invites its administrator. From the attacker's side: no
 * session, another network's coordinator, a CPI referent, a centre operator, a spent or expired link.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/codes/roles.ts';
import { withContext } from '../db/context.ts';
import { auditRows, makeOrg, makeUser, openTestAppPerFile, type Signed, signIn } from '../testing/harness.ts';

const t = openTestAppPerFile();

const NETWORK = `rete-${randomUUID().slice(0, 6)}`;
const OTHER_NETWORK = `altra-${randomUUID().slice(0, 6)}`;
const MUNICIPALITY = '015999';
let protocolId = '';
let otherProtocolId = '';

async function member(roles: Role[], orgId: string): Promise<Signed> {
  return signIn(t.app, t.db, await makeUser(t.db, t.config, { organisationId: orgId, roles }));
}

async function signatory(protocol: string, network: string, type = 'municipality'): Promise<string> {
  const org = await makeOrg(t.db, { type });
  await t.db.owner.insertInto('organisation_networks').values({ organisation_id: org, network_id: network }).execute();
  await t.db.owner
    .insertInto('protocol_signatories')
    .values({ protocol_id: protocol, organisation_id: org, kind: 'original', joined_on: '2024-01-01' })
    .execute();
  return org;
}

beforeAll(async () => {
  await t.db.owner
    .insertInto('municipalities')
    .values({ istat_code: MUNICIPALITY, name: 'Comune di prova', province: 'MI' })
    .execute();
  await t.db.owner
    .insertInto('networks')
    .values([
      { id: NETWORK, name: 'Rete di prova', has_shelters: false },
      { id: OTHER_NETWORK, name: 'Altra rete', has_shelters: false },
    ])
    .execute();
  for (const code of ['p-inviti', 'p-altro']) {
    const p = await t.db.owner
      .insertInto('protocols')
      .values({ code, name: `Protocollo ${code}`, signed_on: '2024-01-01', scope: 'prova' })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (code === 'p-inviti') protocolId = p.id;
    else otherProtocolId = p.id;
  }
});

const get = (url: string, s?: Signed) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s ? { cookie: s.cookie } : {} });
const post = (url: string, s: Signed | null, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s ? s.headers : {}, payload });

const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const application = (token: string) => ({
  token,
  name: 'Cooperativa Nuovi Orizzonti',
  type: 'ngo',
  municipalityCode: MUNICIPALITY,
  website: 'https://orizzonti.example.org',
  motivation: 'Lavoriamo con le donne della rete sull’inserimento lavorativo',
  adminDisplayName: 'Giulia Canarino',
  adminEmail: 'giulia.canarino@example.org',
});

describe('protocol adhesion by invitation', () => {
  it('invites, takes the public form once, and on approval creates the body, its signature and its administrator', async () => {
    const coordOrg = await signatory(protocolId, NETWORK);
    const coord = await member(['network_coordinator'], coordOrg);

    const detail = (await get(`/protocols/${protocolId}`, coord)).json();
    expect(detail.allowedActions).toEqual(['decide_adhesion', 'invite_adhesion']);

    const made = await post(`/protocols/${protocolId}/adhesion-invitations`, coord, {
      invitedName: 'Cooperativa Orizzonti',
      networkId: NETWORK,
    });
    expect(made.statusCode).toBe(201);
    const inv = made.json();
    expect(inv).toMatchObject({ invitedName: 'Cooperativa Orizzonti', state: 'open', network: { id: NETWORK } });
    expect(inv.url).toMatch(/\/adesione\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(inv.url);
    // only the hash is stored
    const stored = await t.db.owner.selectFrom('adhesion_invitations').selectAll().where('id', '=', inv.id).execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    // the public side: no session
    const state = await post('/adhesion-form/state', null, { token });
    expect(state.statusCode).toBe(200);
    expect(state.json()).toMatchObject({
      state: 'open',
      protocolName: 'Protocollo p-inviti',
      invitedName: 'Cooperativa Orizzonti',
    });
    expect(state.json().municipalities).toContainEqual({ istatCode: MUNICIPALITY, name: 'Comune di prova' });
    const sent = await post('/adhesion-form', null, application(token));
    expect(sent.statusCode).toBe(201);
    // single use
    const again = await post('/adhesion-form', null, application(token));
    expect(again.statusCode).toBe(410);
    expect((await post('/adhesion-form/state', null, { token })).json()).toEqual({
      state: 'used',
      protocolName: null,
      invitedName: null,
      expiresAt: null,
      municipalities: [],
    });

    const pending = (await get(`/protocols/${protocolId}`, coord)).json().adhesions;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      organisationId: null,
      organisationName: 'Cooperativa Nuovi Orizzonti',
      status: 'requested',
      applicant: {
        type: 'ngo',
        municipality: { istatCode: MUNICIPALITY, name: 'Comune di prova' },
        adminDisplayName: 'Giulia Canarino',
        adminEmail: 'giulia.canarino@example.org',
      },
    });
    const adhesionId = pending[0].id;
    const decision = `/protocols/${protocolId}/adhesions/${adhesionId}/decision`;
    const noUsername = await post(decision, coord, { decision: 'approved' });
    expect(noUsername.statusCode).toBe(400);
    expect(noUsername.json().fields).toEqual([expect.objectContaining({ field: 'adminUsername', reason: 'required' })]);

    const approved = await post(decision, coord, { decision: 'approved', adminUsername: 'giulia.orizzonti' });
    expect(approved.statusCode).toBe(200);
    const body = approved.json();
    expect(body.status).toBe('approved');
    expect(body.organisationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.applicant).toMatchObject({ adminDisplayName: null, adminEmail: null });
    expect(body.adminInvite.inviteUrl).toMatch(/\/invito\/[A-Za-z0-9_-]{43}$/);
    expect((await post(decision, coord, { decision: 'rejected' })).statusCode).toBe(409);

    const org = await t.db.owner
      .selectFrom('organisations')
      .select(['name', 'type', 'town', 'municipality_code', 'website'])
      .where('id', '=', body.organisationId)
      .executeTakeFirstOrThrow();
    expect(org).toEqual({
      name: 'Cooperativa Nuovi Orizzonti',
      type: 'ngo',
      town: 'Comune di prova',
      municipality_code: MUNICIPALITY,
      website: 'https://orizzonti.example.org',
    });
    const networks = await t.db.owner
      .selectFrom('organisation_networks')
      .select('network_id')
      .where('organisation_id', '=', body.organisationId)
      .execute();
    expect(networks).toEqual([{ network_id: NETWORK }]);
    const signatories = (await get(`/protocols/${protocolId}`, coord)).json().signatories;
    expect(signatories).toContainEqual(
      expect.objectContaining({ organisationId: body.organisationId, kind: 'adhesion' }),
    );
    // the administrator's name and e-mail are no longer on the request
    const kept = await t.db.owner
      .selectFrom('protocol_adhesions')
      .select(['admin_display_name', 'admin_email'])
      .where('id', '=', adhesionId)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ admin_display_name: null, admin_email: null });

    // the administrator accepts the existing user invitation and is org_admin of the new body
    const accept = await post('/auth/invitations/accept', null, {
      token: tokenOf(body.adminInvite.inviteUrl),
      password: 'Una-password-lunga-e-nuova-42',
    });
    expect(accept.statusCode).toBe(204);
    const admin = await t.db.owner
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.organisation_id', 'user_roles.role', 'users.email'])
      .where('users.username', '=', 'giulia.orizzonti')
      .execute();
    expect(admin).toEqual([
      { organisation_id: body.organisationId, role: 'org_admin', email: 'giulia.canarino@example.org' },
    ]);

    // audited, ids and codes only; the public submission without an actor
    const audit = await auditRows(t.db);
    const applied = audit.find((r) => r.action === 'protocol.adhesion_apply' && r.subject_id === adhesionId);
    expect(applied?.actor_user_id).toBeNull();
    expect(audit.some((r) => r.action === 'protocol.adhesion_invite' && r.subject_id === inv.id)).toBe(true);
    expect(audit.some((r) => r.action === 'organisation.create' && r.subject_id === body.organisationId)).toBe(true);
    expect(audit.some((r) => r.action === 'user.invite' && r.details.organisationId === body.organisationId)).toBe(
      true,
    );
    const trail = JSON.stringify(audit);
    for (const canary of ['Canarino', 'giulia.canarino@', 'Orizzonti', token]) expect(trail).not.toContain(canary);
  });

  it('refuses an expired link, a bad municipality, and lets the coordinator reject (the administrator is not kept)', async () => {
    const coordOrg = await signatory(protocolId, NETWORK);
    const coord = await member(['network_coordinator'], coordOrg);
    const first = (
      await post(`/protocols/${protocolId}/adhesion-invitations`, coord, { invitedName: 'Ente A' })
    ).json();
    await t.db.owner
      .updateTable('adhesion_invitations')
      .set({ created_at: sql<Date>`now() - interval '20 days'`, expires_at: sql<Date>`now() - interval '1 day'` })
      .where('id', '=', first.id)
      .execute();
    expect((await post('/adhesion-form/state', null, { token: tokenOf(first.url) })).json().state).toBe('expired');
    expect((await post('/adhesion-form', null, application(tokenOf(first.url)))).statusCode).toBe(410);
    const listed = (await get(`/protocols/${protocolId}/adhesion-invitations`, coord)).json();
    expect(listed.items.find((i: { id: string }) => i.id === first.id).state).toBe('expired');
    expect(listed.networks).toEqual([{ id: NETWORK, name: 'Rete di prova' }]);

    const unknown = await post('/adhesion-form/state', null, { token: 'x'.repeat(43) });
    expect(unknown.json().state).toBe('unknown');

    const second = (
      await post(`/protocols/${protocolId}/adhesion-invitations`, coord, { invitedName: 'Ente B' })
    ).json();
    const bad = await post('/adhesion-form', null, { ...application(tokenOf(second.url)), municipalityCode: '999999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'municipalityCode', reason: 'unknown_municipality' });
    // the refused form did not spend the link
    expect((await post('/adhesion-form/state', null, { token: tokenOf(second.url) })).json().state).toBe('open');
    const notHttps = await post('/adhesion-form', null, {
      ...application(tokenOf(second.url)),
      website: 'http://x.it',
    });
    expect(notHttps.statusCode).toBe(400);
    expect((await post('/adhesion-form', null, application(tokenOf(second.url)))).statusCode).toBe(201);
    const adhesion = (await get(`/protocols/${protocolId}`, coord))
      .json()
      .adhesions.find(
        (a: { status: string; organisationId: string | null }) => a.status === 'requested' && !a.organisationId,
      );
    const rejected = await post(`/protocols/${protocolId}/adhesions/${adhesion.id}/decision`, coord, {
      decision: 'rejected',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', organisationId: null, adminInvite: null });
    expect(rejected.json().applicant).toMatchObject({ adminDisplayName: null, adminEmail: null });
  });

  it('gives nothing to whoever has no business here (404, or 401 without a session)', async () => {
    const coordOrg = await signatory(protocolId, NETWORK);
    const coord = await member(['network_coordinator'], coordOrg);
    const inv = (await post(`/protocols/${protocolId}/adhesion-invitations`, coord, { invitedName: 'Ente C' })).json();
    expect((await post('/adhesion-form', null, application(tokenOf(inv.url)))).statusCode).toBe(201);
    const pending = (await get(`/protocols/${protocolId}`, coord))
      .json()
      .adhesions.find(
        (a: { status: string; organisationId: string | null }) => a.status === 'requested' && !a.organisationId,
      );

    // another protocol's coordinator (another network), a CPI referent, a centre operator, an administrator
    const elsewhere = await member(['network_coordinator'], await signatory(otherProtocolId, OTHER_NETWORK));
    const cpi = await member(['cpi_referent'], await signatory(protocolId, NETWORK, 'employment_centre'));
    const operator = await member(['centre_operator'], await signatory(protocolId, NETWORK, 'cav'));
    const admin = await member(['org_admin'], await signatory(protocolId, NETWORK, 'cav'));
    for (const s of [elsewhere, cpi, operator, admin]) {
      expect((await get(`/protocols/${protocolId}/adhesion-invitations`, s)).statusCode).toBe(404);
      expect(
        (await post(`/protocols/${protocolId}/adhesion-invitations`, s, { invitedName: 'Ente X' })).statusCode,
      ).toBe(404);
      const d = await post(`/protocols/${protocolId}/adhesions/${pending.id}/decision`, s, {
        decision: 'approved',
        adminUsername: 'intruso.x',
      });
      expect(d.statusCode).toBe(404);
      const seen = (await get(`/protocols/${protocolId}`, s)).json();
      expect(seen.adhesions.map((a: { id: string }) => a.id)).not.toContain(pending.id);
      expect(seen.allowedActions).not.toContain('invite_adhesion');
    }
    // the coordinator may not invite into a network that is not hers
    const foreign = await post(`/protocols/${protocolId}/adhesion-invitations`, coord, {
      invitedName: 'Ente Y',
      networkId: OTHER_NETWORK,
    });
    expect(foreign.statusCode).toBe(400);
    // no session
    expect((await get(`/protocols/${protocolId}/adhesion-invitations`)).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/protocols/${protocolId}/adhesion-invitations`, payload: {} }))
        .statusCode,
    ).toBe(401);

    // under the API, the database says the same: RLS hides the invitations and requests, and the
    // approving function creates nothing for a caller who does not decide this protocol
    const outsider = { userId: randomUUID(), organisationId: randomUUID(), roles: ['network_coordinator' as Role] };
    await withContext(t.db, async (tx) => {
      await sql`SELECT set_config('app.user_id', ${outsider.userId}, true), set_config('app.org_id', ${outsider.organisationId}, true), set_config('app.roles', 'network_coordinator', true)`.execute(
        tx,
      );
      expect(await tx.selectFrom('adhesion_invitations').select('id').execute()).toEqual([]);
      expect(await tx.selectFrom('protocol_adhesions').select('id').where('id', '=', pending.id).execute()).toEqual([]);
      const made = await sql<{ organisation_id: string | null }>`
        SELECT organisation_id FROM adhesion_approve_new_body(${pending.id}::uuid, 'intruso.y', ${'a'.repeat(64)}, NULL, 72)`.execute(
        tx,
      );
      expect(made.rows).toEqual([{ organisation_id: null }]);
    });
    // an anonymous transaction cannot read invitations either
    await withContext(t.db, async (tx) => {
      expect(await tx.selectFrom('adhesion_invitations').select('id').execute()).toEqual([]);
      await expect(
        tx.insertInto('organisations').values({ name: 'Ente abusivo', type: 'ngo' }).execute(),
      ).rejects.toThrow();
    });
    const still = await t.db.owner
      .selectFrom('protocol_adhesions')
      .select('status')
      .where('id', '=', pending.id)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('requested');
  });
});

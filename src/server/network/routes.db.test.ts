import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/codes/roles.ts';
import { setActor, withContext } from '../db/context.ts';
import { auditRows, makeOrg, makeUser, openTestAppPerFile, type Signed, signIn } from '../testing/harness.ts';
import { loadNetworkData } from './network-data.ts';
import { findOrganisationIdByName, seedNetwork } from './seed-network.ts';

const t = openTestAppPerFile({ beforeApp: async (db) => seedNetwork(db.owner, await loadNetworkData()) });

/** A fresh organisation and a signed-in user of it. */
async function member(roles: Role[], type = 'cav'): Promise<{ orgId: string; userId: string; s: Signed }> {
  const orgId = await makeOrg(t.db, { type });
  const user = await makeUser(t.db, t.config, { organisationId: orgId, roles });
  return { orgId, userId: user.id, s: await signIn(t.app, t.db, user) };
}

const get = (url: string, s?: Signed) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s ? { cookie: s.cookie } : {} });
const keys = (o: object) => Object.keys(o).sort();

async function protocolId(code: string): Promise<string> {
  const row = await t.db.owner.selectFrom('protocols').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

const todayInItaly = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

describe('network directory', () => {
  it('lists networks and shows one, with exactly the documented fields', async () => {
    const { s } = await member(['centre_operator']);
    const list = await get('/networks', s);
    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items).toHaveLength(8);
    const milano = items.find((n: { id: string }) => n.id === 'milano');
    expect(keys(milano)).toEqual(
      [
        'hasShelters',
        'id',
        'leadMunicipality',
        'municipalityCount',
        'name',
        'organisationCount',
        'sheltersNote',
      ].sort(),
    );
    expect(milano).toMatchObject({
      leadMunicipality: { istatCode: '015146', name: 'Milano' },
      municipalityCount: 1,
      hasShelters: true,
    });
    expect(milano.organisationCount).toBeGreaterThanOrEqual(20);

    const detail = await get('/networks/legnano', s);
    expect(detail.statusCode).toBe(200);
    const legnano = detail.json();
    expect(keys(legnano)).toEqual([...keys(milano), 'municipalities', 'notes', 'organisations', 'sourceIds'].sort());
    expect(legnano.municipalities).toHaveLength(49);
    expect(legnano.municipalities[0]).toEqual({ istatCode: '015002', name: 'Abbiategrasso' });
    expect(keys(legnano.organisations[0])).toEqual(['id', 'name', 'type', 'uncertain']);
    expect(legnano.sourceIds).toContain('S34');
    expect((await get('/networks/atlantide', s)).statusCode).toBe(404);
  });

  it('lists organisations with filters, and shows one with its networks, protocols, parent and ETag', async () => {
    const { s, userId } = await member(['cpi_referent']);
    const cpis = (await get('/organisations?type=employment_centre', s)).json().items;
    expect(cpis).toHaveLength(14);
    expect(keys(cpis[0])).toEqual(['id', 'name', 'networkIds', 'operatesShelters', 'town', 'type', 'uncertain']);
    const milano = (await get('/organisations?network=milano', s)).json().items;
    expect(milano.length).toBeGreaterThanOrEqual(20);
    expect(milano.every((o: { networkIds: string[] }) => o.networkIds.includes('milano'))).toBe(true);
    expect((await get('/organisations?type=spaceship', s)).statusCode).toBe(400);

    const cadmiId = await findOrganisationIdByName(
      t.db.owner,
      'Associazione Casa di Accoglienza delle Donne Maltrattate di Milano (CADMI)',
    );
    const res = await get(`/organisations/${cadmiId}`, s);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    const cadmi = res.json();
    expect(keys(cadmi)).toEqual(
      [
        'address',
        'allowedActions',
        'description',
        'helpline',
        'id',
        'name',
        'networks',
        'notes',
        'operatesShelters',
        'parent',
        'protocols',
        'sourceIds',
        'town',
        'type',
        'uncertain',
        'version',
        'website',
      ].sort(),
    );
    expect(cadmi).toMatchObject({ address: null, operatesShelters: true, uncertain: true, parent: null, version: 1 });
    expect(cadmi.allowedActions).toEqual([]);
    expect(cadmi.networks).toEqual([{ id: 'milano', name: 'Rete Antiviolenza del Comune di Milano', role: null }]);
    expect(cadmi.protocols).toContainEqual({
      id: await protocolId('milano-lavoro-2022'),
      name: expect.any(String),
      kind: 'original',
      joinedOn: '2022-05-02',
    });
    const read = (await auditRows(t.db)).filter((r) => r.action === 'organisation.read' && r.actor_user_id === userId);
    expect(read.map((r) => r.subject_id)).toEqual([cadmiId]);

    const branchId = await findOrganisationIdByName(t.db.owner, 'CPI Milano Paravia (sede decentrata)');
    const branch = (await get(`/organisations/${branchId}`, s)).json();
    expect(branch.parent.name).toBe("Centro per l'Impiego di Milano (polo di via Strozzi)");
    expect(branch.address).toBe('via Paravia 26');
    expect((await get('/organisations/not-a-uuid', s)).statusCode).toBe(400);
    expect((await get('/organisations/00000000-0000-4000-8000-000000000000', s)).statusCode).toBe(404);
  });

  it('lists protocols with signatories', async () => {
    const { s } = await member(['service_operator']);
    const items = (await get('/protocols', s)).json().items;
    expect(items.map((p: { code: string }) => p.code)).toEqual([
      'pavia-programma-2021',
      'milano-lavoro-2022',
      'metropolitano-2023',
      'protocollo-milano-2023',
    ]);
    const metro = items[2];
    expect(keys(metro)).toEqual(['code', 'id', 'name', 'scope', 'signatories', 'signedOn', 'summary']);
    expect(metro.signedOn).toBe('2023-06-21');
    expect(metro.signatories).toHaveLength(9);
    expect(keys(metro.signatories[0])).toEqual(['joinedOn', 'kind', 'name', 'organisationId']);
    const unnamed = items[3].signatories.find((x: { name: string }) => x.name === 'Ufficio Scolastico Territoriale');
    expect(unnamed).toEqual({
      organisationId: null,
      name: 'Ufficio Scolastico Territoriale',
      kind: 'original',
      joinedOn: '2023-11-22',
    });
  });

  it('refuses everything without a session', async () => {
    for (const url of ['/networks', '/organisations', '/protocols', '/networks/milano']) {
      expect((await get(url)).statusCode, url).toBe(401);
    }
  });

  it('shows a transaction with no actor no organisations at all (row-level security)', async () => {
    const rows = await withContext(t.db, (tx) => tx.selectFrom('organisations').select('id').execute());
    expect(rows).toHaveLength(0);
    const networks = await withContext(t.db, (tx) => tx.selectFrom('networks').select('id').execute());
    expect(networks).toHaveLength(0);
  });
});

describe('editing an organisation', () => {
  const patch = (id: string, s: Signed, payload: object, version?: string | null, csrf = true) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${id}`,
      headers: {
        cookie: s.cookie,
        ...(csrf ? { 'x-csrf-token': s.csrf } : {}),
        ...(version ? { 'if-match': version } : {}),
      },
      payload,
    });

  it('lets an org admin edit their own organisation, with optimistic versions, audited without values', async () => {
    const { orgId, userId, s } = await member(['org_admin'], 'training_body');
    const canary = 'CANARY-descrizione-7f3a';
    const ok = await patch(
      orgId,
      s,
      { description: canary, website: 'https://ente.example.it', helpline: null },
      '"1"',
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ id: orgId, description: canary, website: 'https://ente.example.it', version: 2 });
    expect(ok.json().allowedActions).toEqual(['update']);

    const stale = await patch(orgId, s, { description: 'altro' }, '"1"');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const missing = await patch(orgId, s, { description: 'altro' });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().code).toBe('precondition_required');
    const again = await patch(orgId, s, { address: 'via Roma 1' }, '"2"');
    expect(again.json()).toMatchObject({ address: 'via Roma 1', description: canary, version: 3 });

    const row = await t.db.owner
      .selectFrom('organisations')
      .select(['description', 'version'])
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ description: canary, version: 3 });
    const updates = (await auditRows(t.db)).filter(
      (r) => r.action === 'organisation.update' && r.actor_user_id === userId,
    );
    expect(updates.map((r) => r.details)).toEqual([{ fields: ['description', 'website'] }, { fields: ['address'] }]);
    expect(updates.every((r) => r.subject_id === orgId && r.subject_type === 'organisation')).toBe(true);
    expect(JSON.stringify(await auditRows(t.db))).not.toContain(canary);
    expect(t.logs.join('')).not.toContain(canary);
  });

  it("gives another organisation's admin a 404 and changes nothing", async () => {
    const victim = await makeOrg(t.db, { type: 'ngo' });
    for (const roles of [['org_admin'], ['control_room_member'], ['centre_operator']] as Role[][]) {
      const { s } = await member(roles);
      const res = await patch(victim, s, { description: 'presa' }, '"1"');
      expect(res.statusCode, roles.join()).toBe(404);
      expect((await get(`/organisations/${victim}`, s)).json().allowedActions, roles.join()).toEqual([]);
    }
    const row = await t.db.owner
      .selectFrom('organisations')
      .select(['description', 'version'])
      .where('id', '=', victim)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ description: null, version: 1 });
  });

  it('also refuses it at the database when the t.app check is bypassed (RLS)', async () => {
    const victim = await makeOrg(t.db);
    const { orgId, userId } = await member(['org_admin']);
    const changed = await withContext(t.db, async (tx) => {
      await setActor(tx, { userId, organisationId: orgId, roles: ['org_admin'] });
      const r = await tx
        .updateTable('organisations')
        .set({ description: 'presa' })
        .where('id', '=', victim)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    });
    expect(changed).toBe(0);
  });

  it('needs the CSRF token, refuses unknown fields and a shelter address', async () => {
    const { orgId, s } = await member(['org_admin'], 'shelter_operator');
    const noCsrf = await patch(orgId, s, { description: 'x' }, '"1"', false);
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_invalid');

    const unknown = await patch(orgId, s, { description: 'x', name: 'Nuovo nome' }, '"1"');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields.map((f: { field: string }) => f.field)).toContain('name');

    const address = await patch(orgId, s, { address: 'via Segreta 3' }, '"1"');
    expect(address.statusCode).toBe(400);
    expect(address.json()).toMatchObject({ code: 'shelter_address_forbidden', fields: [{ field: 'address' }] });
    const row = await t.db.owner
      .selectFrom('organisations')
      .select(['address', 'name', 'version'])
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(row.address).toBeNull();
    expect(row.version).toBe(1);
    expect(t.logs.join('')).not.toContain('via Segreta 3');
  });
});

describe('adhering to a protocol', () => {
  const post = (url: string, s: Signed, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, payload });

  it('lets an org admin ask, the control room approve, and the organisation become a signatory', async () => {
    const pid = await protocolId('metropolitano-2023');
    const asker = await member(['org_admin'], 'training_body');
    const other = await member(['org_admin']);
    const room = await member(['control_room_member'], 'metro_city');

    const req = await post(`/protocols/${pid}/adhesions`, asker.s, {
      motivation: 'Formazione per le donne della rete',
    });
    expect(req.statusCode).toBe(201);
    const adhesion = req.json();
    expect(keys(adhesion)).toEqual([
      'applicant',
      'decidedAt',
      'id',
      'motivation',
      'organisationId',
      'organisationName',
      'requestedAt',
      'status',
    ]);
    expect(adhesion).toMatchObject({ organisationId: asker.orgId, status: 'requested', decidedAt: null });
    const twice = await post(`/protocols/${pid}/adhesions`, asker.s, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('adhesion_pending');

    expect((await get(`/protocols/${pid}`, asker.s)).json().allowedActions).toEqual(['request_adhesion']);
    expect((await get(`/protocols/${pid}`, room.s)).json().allowedActions).toEqual([
      'decide_adhesion',
      'invite_adhesion',
    ]);
    const seenByAsker = (await get(`/protocols/${pid}`, asker.s)).json().adhesions;
    expect(seenByAsker.map((a: { id: string }) => a.id)).toContain(adhesion.id);
    const seenByOther = (await get(`/protocols/${pid}`, other.s)).json().adhesions;
    expect(seenByOther.map((a: { id: string }) => a.id)).not.toContain(adhesion.id);
    expect((await get(`/protocols/${pid}`, room.s)).json().adhesions.map((a: { id: string }) => a.id)).toContain(
      adhesion.id,
    );

    const decision = `/protocols/${pid}/adhesions/${adhesion.id}/decision`;
    const byAdmin = await post(decision, other.s, { decision: 'approved' });
    expect(byAdmin.statusCode).toBe(404);
    const byAsker = await post(decision, asker.s, { decision: 'approved' });
    expect(byAsker.statusCode).toBe(404);

    const approved = await post(decision, room.s, { decision: 'approved', note: 'Benvenuti' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ id: adhesion.id, status: 'approved' });
    expect(Date.parse(approved.json().decidedAt)).not.toBeNaN();
    const decidedTwice = await post(decision, room.s, { decision: 'rejected' });
    expect(decidedTwice.statusCode).toBe(409);
    expect(decidedTwice.json().code).toBe('adhesion_decided');

    const protocol = (await get(`/protocols/${pid}`, asker.s)).json();
    expect(protocol.signatories).toContainEqual({
      organisationId: asker.orgId,
      name: adhesion.organisationName,
      kind: 'adhesion',
      joinedOn: todayInItaly(),
    });
    const org = (await get(`/organisations/${asker.orgId}`, asker.s)).json();
    expect(org.protocols).toEqual([{ id: pid, name: protocol.name, kind: 'adhesion', joinedOn: todayInItaly() }]);
    const again = await post(`/protocols/${pid}/adhesions`, asker.s, {});
    expect(again.json().code).toBe('already_signatory');

    const audit = await auditRows(t.db);
    expect(
      audit.find((r) => r.action === 'protocol.adhesion_request' && r.subject_id === adhesion.id)?.actor_user_id,
    ).toBe(asker.userId);
    const decided = audit.find((r) => r.action === 'protocol.adhesion_decide' && r.subject_id === adhesion.id);
    expect(decided?.actor_user_id).toBe(room.userId);
    expect(decided?.details).toEqual({ protocolId: pid, organisationId: asker.orgId, decision: 'approved' });
  });

  it('refuses a request from an original signatory, from a non-admin, and a rejection makes no signatory', async () => {
    const pid = await protocolId('milano-lavoro-2022');
    const cadmiId = await findOrganisationIdByName(
      t.db.owner,
      'Associazione Casa di Accoglienza delle Donne Maltrattate di Milano (CADMI)',
    );
    const cadmiAdmin = await makeUser(t.db, t.config, { organisationId: cadmiId ?? '', roles: ['org_admin'] });
    const signed = await post(`/protocols/${pid}/adhesions`, await signIn(t.app, t.db, cadmiAdmin), {});
    expect(signed.statusCode).toBe(409);
    expect(signed.json().code).toBe('already_signatory');

    const operator = await member(['centre_operator']);
    expect((await post(`/protocols/${pid}/adhesions`, operator.s, {})).statusCode).toBe(404);

    const asker = await member(['org_admin'], 'ngo');
    const room = await member(['platform_admin'], 'other');
    const adhesion = (await post(`/protocols/${pid}/adhesions`, asker.s, { motivation: null })).json();
    const rejected = await post(`/protocols/${pid}/adhesions/${adhesion.id}/decision`, room.s, {
      decision: 'rejected',
    });
    expect(rejected.json().status).toBe('rejected');
    const signatories = (await get(`/protocols/${pid}`, asker.s)).json().signatories;
    expect(signatories.map((x: { organisationId: string | null }) => x.organisationId)).not.toContain(asker.orgId);
    const bad = await post(`/protocols/${pid}/adhesions/${adhesion.id}/decision`, room.s, { decision: 'maybe' });
    expect(bad.statusCode).toBe(400);
  });
});

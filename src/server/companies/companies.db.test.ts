/**
 * The companies' register and vacancies (/aziende): who writes, who reads, and the attacker side —
 * another network's users, a centre operator writing, a CPI of another network, no session — get
 * 404 (or 401), never a hint that the company exists.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/codes/roles.ts';
import { auditRows, makeOrg, makeUser, openTestAppPerFile, type Signed, signIn } from '../testing/harness.ts';

const t = openTestAppPerFile({
  beforeApp: async (db) => {
    await db.owner
      .insertInto('municipalities')
      .values([
        { istat_code: '015146', name: 'Milano', province: 'MI' },
        { istat_code: '018110', name: 'Pavia', province: 'PV' },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
});

async function network(): Promise<string> {
  const id = `rete-${Math.random().toString(36).slice(2, 8)}`;
  await t.db.owner
    .insertInto('networks')
    .values({ id, name: `Rete ${id}`, has_shelters: false })
    .execute();
  return id;
}
async function join(orgId: string, networkId: string) {
  await t.db.owner
    .insertInto('organisation_networks')
    .values({ organisation_id: orgId, network_id: networkId, role: null })
    .execute();
}
async function member(networkId: string | null, roles: Role[], type = 'cav') {
  const orgId = await makeOrg(t.db, { type });
  if (networkId) await join(orgId, networkId);
  const user = await makeUser(t.db, t.config, { organisationId: orgId, roles });
  return { orgId, s: await signIn(t.app, t.db, user) };
}

const get = (s: Signed | null, url: string) =>
  t.app.inject({ url: `/api/v1${url}`, headers: s ? { cookie: s.cookie } : {} });
const send = (s: Signed, method: 'POST' | 'PUT', url: string, payload: object, extra: Record<string, string> = {}) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { ...s.headers, ...extra }, payload });

const company = (networkId: string, followedBy: string, over: object = {}) => ({
  networkId,
  name: 'Ristorazione Navigli Srl',
  vatNumber: '00743110157',
  atecoCode: '56.10',
  sizeBand: 'small',
  municipalityCode: '015146',
  contactName: 'Ufficio personale',
  contactEmail: 'personale@navigli.example',
  contactPhone: '02 1234 5678',
  followedBy,
  ...over,
});
const vacancy = (companyId: string, over: object = {}) => ({
  companyId,
  occupationCode: '5.2.2.1.0',
  occupationLabel: 'Aiuto cuoca',
  sector: 'hospitality_catering',
  municipalityCode: '015146',
  contractType: 'fixed_term',
  hoursPerWeek: 24,
  shifts: false,
  educationMin: 'lower_secondary',
  italianMin: 'a2',
  languages: [],
  drivingLicence: false,
  reserved: true,
  status: 'open',
  ...over,
});

async function setting() {
  const net = await network();
  const cpi = await member(net, ['cpi_referent'], 'employment_centre');
  const coordinator = await member(net, ['network_coordinator'], 'municipality');
  const centre = await member(net, ['centre_operator'], 'cav');
  return { net, cpi, coordinator, centre };
}

describe('companies and vacancies', () => {
  it('a CPI referent registers a company, records a commitment and a vacancy; a centre operator of the network reads them', async () => {
    const { net, cpi, centre, coordinator } = await setting();
    const created = await send(
      cpi.s,
      'POST',
      '/companies',
      company(net, coordinator.orgId, { vatNumber: 'IT 00743110157' }),
    );
    expect(created.statusCode).toBe(200);
    const c = created.json();
    expect(c).toMatchObject({
      vatNumber: '00743110157',
      networkId: net,
      followedBy: { id: coordinator.orgId },
      version: 1,
    });
    expect(c.allowedActions).toEqual(['edit', 'add_engagement', 'add_vacancy']);

    const engaged = await send(cpi.s, 'POST', `/companies/${c.id}/engagements`, {
      kind: 'charter_signed',
      startedOn: '2026-03-08',
      endedOn: null,
      organisationId: coordinator.orgId,
      quantity: null,
    });
    expect(engaged.statusCode).toBe(200);
    expect(engaged.json().commitments).toEqual(['charter_signed']);

    const v = await send(cpi.s, 'POST', '/vacancies', vacancy(c.id));
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({
      company: { id: c.id },
      enteredBy: { id: cpi.orgId },
      status: 'open',
      reserved: true,
    });

    const list = await get(centre.s, '/vacancies?status=open');
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([v.json().id]);
    expect(list.json().items[0].allowedActions).toEqual([]);
    const companies = await get(centre.s, '/companies');
    expect(companies.json().items).toEqual([expect.objectContaining({ id: c.id, openVacancies: 1 })]);

    // closing it with If-Match; a stale version is a 409
    const closed = await send(cpi.s, 'PUT', `/vacancies/${v.json().id}`, vacancy(c.id, { status: 'closed' }), {
      'if-match': '"1"',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', version: 2, allowedActions: ['edit', 'reopen'] });
    const stale = await send(cpi.s, 'PUT', `/vacancies/${v.json().id}`, vacancy(c.id), { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);

    const actions = (await auditRows(t.db)).filter((r) => r.subject_id === c.id || r.subject_id === v.json().id);
    expect(actions.map((r) => r.action)).toEqual(
      expect.arrayContaining(['company.create', 'company.engagement_add', 'vacancy.create', 'vacancy.update']),
    );
    // ids and codes only: no company name or contact in the trail
    expect(JSON.stringify(await auditRows(t.db))).not.toContain('Navigli');
  });

  it('refuses a VAT number with a wrong check digit, a second company with the same VAT number, a follower outside the network', async () => {
    const { net, cpi, coordinator } = await setting();
    const wrong = await send(
      cpi.s,
      'POST',
      '/companies',
      company(net, coordinator.orgId, { vatNumber: '00743110158' }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([
      expect.objectContaining({ field: 'vatNumber', reason: 'vat_number_invalid' }),
    ]);
    expect((await send(cpi.s, 'POST', '/companies', company(net, coordinator.orgId))).statusCode).toBe(200);
    const again = await send(cpi.s, 'POST', '/companies', company(net, coordinator.orgId));
    expect(again.json().fields).toEqual([expect.objectContaining({ field: 'vatNumber', reason: 'taken' })]);
    const outsider = await makeOrg(t.db, { type: 'cav' });
    const foreign = await send(cpi.s, 'POST', '/companies', company(net, outsider, { vatNumber: '00488410010' }));
    expect(foreign.json().fields).toEqual([
      expect.objectContaining({ field: 'followedBy', reason: 'not_for_this_field' }),
    ]);
  });

  it('attacker side: other network, a centre operator writing, a CPI of another network, no session', async () => {
    const { net, cpi, coordinator, centre } = await setting();
    const c = (await send(cpi.s, 'POST', '/companies', company(net, coordinator.orgId))).json();
    const v = (await send(cpi.s, 'POST', '/vacancies', vacancy(c.id))).json();

    const otherNet = await network();
    const otherCpi = await member(otherNet, ['cpi_referent'], 'employment_centre');
    const otherCoordinator = await member(otherNet, ['network_coordinator'], 'municipality');
    for (const s of [otherCpi.s, otherCoordinator.s]) {
      expect((await get(s, `/companies/${c.id}`)).statusCode).toBe(404);
      expect((await get(s, '/companies')).json().items).toEqual([]);
      expect((await get(s, '/vacancies')).json().items).toEqual([]);
      expect(
        (await send(s, 'PUT', `/companies/${c.id}`, company(net, coordinator.orgId), { 'if-match': '"1"' })).statusCode,
      ).toBe(404);
      expect((await send(s, 'PUT', `/vacancies/${v.id}`, vacancy(c.id), { 'if-match': '"1"' })).statusCode).toBe(404);
      expect((await send(s, 'POST', '/vacancies', vacancy(c.id))).statusCode).toBe(404);
      const engagement = {
        kind: 'event',
        startedOn: '2026-01-10',
        endedOn: null,
        organisationId: otherCpi.orgId,
        quantity: 12,
      };
      expect((await send(s, 'POST', `/companies/${c.id}/engagements`, engagement)).statusCode).toBe(404);
      // registering a company in a network that is not hers
      expect(
        (await send(s, 'POST', '/companies', company(net, coordinator.orgId, { vatNumber: '00488410010' }))).statusCode,
      ).toBe(404);
    }

    // a centre operator reads but never writes
    expect((await get(centre.s, `/companies/${c.id}`)).statusCode).toBe(200);
    expect((await send(centre.s, 'POST', '/vacancies', vacancy(c.id))).statusCode).toBe(404);
    expect((await send(centre.s, 'PUT', `/vacancies/${v.id}`, vacancy(c.id), { 'if-match': '"1"' })).statusCode).toBe(
      404,
    );
    expect(
      (await send(centre.s, 'POST', '/companies', company(net, coordinator.orgId, { vatNumber: '00488410010' })))
        .statusCode,
    ).toBe(404);

    // roles without the register: an organisation's administrator, a DPO, a service operator of the network
    for (const roles of [['org_admin'], ['dpo'], ['service_operator']] as Role[][]) {
      const m = await member(net, roles, 'social_services');
      expect((await get(m.s, '/companies')).statusCode).toBe(404);
      expect((await get(m.s, `/companies/${c.id}`)).statusCode).toBe(404);
      expect((await get(m.s, '/vacancies')).statusCode).toBe(404);
    }
    expect((await get(null, '/companies')).statusCode).toBe(401);
    expect((await get(null, `/vacancies`)).statusCode).toBe(401);

    // the database refuses too: a writer of another network cannot insert into this network's register
    const rows = await t.db.owner.selectFrom('vacancies').select('id').where('company_id', '=', c.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('a CPI works with the register of the networks covering its municipality, not of the others', async () => {
    const net = await network();
    await t.db.owner.insertInto('network_municipalities').values({ network_id: net, istat_code: '015146' }).execute();
    const coordinator = await member(net, ['network_coordinator'], 'municipality');
    const placed = async (code: string) => {
      const orgId = await makeOrg(t.db, { type: 'employment_centre' });
      await t.db.owner.updateTable('organisations').set({ municipality_code: code }).where('id', '=', orgId).execute();
      const user = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['cpi_referent'] });
      return { orgId, s: await signIn(t.app, t.db, user) };
    };
    const milan = await placed('015146');
    const pavia = await placed('018110');
    const scope = (await get(milan.s, '/companies/scope')).json();
    expect(scope.networks.map((n: { id: string }) => n.id)).toContain(net);
    // the CPI is offered as a body that can follow a company of the network
    const offered = scope.networks
      .find((n: { id: string }) => n.id === net)
      .organisations.map((o: { id: string }) => o.id);
    expect(offered).toEqual(expect.arrayContaining([milan.orgId, coordinator.orgId]));
    expect(offered).not.toContain(pavia.orgId);
    const c = await send(milan.s, 'POST', '/companies', company(net, milan.orgId, { vatNumber: '00905811006' }));
    expect(c.statusCode).toBe(200);
    expect((await get(pavia.s, `/companies/${c.json().id}`)).statusCode).toBe(404);
    expect((await send(pavia.s, 'POST', '/vacancies', vacancy(c.json().id))).statusCode).toBe(404);
  });

  it('exports the register and the vacancies as formula-safe CSV, the actor’s networks only, audited', async () => {
    const { net, cpi, coordinator } = await setting();
    const c = await send(
      cpi.s,
      'POST',
      '/companies',
      company(net, coordinator.orgId, { name: '=HYPERLINK("x")', vatNumber: '01114601006' }),
    );
    expect(c.statusCode, c.body).toBe(200);
    await send(cpi.s, 'POST', '/vacancies', vacancy(c.json().id, { occupationLabel: '+cmd|calc' }));
    const csv = await get(cpi.s, `/companies/export?format=csv&network=${net}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`'=HYPERLINK`);
    const v = await get(cpi.s, `/vacancies/export?format=csv&network=${net}`);
    expect(v.body).toContain(`'+cmd|calc`);
    const other = await member(await network(), ['cpi_referent'], 'employment_centre');
    expect((await get(other.s, `/companies/export?format=csv&network=${net}`)).body).not.toContain('HYPERLINK');
    const rows = (await auditRows(t.db)).filter((r) => r.action === 'list.export');
    expect(rows.map((r) => (r.details as { list: string }).list)).toEqual(
      expect.arrayContaining(['companies', 'vacancies']),
    );
  });
});

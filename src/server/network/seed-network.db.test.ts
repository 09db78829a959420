import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDbPerFile } from '../testing/harness.ts';
import { isoDate } from '../db/dates.ts';
import { AFOL_NAME, loadNetworkData, type NetworkData } from './network-data.ts';
import { findOrganisationIdByName, type NetworkSeedResult, seedNetwork } from './seed-network.ts';

let data: NetworkData;
let first: NetworkSeedResult | null;

const t = openTestDbPerFile({
  beforeApp: async (db) => {
    data = await loadNetworkData();
    first = await seedNetwork(db.owner, data);
  },
});

const count = async (table: 'municipalities' | 'networks' | 'organisations' | 'protocols' | 'protocol_signatories') => {
  const row = await t.db.owner.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
};

async function org(name: string) {
  const id = await findOrganisationIdByName(t.db.owner, name);
  if (!id) throw new Error(`no organisation named ${name}`);
  return t.db.owner.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function signatoriesOf(code: string) {
  return t.db.owner
    .selectFrom('protocol_signatories as s')
    .innerJoin('protocols as p', 'p.id', 's.protocol_id')
    .leftJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['o.name as orgName', 'o.type', 's.signatory_name', 's.kind', 's.joined_on', 'p.signed_on'])
    .where('p.code', '=', code)
    .execute();
}

describe('seedNetwork', () => {
  it('loads the 8 networks, the 133 metropolitan comuni plus Pavia, and places every comune', async () => {
    expect(first).not.toBeNull();
    expect(await count('networks')).toBe(8);
    expect(await count('municipalities')).toBe(134);
    const pavia = await t.db.owner
      .selectFrom('municipalities')
      .selectAll()
      .where('istat_code', '=', '018110')
      .executeTakeFirstOrThrow();
    expect(pavia).toMatchObject({ name: 'Pavia', province: 'PV' });
    const placed = await t.db.owner
      .selectFrom('network_municipalities')
      .select(['network_id', sql<number>`count(*)::int`.as('n')])
      .groupBy('network_id')
      .execute();
    const byNetwork = Object.fromEntries(placed.map((r) => [r.network_id, Number(r.n)]));
    expect(byNetwork).toMatchObject({ milano: 1, legnano: 49, melzo: 28, rozzano: 17, pavia: 1 });
    // San Colombano al Lambro belongs to the Lodi-led network, which is not in the data.
    expect(Object.values(byNetwork).reduce((a, b) => a + b, 0)).toBe(133);
    const leads = await t.db.owner.selectFrom('networks').select(['id', 'lead_municipality_code']).execute();
    for (const n of leads) expect(n.lead_municipality_code, n.id).toMatch(/^\d{6}$/);
    const milano = leads.find((n) => n.id === 'milano');
    expect(milano?.lead_municipality_code).toBe('015146');
  });

  it('loads the 9 CPIs as employment centres, with the Milan branches as children', async () => {
    const cpis = await t.db.owner
      .selectFrom('organisations')
      .select(['id', 'name', 'address', 'uncertain', 'parent_id'])
      .where('type', '=', 'employment_centre')
      .execute();
    const top = cpis.filter((c) => c.parent_id === null);
    expect(top).toHaveLength(9);
    const strozzi = top.find((c) => c.name.includes('via Strozzi'));
    expect(strozzi?.address).toBe('via Strozzi');
    const branches = cpis.filter((c) => c.parent_id === strozzi?.id);
    expect(branches).toHaveLength(5);
    expect(branches.find((b) => b.name.includes('Paravia'))).toMatchObject({
      address: 'via Paravia 26',
      uncertain: false,
    });
    expect(branches.find((b) => b.name.includes('Boifava'))).toMatchObject({ uncertain: true });
  });

  it('keeps AFOL as one "other" organisation under its full name, in the milano network', async () => {
    const afol = await org('AFOL Metropolitana');
    expect(afol).toMatchObject({ name: AFOL_NAME, type: 'other' });
    const rows = await t.db.owner.selectFrom('organisations').select('id').where('name', 'ilike', 'AFOL%').execute();
    expect(rows).toHaveLength(1);
    const nets = await t.db.owner
      .selectFrom('organisation_networks')
      .select('network_id')
      .where('organisation_id', '=', afol.id)
      .execute();
    expect(nets.map((n) => n.network_id)).toEqual(['milano']);
  });

  it('merges a body named in several networks into one organisation with several memberships', async () => {
    const ats = await org('ATS Città Metropolitana di Milano');
    expect(ats.type).toBe('ats_asst');
    const nets = await t.db.owner
      .selectFrom('organisation_networks')
      .select(['network_id', 'role'])
      .where('organisation_id', '=', ats.id)
      .execute();
    expect(nets.map((n) => n.network_id).sort()).toEqual(
      ['cinisello-balsamo', 'legnano', 'melzo', 'milano', 'rho', 'rozzano', 'san-donato-milanese'].sort(),
    );
    const asst = await org('ASST Melegnano e Martesana');
    expect(asst.name).toBe('ASST Melegnano e della Martesana');
    const rome = await t.db.owner
      .selectFrom('organisations')
      .select('id')
      .where('name', 'ilike', 'ATS Milano%')
      .execute();
    expect(rome).toHaveLength(0);
  });

  it('never stores an address for a shelter operator or a body that runs shelters', async () => {
    const withAddress = await t.db.owner
      .selectFrom('organisations')
      .select(['name', 'type'])
      .where('address', 'is not', null)
      .execute();
    expect(withAddress.length).toBeGreaterThan(0);
    for (const o of withAddress) expect(o.type, o.name).toBe('employment_centre');
    const cadmi = await org('Associazione Casa di Accoglienza delle Donne Maltrattate di Milano (CADMI)');
    expect(cadmi).toMatchObject({
      type: 'cav',
      operates_shelters: true,
      address: null,
      helpline: '02 55015519',
      uncertain: true,
    });
    const ceas = await org('Centro Ambrosiano di Solidarietà – Ce.A.S. Onlus');
    expect(ceas).toMatchObject({ type: 'shelter_operator', operates_shelters: true, address: null });
  });

  it('keeps uncertain flags, notes, helplines and sources, and resolves "As above."', async () => {
    const farsi = await org('Farsi Prossimo Onlus Società Cooperativa Sociale');
    expect(farsi.uncertain).toBe(true);
    expect(farsi.notes).toContain('inferred');
    const actionAid = await org('ActionAid Italia');
    expect(actionAid).toMatchObject({ type: 'ngo', uncertain: false, helpline: null });
    expect(actionAid.source_ids).toEqual(['S09', 'S10']);
    const niguarda = await org('ASST Grande Ospedale Metropolitano Niguarda');
    expect(niguarda.uncertain).toBe(true);
    expect(niguarda.notes).not.toContain('As above');
    expect(niguarda.notes).toContain('cut off');
    const telefono = await org('Telefono Donna Italia (già Associazione Telefono Donna Onlus)');
    expect(telefono.helpline).toBeNull();
    // no English in an Italian name (the aliases of network-data.ts say the research's asides the Italian way)
    const names = (await t.db.owner.selectFrom('organisations').select('name').execute()).map((o) => o.name);
    expect(names.filter((n) => /\((now|formerly|former) /i.test(n))).toEqual([]);
  });

  it('loads the four protocols with stable codes and their signatories', async () => {
    const protocols = await t.db.owner.selectFrom('protocols').select(['code', 'signed_on']).orderBy('code').execute();
    expect(protocols.map((p) => p.code)).toEqual([
      'metropolitano-2023',
      'milano-lavoro-2022',
      'pavia-programma-2021',
      'protocollo-milano-2023',
    ]);
    const dates = Object.fromEntries(protocols.map((p) => [p.code, isoDate(p.signed_on)]));
    expect(dates).toEqual({
      'metropolitano-2023': '2023-06-21',
      'milano-lavoro-2022': '2022-05-02',
      'pavia-programma-2021': '2021-12-17',
      'protocollo-milano-2023': '2023-11-22',
    });

    const metro = await signatoriesOf('metropolitano-2023');
    expect(metro).toHaveLength(9);
    expect(metro.every((s) => s.orgName !== null && s.kind === 'original')).toBe(true);
    expect(metro.map((s) => s.orgName)).toContain(AFOL_NAME);
    expect(metro.map((s) => s.orgName)).toContain('Comune di Legnano');

    const lavoro = await signatoriesOf('milano-lavoro-2022');
    const centres = lavoro.filter((s) => s.type === 'cav' || s.type === 'shelter_operator');
    expect(centres).toHaveLength(13);
    expect(lavoro.map((s) => s.orgName)).toEqual(
      expect.arrayContaining(['Comune di Milano', 'ActionAid Italia', AFOL_NAME]),
    );
    expect(lavoro.every((s) => s.signatory_name === null)).toBe(true);

    const milano = await signatoriesOf('protocollo-milano-2023');
    const names = milano.map((s) => s.orgName ?? s.signatory_name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Comune di Milano',
        'Questura di Milano',
        'ASST Gaetano Pini-CTO',
        'Tribunale per i Minorenni di Milano',
      ]),
    );
    expect(names).not.toContain('ActionAid Italia');
    expect(milano.filter((s) => s.signatory_name?.startsWith('Municipio '))).toHaveLength(9);

    const pavia = await signatoriesOf('pavia-programma-2021');
    expect(pavia.map((s) => s.orgName)).toEqual(['Comune di Pavia']);
  });

  it('is idempotent', async () => {
    const before = await Promise.all([count('organisations'), count('protocol_signatories'), count('municipalities')]);
    expect(await seedNetwork(t.db.owner, data)).toBeNull();
    expect(await Promise.all([count('organisations'), count('protocol_signatories'), count('municipalities')])).toEqual(
      before,
    );
  });
});

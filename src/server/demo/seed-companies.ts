import { sql } from 'kysely';
import type { CompanyFields, EngagementFields, VacancyFields } from '../companies/schemas.ts';
import { addEngagement, createCompany } from '../companies/write-company.ts';
import { actorNetworks } from '../companies/queries.ts';
import { createVacancy } from '../companies/write-vacancy.ts';
import type { Role } from '../../shared/codes/roles.ts';
import { type Actor, setActor, withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';

/**
 * Demo only (net-companies): companies of the Milan and Pavia networks with their awareness
 * activities, commitments and open vacancies, written through the same use cases as the API by
 * the demo's writers of each network (CPI referent, company liaison, coordinator). The companies
 * are invented; their VAT numbers are synthetic numbers with a valid check digit. Most vacancies ask
 * little (lower secondary school, Italian A2, no licence) so that the demo's plans get matches.
 */
type DemoCompany = Omit<CompanyFields, 'networkId' | 'followedBy' | 'municipalityCode'> & {
  town: string;
  engagements: Array<Omit<EngagementFields, 'organisationId'>>;
  vacancies: Array<Omit<VacancyFields, 'companyId' | 'municipalityCode'> & { town?: string }>;
};

const V: Pick<
  VacancyFields,
  'occupationCode' | 'shifts' | 'educationMin' | 'italianMin' | 'languages' | 'drivingLicence' | 'reserved' | 'status'
> = {
  occupationCode: null,
  shifts: false,
  educationMin: 'lower_secondary',
  italianMin: 'a2',
  languages: [],
  drivingLicence: false,
  reserved: false,
  status: 'open',
};

const MILANO: DemoCompany[] = [
  {
    name: 'Ristorazione Navigli Srl (demo)',
    vatNumber: '10000000017',
    atecoCode: '56.10',
    sizeBand: 'small',
    town: 'Milano',
    contactName: 'Ufficio del personale',
    contactEmail: 'personale@navigli.demo.invalid',
    contactPhone: null,
    engagements: [
      { kind: 'information_session', startedOn: '2026-02-12', endedOn: null, quantity: 14 },
      { kind: 'charter_signed', startedOn: '2026-03-08', endedOn: null, quantity: null },
      { kind: 'reserved_vacancies', startedOn: '2026-03-08', endedOn: '2027-03-07', quantity: 3 },
      { kind: 'flexible_hours', startedOn: '2026-03-08', endedOn: null, quantity: null },
    ],
    vacancies: [
      {
        ...V,
        occupationCode: '5.2.2.1.0',
        occupationLabel: 'Aiuto cuoca',
        sector: 'hospitality_catering',
        contractType: 'fixed_term',
        hoursPerWeek: 24,
        reserved: true,
      },
      {
        ...V,
        occupationLabel: 'Addetta alla sala',
        sector: 'hospitality_catering',
        contractType: 'apprenticeship',
        hoursPerWeek: 30,
        shifts: true,
      },
    ],
  },
  {
    name: 'Cooperativa Cura Insieme (demo)',
    vatNumber: '10000000025',
    atecoCode: '88.10',
    sizeBand: 'medium',
    town: 'Milano',
    contactName: 'Segreteria',
    contactEmail: null,
    contactPhone: '02 0000 1111',
    engagements: [
      { kind: 'event', startedOn: '2026-05-20', endedOn: null, quantity: 40 },
      { kind: 'traineeships', startedOn: '2026-06-01', endedOn: '2026-12-31', quantity: 4 },
      { kind: 'priority_vacancies', startedOn: '2026-06-01', endedOn: null, quantity: 2 },
    ],
    vacancies: [
      {
        ...V,
        occupationCode: '5.4.4.3.0',
        occupationLabel: 'Assistente familiare',
        sector: 'care_domestic',
        contractType: 'permanent',
        hoursPerWeek: 20,
        educationMin: 'none',
        reserved: true,
      },
      {
        ...V,
        occupationLabel: 'Operatrice socio-sanitaria (OSS)',
        sector: 'health_social',
        contractType: 'fixed_term',
        hoursPerWeek: 36,
        shifts: true,
        educationMin: 'upper_secondary',
        italianMin: 'b1',
      },
    ],
  },
  {
    name: 'Logistica Lombarda Spa (demo)',
    vatNumber: '10000000033',
    atecoCode: '52.10',
    sizeBand: 'large',
    town: 'Milano',
    contactName: 'Risorse umane',
    contactEmail: 'hr@logistica.demo.invalid',
    contactPhone: null,
    engagements: [{ kind: 'materials', startedOn: '2026-09-15', endedOn: null, quantity: 200 }],
    vacancies: [
      {
        ...V,
        occupationLabel: 'Magazziniera',
        sector: 'logistics',
        contractType: 'agency',
        hoursPerWeek: 40,
        shifts: true,
        drivingLicence: true,
      },
      {
        ...V,
        occupationLabel: 'Impiegata amministrativa',
        sector: 'office_admin',
        contractType: 'fixed_term',
        hoursPerWeek: 25,
        educationMin: 'upper_secondary',
        italianMin: 'b2',
        languages: ['en'],
        status: 'closed',
      },
    ],
  },
  {
    name: 'Pulizie Brera Snc (demo)',
    vatNumber: '10000000041',
    atecoCode: '81.21',
    sizeBand: 'micro',
    town: 'Milano',
    contactName: null,
    contactEmail: null,
    contactPhone: '02 0000 2222',
    engagements: [{ kind: 'information_session', startedOn: '2026-10-02', endedOn: null, quantity: 3 }],
    vacancies: [
      {
        ...V,
        occupationLabel: 'Addetta alle pulizie',
        sector: 'cleaning',
        contractType: 'permanent',
        hoursPerWeek: 18,
        educationMin: 'none',
        italianMin: 'a1',
      },
    ],
  },
];

const PAVIA: DemoCompany[] = [
  {
    name: 'Agricola del Ticino (demo)',
    vatNumber: '10000000058',
    atecoCode: '01.11',
    sizeBand: 'small',
    town: 'Pavia',
    contactName: 'Amministrazione',
    contactEmail: null,
    contactPhone: null,
    engagements: [
      { kind: 'information_session', startedOn: '2026-04-14', endedOn: null, quantity: 6 },
      { kind: 'charter_signed', startedOn: '2026-04-14', endedOn: null, quantity: null },
    ],
    vacancies: [
      {
        ...V,
        occupationLabel: 'Operaia agricola stagionale',
        sector: 'agriculture',
        contractType: 'fixed_term',
        hoursPerWeek: 30,
        drivingLicence: true,
      },
    ],
  },
  {
    name: 'Negozi Strada Nuova Srl (demo)',
    vatNumber: '10000000066',
    atecoCode: '47.71',
    sizeBand: 'small',
    town: 'Pavia',
    contactName: 'Titolare',
    contactEmail: 'info@stradanuova.demo.invalid',
    contactPhone: null,
    engagements: [{ kind: 'flexible_hours', startedOn: '2026-07-01', endedOn: null, quantity: null }],
    vacancies: [
      {
        ...V,
        occupationLabel: 'Commessa',
        sector: 'retail',
        contractType: 'apprenticeship',
        hoursPerWeek: 24,
        italianMin: 'b1',
        reserved: true,
      },
    ],
  },
];

const WRITERS: Array<{ network: string; usernames: string[]; companies: DemoCompany[] }> = [
  { network: 'milano', usernames: ['referente.cpi.milano', 'aziende.afol', 'coordinatrice.milano'], companies: MILANO },
  { network: 'pavia', usernames: ['coordinatrice.pavia'], companies: PAVIA },
];

export async function seedDemoCompaniesOnce(db: Database): Promise<number> {
  const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM companies`.execute(db.owner);
  if ((existing.rows[0]?.n ?? 0) > 0) return 0;
  let n = 0;
  for (const w of WRITERS) {
    // the first demo writer who works with the network's register (a member, or a CPI in its municipalities)
    let actor: Actor | null = null;
    for (const username of w.usernames) {
      const user = await db.owner
        .selectFrom('users as u')
        .innerJoin('user_roles as r', 'r.user_id', 'u.id')
        .select(['u.id', 'u.organisation_id', 'r.role'])
        .where('u.username', '=', username)
        .executeTakeFirst();
      if (!user) continue;
      const candidate: Actor = { userId: user.id, organisationId: user.organisation_id, roles: [user.role as Role] };
      const networks = await withContext(db, async (tx) => {
        await setActor(tx, candidate);
        return actorNetworks(tx, candidate);
      });
      if (networks.includes(w.network)) {
        actor = candidate;
        break;
      }
    }
    if (!actor) continue;
    const writer = actor;
    for (const c of w.companies) {
      const town = await db.owner
        .selectFrom('municipalities')
        .select('istat_code')
        .where('name', '=', c.town)
        .executeTakeFirst();
      if (!town) continue;
      await withContext(db, async (tx) => {
        await setActor(tx, writer);
        const { engagements, vacancies, town: _town, ...fields } = c;
        const company = await createCompany(tx, writer, {
          ...fields,
          networkId: w.network,
          municipalityCode: town.istat_code,
          followedBy: writer.organisationId,
        });
        for (const e of engagements)
          await addEngagement(tx, writer, company.id, { ...e, organisationId: writer.organisationId });
        for (const v of vacancies) {
          const { town: _vt, ...vf } = v;
          await createVacancy(tx, writer, { ...vf, companyId: company.id, municipalityCode: town.istat_code });
        }
      });
      n++;
    }
  }
  return n;
}

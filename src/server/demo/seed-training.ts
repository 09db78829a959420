/**
 * Training demo (issue 8): two synthetic CPI referents per CPI (the demo's named referents of Milan
 * and Rho among them), and a year of courses recorded through the API's use cases by AFOL's
 * training coordinator and Milan's network coordinator: editions, sessions, enrolments and
 * attendance. Magenta's second referent missed most of her edition, so the board flags Magenta
 * with one trained referent; Corsico's referents were trained early in 2025 (refresher due in 2027).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Role } from '../../shared/codes/roles.ts';
import type { Config } from '../config.ts';
import { type Actor, setActor, withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import type { PreventionAudience, PreventionKind } from '../../shared/codes/prevention.ts';
import { createActivity } from '../prevention/activities.ts';
import { addSession, createCourse, createEdition, enrol, recordAttendance } from '../training/courses.ts';
import { createAccount } from '../users/create-account.ts';

const FIRST = ['Laura', 'Marco', 'Giovanna', 'Stefano', 'Federica', 'Alessandro', 'Valentina', 'Paolo', 'Ilaria'];
const SECOND = ['Rossi', 'Bianchi', 'Ferrari', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo'];

async function actorOf(db: Database, username: string, role: Role): Promise<Actor | null> {
  const u = await db.owner
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('username', '=', username)
    .executeTakeFirst();
  return u ? { userId: u.id, organisationId: u.organisation_id, roles: [role] } : null;
}

export async function seedDemoTrainingOnce(db: Database, config: Config): Promise<number> {
  if (!config.demo) return 0;
  const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM training_courses`.execute(db.owner);
  if ((existing.rows[0]?.n ?? 0) > 0) return 0;
  const afol = await actorOf(db, 'formazione.afol', 'training_coordinator');
  const milan = await actorOf(db, 'coordinatrice.milano', 'network_coordinator');
  if (!afol || !milan) return 0;

  // the nine CPIs and their referents: the demo's named ones, then synthetic ones up to two each
  const cpis = await sql<{ id: string; town: string }>`
    SELECT id, coalesce(town, name) AS town FROM organisations
    WHERE type = 'employment_centre' AND parent_id IS NULL ORDER BY name`.execute(db.owner);
  const referents = new Map<string, Array<{ id: string }>>();
  const named = await sql<{ id: string; organisation_id: string }>`
    SELECT u.id, r.organisation_id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'cpi_referent'`.execute(
    db.owner,
  );
  for (const n of named.rows) referents.set(n.organisation_id, [...(referents.get(n.organisation_id) ?? []), n]);
  let k = 0;
  for (const cpi of cpis.rows) {
    const list = referents.get(cpi.id) ?? [];
    while (list.length < 2) {
      const id = randomUUID();
      k += 1;
      await createAccount(db.owner, {
        id,
        organisationId: cpi.id,
        username: `referente.${k}.${cpi.town.toLowerCase().replace(/[^a-z]+/g, '-')}`.slice(0, 64),
        displayName: `${FIRST[k % FIRST.length]} ${SECOND[(k * 5) % SECOND.length]}`,
        email: null,
        passwordHash: null,
        roles: ['cpi_referent'],
      });
      list.push({ id });
    }
    referents.set(cpi.id, list);
  }
  const afolOrg = afol.organisationId;
  const cadmi = await sql<{ id: string }>`SELECT id FROM organisations WHERE name LIKE '%(CADMI)%' LIMIT 1`.execute(
    db.owner,
  );

  const asAfol = <T>(fn: (tx: Parameters<Parameters<typeof withContext>[1]>[0]) => Promise<T>) =>
    withContext(db, async (tx) => {
      await setActor(tx, afol);
      return fn(tx);
    });
  const asMilan = <T>(fn: (tx: Parameters<Parameters<typeof withContext>[1]>[0]) => Promise<T>) =>
    withContext(db, async (tx) => {
      await setActor(tx, milan);
      return fn(tx);
    });

  // 1. the referents' course, two editions; Corsico and Rozzano in spring 2025, the others in autumn 2026
  await asAfol(async (tx) => {
    const course = await createCourse(tx, afol, {
      networkId: 'milano',
      runningBodyId: afolOrg,
      title: 'Violenza economica e inserimento lavorativo: il ruolo del referente CPI',
      audiences: ['cpi_referent'],
      hours: 16,
      topics: ['Violenza economica', 'Protocollo CPI–reti', 'Invii e consenso', 'Colloquio di orientamento'],
    });
    const editions = [
      { label: 'Edizione primavera 2025', days: ['2025-03-04', '2025-03-11', '2025-03-18', '2025-03-25'] },
      { label: 'Edizione autunno 2026', days: ['2026-09-15', '2026-09-22', '2026-09-29', '2026-10-06'] },
    ];
    for (const [i, e] of editions.entries()) {
      const edition = await createEdition(tx, course, e.label);
      const sessions = [];
      for (const [j, day] of e.days.entries()) {
        sessions.push(
          await addSession(tx, edition, {
            heldOn: day,
            hours: 4,
            place: j === 2 ? null : 'AFOL Metropolitana, via Soderini 24, Milano',
            onlineUrl: j === 2 ? 'https://formazione.afolmet.invalid/aula-virtuale' : null,
          }),
        );
      }
      const early = (town: string) => /Corsico|Rozzano/.test(town);
      const people: Array<{ enrolment: string; missesMost: boolean }> = [];
      for (const cpi of cpis.rows) {
        if (early(cpi.town) !== (i === 0)) continue;
        for (const [r, ref] of (referents.get(cpi.id) ?? []).entries()) {
          const enrolment = await enrol(tx, edition, { organisationId: cpi.id, userId: ref.id, name: null });
          people.push({ enrolment, missesMost: /Magenta/.test(cpi.town) && r === 1 });
        }
      }
      for (const [j, session] of sessions.entries()) {
        await recordAttendance(tx, edition, {
          sessionId: session,
          present: people.filter((p) => !p.missesMost || j === 0).map((p) => p.enrolment),
        });
      }
    }
  });

  // 2. a multidisciplinary course of Milan's network, with named external participants
  // (read before the transaction: PGlite has one connection)
  const bodies = await sql<{ id: string; type: string }>`
    SELECT o.id, o.type FROM organisations o JOIN organisation_networks n ON n.organisation_id = o.id
    WHERE n.network_id = 'milano' AND o.type IN ('social_services', 'police', 'ats_asst', 'municipality')
    ORDER BY o.name LIMIT 4`.execute(db.owner);
  await asMilan(async (tx) => {
    const course = await createCourse(tx, milan, {
      networkId: 'milano',
      runningBodyId: cadmi.rows[0]?.id ?? milan.organisationId,
      title: 'Riconoscere la violenza: formazione multidisciplinare della rete',
      audiences: ['centre_operator', 'social_services', 'police', 'health'],
      hours: 12,
      topics: ['Indicatori di violenza', 'Valutazione del rischio', 'Lavoro di rete'],
    });
    const edition = await createEdition(tx, course, 'Edizione 2026');
    const days = ['2026-04-09', '2026-04-16', '2026-04-23'];
    const sessions = [];
    for (const day of days) {
      sessions.push(
        await addSession(tx, edition, { heldOn: day, hours: 4, place: 'Casa delle Donne, Milano', onlineUrl: null }),
      );
    }

    const names = ['Chiara Fontana', 'Davide Moretti', 'Elisa Conti', 'Matteo Lombardi', 'Sara Barbieri', 'Luca Galli'];
    const enrolments: string[] = [];
    for (const [i, name] of names.entries()) {
      const body = bodies.rows[i % Math.max(1, bodies.rows.length)]?.id ?? milan.organisationId;
      enrolments.push(await enrol(tx, edition, { organisationId: body, userId: null, name }));
    }
    for (const [j, session] of sessions.entries()) {
      await recordAttendance(tx, edition, { sessionId: session, present: enrolments.filter((_, i) => i !== j) });
    }
  });
  return 2;
}

/**
 * Prevention demo (issue 8): a year of activities of Milan's network across the nine Municipi (and
 * two in the metropolitan area), recorded through the API's use case by Milan's coordinator.
 */
export async function seedDemoPreventionOnce(db: Database, config: Config): Promise<number> {
  if (!config.demo) return 0;
  const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM prevention_activities`.execute(db.owner);
  if ((existing.rows[0]?.n ?? 0) > 0) return 0;
  const milan = await actorOf(db, 'coordinatrice.milano', 'network_coordinator');
  if (!milan) return 0;
  const bodies = await sql<{ id: string; name: string }>`
    SELECT o.id, o.name FROM organisations o JOIN organisation_networks n ON n.organisation_id = o.id
    WHERE n.network_id = 'milano' AND o.type IN ('cav', 'school', 'university', 'ats_asst', 'ngo')
    ORDER BY o.name LIMIT 6`.execute(db.owner);
  const body = (i: number) => bodies.rows[i % Math.max(1, bodies.rows.length)]?.id ?? milan.organisationId;
  const plan: Array<
    [PreventionKind, string, number | null, string | null, string, string, number, PreventionAudience[]]
  > = [
    [
      'school_workshop',
      'Laboratorio “Relazioni senza violenza” nelle scuole medie',
      1,
      null,
      '2026-02-09',
      '2026-02-27',
      180,
      ['students', 'teachers'],
    ],
    [
      'teacher_training',
      'Riconoscere i segnali: formazione per insegnanti',
      2,
      null,
      '2026-03-03',
      '2026-03-17',
      45,
      ['teachers'],
    ],
    [
      'family_meeting',
      'Incontro con le famiglie: stereotipi e rispetto',
      3,
      null,
      '2026-03-12',
      '2026-03-12',
      60,
      ['families'],
    ],
    [
      'public_event',
      'Panchina rossa e letture in piazza',
      4,
      null,
      '2026-03-08',
      '2026-03-08',
      250,
      ['general_public'],
    ],
    [
      'university',
      'Ricerca sulla violenza economica con l’Università',
      5,
      null,
      '2026-01-15',
      '2026-06-30',
      30,
      ['university', 'professionals'],
    ],
    [
      'campaign',
      'Campagna “Il lavoro è libertà” sui mezzi pubblici',
      6,
      null,
      '2026-04-01',
      '2026-04-30',
      0,
      ['general_public'],
    ],
    [
      'school_workshop',
      'Peer education nelle scuole superiori',
      7,
      null,
      '2026-04-13',
      '2026-05-15',
      220,
      ['students'],
    ],
    [
      'family_meeting',
      'Genitori e social network: incontro serale',
      8,
      null,
      '2026-05-20',
      '2026-05-20',
      40,
      ['families'],
    ],
    [
      'teacher_training',
      'Educare all’affettività: corso per docenti',
      9,
      null,
      '2026-09-22',
      '2026-10-20',
      55,
      ['teachers'],
    ],
    ['public_event', '25 novembre: maratona di letture', 1, null, '2026-11-25', '2026-11-25', 400, ['general_public']],
    ['campaign', 'Campagna 1522 nelle farmacie', null, '015146', '2026-11-15', '2026-12-10', 0, ['general_public']],
    [
      'school_workshop',
      'Laboratorio teatrale contro la violenza di genere',
      9,
      null,
      '2026-12-01',
      '2026-12-18',
      90,
      ['students', 'teachers'],
    ],
  ];
  await withContext(db, async (tx) => {
    await setActor(tx, milan);
    for (const [i, [kind, title, municipio, code, startsOn, endsOn, participants, audiences]] of plan.entries()) {
      await createActivity(tx, milan, {
        networkId: 'milano',
        kind,
        title,
        municipio,
        municipalityCode: code,
        audiences,
        startsOn,
        endsOn,
        participants,
        materials: i % 2 ? ['Opuscolo informativo', 'Locandina 1522'] : ['Presentazione', 'Scheda di valutazione'],
        resources: [
          { bodyId: milan.organisationId, kind: 'money', amount: 500 + (i % 4) * 750 },
          { bodyId: body(i), kind: 'hours', amount: 6 + (i % 5) * 4 },
          { bodyId: body(i + 1), kind: 'involved', amount: 0 },
        ],
      });
    }
  });
  return plan.length;
}

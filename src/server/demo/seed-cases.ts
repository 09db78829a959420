import type { Role } from '../../shared/codes/roles.ts';
import { createCase } from '../cases/write-case.ts';
import { recordConsent } from '../consents/consents.ts';
import type { Config } from '../config.ts';
import { setActor, type Tx, withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { makeCtx } from '../http/request-context.ts';
import { recordFollowUp } from '../outcomes/follow-ups.ts';
import { recordOutcome } from '../outcomes/outcomes.ts';
import { addDays } from '../cases/eligibility.ts';
import { isoDate, todayInItaly } from '../db/dates.ts';
import { closeCase } from '../cases/write-case.ts';
import { FIRST_NAMES, type Random, SURNAMES, seeded } from './random.ts';
import { seedPlanFor } from './seed-plans.ts';
import { seedDemoReferrals } from './seed-referrals.ts';
import { seedDemoTrail } from './seed-trail.ts';
import { townCpi } from '../referrals/destinations.ts';
import { stampDemoHistory } from './stamp-history.ts';

const VIOLENCE = [
  ['psychological', 90],
  ['physical', 60],
  ['economic', 40],
  ['stalking', 20],
  ['sexual', 15],
  ['witnessed', 25],
] as const;
const AUTHORS = [
  ['spouse', 35],
  ['cohabiting_partner', 20],
  ['former_spouse', 12],
  ['former_cohabiting_partner', 10],
  ['partner_not_cohabiting', 6],
  ['father', 4],
  ['son', 3],
  ['other_relative', 4],
  ['acquaintance_friend', 4],
  ['colleague_employer', 2],
] as const;

/** Centres that hold demo cases, and the demo operator acting for each. */
async function centresWithOperators(tx: Tx) {
  return tx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id as userId', 'users.organisation_id as organisationId'])
    .where('user_roles.role', '=', 'centre_operator')
    .where('organisations.type', 'in', ['cav', 'shelter_operator'])
    .orderBy('users.username')
    .execute();
}

function profileFor(r: Random, takenOn: string, residences: string[]) {
  const children = r.weighted([
    [0, 35],
    [1, 30],
    [2, 25],
    [3, 10],
  ] as const);
  return {
    takenInChargeOn: takenOn,
    firstContactOn: addDays(takenOn, -r.int(7, 40)),
    intakeOn: addDays(takenOn, -r.int(0, 6)),
    ageBand: r.weighted([
      ['18_29', 20],
      ['30_39', 32],
      ['40_49', 28],
      ['50_59', 13],
      ['60_69', 5],
      ['70_plus', 2],
    ] as const),
    citizenship: r.weighted([
      ['italian', 68],
      ['eu', 8],
      ['non_eu', 24],
    ] as const),
    residenceCode: r.pick(residences),
    education: r.weighted([
      ['lower_secondary', 30],
      ['upper_secondary', 42],
      ['tertiary', 20],
      ['primary', 6],
      ['none', 2],
    ] as const),
    employment: r.weighted([
      ['unemployed', 38],
      ['employed', 34],
      ['homemaker', 14],
      ['student', 5],
      ['other', 9],
    ] as const),
    childrenCount: children,
    minorChildrenCount: Math.min(children, r.int(0, children)),
    childrenWitnessed: children > 0 ? r.chance(0.6) : null,
    violenceTypes: [...new Set([r.weighted(VIOLENCE), r.weighted(VIOLENCE), 'psychological' as const])],
    authorRelationships: [r.weighted(AUTHORS)],
    referralSource: r.weighted([
      ['self', 40],
      ['helpline_1522', 15],
      ['police', 12],
      ['health_services', 12],
      ['social_services', 13],
      ['family_friends', 8],
    ] as const),
    riskTool: 'sara' as const,
    riskLevel: r.weighted([
      ['low', 40],
      ['medium', 40],
      ['high', 20],
    ] as const),
    riskAssessedOn: takenOn,
    safeContact: {
      channels: r.some(['phone', 'sms', 'through_centre'] as const, 1, 2),
      windows: [
        {
          days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[],
          from: '10:00',
          to: '12:00',
        },
      ],
      noVoicemail: true,
      onlyThroughCentre: r.chance(0.4),
    },
  };
}

/**
 * The first woman of each demo centre is a "Verdiani" (a synthetic name), so that a prefix search
 * ("Verd") has something to find; no random draw is added, so the rest of the demo is unchanged.
 */
function withSearchDemoSurname<T extends { lastName: string }>(identity: T | undefined) {
  return identity
    ? { ...identity, lastName: 'Verdiani' }
    : { firstName: 'Giulia', lastName: 'Verdiani', languages: ['it'] };
}

/**
 * A few hundred synthetic women's paths over the demo centres, written through the same use
 * cases as the API (so every rule and audit row applies). Names are synthetic combinations.
 */
export async function seedDemoCases(db: Database, config: Config, count = 200): Promise<number> {
  const r = seeded(20261123);
  const today = todayInItaly();
  const centres: Array<{ userId: string; organisationId: string }> = [];
  const residences: string[] = [];
  const owner = db.owner;
  centres.push(...(await owner.transaction().execute((tx) => centresWithOperators(tx))));
  residences.push(
    ...(await owner.selectFrom('municipalities').select('istat_code').where('province', '=', 'MI').execute()).map(
      (m) => m.istat_code,
    ),
  );
  if (!centres.length) return 0;
  let made = 0;
  for (let i = 0; i < count; i++) {
    const centre = centres[i % centres.length] as { userId: string; organisationId: string };
    const takenOn = addDays(today, -r.int(20, 900));
    await withContext(db, async (tx) => {
      const actor = {
        userId: centre.userId,
        organisationId: centre.organisationId,
        roles: ['centre_operator'] as Role[],
      };
      await setActor(tx, actor);
      const ctx = makeCtx(tx, actor);
      const anonymous = r.chance(0.15);
      const identity = anonymous
        ? undefined
        : {
            firstName: r.pick(FIRST_NAMES),
            lastName: r.pick(SURNAMES),
            phone: `+39 3${r.int(10, 99)} 000${r.int(1000, 9999)}`,
            languages: ['it'],
          };
      const profile = profileFor(r, takenOn, residences);
      const caseId = await createCase(ctx, config.masterKey, {
        ...profile,
        identity: i < centres.length ? withSearchDemoSurname(identity) : identity,
      });
      await recordConsent(ctx, caseId, {
        purpose: 'service',
        decision: 'granted',
        textVersion: '2026-01',
        method: 'signed_form',
        givenOn: takenOn,
      });
      if (r.chance(0.7)) {
        await recordConsent(ctx, caseId, {
          purpose: 'sharing',
          decision: r.chance(0.9) ? 'granted' : 'refused',
          textVersion: '2026-01',
          method: 'signed_form',
          givenOn: takenOn,
          recipientType: 'employment_centre',
          sharingPurpose: 'work_orientation',
        });
      }
      await seedPlanFor(
        ctx,
        config.masterKey,
        r,
        caseId,
        takenOn,
        (await townCpi(tx, profile.residenceCode ?? null))?.id ?? null,
      );
      let version = 1;
      if (r.chance(0.35)) {
        const hiredOn = addDays(takenOn, r.int(60, 400));
        if (hiredOn < today) {
          await recordOutcome(ctx, config.masterKey, caseId, {
            kind: 'hired',
            occurredOn: hiredOn,
            details: {
              contractType: r.weighted([
                ['fixed_term', 45],
                ['permanent', 20],
                ['apprenticeship', 10],
                ['agency', 20],
                ['self_employed', 5],
              ] as const),
              weeklyHours: r.pick([20, 24, 30, 36, 40]),
              sector: r.pick(['G', 'I', 'N', 'Q', 'C', 'S'] as const),
            },
          });
          const due = await tx
            .selectFrom('follow_ups')
            .select(['id', 'due_on'])
            .where('case_id', '=', caseId)
            .orderBy('months')
            .execute();
          for (const f of due) {
            const dueOn = isoDate(f.due_on);
            if (dueOn < addDays(today, -20))
              await recordFollowUp(ctx, caseId, f.id, {
                doneOn: addDays(dueOn, r.int(0, 14)),
                stillWorking: r.chance(0.8),
              });
          }
        }
      }
      const closeOn = addDays(takenOn, r.int(120, 700));
      if (closeOn < today && r.chance(0.45)) {
        const current = await tx
          .selectFrom('cases')
          .select('version')
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow();
        version = current.version;
        await closeCase(
          ctx,
          caseId,
          {
            closedOn: closeOn,
            outcome: r.weighted([
              ['goals_reached', 50],
              ['dropped_out', 20],
              ['sent_to_local_services', 15],
              ['moved_away', 10],
              ['other', 5],
            ] as const),
          },
          version,
        );
      }
    });
    made++;
  }
  return made;
}

/** Seeds the demo paths on a database that has none yet. */
export async function seedDemoCasesOnce(db: Database, config: Config): Promise<number> {
  if (!config.demo) return 0;
  const any = await db.owner.selectFrom('cases').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const made = await seedDemoCases(db, config);
  await seedDemoReferrals(db, config);
  await stampDemoHistory(db.owner);
  await seedDemoTrail(db, config);
  return made;
}

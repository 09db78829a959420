import { addDays } from '../cases/eligibility.ts';
import { todayInItaly } from '../db/dates.ts';
import type { Ctx } from '../http/request-context.ts';
import { addReview, agreePlan, replacePlan } from '../plans/write-plan.ts';
import type { PlanIn } from '../plans/schemas.ts';
import type { Random } from './random.ts';

type Goal = PlanIn['goals'][number];

/** Goal templates by domain: a title and the catalogue actions that usually serve it. */
const TEMPLATES: Array<{ domain: Goal['domain']; title: string; actions: string[]; weight: number }> = [
  {
    domain: 'work',
    title: 'Trovare un lavoro stabile',
    actions: ['orientation_interview', 'cpi_registration', 'job_search_support'],
    weight: 80,
  },
  { domain: 'training', title: 'Completare un corso professionale', actions: ['course_enrolment'], weight: 45 },
  { domain: 'work', title: 'Fare un tirocinio', actions: ['cpi_registration', 'traineeship'], weight: 30 },
  {
    domain: 'housing',
    title: 'Trovare una casa in autonomia',
    actions: ['social_housing_application', 'rent_support'],
    weight: 45,
  },
  {
    domain: 'economic_autonomy',
    title: 'Gestire il proprio reddito',
    actions: ['bank_account', 'freedom_income_application', 'financial_literacy'],
    weight: 50,
  },
  { domain: 'childcare', title: 'Conciliare lavoro e cura dei figli', actions: ['childcare_place'], weight: 30 },
  { domain: 'legal', title: 'Tutela legale', actions: ['legal_aid'], weight: 35 },
];

/**
 * A plan of 2–4 goals whose actions fall between intake and today, agreed and sometimes reviewed.
 * Her employment actions all go to one CPI, the one of her town (as an operator would plan them).
 */
export async function seedPlanFor(
  ctx: Ctx,
  masterKey: Buffer,
  r: Random,
  caseId: string,
  takenOn: string,
  cpi: string | null,
): Promise<void> {
  const today = todayInItaly();
  const chosen = r.some(TEMPLATES, 2, 4);
  const goals: Goal[] = chosen.map((t) => ({
    domain: t.domain,
    title: t.title,
    actions: t.actions.map((code) => {
      const startsOn = addDays(takenOn, r.int(5, 90));
      const dueOn = addDays(startsOn, r.int(20, 150));
      const past = dueOn < today;
      return {
        catalogueCode: code,
        responsibleOrganisationId:
          code.startsWith('cpi') || code === 'traineeship' || code === 'job_search_support' ? cpi : null,
        startsOn,
        dueOn,
        status: past
          ? r.weighted([
              ['done', 70],
              ['cancelled', 10],
              ['in_progress', 20],
            ] as const)
          : r.weighted([
              ['planned', 50],
              ['in_progress', 50],
            ] as const),
      };
    }),
  }));
  const version = await replacePlan(ctx, masterKey, caseId, { goals }, 0);
  // the version is saved now, so she agrees to it today (the demo does not back-date saves)
  await agreePlan(ctx, caseId, { version, agreedOn: today, method: r.chance(0.8) ? 'signed' : 'verbal' });
  const reviewOn = addDays(takenOn, r.int(90, 200));
  if (reviewOn < today && r.chance(0.5)) {
    await addReview(ctx, masterKey, caseId, {
      reviewedOn: reviewOn,
      summary: 'Revisione periodica: obiettivi confermati, azioni aggiornate.',
    });
  }
}

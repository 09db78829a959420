import { loadCase, recordCaseEvent } from '../cases/access.ts';
import { todayInItaly } from '../db/dates.ts';
import type { Ctx } from '../http/request-context.ts';
import { feedbackUrl as feedbackUrl_ } from '../feedback/page.ts';
import { issueFeedbackToken } from '../feedback/tokens.ts';
import { readAgreed, readGoals } from './read-plan.ts';
import type { PrintLanguage } from '../../shared/codes/plans.ts';

/**
 * The plan printed for her, in Italian and her second language (kept on the plan as her
 * choice). Operators of the centre print it, also after closure; audited `plan.print`.
 */
export async function printPlan(
  ctx: Ctx,
  masterKey: Buffer,
  caseId: string,
  lang: PrintLanguage,
  publicUrl?: string,
): Promise<{ pdf: Buffer; caseCode: string }> {
  const { me, row } = await loadCase(ctx, caseId, 'write');
  const plan = await ctx.tx.selectFrom('plans').select('version').where('case_id', '=', caseId).executeTakeFirst();
  const version = plan?.version ?? 0;
  // pdfkit and the fonts load on the first print, not at start-up
  const { printableGoals, renderPlanPdf } = await import('./print-plan.ts');
  // her anonymous feedback link (obs-report): a token of "this centre, this month", not of this case
  const feedbackUrl = publicUrl
    ? `${publicUrl.replace(/\/$/, '')}${feedbackUrl_(await issueFeedbackToken(ctx.tx, me.organisationId))}`
    : null;
  const pdf = await renderPlanPdf({
    lang,
    caseCode: row.code,
    printedOn: todayInItaly(),
    version,
    feedbackUrl,
    agreed: await readAgreed(ctx.tx, caseId),
    goals: plan ? printableGoals(await readGoals(ctx.tx, masterKey, caseId)) : [],
  });
  if (plan && lang !== 'it')
    await ctx.tx.updateTable('plans').set({ second_language: lang }).where('case_id', '=', caseId).execute();
  const details = { lang, version };
  await recordCaseEvent(ctx.tx, me, { caseId, kind: 'plan.printed', details });
  await ctx.audit({ action: 'plan.print', subjectType: 'case', subjectId: caseId, details });
  return { pdf, caseCode: row.code };
}

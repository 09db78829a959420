import { loadCase } from '../cases/access.ts';
import { isoDate } from '../db/dates.ts';
import { reportDetails } from '../referrals/read-referral.ts';
import type { Ctx } from '../http/request-context.ts';
import type { PartnerReport, PartnerReports } from './schemas.ts';

/**
 * What the bodies she was referred to reported back, newest first, each marked with the reporting
 * body and, when its referral serves an action of her plan, that action as it is now (so the
 * centre can update it in one click). The plan's version comes with it for If-Match.
 */
export async function listPartnerReports(ctx: Ctx, masterKey: Buffer, caseId: string): Promise<PartnerReports> {
  await loadCase(ctx, caseId, 'read');
  const rows = await ctx.tx
    .selectFrom('referral_reports as rr')
    .innerJoin('referrals as r', 'r.id', 'rr.referral_id')
    .innerJoin('organisations as o', 'o.id', 'rr.recipient_organisation_id')
    .leftJoin('plan_actions as a', (j) => j.onRef('a.id', '=', 'r.plan_action_id').onRef('a.case_id', '=', 'r.case_id'))
    .leftJoin('action_catalogue as c', 'c.code', 'a.catalogue_code')
    .select([
      'rr.id',
      'rr.referral_id',
      'rr.kind',
      'rr.occurred_on',
      'rr.details',
      'rr.course_title_sealed',
      'rr.outcome_id',
      'rr.recipient_organisation_id',
      'o.name as organisation_name',
      'a.id as action_id',
      'a.catalogue_code',
      'a.status as action_status',
      'c.label_it',
      'c.label_en',
    ])
    .where('r.case_id', '=', caseId)
    .orderBy('rr.occurred_on', 'desc')
    .orderBy('rr.created_at', 'desc')
    .limit(500)
    .execute();
  const plan = await ctx.tx.selectFrom('plans').select('version').where('case_id', '=', caseId).executeTakeFirst();
  const items = rows.map(
    (r): PartnerReport => ({
      id: r.id,
      referralId: r.referral_id,
      kind: r.kind as PartnerReport['kind'],
      occurredOn: isoDate(r.occurred_on),
      details: reportDetails(masterKey, r.referral_id, r),
      outcomeId: r.outcome_id,
      reportedByOrganisationId: r.recipient_organisation_id,
      reportedByOrganisationName: r.organisation_name,
      planAction: r.action_id
        ? {
            id: r.action_id,
            label: r.label_it ?? r.catalogue_code ?? '',
            labelEn: r.label_en ?? r.catalogue_code ?? '',
            status: r.action_status as NonNullable<PartnerReport['planAction']>['status'],
          }
        : null,
    }),
  );
  await ctx.audit({
    action: 'case.read',
    subjectType: 'case',
    subjectId: caseId,
    details: { part: 'partner_reports', results: items.length },
  });
  return { items, planVersion: plan?.version ?? 0 };
}

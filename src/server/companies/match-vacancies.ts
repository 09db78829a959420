import type { REFERRAL_STATUSES } from '../../shared/codes/referrals.ts';
import { loadCase } from '../cases/access.ts';
import { notFound } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { accessOpen, loadReferral } from '../referrals/load-referral.ts';
import { openShare } from '../referrals/pseudonym.ts';
import type { Shared } from '../referrals/schemas.ts';
import { fieldsVisibleTo } from '../referrals/share-fields.ts';
import { herFromCase, herFromShare } from './her-data.ts';
import { matchVacancies } from './match.ts';
import { listVacancies } from './queries.ts';
import type { VacancyMatches } from './schemas.ts';

/** The referral statuses in which the recipient works on her path (and may look for vacancies for her). */
const WORKING: readonly (typeof REFERRAL_STATUSES)[number][] = ['accepted', 'in_progress'];

/** At her centre: the open vacancies of the centre's networks that fit her case, on all of her data. */
export async function matchForCase(ctx: Ctx, caseId: string): Promise<VacancyMatches> {
  const { row } = await loadCase(ctx, caseId, 'read');
  const me = ctx.authorise('company.read');
  const vacancies = await listVacancies(ctx.tx, me, { status: 'open' });
  const result = matchVacancies(await herFromCase(ctx.tx, row), fieldsVisibleTo({ kind: 'holding_centre' }), vacancies);
  await ctx.audit({
    action: 'vacancy.match',
    subjectType: 'case',
    subjectId: row.id,
    details: { vacancies: vacancies.length, matches: result.items.length },
  });
  return result;
}

/**
 * At the recipient of an accepted referral (a CPI): the same matching on the shared fields only.
 * The sender, another body, a referral not accepted or whose access has ended: 404.
 */
export async function matchForReferral(ctx: Ctx, masterKey: Buffer, referralId: string): Promise<VacancyMatches> {
  const { row, side } = await loadReferral(ctx, referralId, 'read');
  if (side !== 'recipient' || !WORKING.includes(row.status as never) || !accessOpen(row)) throw notFound();
  const me = ctx.authorise('company.read');
  const share = await ctx.tx
    .selectFrom('referral_shares')
    .select('sealed')
    .where('referral_id', '=', referralId)
    .executeTakeFirst();
  if (!share) throw notFound();
  const shared = openShare<Shared>(masterKey, referralId, share.sealed);
  const vacancies = await listVacancies(ctx.tx, me, { status: 'open' });
  const visible = fieldsVisibleTo({ kind: 'recipient', sharedFields: row.share_fields });
  const result = matchVacancies(herFromShare(shared), visible, vacancies);
  await ctx.audit({
    action: 'vacancy.match',
    subjectType: 'referral',
    subjectId: referralId,
    details: { vacancies: vacancies.length, matches: result.items.length },
  });
  return result;
}

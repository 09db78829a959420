import { loadCase } from '../cases/access.ts';
import { todayInItaly } from '../db/dates.ts';
import type { Ctx } from '../http/request-context.ts';
import { DEFAULT_EXPIRY_MONTHS } from './check.ts';
import { checkConsent } from './consents.ts';
import type { FormQuery } from './schemas.ts';
import { CURRENT_TEXT_VERSION } from '../../shared/consent-texts.ts';

/**
 * The consent form to print for her to read and sign, for one purpose (and, for sharing or
 * contact, one recipient). It carries the case code, never her name. Audited `consent.form_print`.
 */
export async function printConsentForm(
  ctx: Ctx,
  caseId: string,
  q: FormQuery,
): Promise<{ pdf: Buffer; caseCode: string }> {
  const { me, row } = await loadCase(ctx, caseId, 'read');
  const today = todayInItaly();
  const lang = q.lang ?? 'it';
  const textVersion = q.textVersion ?? CURRENT_TEXT_VERSION;
  await checkConsent(ctx.tx, me, { ...q, textVersion, givenOn: today, expiresOn: q.expiresOn ?? null }, today);
  const names = await ctx.tx
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', [me.organisationId, ...(q.recipientOrganisationId ? [q.recipientOrganisationId] : [])])
    .execute();
  const nameOf = (id: string) => names.find((o) => o.id === id)?.name ?? null;
  // pdfkit loads on the first print, not at start-up
  const { renderConsentForm } = await import('./form.ts');
  const pdf = await renderConsentForm({
    lang,
    purpose: q.purpose,
    textVersion,
    caseCode: row.code,
    centreName: nameOf(me.organisationId) ?? '',
    recipientOrganisationName: q.recipientOrganisationId ? nameOf(q.recipientOrganisationId) : null,
    recipientType: q.recipientType ?? null,
    sharingPurpose: q.sharingPurpose ?? null,
    includesIdentity: q.includesIdentity ?? false,
    expiresOn: q.expiresOn ?? null,
    defaultMonths: DEFAULT_EXPIRY_MONTHS[q.purpose],
    printedOn: today,
  });
  await ctx.audit({
    action: 'consent.form_print',
    subjectType: 'case',
    subjectId: caseId,
    details: {
      purpose: q.purpose,
      lang,
      textVersion,
      recipientOrganisationId: q.recipientOrganisationId ?? null,
      recipientType: q.recipientType ?? null,
      sharingPurpose: q.sharingPurpose ?? null,
    },
  });
  return { pdf, caseCode: row.code };
}

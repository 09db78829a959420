import { isValidTaxCode, normaliseTaxCode } from '../../shared/codes/tax-code.ts';
import type { Ctx } from '../http/request-context.ts';
import { type CaseMatch, listCases } from './case-queries.ts';
import { findByIdentity, findBySurnamePrefix } from './identity.ts';
import { normaliseForIndex } from './keys.ts';
import type { CaseSearch } from './schemas.ts';

/** How a search text is read: a tax code (exact), else a case code prefix and a surname prefix. */
export type SearchKind = 'tax_code' | 'code_or_surname';

/**
 * The caseload, optionally narrowed by a search text: a valid tax code is matched exactly through
 * its blind index; anything else matches case codes that start with it and (from 3 letters)
 * surnames that start with it, through the prefix blind indexes. Audited without the text.
 */
export async function searchCaseload(ctx: Ctx, masterKey: Buffer, q: CaseSearch) {
  const me = ctx.authorise('case.read');
  const { text: raw, ...filters } = q;
  const text = raw?.trim() ?? '';
  let match: CaseMatch | undefined;
  let kind: SearchKind | null = null;
  if (text) {
    const taxCode = normaliseTaxCode(text);
    if (taxCode.length === 16 && isValidTaxCode(taxCode)) {
      kind = 'tax_code';
      match = { ids: await findByIdentity(ctx.tx, masterKey, me.organisationId, { taxCode }), codePrefix: null };
    } else {
      kind = 'code_or_surname';
      const ids = await findBySurnamePrefix(ctx.tx, masterKey, me.organisationId, text);
      match = { ids, codePrefix: text.replace(/\s+/g, '') };
    }
  }
  const page = await listCases(ctx.tx, me, filters, match);
  await ctx.audit({
    action: kind ? 'case.identity_search' : 'case.list',
    subjectType: 'organisation',
    subjectId: me.organisationId,
    details: {
      results: page.items.length,
      total: page.total,
      kind,
      // whether the text was long enough for the surname prefixes (never the text itself)
      surnamePrefix: kind === 'code_or_surname' ? normaliseForIndex(text).length >= 3 : null,
      status: filters.status ?? null,
      eligibility: filters.eligibility ?? null,
      sort: filters.sort ?? null,
    },
  });
  return page;
}

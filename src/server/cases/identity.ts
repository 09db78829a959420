import { sql } from 'kysely';
import type { Tx } from '../db/context.ts';
import { AppError, notFound, versionConflict, fieldError } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { isOnTeam, loadCase, recordCaseEvent } from './access.ts';
import { blindIndex, dataKeyOf, openWith, prefixIndex, prefixIndexes, sealWith } from './keys.ts';
import type { Identity } from './schemas.ts';
import { isValidTaxCode, normaliseTaxCode } from '../../shared/codes/tax-code.ts';
import { storeLinkageToken } from '../observatory/linkage.ts';
import { requireFreshFactor } from '../auth/step-up.ts';

const notOnTeam = () => new AppError(403, 'not_on_case_team', 'Only the case team sees or changes her identity');

/** Seals and stores her identity (all fields together, bound to the case id). */
export async function storeIdentity(
  tx: Tx,
  masterKey: Buffer,
  c: { id: string; organisationId: string },
  identity: Identity,
  expectedVersion?: number,
) {
  if (identity.taxCode && !isValidTaxCode(identity.taxCode)) {
    throw new AppError(400, 'invalid_tax_code', 'The tax code is not valid', [
      fieldError('taxCode', 'tax_code_invalid', 'invalid tax code'),
    ]);
  }
  const key = await dataKeyOf(tx, masterKey, c.organisationId);
  const { codeWord, ...rest } = identity;
  const normalised = { ...rest, taxCode: identity.taxCode ? normaliseTaxCode(identity.taxCode) : null };
  const values = {
    sealed: sealWith(key, JSON.stringify(normalised), `identity:${c.id}`),
    surname_index: blindIndex(key, 'surname', identity.lastName),
    surname_prefixes: prefixIndexes(key, identity.lastName),
    tax_code_index: normalised.taxCode ? blindIndex(key, 'tax_code', normalised.taxCode) : null,
  };
  if (codeWord !== undefined) {
    await tx
      .updateTable('cases')
      .set({ code_word_sealed: codeWord ? sealWith(key, codeWord, `code-word:${c.id}`) : null })
      .where('id', '=', c.id)
      .execute();
  }
  // the observatory's linkage token, computed here at the centre, kept only in the statistics store
  await storeLinkageToken(tx, c.id, identity);
  if (expectedVersion === undefined) {
    await tx
      .insertInto('case_identities')
      .values({ case_id: c.id, organisation_id: c.organisationId, ...values })
      .execute();
    return 1;
  }
  const row = await tx
    .updateTable('case_identities')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('case_id', '=', c.id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  if (!row) throw versionConflict();
  return row.version;
}

/** Shows her identity to a member of the case team, for a stated purpose; always audited. */
export async function readIdentity(ctx: Ctx, masterKey: Buffer, caseId: string, purpose: string) {
  const { me, row } = await loadCase(ctx, caseId, 'read');
  ctx.authorise('case.identity.read');
  const allowed = me.roles.includes('dpo') || (await isOnTeam(ctx.tx, caseId, me.userId));
  if (!allowed) {
    await ctx.audit({
      action: 'case.identity_read',
      outcome: 'denied',
      subjectType: 'case',
      subjectId: caseId,
      purpose,
    });
    return { denied: true as const };
  }
  // step-up (issue 12): a second factor within the last 10 minutes, or 403 step_up_required
  await requireFreshFactor(ctx);
  const stored = await ctx.tx
    .selectFrom('case_identities')
    .select(['sealed', 'version'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!stored) throw notFound();
  const key = await dataKeyOf(ctx.tx, masterKey, row.organisation_id);
  const identity = JSON.parse(openWith(key, stored.sealed, `identity:${caseId}`)) as Identity;
  const codeWord = row.code_word_sealed ? openWith(key, row.code_word_sealed, `code-word:${caseId}`) : null;
  await ctx.audit({ action: 'case.identity_read', subjectType: 'case', subjectId: caseId, purpose });
  await recordCaseEvent(ctx.tx, me, { caseId, kind: 'identity.viewed' });
  return { denied: false as const, identity: { ...identity, codeWord }, version: stored.version };
}

export async function replaceIdentity(
  ctx: Ctx,
  masterKey: Buffer,
  caseId: string,
  identity: Identity,
  ifMatch: number | null,
) {
  const { me, row } = await loadCase(ctx, caseId, 'write');
  ctx.authorise('case.identity.write');
  if (!(await isOnTeam(ctx.tx, caseId, me.userId))) throw notOnTeam();
  const existing = await ctx.tx
    .selectFrom('case_identities')
    .select('version')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (existing && ifMatch === null)
    throw new AppError(428, 'precondition_required', 'This change needs an If-Match header with the version');
  const version = await storeIdentity(
    ctx.tx,
    masterKey,
    { id: caseId, organisationId: row.organisation_id },
    identity,
    existing ? (ifMatch as number) : undefined,
  );
  await ctx.audit({ action: 'case.identity_update', subjectType: 'case', subjectId: caseId });
  await recordCaseEvent(ctx.tx, me, { caseId, kind: 'identity.updated' });
  return version;
}

export { notOnTeam };

/** Exact search by surname or tax code through the blind indexes: case ids of the centre. */
export async function findByIdentity(
  tx: Tx,
  masterKey: Buffer,
  organisationId: string,
  q: { surname?: string; taxCode?: string },
) {
  const key = await dataKeyOf(tx, masterKey, organisationId);
  const surname = q.surname ? blindIndex(key, 'surname', q.surname) : null;
  const taxCode = q.taxCode ? blindIndex(key, 'tax_code', normaliseTaxCode(q.taxCode)) : null;
  const rows = await sql<{ id: string }>`SELECT case_ids_by_index(${surname}, ${taxCode}) AS id`.execute(tx);
  return rows.rows.map((r) => r.id);
}

/** Search by the start of her surname (at least PREFIX_MIN letters) through the prefix indexes. */
export async function findBySurnamePrefix(tx: Tx, masterKey: Buffer, organisationId: string, typed: string) {
  const key = await dataKeyOf(tx, masterKey, organisationId);
  const index = prefixIndex(key, typed);
  if (!index) return [];
  const rows = await sql<{ id: string }>`SELECT case_ids_by_prefix(${index}) AS id`.execute(tx);
  return rows.rows.map((r) => r.id);
}

import { sql } from 'kysely';
import { CASE_DRAFT_FORMS, DRAFT_DAYS, DRAFT_MAX_CHARS, type DraftForm } from '../../shared/codes/drafts.ts';
import { loadCase } from '../cases/access.ts';
import { dataKeyOf } from '../cases/keys.ts';
import type { Actor, Tx } from '../db/context.ts';
import { isoTimestamp } from '../db/dates.ts';
import { invalidField } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { draftContext, openDraft, sealDraft } from './seal.ts';

/**
 * Sealed drafts of long forms (migration 031). The author alone reads hers (RLS: user_id); every
 * save, read and discard is audited with ids and codes only.
 */
const needsCase = (form: DraftForm) => (CASE_DRAFT_FORMS as readonly string[]).includes(form);

/** Who may keep this draft: an operator of the centre (case.write), on a case of hers when the form has one. */
async function slot(ctx: Ctx, form: DraftForm, caseId: string | null | undefined) {
  const me = ctx.authorise('case.write');
  if (needsCase(form) !== Boolean(caseId)) {
    throw invalidField('caseId', needsCase(form) ? 'required' : 'not_for_purpose');
  }
  if (caseId) await loadCase(ctx, caseId, 'write');
  return { me, caseId: caseId ?? null };
}

const mine = (tx: Tx, me: Actor, form: DraftForm, caseId: string | null) => {
  const q = tx.selectFrom('form_drafts').where('user_id', '=', me.userId).where('form', '=', form);
  return caseId ? q.where('case_id', '=', caseId) : q.where('case_id', 'is', null);
};

export async function saveDraft(
  ctx: Ctx,
  masterKey: Buffer,
  form: DraftForm,
  caseId: string | null | undefined,
  content: Record<string, unknown>,
) {
  const { me, caseId: c } = await slot(ctx, form, caseId);
  if (JSON.stringify(content).length > DRAFT_MAX_CHARS) throw invalidField('content', 'too_long');
  const key = await dataKeyOf(ctx.tx, masterKey, me.organisationId);
  const sealed = sealDraft(key, draftContext(me.userId, form, c), content);
  const expires = sql<Date>`now() + make_interval(days => ${DRAFT_DAYS})`;
  const row = await ctx.tx
    .insertInto('form_drafts')
    .values({ organisation_id: me.organisationId, user_id: me.userId, form, case_id: c, sealed, expires_at: expires })
    .onConflict((oc) =>
      oc.constraint('form_drafts_slot').doUpdateSet({ sealed, updated_at: sql`now()`, expires_at: expires }),
    )
    .returning(['id', 'updated_at', 'expires_at'])
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'draft.save', subjectType: 'draft', subjectId: row.id, details: { form, caseId: c } });
  return { id: row.id, savedAt: isoTimestamp(row.updated_at), expiresAt: isoTimestamp(row.expires_at) };
}

/** Her draft of this form, opened, or null (an expired one the sweep has not reached yet is gone too). */
export async function readDraft(ctx: Ctx, masterKey: Buffer, form: DraftForm, caseId: string | undefined) {
  const { me, caseId: c } = await slot(ctx, form, caseId);
  const row = await mine(ctx.tx, me, form, c)
    .select(['id', 'sealed', 'updated_at', 'expires_at'])
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!row) return null;
  const key = await dataKeyOf(ctx.tx, masterKey, me.organisationId);
  const content = openDraft(key, draftContext(me.userId, form, c), row.sealed);
  await ctx.audit({ action: 'draft.read', subjectType: 'draft', subjectId: row.id, details: { form, caseId: c } });
  return { id: row.id, savedAt: isoTimestamp(row.updated_at), expiresAt: isoTimestamp(row.expires_at), content };
}

/** Deletes her draft of this form (discarded, or `submitted` with the form in the same transaction). */
export async function deleteDraft(
  ctx: Ctx,
  form: DraftForm,
  caseId: string | null,
  why: 'discarded' | 'submitted',
): Promise<void> {
  const me = ctx.me();
  const q = ctx.tx.deleteFrom('form_drafts').where('user_id', '=', me.userId).where('form', '=', form);
  const gone = await (caseId ? q.where('case_id', '=', caseId) : q.where('case_id', 'is', null))
    .returning('id')
    .executeTakeFirst();
  if (!gone) return;
  await ctx.audit({
    action: 'draft.discard',
    subjectType: 'draft',
    subjectId: gone.id,
    details: { form, caseId, reason: why },
  });
}

export async function discardDraft(ctx: Ctx, form: DraftForm, caseId: string | undefined): Promise<void> {
  const { caseId: c } = await slot(ctx, form, caseId);
  await deleteDraft(ctx, form, c, 'discarded');
}

/** Deletes every expired draft (a system job: SECURITY DEFINER sweep_drafts, a count back); audited as a count. */
export async function sweepDrafts(ctx: Ctx): Promise<number> {
  const res = await sql<{ n: number }>`SELECT sweep_drafts() AS n`.execute(ctx.tx);
  const n = res.rows[0]?.n ?? 0;
  if (n > 0) await ctx.audit({ action: 'draft.expire', subjectType: 'draft', details: { deleted: n } });
  return n;
}

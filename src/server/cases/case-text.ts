import type { Tx } from '../db/context.ts';
import { dataKeyOf, openWith, sealWith } from './keys.ts';

/**
 * Free text an operator writes about her (a plan goal's title, an action's notes, a review's
 * summary, the text answers of a needs analysis, an outcome's course title) is sealed at rest like her identity: AES-256-GCM
 * under the centre's data key, the associated data binding it to its case and field (a sealed
 * text copied to another case or field does not open). The list of sealed columns, and why the
 * other text columns cannot hold personal data, is in `db/free-text.ts`.
 */
export type CaseTextField =
  | 'plan_goal.title'
  | 'plan_action.notes'
  | 'plan_review.summary'
  | 'needs.text_answers'
  | 'outcome.course_title';

export interface CaseTexts {
  seal(field: CaseTextField, plain: string): string;
  sealOrNull(field: CaseTextField, plain: string | null | undefined): string | null;
  open(field: CaseTextField, sealed: string): string;
  openOrNull(field: CaseTextField, sealed: string | null | undefined): string | null;
}

const context = (caseId: string, field: CaseTextField) => `case-text:${caseId}:${field}`;

/** The sealer of one case's texts, with the data key of the centre that holds it. */
export function caseTextsWith(dataKey: Buffer, caseId: string): CaseTexts {
  const seal = (field: CaseTextField, plain: string) => sealWith(dataKey, plain, context(caseId, field));
  const open = (field: CaseTextField, sealed: string) => openWith(dataKey, sealed, context(caseId, field));
  return {
    seal,
    open,
    sealOrNull: (field, plain) => (plain === null || plain === undefined ? null : seal(field, plain)),
    openOrNull: (field, sealed) => (sealed === null || sealed === undefined ? null : open(field, sealed)),
  };
}

/** The sealer of a case the actor's centre holds (the case row is read under RLS). */
export async function caseTexts(tx: Tx, masterKey: Buffer, caseId: string): Promise<CaseTexts> {
  const row = await tx.selectFrom('cases').select('organisation_id').where('id', '=', caseId).executeTakeFirstOrThrow();
  return caseTextsWith(await dataKeyOf(tx, masterKey, row.organisation_id), caseId);
}

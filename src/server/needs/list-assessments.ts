import { loadCase } from '../cases/access.ts';
import type { Ctx } from '../http/request-context.ts';
import { readAssessments } from './read-assessments.ts';

/** The case's needs assessments, for a reader of the case; the read is audited. */
export async function listAssessments(ctx: Ctx, masterKey: Buffer, caseId: string) {
  const { row } = await loadCase(ctx, caseId, 'read');
  const items = await readAssessments(ctx.tx, masterKey, row.id);
  await ctx.audit({
    action: 'case.read',
    subjectType: 'case',
    subjectId: row.id,
    details: { view: 'needs_assessments', results: items.length },
  });
  return items;
}

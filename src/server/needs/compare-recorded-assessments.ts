import { loadCase } from '../cases/access.ts';
import { notFound } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { compareAssessments } from './compare.ts';
import { readAssessments } from './read-assessments.ts';

/** Two of the case's assessments side by side (404 unless both belong to the case); the read is audited. */
export async function compareRecordedAssessments(
  ctx: Ctx,
  masterKey: Buffer,
  caseId: string,
  q: { a: string; b: string },
) {
  const { row } = await loadCase(ctx, caseId, 'read');
  const found = await readAssessments(ctx.tx, masterKey, row.id, [q.a, q.b]);
  const a = found.find((x) => x.id === q.a);
  const b = found.find((x) => x.id === q.b);
  if (!a || !b) throw notFound();
  await ctx.audit({
    action: 'case.read',
    subjectType: 'case',
    subjectId: row.id,
    details: { view: 'needs_compare', a: a.id, b: b.id },
  });
  return compareAssessments(a, b);
}

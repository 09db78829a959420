import type { Static } from '@sinclair/typebox';
import { assertOpen, loadCase, recordCaseEvent } from '../cases/access.ts';
import { isoDate, isoDateOrNull, todayInItaly } from '../db/dates.ts';
import { deleteDraft } from '../drafts/drafts.ts';
import { invalidField } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { validateAnswers } from './answers.ts';
import { DOMAINS } from '../../shared/codes/needs.ts';
import { computeProfile } from './needs-profile.ts';
import { readAssessments } from './read-assessments.ts';
import { sealTextAnswers, splitTextAnswers } from './text-answers.ts';
import { caseTexts } from '../cases/case-text.ts';
import type { AssessmentCreate } from './schemas.ts';

/** Records a needs assessment on an open case: answers checked, profile computed, timeline and audit. */
export async function recordAssessment(
  ctx: Ctx,
  masterKey: Buffer,
  caseId: string,
  body: Static<typeof AssessmentCreate>,
) {
  const { me, row } = await loadCase(ctx, caseId, 'write');
  assertOpen(row);
  const answers = validateAnswers(body.questionnaireVersion, body.answers);
  const { assessedOn } = body;
  if (assessedOn > todayInItaly())
    throw invalidField('assessedOn', 'in_the_future', { message: 'must not be in the future' });
  const firstDate =
    isoDateOrNull(row.first_contact_on) ?? isoDateOrNull(row.intake_on) ?? isoDate(row.taken_in_charge_on);
  if (assessedOn < firstDate)
    throw invalidField('assessedOn', 'before_first_contact', { message: 'must not be before the first contact' });
  // her children are counted once, in the profile: the analysis splits the minors by age
  const minors = row.minor_children_count;
  const under6 = answers.children_under_6;
  const older = answers.children_6_to_17;
  if (minors !== null && typeof under6 === 'number' && typeof older === 'number' && under6 + older !== minors)
    throw invalidField('answers.children_6_to_17', 'differs_from_profile', {
      message: `children under 6 and 6 to 17 must add up to the ${minors} minor children of the profile`,
    });
  const profile = computeProfile(answers);
  const { coded, texts } = splitTextAnswers(answers);
  const inserted = await ctx.tx
    .insertInto('needs_assessments')
    .values({
      case_id: row.id,
      organisation_id: me.organisationId,
      questionnaire_version: body.questionnaireVersion,
      assessed_on: assessedOn,
      answers: JSON.stringify(coded),
      text_answers_sealed: sealTextAnswers(await caseTexts(ctx.tx, masterKey, row.id), texts),
      profile: JSON.stringify(profile),
      recorded_by: me.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const high = DOMAINS.filter((d) => profile[d].level === 'high');
  const details = { questionnaireVersion: body.questionnaireVersion, highNeeds: high };
  await recordCaseEvent(ctx.tx, me, { caseId: row.id, kind: 'needs.recorded', refId: inserted.id, details });
  await ctx.audit({
    action: 'needs.record',
    subjectType: 'case',
    subjectId: row.id,
    details: { assessmentId: inserted.id, ...details },
  });
  await deleteDraft(ctx, 'needs_assessment', row.id, 'submitted');
  const [created] = await readAssessments(ctx.tx, masterKey, row.id, [inserted.id]);
  return created;
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorBody } from '../auth/schemas.ts';
import { assertOpen, loadCase, recordCaseEvent } from '../cases/access.ts';
import { CaseIdParams } from '../cases/schemas.ts';
import type { Config } from '../config.ts';
import type { Tx } from '../db/context.ts';
import { isoDate, isoDateOrNull, isoTimestamp, todayInItaly } from '../db/dates.ts';
import { invalidField, notFound } from '../http/errors.ts';
import type { Answers } from './answers.ts';
import { validateAnswers } from './answers.ts';
import { compareAssessments } from './compare.ts';
import { computeProfile, DOMAINS, type NeedsProfile, proposeGoals } from './needs-profile.ts';
import { QUESTIONNAIRE } from './questionnaire.ts';
import * as S from './schemas.ts';

const tags = ['needs'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

async function readAssessments(tx: Tx, caseId: string, ids?: string[]) {
  let q = tx
    .selectFrom('needs_assessments as n')
    .leftJoin('users as u', 'u.id', 'n.recorded_by')
    .select([
      'n.id',
      'n.case_id',
      'n.questionnaire_version',
      'n.assessed_on',
      'n.answers',
      'n.profile',
      'n.recorded_by',
      'u.display_name',
      'n.created_at',
    ])
    .where('n.case_id', '=', caseId);
  if (ids) q = q.where('n.id', 'in', ids);
  const rows = await q.orderBy('n.assessed_on', 'desc').orderBy('n.created_at', 'desc').limit(200).execute();
  return rows.map((r) => {
    const profile = r.profile as unknown as NeedsProfile;
    return {
      id: r.id,
      caseId: r.case_id,
      questionnaireVersion: r.questionnaire_version,
      assessedOn: isoDate(r.assessed_on),
      answers: r.answers as Answers,
      profile,
      proposedGoals: proposeGoals(profile),
      recordedBy: r.recorded_by,
      recordedByName: r.display_name,
      createdAt: isoTimestamp(r.created_at),
    };
  });
}

export function registerNeedsRoutes(app: FastifyInstance, _deps: { config: Config }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/needs/questionnaire', { schema: { tags, response: { 200: S.QuestionnaireOut, ...errors } } }, async (req) =>
    req.inContext(async (ctx) => {
      ctx.authorise('case.read');
      return QUESTIONNAIRE;
    }),
  );

  api.post(
    '/cases/:id/needs-assessments',
    { schema: { tags, params: CaseIdParams, body: S.AssessmentCreate, response: { 201: S.Assessment, ...errors } } },
    async (req, reply) =>
      req.inContext(async (ctx) => {
        const { me, row } = await loadCase(ctx, req.params.id, 'write');
        assertOpen(row);
        const answers = validateAnswers(req.body.questionnaireVersion, req.body.answers);
        const { assessedOn } = req.body;
        if (assessedOn > todayInItaly())
          throw invalidField('assessedOn', 'in_the_future', { message: 'must not be in the future' });
        const firstDate =
          isoDateOrNull(row.first_contact_on) ?? isoDateOrNull(row.intake_on) ?? isoDate(row.taken_in_charge_on);
        if (assessedOn < firstDate)
          throw invalidField('assessedOn', 'before_first_contact', { message: 'must not be before the first contact' });
        const profile = computeProfile(answers);
        const inserted = await ctx.tx
          .insertInto('needs_assessments')
          .values({
            case_id: row.id,
            organisation_id: me.organisationId,
            questionnaire_version: req.body.questionnaireVersion,
            assessed_on: assessedOn,
            answers: JSON.stringify(answers),
            profile: JSON.stringify(profile),
            recorded_by: me.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const high = DOMAINS.filter((d) => profile[d].level === 'high');
        const details = { questionnaireVersion: req.body.questionnaireVersion, highNeeds: high };
        await recordCaseEvent(ctx.tx, me, { caseId: row.id, kind: 'needs.recorded', refId: inserted.id, details });
        await ctx.audit({
          action: 'needs.record',
          subjectType: 'case',
          subjectId: row.id,
          details: { assessmentId: inserted.id, ...details },
        });
        const [created] = await readAssessments(ctx.tx, row.id, [inserted.id]);
        reply.status(201);
        return created;
      }),
  );

  api.get(
    '/cases/:id/needs-assessments',
    {
      schema: {
        tags,
        params: CaseIdParams,
        response: { 200: Type.Object({ items: Type.Array(S.Assessment) }, { additionalProperties: false }), ...errors },
      },
    },
    async (req) =>
      req.inContext(async (ctx) => {
        const { row } = await loadCase(ctx, req.params.id, 'read');
        const items = await readAssessments(ctx.tx, row.id);
        await ctx.audit({
          action: 'case.read',
          subjectType: 'case',
          subjectId: row.id,
          details: { view: 'needs_assessments', results: items.length },
        });
        return { items };
      }),
  );

  api.get(
    '/cases/:id/needs-assessments/compare',
    { schema: { tags, params: CaseIdParams, querystring: S.CompareQuery, response: { 200: S.CompareOut, ...errors } } },
    async (req) =>
      req.inContext(async (ctx) => {
        const { row } = await loadCase(ctx, req.params.id, 'read');
        const found = await readAssessments(ctx.tx, row.id, [req.query.a, req.query.b]);
        const a = found.find((x) => x.id === req.query.a);
        const b = found.find((x) => x.id === req.query.b);
        if (!a || !b) throw notFound();
        await ctx.audit({
          action: 'case.read',
          subjectType: 'case',
          subjectId: row.id,
          details: { view: 'needs_compare', a: a.id, b: b.id },
        });
        return compareAssessments(a, b);
      }),
  );
}

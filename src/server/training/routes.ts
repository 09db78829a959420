import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { todayInItaly } from '../db/dates.ts';
import { exportList } from '../exports/export-file.ts';
import { notFound } from '../http/errors.ts';
import { errorResponses } from '../http/schema-kit.ts';
import {
  addSession,
  candidates,
  certificateData,
  createCourse,
  createEdition,
  editionOwner,
  enrol,
  listCourses,
  readCourse,
  recordAttendance,
} from './courses.ts';
import { readCoverage } from './coverage.ts';
import { readHours } from './hours.ts';
import { HOURS_COLUMNS } from './hours-export.ts';
import * as S from './schemas.ts';

const tags = ['training'];
const errors = errorResponses(400, 401, 404);
const security = [{ session: [] }];
const writeSecurity = [{ session: [], csrf: [] }];
const PdfBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' });
const FileAnswer = {
  description: 'The file: CSV (UTF-8 with BOM) or XLSX',
  content: {
    'text/csv': { schema: { type: 'string' } },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
  },
};

/** Training and coverage (issue 8, /formazione). Registered under /api/v1. */
export function registerTrainingRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/training/courses', { schema: { tags, security, response: { 200: S.CourseList, ...errors } } }, (req) =>
    req.inContext(async ({ tx, authorise, audit }) => {
      authorise('training.read');
      const items = await listCourses(tx);
      await audit({ action: 'training.course_list', details: { count: items.length } });
      return { items };
    }),
  );

  api.post(
    '/training/courses',
    { schema: { tags, security: writeSecurity, body: S.CourseFields, response: { 201: S.Created, ...errors } } },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const me = authorise('training.manage');
        const id = await createCourse(tx, me, req.body);
        await audit({
          action: 'training.course_create',
          subjectType: 'training_course',
          subjectId: id,
          details: { network: req.body.networkId, audiences: req.body.audiences },
        });
        reply.code(201);
        return { id };
      }),
  );

  api.get(
    '/training/courses/:courseId',
    { schema: { tags, security, params: S.CourseParams, response: { 200: S.Course, ...errors } } },
    (req) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        authorise('training.read');
        const course = await readCourse(tx, req.params.courseId);
        if (!course) throw notFound();
        await audit({ action: 'training.course_read', subjectType: 'training_course', subjectId: course.id });
        return course;
      }),
  );

  api.post(
    '/training/courses/:courseId/editions',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: S.CourseParams,
        body: S.EditionFields,
        response: { 201: S.Created, ...errors },
      },
    },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        authorise('training.manage');
        const id = await createEdition(tx, req.params.courseId, req.body.label);
        await audit({
          action: 'training.edition_create',
          subjectType: 'training_edition',
          subjectId: id,
          details: { course: req.params.courseId },
        });
        reply.code(201);
        return { id };
      }),
  );

  api.post(
    '/training/editions/:editionId/sessions',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: S.EditionParams,
        body: S.SessionFields,
        response: { 201: S.Created, ...errors },
      },
    },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        authorise('training.manage');
        const id = await addSession(tx, req.params.editionId, req.body);
        await audit({
          action: 'training.session_create',
          subjectType: 'training_session',
          subjectId: id,
          details: { edition: req.params.editionId, online: req.body.onlineUrl !== null },
        });
        reply.code(201);
        return { id };
      }),
  );

  api.get(
    '/training/candidates',
    { schema: { tags, security, querystring: S.CandidatesQuery, response: { 200: S.Candidates, ...errors } } },
    (req) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        authorise('training.manage');
        const items = await candidates(tx, req.query.organisationId);
        await audit({
          action: 'training.candidates',
          subjectType: 'organisation',
          subjectId: req.query.organisationId,
          details: { count: items.length },
        });
        return { items };
      }),
  );

  api.post(
    '/training/editions/:editionId/enrolments',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: S.EditionParams,
        body: S.EnrolmentFields,
        response: { 201: S.Created, ...errors },
      },
    },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        authorise('training.manage');
        const id = await enrol(tx, req.params.editionId, req.body);
        await audit({
          action: 'training.enrol',
          subjectType: 'training_enrolment',
          subjectId: id,
          details: { edition: req.params.editionId, organisation: req.body.organisationId, user: req.body.userId },
        });
        reply.code(201);
        return { id };
      }),
  );

  api.put(
    '/training/editions/:editionId/attendance',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: S.EditionParams,
        body: S.AttendanceFields,
        response: { 200: S.Course, ...errors },
      },
    },
    (req) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        authorise('training.manage');
        const counts = await recordAttendance(tx, req.params.editionId, req.body);
        await audit({
          action: 'training.attendance',
          subjectType: 'training_session',
          subjectId: req.body.sessionId,
          details: { edition: req.params.editionId, ...counts },
        });
        const { courseId } = await editionOwner(tx, req.params.editionId);
        const course = await readCourse(tx, courseId);
        if (!course) throw notFound();
        return course;
      }),
  );

  api.get(
    '/training/enrolments/:enrolmentId/certificate',
    {
      schema: {
        tags,
        security,
        description: 'Certificate of attendance (PDF) of a participant who completed the course.',
        params: S.EnrolmentParams,
        produces: ['application/pdf'],
        response: { 200: PdfBody, ...errors },
      },
    },
    async (req, reply) => {
      const data = await req.inContext(async ({ tx, authorise, audit }) => {
        authorise('training.read');
        const found = await certificateData(tx, req.params.enrolmentId);
        if (!found?.participant.completed) throw notFound();
        await audit({
          action: 'training.certificate',
          subjectType: 'training_enrolment',
          subjectId: req.params.enrolmentId,
        });
        return found;
      });
      // pdfkit and the fonts load on the first certificate, not at start
      const { renderCertificate } = await import('./certificate.ts');
      const pdf = await renderCertificate(data);
      reply.type('application/pdf');
      reply.header('Content-Disposition', `attachment; filename="attestato-${req.params.enrolmentId.slice(0, 8)}.pdf"`);
      reply.header('Cache-Control', 'no-store');
      return reply.send(pdf);
    },
  );

  api.get('/training/coverage', { schema: { tags, security, response: { 200: S.Coverage, ...errors } } }, (req) =>
    req.inContext(async ({ tx, authorise, audit }) => {
      authorise('training.coverage');
      const coverage = await readCoverage(tx, todayInItaly());
      // the doors answer nobody else (an administrator of another body): 404
      if (!coverage) throw notFound();
      await audit({ action: 'training.coverage_read', details: { cpis: coverage.items.length } });
      return coverage;
    }),
  );

  api.get(
    '/training/hours',
    { schema: { tags, security, querystring: S.HoursQuery, response: { 200: S.Hours, ...errors } } },
    (req) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        authorise('training.read');
        const period = req.query.period ?? 'year';
        const year = req.query.year ?? Number(todayInItaly().slice(0, 4));
        const items = await readHours(tx, period, year);
        await audit({ action: 'training.hours_read', details: { period, year, rows: items.length } });
        return { year, period, items };
      }),
  );

  api.get(
    '/training/hours/export',
    { schema: { tags, security, querystring: S.HoursExportQuery, response: { 200: FileAnswer, ...errors } } },
    async (req, reply) => {
      const file = await req.inContext(async (ctx) => {
        ctx.authorise('training.read');
        const period = req.query.period ?? 'year';
        const year = req.query.year ?? Number(todayInItaly().slice(0, 4));
        const items = await readHours(ctx.tx, period, year);
        return exportList(ctx, 'training_hours', req.query, HOURS_COLUMNS, items);
      });
      reply.type(file.contentType);
      reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
      return reply.send(file.body);
    },
  );
}

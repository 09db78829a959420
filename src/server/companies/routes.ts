import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/errors.ts';
import { IfMatchHeaders, parseIfMatch } from '../http/if-match.ts';
import { ConflictBody, ErrorBody, errorResponses, IdParams } from '../http/schema-kit.ts';
import type { Config } from '../config.ts';
import { exportList } from '../exports/export-file.ts';
import { COMPANY_COLUMNS, VACANCY_COLUMNS } from './exports.ts';
import { matchForCase, matchForReferral } from './match-vacancies.ts';
import { getCompany, listCompanies, listVacancies, readScope } from './queries.ts';
import {
  CompanyDetail,
  CompanyFields,
  CompanyExportQuery,
  CompanyList,
  CompanyQuery,
  CompanyScope,
  EngagementFields,
  Vacancy,
  VacancyExportQuery,
  VacancyFields,
  VacancyList,
  VacancyMatches,
  VacancyQuery,
} from './schemas.ts';
import { addEngagement, createCompany, updateCompany } from './write-company.ts';
import { createVacancy, updateVacancy } from './write-vacancy.ts';

const tags = ['companies'];
const errors = errorResponses(400, 401, 404);
const security = [{ session: [] }];
const writeSecurity = [{ session: [], csrf: [] }];
const FileAnswer = {
  description: 'The file: CSV (UTF-8 with BOM) or XLSX',
  content: {
    'text/csv': { schema: { type: 'string' } },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
  },
};
const writeErrors = { ...errors, 403: ErrorBody, 409: ConflictBody, 428: ErrorBody };

/** The companies' register and vacancies of the actor's networks (/aziende). Registered under /api/v1. */
export function registerCompanyRoutes(app: FastifyInstance, { config }: { config: Config }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/companies/scope', { schema: { tags, security, response: { 200: CompanyScope, ...errors } } }, (req) =>
    req.inContext(async ({ tx, authorise }) => readScope(tx, authorise('company.read'))),
  );

  api.get(
    '/companies',
    { schema: { tags, security, querystring: CompanyQuery, response: { 200: CompanyList, ...errors } } },
    (req) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        authorise('company.read');
        const items = await listCompanies(tx, req.query);
        await audit({ action: 'company.list', details: { count: items.length } });
        return { items };
      }),
  );

  api.post(
    '/companies',
    {
      schema: { tags, security: writeSecurity, body: CompanyFields, response: { 200: CompanyDetail, ...writeErrors } },
    },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const me = authorise('company.write');
        const company = await createCompany(tx, me, req.body);
        await audit({ action: 'company.create', subjectType: 'company', subjectId: company.id });
        reply.header('ETag', `"${company.version}"`);
        return company;
      }),
  );

  api.get(
    '/companies/:id',
    { schema: { tags, security, params: IdParams, response: { 200: CompanyDetail, ...errors } } },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const me = authorise('company.read');
        const company = await getCompany(tx, me, req.params.id);
        if (!company) throw notFound();
        await audit({ action: 'company.read', subjectType: 'company', subjectId: company.id });
        reply.header('ETag', `"${company.version}"`);
        return company;
      }),
  );

  api.put(
    '/companies/:id',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: IdParams,
        headers: IfMatchHeaders,
        body: CompanyFields,
        response: { 200: CompanyDetail, ...writeErrors },
      },
    },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const me = authorise('company.write');
        const version = parseIfMatch(req.headers['if-match']);
        const { company, changed } = await updateCompany(tx, me, req.params.id, version, req.body);
        await audit({
          action: 'company.update',
          subjectType: 'company',
          subjectId: company.id,
          details: { fields: changed },
        });
        reply.header('ETag', `"${company.version}"`);
        return company;
      }),
  );

  api.post(
    '/companies/:id/engagements',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: IdParams,
        body: EngagementFields,
        response: { 200: CompanyDetail, ...writeErrors },
      },
    },
    (req) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const me = authorise('company.write');
        const { company, engagementId } = await addEngagement(tx, me, req.params.id, req.body);
        await audit({
          action: 'company.engagement_add',
          subjectType: 'company',
          subjectId: company.id,
          details: { engagementId, kind: req.body.kind },
        });
        return company;
      }),
  );

  api.get(
    '/vacancies',
    { schema: { tags, security, querystring: VacancyQuery, response: { 200: VacancyList, ...errors } } },
    (req) =>
      req.inContext(async ({ tx, authorise }) => {
        const me = authorise('company.read');
        return { items: await listVacancies(tx, me, req.query) };
      }),
  );

  api.post(
    '/vacancies',
    { schema: { tags, security: writeSecurity, body: VacancyFields, response: { 200: Vacancy, ...writeErrors } } },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const me = authorise('company.write');
        const vacancy = await createVacancy(tx, me, req.body);
        await audit({
          action: 'vacancy.create',
          subjectType: 'vacancy',
          subjectId: vacancy.id,
          details: { companyId: vacancy.company.id },
        });
        reply.header('ETag', `"${vacancy.version}"`);
        return vacancy;
      }),
  );

  api.put(
    '/vacancies/:id',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: IdParams,
        headers: IfMatchHeaders,
        body: VacancyFields,
        response: { 200: Vacancy, ...writeErrors },
      },
    },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const me = authorise('company.write');
        const version = parseIfMatch(req.headers['if-match']);
        const { vacancy, changed } = await updateVacancy(tx, me, req.params.id, version, req.body);
        await audit({
          action: 'vacancy.update',
          subjectType: 'vacancy',
          subjectId: vacancy.id,
          details: { fields: changed },
        });
        reply.header('ETag', `"${vacancy.version}"`);
        return vacancy;
      }),
  );

  // the anonymous matching: inside the centre on her case, at the recipient of an accepted referral
  api.get(
    '/cases/:id/vacancy-matches',
    { schema: { tags, security, params: IdParams, response: { 200: VacancyMatches, ...errors } } },
    (req) => req.inContext((ctx) => matchForCase(ctx, req.params.id)),
  );

  api.get(
    '/referrals/:id/vacancy-matches',
    { schema: { tags, security, params: IdParams, response: { 200: VacancyMatches, ...errors } } },
    (req) => req.inContext((ctx) => matchForReferral(ctx, config.masterKey, req.params.id)),
  );

  // CSV/XLSX of what the page lists (formula-safe, audited list.export)
  api.get(
    '/companies/export',
    { schema: { tags, security, querystring: CompanyExportQuery, response: { 200: FileAnswer, ...errors } } },
    async (req, reply) => {
      const file = await req.inContext(async (ctx) => {
        ctx.authorise('company.read');
        const items = await listCompanies(ctx.tx, req.query);
        return exportList(ctx, 'companies', req.query, COMPANY_COLUMNS, items);
      });
      reply.type(file.contentType);
      reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
      return reply.send(file.body);
    },
  );

  api.get(
    '/vacancies/export',
    { schema: { tags, security, querystring: VacancyExportQuery, response: { 200: FileAnswer, ...errors } } },
    async (req, reply) => {
      const file = await req.inContext(async (ctx) => {
        const me = ctx.authorise('company.read');
        const items = await listVacancies(ctx.tx, me, req.query);
        return exportList(ctx, 'vacancies', req.query, VACANCY_COLUMNS, items);
      });
      reply.type(file.contentType);
      reply.header('Content-Disposition', `attachment; filename="${file.filename}"`);
      return reply.send(file.body);
    },
  );
}

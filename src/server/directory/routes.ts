import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/errors.ts';
import { IfMatchHeaders, parseIfMatch } from '../http/if-match.ts';
import { ConflictBody, ErrorBody, errorResponses } from '../http/schema-kit.ts';
import { getEntry, listEntries } from './entries.ts';
import { previewEntry } from './preview.ts';
import { publishEntry } from './publish-entry.ts';
import { saveEntry } from './save-entry.ts';
import { DirectoryEntry, DirectoryEntryList, EntryFields, EntryPreview, OrganisationParams } from './schemas.ts';
import type { PublicSite } from './site.ts';

const tags = ['directory'];
const errors = errorResponses(400, 401, 404);
const security = [{ session: [] }];
const writeSecurity = [{ session: [], csrf: [] }];

/** The editors' side of the public directory: drafts, preview, publication. Registered under /api/v1. */
export function registerDirectoryRoutes(app: FastifyInstance, site: PublicSite): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/directory/entries',
    { schema: { tags, security, response: { 200: DirectoryEntryList, ...errors } } },
    (req) =>
      req.inContext(async ({ tx, authorise }) => {
        authorise('directory.edit');
        return { items: await listEntries(tx) };
      }),
  );

  api.get(
    '/directory/entries/:organisationId',
    { schema: { tags, security, params: OrganisationParams, response: { 200: DirectoryEntry, ...errors } } },
    (req, reply) =>
      req.inContext(async ({ tx, authorise }) => {
        const me = authorise('directory.edit');
        const entry = await getEntry(tx, me, req.params.organisationId);
        if (!entry) throw notFound();
        reply.header('ETag', `"${entry.version}"`);
        return entry;
      }),
  );

  api.get(
    '/directory/entries/:organisationId/preview',
    { schema: { tags, security, params: OrganisationParams, response: { 200: EntryPreview, ...errors } } },
    (req) =>
      req.inContext(async ({ tx, authorise }) => {
        const me = authorise('directory.edit');
        const entry = await getEntry(tx, me, req.params.organisationId);
        if (!entry) throw notFound();
        return { html: await previewEntry(tx, entry) };
      }),
  );

  api.put(
    '/directory/entries/:organisationId',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: OrganisationParams,
        headers: IfMatchHeaders,
        body: EntryFields,
        response: { 200: DirectoryEntry, ...errors, 403: ErrorBody, 409: ConflictBody, 428: ErrorBody },
      },
    },
    (req, reply) =>
      req.inContext(async ({ tx, authorise, audit }) => {
        const me = authorise('directory.edit');
        const version = parseIfMatch(req.headers['if-match']);
        const { entry, changed } = await saveEntry(tx, me, req.params.organisationId, version, req.body);
        await audit({
          action: 'directory.entry_update',
          subjectType: 'organisation',
          subjectId: entry.organisationId,
          details: { fields: changed, version: entry.version },
        });
        reply.header('ETag', `"${entry.version}"`);
        return entry;
      }),
  );

  api.post(
    '/directory/entries/:organisationId/publish',
    {
      schema: {
        tags,
        security: writeSecurity,
        params: OrganisationParams,
        headers: IfMatchHeaders,
        response: { 200: DirectoryEntry, ...errors, 403: ErrorBody, 409: ConflictBody, 428: ErrorBody },
      },
    },
    async (req, reply) => {
      const entry = await req.inContext(async ({ tx, authorise, audit }) => {
        const me = authorise('directory.publish');
        const version = parseIfMatch(req.headers['if-match']);
        const published = await publishEntry(tx, me, req.params.organisationId, version);
        await audit({
          action: 'directory.publish',
          subjectType: 'organisation',
          subjectId: published.organisationId,
          details: { version },
        });
        return published;
      });
      // after the commit: the public pages read the directory again on their next request
      site.invalidate();
      reply.header('ETag', `"${entry.version}"`);
      return entry;
    },
  );
}

import type { FastifyInstance } from 'fastify';
import { STATIC_FILES } from './assets.ts';
import {
  allPage,
  cardPage,
  dataPage,
  homePage,
  municipalityPage,
  OPEN_DATA,
  pathPage,
  safetyPage,
  searchPage,
  servicePage,
  servicesPage,
} from './pages.ts';
import { type PublicSite, send } from './site.ts';
import { hsdsDocument } from './hsds.ts';
import { csvDocument } from './csv.ts';

type LangParams = { lang: string };

/**
 * The public directory, outside the API: server-rendered pages under /aiuto in eight languages,
 * the open data, and their few static files. No session, no cookie; anyone may read.
 */
export function registerPublicDirectory(app: FastifyInstance, site: PublicSite): void {
  const config = { auth: 'public' as const, rateLimit: { max: 3000, timeWindow: '1 minute' } };
  const opts = { config, schema: { hide: true } };

  app.get('/aiuto', opts, (req, reply) => site.page(req, reply, 'it', 'home', (t) => homePage(t)));
  app.get<{ Params: LangParams }>('/aiuto/:lang', opts, (req, reply) =>
    site.page(req, reply, req.params.lang, 'home', (t) => homePage(t)),
  );
  app.get<{ Params: LangParams; Querystring: { q?: string } }>('/aiuto/:lang/cerca', opts, (req, reply) => {
    const q = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 60) : '';
    return site.page(req, reply, req.params.lang, `search ${q.toLowerCase()}`, (t, d) => searchPage(t, d, q));
  });
  app.get<{ Params: LangParams }>('/aiuto/:lang/comuni', opts, (req, reply) =>
    site.page(req, reply, req.params.lang, 'all', (t, d) => allPage(t, d)),
  );
  app.get<{ Params: LangParams & { code: string } }>('/aiuto/:lang/comune/:code', opts, (req, reply) =>
    site.page(req, reply, req.params.lang, `m ${req.params.code}`, (t, d) => municipalityPage(t, d, req.params.code)),
  );
  app.get<{ Params: LangParams & { code: string } }>('/aiuto/:lang/comune/:code/scheda', opts, (req, reply) =>
    site.page(req, reply, req.params.lang, `card ${req.params.code}`, (t, d) => cardPage(t, d, req.params.code)),
  );
  app.get<{ Params: LangParams }>('/aiuto/:lang/servizi', opts, (req, reply) =>
    site.page(req, reply, req.params.lang, 'services', (t) => servicesPage(t)),
  );
  app.get<{ Params: LangParams & { code: string } }>('/aiuto/:lang/servizi/:code', opts, (req, reply) =>
    site.page(req, reply, req.params.lang, `s ${req.params.code}`, (t, d) => servicePage(t, d, req.params.code)),
  );
  app.get<{ Params: LangParams }>('/aiuto/:lang/percorso', opts, (req, reply) =>
    site.page(req, reply, req.params.lang, 'path', (t) => pathPage(t)),
  );
  app.get<{ Params: LangParams }>('/aiuto/:lang/sicurezza', opts, (req, reply) =>
    site.page(req, reply, req.params.lang, 'safety', (t) => safetyPage(t)),
  );
  app.get<{ Params: LangParams }>('/aiuto/:lang/dati', opts, (req, reply) =>
    site.page(req, reply, req.params.lang, 'data', (t) => dataPage(t)),
  );
  app.get(OPEN_DATA.hsds, opts, (req, reply) =>
    site.document(req, reply, 'hsds', 'application/json; charset=utf-8', (d) => JSON.stringify(hsdsDocument(d))),
  );
  app.get(OPEN_DATA.csv, opts, (req, reply) =>
    site.document(req, reply, 'csv', 'text/csv; charset=utf-8', (d) => csvDocument(d)),
  );
  app.get<{ Params: { file: string } }>('/aiuto/static/:file', opts, (req, reply) => {
    const file = STATIC_FILES.get(req.params.file);
    if (!file) return site.page(req, reply, 'it', '404', () => null);
    return send(req, reply, file);
  });
  app.get<{ Params: LangParams }>('/aiuto/:lang/*', opts, (req, reply) =>
    site.page(req, reply, req.params.lang, '404', () => null),
  );
}

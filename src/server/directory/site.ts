import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC_LANGUAGES, type PublicLanguage } from '../../shared/codes/directory.ts';
import { type Asset, etagOf } from './assets.ts';
import { layout, type Page } from './layout.ts';
import { Directory } from './model.ts';
import { notFoundPage } from './pages.ts';
import { loadPublicSnapshot } from './snapshot.ts';
import { TEXTS } from './texts/index.ts';
import type { PublicTexts } from './texts/types.ts';

/**
 * Headers of every public response: nothing per user, cacheable by a CDN, no referrer, and a
 * policy that allows this server only (no inline script or style, no connections, no frames).
 */
export const PUBLIC_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'none'; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";
const MAX_AGE = 300;
/** How long a snapshot of the directory is served before it is read again (a publication here resets it). */
const SNAPSHOT_SECONDS = 60;
const MAX_CACHED = 3000;

interface Rendered extends Omit<Asset, 'url'> {
  status: number;
}

export function isLanguage(lang: string): lang is PublicLanguage {
  return (PUBLIC_LANGUAGES as readonly string[]).includes(lang);
}

/**
 * The public site: one snapshot of the directory in memory, each page rendered once per snapshot
 * (and gzipped), then answered from memory with an ETag. No cookie is read or set.
 */
export class PublicSite {
  private directory: Directory | null = null;
  private loadedAt = 0;
  private loading: Promise<Directory> | null = null;
  private pages = new Map<string, Rendered>();

  /** Forget the snapshot: the next request reads the directory again (after a publication). */
  invalidate(): void {
    this.loadedAt = 0;
  }

  private async current(req: FastifyRequest): Promise<Directory> {
    if (this.directory && Date.now() - this.loadedAt < SNAPSHOT_SECONDS * 1000) return this.directory;
    this.loading ??= req
      .inContext(({ tx }) => loadPublicSnapshot(tx))
      .then((snapshot) => {
        const next = new Directory(snapshot);
        if (JSON.stringify(snapshot) !== JSON.stringify(this.directory?.snapshot)) this.pages = new Map();
        this.directory = next;
        this.loadedAt = Date.now();
        return next;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /** Answers a page of the directory in `lang`; `render` returns null for a page that does not exist. */
  async page(
    req: FastifyRequest,
    reply: FastifyReply,
    lang: string,
    key: string,
    render: (t: PublicTexts, d: Directory) => Page | null,
  ): Promise<FastifyReply> {
    const t = TEXTS[isLanguage(lang) ? lang : 'it'];
    const d = await this.current(req);
    const cacheKey = `${t.lang} ${isLanguage(lang) ? key : '404'}`;
    let rendered = this.pages.get(cacheKey);
    if (!rendered) {
      const page = (isLanguage(lang) ? render(t, d) : null) ?? notFoundPage(t);
      const body = Buffer.from(layout(t, page));
      rendered = {
        type: 'text/html; charset=utf-8',
        body,
        gzip: gzipSync(body, { level: 9 }),
        etag: etagOf(body),
        status: page.status ?? 200,
      };
      if (this.pages.size >= MAX_CACHED) this.pages.clear();
      this.pages.set(cacheKey, rendered);
    }
    reply.header('Content-Language', t.lang);
    return send(req, reply, rendered);
  }

  /** Answers a document built from the snapshot (the open data), cached like the pages. */
  async document(
    req: FastifyRequest,
    reply: FastifyReply,
    key: string,
    type: string,
    build: (d: Directory) => string,
  ): Promise<FastifyReply> {
    const d = await this.current(req);
    let rendered = this.pages.get(key);
    if (!rendered) {
      const body = Buffer.from(build(d));
      rendered = { type, body, gzip: gzipSync(body, { level: 9 }), etag: etagOf(body), status: 200 };
      this.pages.set(key, rendered);
    }
    return send(req, reply, rendered);
  }
}

/** Sends a cached response: 304 when the client holds it, gzip when accepted. */
export function send(req: FastifyRequest, reply: FastifyReply, r: Rendered | Asset): FastifyReply {
  const status = 'status' in r ? r.status : 200;
  reply
    .header('Content-Security-Policy', PUBLIC_CSP)
    .header('Cache-Control', status === 200 ? `public, max-age=${MAX_AGE}` : 'no-cache')
    .header('Vary', 'Accept-Encoding')
    .header('ETag', r.etag)
    .type(r.type);
  if (status === 200 && req.headers['if-none-match'] === r.etag) return reply.status(304).send();
  const gzip = r.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip) reply.header('Content-Encoding', 'gzip');
  return reply.status(status).send(gzip ? r.gzip : r.body);
}

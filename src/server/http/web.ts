import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { PathMethods } from './methods.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

/** Hashed build outputs never change under their name; everything else is revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * Serves the built UI when there is one. Vite's build writes a Brotli and a gzip copy beside each
 * text asset (`vite.config.ts`, `precompress`), served with `Content-Encoding` when the browser
 * accepts it; `/assets/*` (hashed names) are cached for a year, `index.html` is revalidated.
 * The one not-found handler: API paths get a JSON 404; other GETs get index.html for the
 * client-side router; a known API path asked with another method gets a JSON 405 with `Allow`.
 */
export async function serveWeb(app: FastifyInstance, root = WEB_DIST, methods?: PathMethods): Promise<void> {
  const built = existsSync(path.join(root, 'index.html'));
  if (built)
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, file) => {
        const hashed = path.relative(root, file).startsWith(`assets${path.sep}`);
        res.setHeader('Cache-Control', hashed ? IMMUTABLE : REVALIDATE);
      },
    });
  app.setNotFoundHandler((request, reply) => {
    // a missing hashed asset is a 404, never index.html: a browser holding an older page must see
    // its chunk fail, not parse HTML as a script or a stylesheet (found by the purge's visual check)
    const asset = request.url.startsWith('/assets/');
    if (built && request.method === 'GET' && !request.url.startsWith('/api/') && !asset) {
      return reply.type('text/html').sendFile('index.html');
    }
    const allowed = request.url.startsWith('/api/') ? (methods?.allowed(request.url.split('?')[0] ?? '') ?? []) : [];
    if (allowed.length > 0) {
      return reply
        .status(405)
        .header('Allow', allowed.join(', '))
        .send({ code: 'method_not_allowed', message: 'This method is not allowed on this path' });
    }
    return reply.status(404).send({ code: 'not_found', message: 'Not found' });
  });
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

/**
 * Serves the built UI when there is one. The one not-found handler: API paths get a JSON 404;
 * other GETs get index.html for the client-side router.
 */
export async function serveWeb(app: FastifyInstance): Promise<void> {
  const built = existsSync(path.join(WEB_DIST, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    if (built && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ code: 'not_found', message: 'Not found' });
  });
}

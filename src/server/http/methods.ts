/**
 * The methods of each API path, collected as routes are registered, so that a known path asked with
 * a method it does not have answers 405 with `Allow` (RFC 9110 §15.5.6) rather than 404.
 */
import type { FastifyInstance } from 'fastify';

export interface PathMethods {
  /** The methods allowed on this URL path ("/api/v1/cases/…"), sorted; empty when no route has the path. */
  allowed(path: string): string[];
}

/** `/api/v1/cases/:id/team/:userId` as a regular expression over one concrete path. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/** Collects the routes of /api/ (call before they are registered). */
export function collectPathMethods(app: FastifyInstance): PathMethods {
  const routes = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const entry = routes.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const m of [route.method].flat()) entry.methods.add(m);
    routes.set(route.url, entry);
  });
  return {
    allowed(path) {
      const found = new Set<string>();
      for (const { pattern, methods } of routes.values()) {
        if (pattern.test(path)) for (const m of methods) found.add(m);
      }
      return [...found].sort();
    },
  };
}

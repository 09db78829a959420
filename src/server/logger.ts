import type { FastifyServerOptions } from 'fastify';

/**
 * pino options: request lines carry the method and the route pattern, never the URL (a query
 * string could hold an id someone typed) or headers; known secret-bearing paths are redacted.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers', 'headers', 'cookie', 'password', '*.password', 'body', '*.body', 'token', '*.token'],
      censor: '[redacted]',
    },
    serializers: {
      req(req: { method: string; routeOptions?: { url?: string }; id: string }) {
        return { id: req.id, method: req.method, route: req.routeOptions?.url ?? '(unmatched)' };
      },
      res(res: { statusCode: number }) {
        return { statusCode: res.statusCode };
      },
    },
  };
}

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { ErrorBody } from './schema-kit.ts';

interface OpenApiDoc {
  paths?: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>>;
}

/**
 * A route that `produces` a PDF answers its errors in JSON like every other route (the error handler
 * sends `{code, message}`): the document says so rather than listing them as application/pdf.
 */
export function errorsAsJson<T extends OpenApiDoc>(doc: T): T {
  for (const operations of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (status.startsWith('2') || !response.content || 'application/json' in response.content) continue;
        const first = Object.values(response.content)[0];
        response.content = { 'application/json': first };
      }
    }
  }
  return doc;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What every route of /api/v1 may answer besides its own responses, said in the document: the
 * session (and the CSRF token for changes) unless the route is public, 401 without them, 400 for
 * input the one rule refuses (even in a query string the route does not read), 413 and 415 for a body too large or not JSON, 429 past the rate limit.
 */
function withCommonAnswers(schema: Record<string, unknown>, route: RouteOptions): Record<string, unknown> {
  if (schema.hide || !route.url.startsWith('/api/v1/')) return schema;
  const auth = (route.config as { auth?: string } | undefined)?.auth ?? 'session';
  const methods = [route.method].flat();
  const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
  const add = (status: number) => {
    if (!(status in response)) response[status] = ErrorBody;
  };
  if (auth !== 'public') add(401);
  add(400); // any query string may hold what the one input rule refuses
  if (schema.body) {
    add(413);
    add(415);
  }
  add(429);
  const security =
    auth === 'public'
      ? []
      : auth === 'pre_auth'
        ? [{ preAuth: [] }]
        : [methods.some((m) => UNSAFE.has(m)) ? { session: [], csrf: [] } : { session: [] }];
  return { ...schema, response, security };
}

/** OpenAPI 3 at /api/openapi.json, generated from the route schemas, and a docs page at /api/docs. */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Percorsi API',
        version: '1.0.0',
        description:
          'API of Percorsi. State-changing requests with a session carry the X-CSRF-Token header ' +
          '(GET /api/v1/auth/csrf).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: '__Host-percorsi_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
          preAuth: { type: 'apiKey', in: 'cookie', name: '__Host-percorsi_pre' },
        },
      },
    },
    transform: ({ schema, url, route }) => ({
      schema: schema && withCommonAnswers(schema as Record<string, unknown>, route as RouteOptions),
      url,
    }),
    transformObject: (doc) => errorsAsJson((doc as { openapiObject: OpenApiDoc }).openapiObject),
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // the docs page keeps the app's rules: no framing, no third-party hosts
    transformStaticCSP: (header) =>
      header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(' validator.swagger.io', '')
        .replaceAll(' https:', '')
        .replace(' upgrade-insecure-requests;', ''),
    uiConfig: { validatorUrl: null },
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async () => app.swagger());
}

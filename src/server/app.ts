import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { registerAuditRoutes } from './audit/routes.ts';
import { registerAuthRoutes } from './auth/routes.ts';
import { registerCompanyRoutes } from './companies/routes.ts';
import { registerCaseRoutes } from './cases/routes.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { registerConsentRoutes } from './consents/routes.ts';
import { registerPublicDirectory } from './directory/public-routes.ts';
import { registerDirectoryRoutes } from './directory/routes.ts';
import { PublicSite } from './directory/site.ts';
import { registerDraftRoutes } from './drafts/routes.ts';
import { registerExportRoutes } from './exports/routes.ts';
import { registerFeedbackPages } from './feedback/routes.ts';
import { registerFormRoutes } from './forms/routes.ts';
import { installInputHygiene } from './http/input-hygiene.ts';
import { collectPathMethods } from './http/methods.ts';
import { installOpenApi } from './http/openapi.ts';
import { installRequestContext } from './http/request-context.ts';
import { installSecurity } from './http/security.ts';
import { rateLimitSetup, trustProxyFrom } from './http/rate-limit.ts';
import { registerSystemRoutes } from './http/system-routes.ts';
import { installValidators, lazySerializers } from './http/validators.ts';
import { serveWeb } from './http/web.ts';
import { loggerOptions } from './logger.ts';
import { registerNeedsRoutes } from './needs/routes.ts';
import { registerObservatoryReportRoutes } from './observatory-report/routes.ts';
import { registerNetworkRoutes } from './network/routes.ts';
import { configureLinkageKey } from './observatory/linkage.ts';
import { registerObservatoryRoutes } from './observatory/routes.ts';
import { registerTrainingRoutes } from './training/routes.ts';
import { registerPreventionRoutes } from './prevention/routes.ts';
import { registerNotificationRoutes } from './notifications/routes.ts';
import { registerOutcomeRoutes } from './outcomes/routes.ts';
import { registerPlanRoutes } from './plans/routes.ts';
import { registerReferralRoutes } from './referrals/routes.ts';
import { registerRightsRoutes } from './rights/routes.ts';
import { registerInsiderRoutes } from './insider/routes.ts';
import { registerUserRoutes } from './users/routes.ts';
import { registerWorklistRoutes } from './worklist/routes.ts';
import { registerControlRoomRoutes } from './control-room/routes.ts';
import { registerProcedureRoutes } from './procedures/routes.ts';

export interface AppDeps {
  db: Database;
  config: Config;
  /** where pino writes (tests capture it to look for canaries) */
  logStream?: NodeJS.WritableStream;
}

export type App = FastifyInstance;

export async function buildApp({ db, config, logStream }: AppDeps): Promise<App> {
  const logger = loggerOptions(config.logLevel);
  const app = Fastify({
    logger: logStream && logger && typeof logger === 'object' ? { ...logger, stream: logStream } : logger,
    bodyLimit: 64 * 1024,
    // proof-ops: a hop count, `true` or a list of proxy addresses (http/rate-limit.ts)
    // (Fastify takes a hop count at run time; its types omit the number)
    trustProxy: trustProxyFrom(process.env.PERCORSI_TRUST_PROXY) as boolean | string[],
    genReqId: () => crypto.randomUUID(),
    schemaController: { compilersFactory: { buildSerializer: lazySerializers() } },
    // a path the router cannot decode (e.g. %ED%A0%80, half a surrogate pair) answers like any refused
    // input, not with Fastify's own error shape (found by the fuzz suite)
    frameworkErrors: (_error, _request, reply) =>
      (reply as unknown as FastifyReply).status(400).send({
        code: 'invalid_input',
        message: 'The request holds characters or nesting that are not allowed',
        fields: [{ field: '(path)', reason: 'invalid_characters', message: 'invalid characters' }],
      }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  // the contract (src/server/http): bodies validated without coercion, one rule for every string,
  // the methods of each path for the 405s
  installValidators(app);
  const methods = collectPathMethods(app);
  await app.register(cookie);
  await installSecurity(app, rateLimitSetup({ db, redisUrl: config.redisUrl, limits: config.rateLimits }));
  await installOpenApi(app);
  installErrorHandler(app);
  installRequestContext(app, db);
  configureLinkageKey(config.linkageKey);
  installInputHygiene(app);

  const site = new PublicSite();
  await app.register(async (api) => registerApiRoutes(api, { db, config, site }), { prefix: '/api/v1' });
  registerPublicDirectory(app, site);
  // obs-report: the women's anonymous feedback form (/parere/<token>)
  registerFeedbackPages(app);
  app.get('/healthz', { schema: { hide: true }, config: { auth: 'public' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true }, config: { auth: 'public' } }, async (_req, reply) => {
    try {
      await db.app.selectNoFrom((eb) => eb.val(1).as('one')).execute();
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
  await serveWeb(app, undefined, methods);
  return app;
}

/** Every route of /api/v1 (also used by the contract test, which holds src/server/http/contract.ts against them). */
export function registerApiRoutes(
  api: FastifyInstance,
  { db, config, site = new PublicSite() }: Pick<AppDeps, 'db' | 'config'> & { site?: PublicSite },
): void {
  registerSystemRoutes(api, { db, config });
  registerAuthRoutes(api, { config });
  registerUserRoutes(api, { config });
  registerNetworkRoutes(api, { config });
  registerAuditRoutes(api);
  registerExportRoutes(api);
  registerFormRoutes(api);
  registerCaseRoutes(api, { config });
  registerNeedsRoutes(api, { config });
  registerPlanRoutes(api, { config });
  registerConsentRoutes(api, { config });
  registerOutcomeRoutes(api, { config });
  registerNotificationRoutes(api);
  registerReferralRoutes(api, { config });
  registerDraftRoutes(api, { config });
  registerDirectoryRoutes(api, site);
  registerWorklistRoutes(api);
  // observatory (issue 7): scope, catalogue, dashboards and their CSV/XLSX, all through the suppression module
  registerObservatoryRoutes(api, { config });
  // obs-report: the quarterly report (background job) and the annual extract
  registerObservatoryReportRoutes(api, { db, config });
  // net-control: the control room, its documents, working groups and procedures
  registerControlRoomRoutes(api);
  // net-companies: the companies' register and vacancies (/aziende)
  registerCompanyRoutes(api, { config });
  registerProcedureRoutes(api);
  // training and coverage (issue 8, /formazione)
  registerTrainingRoutes(api);
  // prevention activities (issue 8, /prevenzione)
  registerPreventionRoutes(api);
  // issue 12: her rights over her data
  registerRightsRoutes(api, { config });
  registerInsiderRoutes(api);
}

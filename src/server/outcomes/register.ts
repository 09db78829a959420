import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { registerConsentRoutes } from '../consents/routes.ts';
import { registerOutcomeRoutes } from './routes.ts';

/** Consent, outcomes and follow-ups: one entry point for app.ts (inside /api/v1). */
export function registerConsentOutcomeRoutes(api: FastifyInstance, deps: { config: Config }): void {
  registerConsentRoutes(api, deps);
  registerOutcomeRoutes(api, deps);
}

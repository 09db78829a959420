import Fastify, { type RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerApiRoutes } from '../app.ts';
import type { Database } from '../db/database.ts';
import { testConfig } from '../testing/harness.ts';
import { contract, NoContent, type RouteSchemas } from './contract.ts';

/** The routes as the server registers them, with their schemas (no database needed: handlers never run). */
async function registeredRoutes(): Promise<Map<string, RouteOptions>> {
  const routes = new Map<string, RouteOptions>();
  const app = Fastify();
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) routes.set(`${m} ${r.url.replace(/^\/api\/v1/, '')}`, r);
  });
  const db = {} as Database;
  await app.register(async (api) => registerApiRoutes(api, { db, config: testConfig() }), { prefix: '/api/v1' });
  await app.ready();
  await app.close();
  return routes;
}

/** The JSON of a schema (TypeBox's symbols dropped). */
const json = (schema: unknown) => JSON.parse(JSON.stringify(schema ?? null));

describe('the API contract the UI is typed against', async () => {
  const routes = await registeredRoutes();
  const entries = Object.entries(contract) as [string, RouteSchemas][];

  it.each(entries)('%s is a route with the same query, body and response schemas', (key, entry) => {
    const route = routes.get(key);
    expect(route, `${key} is not a registered route`).toBeDefined();
    const schema = route?.schema ?? {};
    expect(json(schema.querystring), 'query').toEqual(json(entry.query));
    expect(json(schema.body), 'body').toEqual(json(entry.body));
    const responses = (schema.response ?? {}) as Record<string, unknown>;
    const success = Object.keys(responses).filter((code) => code.startsWith('2'));
    if (entry.response === NoContent) {
      expect(success, 'a 204 answer').toEqual(['204']);
      return;
    }
    expect(success.length, 'one schema for the successful answers').toBeGreaterThan(0);
    for (const code of success) expect(json(responses[code]), `response ${code}`).toEqual(json(entry.response));
  });

  it('catches a wrong entry (the comparison is not vacuous)', () => {
    const route = routes.get('GET /cases/:id');
    expect(json(route?.schema?.response && (route.schema.response as Record<string, unknown>)['200'])).not.toEqual(
      json(contract['GET /cases'].response),
    );
  });
});

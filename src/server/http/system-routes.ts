import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';

export const Meta = Type.Object({ demo: Type.Boolean(), version: Type.String() }, { additionalProperties: false });
export type Meta = Static<typeof Meta>;

export function registerSystemRoutes(api: FastifyInstance, deps: { db: Database; config: Config }): void {
  api.get('/meta', { schema: { tags: ['system'], response: { 200: Meta } }, config: { auth: 'public' } }, async () => ({
    demo: deps.config.demo,
    version: '0.1.0',
  }));
}

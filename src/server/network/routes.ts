import type { FastifyInstance } from 'fastify';

export function registerNetworkRoutes(_api: FastifyInstance): void {}

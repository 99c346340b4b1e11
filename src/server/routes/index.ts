import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registerIdempotency } from '../idempotency.js';
import type { ServerDeps } from '../server-deps.js';
import { agreementRoutes } from './agreements.js';
import { calcRoutes } from './calc.js';
import { caseRoutes } from './case.js';
import { contactRoutes } from './contacts.js';
import { escalationRoutes } from './escalations.js';
import { evidenceRoutes } from './evidence.js';
import { letterRoutes } from './letters.js';
import { planningRoutes } from './planning.js';
import { profileRoutes } from './profile.js';

export interface RouteOptions {
  deps: ServerDeps;
  uploadLimit: number;
  /** bumped after every write request, so routes may cache reads safely */
  writes?: { version: number };
}

/** The Fastify instance a resource plugin registers on (zod types), for its `register…` functions. */
export type RouteApp = Parameters<FastifyPluginAsyncZod<RouteOptions>>[0];

/** One plugin per resource; all under /api. */
export const registerRoutes: FastifyPluginAsync<RouteOptions> = async (
  app,
  { deps, uploadLimit },
) => {
  const writes = { version: 0 };
  const bump = (_req: unknown, _reply: unknown, done: () => void) => {
    writes.version += 1;
    done();
  };
  // only write routes carry the hook: reads (the cached summary) skip it entirely
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((m) => m === 'GET' || m === 'HEAD')) return;
    const own = route.onResponse ?? [];
    route.onResponse = [...(Array.isArray(own) ? own : [own]), bump];
  });
  registerIdempotency(app, deps);
  const o: RouteOptions = { deps, uploadLimit, writes };
  await app.register(calcRoutes, o);
  await app.register(caseRoutes, o);
  await app.register(planningRoutes, o);
  await app.register(letterRoutes, o);
  await app.register(contactRoutes, o);
  await app.register(evidenceRoutes, o);
  await app.register(agreementRoutes, o);
  await app.register(escalationRoutes, o);
  await app.register(profileRoutes, o);
};

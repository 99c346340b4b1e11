import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerErrorHandler } from './error-handler.js';
import { registerRoutes } from './routes/index.js';
import { Access } from './access.js';
import { fileErrorLog, type ErrorLog } from './error-log.js';
import { registerSecurity, sessionCookie } from './security.js';
import { registerSessionRoutes } from './session-routes.js';
import type { ServerDeps } from './server-deps.js';

export interface ServerOptions {
  /** Built web app (index.html + assets); omitted in API-only tests. */
  webRoot?: string;
  /** A session id valid from the start (tests, bench); `serve` never sets it. */
  sessionSecret?: string;
  /** Who may use the server (sessions, launch token, pairing); a loopback one unless given. */
  access?: Access;
  /** Served over HTTPS: cookies get `Secure`. (The TLS key and certificate go in `https`.) */
  https?: { key: string; cert: string };
  /** Where unexpected errors are logged (stderr and a rotating file); default under deps.home. */
  errorLog?: ErrorLog;
  /** JSON body limit in bytes (default 2 MiB). */
  bodyLimit?: number;
  /** Evidence upload limit in bytes (default 4 GiB). */
  uploadLimit?: number;
  /** Host names the server answers to (defeats DNS rebinding); default loopback names. */
  allowedHosts?: readonly string[];
  logger?: boolean;
}

export const DEFAULT_UPLOAD_LIMIT = 4 * 1024 ** 3;
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

export type App = FastifyInstance;

/** Builds the API (and the web app when webRoot is given) without listening (docs/style.md, Tests: API tests inject). */
export async function buildServer(deps: ServerDeps, opts: ServerOptions = {}): Promise<App> {
  const access = opts.access ?? new Access(false, opts.sessionSecret);
  const secure = opts.https !== undefined;
  const uploadLimit = opts.uploadLimit ?? DEFAULT_UPLOAD_LIMIT;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 2 * 1024 * 1024,
    trustProxy: false,
    ...(opts.https ? { https: opts.https } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerSecurity(app, { access, allowedHosts: new Set(opts.allowedHosts ?? LOOPBACK) });
  registerErrorHandler(app, () => indexHtml, opts.errorLog ?? fileErrorLog(deps.home));

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Xieshang 协商 API',
        version: '0.1.0',
        description:
          'Local JSON API of Xieshang. Every request needs the session cookie, which POST /api/session sets in exchange for the one-time token `xieshang serve` prints (or /pair in network mode); writes must also come from the same origin.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: uploadLimit, files: 1, fields: 30, fieldSize: 64 * 1024, parts: 40 },
    throwFileSizeLimit: true,
    // keep the client's path so a "../" name is refused rather than silently cut to its base
    preservePath: true,
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(registerSessionRoutes, { access, secure });
  await app.register(registerRoutes, {
    prefix: '/api',
    deps,
    uploadLimit,
  });

  let indexHtml: string | undefined;
  if (opts.webRoot !== undefined && existsSync(join(opts.webRoot, 'index.html'))) {
    indexHtml = readFileSync(join(opts.webRoot, 'index.html'), 'utf8');
    const sendIndex = (reply: import('fastify').FastifyReply) =>
      reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(indexHtml);
    app.get('/', { schema: { hide: true } }, async (_req, reply) => sendIndex(reply));
    // loaded only when serving the web app (API-only servers and tests skip it)
    const fastifyStatic = (await import('@fastify/static')).default;
    await app.register(fastifyStatic, {
      root: opts.webRoot,
      index: false,
      wildcard: true,
      dotfiles: 'deny',
      list: false,
      redirect: false,
      schemaHide: true,
      setHeaders: (res, path) => {
        if (path.includes('/assets/'))
          res.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
  }
  return app;
}

export { sessionCookie };

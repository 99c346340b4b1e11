import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../app/deps.js';
import {
  abandonIdempotent,
  finishIdempotent,
  parseIdempotencyKey,
  startIdempotent,
  type StoredReply,
} from '../app/idempotency.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const claimed = new WeakMap<FastifyRequest, string>();

/**
 * Method, path (with query) and body. A multipart upload is streamed by its handler after this
 * hook runs, so its fingerprint is method and path only: the key alone tells retries apart.
 */
function fingerprintOf(req: FastifyRequest): string {
  const h = createHash('sha256');
  h.update(`${req.method}\n${req.url}\n`);
  if (!req.isMultipart()) h.update(JSON.stringify(req.body ?? null));
  return h.digest('hex');
}

function toStored(status: number, contentType: unknown, payload: unknown): StoredReply | undefined {
  const ct = typeof contentType === 'string' ? contentType : null;
  if (typeof payload === 'string')
    return { statusCode: status, contentType: ct, body: payload, encoding: 'utf8' };
  if (Buffer.isBuffer(payload))
    return {
      statusCode: status,
      contentType: ct,
      body: payload.toString('base64'),
      encoding: 'base64',
    };
  if (payload === null || payload === undefined)
    return { statusCode: status, contentType: ct, body: '', encoding: 'utf8' };
  return undefined; // a stream: not stored, the key is freed
}

/**
 * Every write that carries an `Idempotency-Key` header runs at most once: the first reply (status
 * and body) is stored with the request's fingerprint and replayed for a retry; the same key with
 * another request is a 422. A reply with status ≥ 500 frees the key (nothing was written).
 * Registered before the route plugins so every write route inherits it.
 */
export function registerIdempotency(app: FastifyInstance, deps: Deps): void {
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!WRITE_METHODS.has(req.method)) return;
    const key = parseIdempotencyKey(req.headers[IDEMPOTENCY_HEADER]);
    if (key === undefined) return;
    const path = req.url.split('?')[0] ?? req.url;
    const start = await startIdempotent(deps, {
      key,
      fingerprint: fingerprintOf(req),
      method: req.method,
      path,
    });
    if (start.kind === 'run') {
      claimed.set(req, key);
      return;
    }
    const r = start.reply;
    reply.code(r.statusCode).header('idempotent-replayed', 'true');
    if (r.contentType !== null) reply.header('content-type', r.contentType);
    return reply.send(r.encoding === 'base64' ? Buffer.from(r.body, 'base64') : r.body);
  });
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const key = claimed.get(req);
    if (key === undefined) return payload;
    claimed.delete(req);
    const stored =
      reply.statusCode >= 500
        ? undefined
        : toStored(reply.statusCode, reply.getHeader('content-type'), payload);
    if (stored === undefined) await abandonIdempotent(deps, key);
    else await finishIdempotent(deps, key, stored);
    return payload;
  });
}

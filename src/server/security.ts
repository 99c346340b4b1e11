import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../app/errors.js';

export const SESSION_COOKIE = 'xs_session';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A per-process secret: a browser gets it as a cookie on page load; writes must carry it. */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function sessionCookie(secret: string): string {
  return `${SESSION_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Strict`;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Same origin when Origin (if sent) names this host, and the browser did not flag the request cross-site. */
function isSameOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * The Host allow-list, secure headers on every reply, and the write guard: runs in onRequest, i.e. before the body is
 * read or validated, so a cross-site write is refused with 403 and nothing else happens.
 */
export function registerSecurity(
  app: FastifyInstance,
  secret: string,
  allowedHosts: ReadonlySet<string>,
): void {
  // one callback-style (not async) hook and one headers() call: this runs on every request, and
  // each hook and promise is measurable on the cached-summary path (bench/api.bench.ts)
  let lastAllowedHost: string | undefined; // a browser sends the same Host every time
  app.addHook(
    'onRequest',
    (req: FastifyRequest, reply: FastifyReply, done: (e?: Error) => void) => {
      // the Host allow-list defeats DNS rebinding (a foreign name resolving to 127.0.0.1)
      const host = req.headers.host ?? '';
      if (host !== lastAllowedHost && !allowedHosts.has(host.replace(/:\d+$/, '')))
        return done(
          new AppError('forbidden', `host ${host.replace(/:\d+$/, '')} is not served here`, {
            messageZh: '不接受该主机名的请求',
            details: { reason: 'host' },
          }),
        );
      lastAllowedHost = host;
      reply.headers(req.url.startsWith('/api/') ? API_HEADERS : PAGE_HEADERS);
      if (!WRITE_METHODS.has(req.method)) return done();
      if (!isSameOrigin(req))
        return done(
          new AppError('forbidden', 'cross-site requests may not change data', {
            messageZh: '拒绝跨站请求：不能从其他网站修改数据',
            details: { reason: 'cross-origin' },
          }),
        );
      if (!sameSecret(readCookie(req.headers.cookie, SESSION_COOKIE), secret))
        return done(
          new AppError('forbidden', 'missing or wrong session cookie; reload the page', {
            messageZh: '会话无效，请刷新页面后重试',
            details: { reason: 'session' },
          }),
        );
      done();
    },
  );
}

const PAGE_HEADERS = Object.freeze({
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

/**
 * API replies are data, never a page to render (HTML letters set their own CSP): nothing may
 * load or frame them (OWASP REST headers), and personal data is not kept in any cache.
 */
const API_HEADERS = Object.freeze({
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
});

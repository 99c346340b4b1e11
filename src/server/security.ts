import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../app/errors.js';
import type { Access } from './access.js';

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

/** A random secret (session ids, tokens). */
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

/** The session cookie: script can't read it, other sites' requests don't carry it. */
export function sessionCookie(id: string, secure = false): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
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

/** Where a request without a session may go: the token trade, and in network mode the pairing page. */
export const TOKEN_TRADE_PATH = '/api/session';
export const PAIR_PATH = '/pair';

export const SIGN_IN_ZH =
  '需要先登录：请打开运行 xieshang serve 的终端里打印的链接（手机请用配对码）';
const SIGN_IN_EN =
  'sign in first: open the link printed by `xieshang serve` in its terminal (phones: use the pairing code)';

export interface SecurityOptions {
  access: Access;
  allowedHosts: ReadonlySet<string>;
}

/**
 * The Host allow-list, secure headers on every reply, the session check on every request (reads
 * included) and the write guard: runs in onRequest, i.e. before the body is read or validated, so
 * a cross-site or unauthenticated request is refused and nothing else happens.
 */
export function registerSecurity(app: FastifyInstance, opts: SecurityOptions): void {
  const { access, allowedHosts } = opts;
  // one callback-style (not async) hook and one headers() call: this runs on every request, and
  // each hook and promise is measurable on the cached-summary path (bench/api.bench.ts)
  let lastAllowedHost: string | undefined; // a browser sends the same Host every time
  app.addHook(
    'onRequest',
    (req: FastifyRequest, reply: FastifyReply, done: (e?: Error) => void) => {
      // the Host allow-list defeats DNS rebinding (a foreign name resolving to 127.0.0.1)
      const host = req.headers.host ?? '';
      if (host !== lastAllowedHost && !allowedHosts.has(hostName(host)))
        return done(
          new AppError('forbidden', `host ${hostName(host)} is not served here`, {
            messageZh: '不接受该主机名的请求',
            details: { reason: 'host' },
          }),
        );
      lastAllowedHost = host;
      const api = req.url.startsWith('/api/');
      reply.headers(api ? API_HEADERS : PAGE_HEADERS);
      const write = WRITE_METHODS.has(req.method);
      if (write && !isSameOrigin(req))
        return done(
          new AppError('forbidden', 'cross-site requests may not change data', {
            messageZh: '拒绝跨站请求：不能从其他网站修改数据',
            details: { reason: 'cross-origin' },
          }),
        );
      if (access.isSession(readCookie(req.headers.cookie, SESSION_COOKIE))) return done();
      const q = req.url.indexOf('?');
      const path = q < 0 ? req.url : req.url.slice(0, q);
      if (req.method === 'POST' && path === TOKEN_TRADE_PATH) return done();
      if (access.network && path === PAIR_PATH) return done();
      if (write)
        return done(
          new AppError('forbidden', `missing or wrong session cookie; ${SIGN_IN_EN}`, {
            messageZh: `会话无效。${SIGN_IN_ZH}`,
            details: { reason: 'session' },
          }),
        );
      if (api)
        return done(
          new AppError('unauthorized', SIGN_IN_EN, {
            messageZh: SIGN_IN_ZH,
            details: { reason: 'session' },
          }),
        );
      // Pages. The app shell holds no data (every read needs a session) and is the page that
      // trades a launch token; on loopback it is served and shows how to sign in. Beyond
      // loopback only the pairing page is served to a device that has not paired.
      if (!access.network || path.startsWith('/assets/') || /[?&]token=/.test(req.url))
        return done();
      void reply.code(303).header('Location', PAIR_PATH).header('Cache-Control', 'no-store').send();
    },
  );
}

function hostName(host: string): string {
  return host.replace(/:\d+$/, '');
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

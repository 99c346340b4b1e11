// How a browser gets its session: POST /api/session trades the one-time launch token (the page
// does it when opened from the URL `serve` printed); in network mode a phone opens /pair and types
// the one-time pairing code once. GET /api/session answers 200 only with a valid session (the
// security hook refuses it otherwise), so the page can tell whether it is signed in.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../app/errors.js';
import { PAIRING_ATTEMPTS, type Access } from './access.js';
import { PAIR_PATH, sessionCookie, SIGN_IN_ZH, TOKEN_TRADE_PATH } from './security.js';

export interface SessionRouteOptions {
  access: Access;
  secure: boolean;
}

const TokenTrade = z.object({ token: z.string().min(1).max(200) });

export const registerSessionRoutes: FastifyPluginAsyncZod<SessionRouteOptions> = async (
  app,
  { access, secure },
) => {
  app.get(TOKEN_TRADE_PATH, { schema: { hide: true } }, async () => ({ ok: true }));

  app.post(TOKEN_TRADE_PATH, { schema: { hide: true, body: TokenTrade } }, async (req, reply) => {
    const session = access.tradeToken(req.body.token);
    if (session === undefined)
      throw new AppError(
        'unauthorized',
        'this link was already used or is wrong; open the newest link printed by `xieshang serve`',
        {
          messageZh: `该链接已用过或无效。${SIGN_IN_ZH}`,
          details: { reason: 'token' },
        },
      );
    reply.header('Set-Cookie', sessionCookie(session, secure));
    return { ok: true };
  });

  if (!access.network) return;

  // the pairing form posts application/x-www-form-urlencoded (no script: the CSP allows none inline)
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const page = (reply: FastifyReply, status: number, notice: string, code = '') =>
    reply
      .status(status)
      .header('Cache-Control', 'no-store')
      // under no-referrer a browser sends `Origin: null` with the form's POST, which the write
      // guard refuses; same-origin sends the real origin (and still no referrer to other sites)
      .header('Referrer-Policy', 'same-origin')
      .type('text/html; charset=utf-8')
      .send(pairingPage(notice, code));

  app.get(
    PAIR_PATH,
    { schema: { hide: true, querystring: z.object({ code: z.string().max(20).optional() }) } },
    async (req, reply) => {
      // GET never pairs (link previewers fetch URLs): it only fills in the code from the QR code
      const code = /^\d{8}$/.test(req.query.code ?? '') ? (req.query.code ?? '') : '';
      return page(reply, 200, '', code);
    },
  );

  app.post(
    PAIR_PATH,
    { schema: { hide: true, body: z.object({ code: z.string().max(40) }) } },
    async (req, reply) => {
      const r = access.pair(req.body.code);
      if (r.ok)
        return reply
          .header('Set-Cookie', sessionCookie(r.session, secure))
          .header('Cache-Control', 'no-store')
          .redirect('/', 303);
      if (r.locked)
        return page(
          reply,
          403,
          '错误次数过多，配对已锁定。请在电脑上重新启动 xieshang serve。<br>Too many wrong codes: pairing is locked. Restart <code>xieshang serve</code> on the computer.',
        );
      return page(
        reply,
        403,
        `配对码不对，还可以再试 ${r.attemptsLeft} 次（共 ${PAIRING_ATTEMPTS} 次）。<br>Wrong code: ${r.attemptsLeft} tries left.`,
      );
    },
  );
};

/** A self-contained page (no script, no external resources), readable on a phone. */
function pairingPage(notice: string, code: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>协商 · 配对手机</title>
<style>
body{font:17px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:28rem;padding:1.2rem;color:#1b1b1b}
h1{font-size:1.4rem}input{font-size:1.6rem;letter-spacing:.2em;width:100%;box-sizing:border-box;padding:.5rem}
button{font-size:1.1rem;margin-top:1rem;padding:.7rem 1.4rem;width:100%}
.notice{background:#fdecea;border-left:4px solid #b3261e;padding:.6rem .8rem}.en{color:#555;font-size:.9rem}
</style></head><body>
<h1>配对这台设备</h1>
<p>请输入电脑上运行 <code>xieshang serve</code> 的窗口里显示的 8 位配对码。每个配对码只能用一次。</p>
<p class="en">Pair this device: enter the 8-digit code shown where <code>xieshang serve</code> runs on the computer. Each code works once.</p>
${notice ? `<p class="notice" role="alert">${notice}</p>` : ''}
<form method="post" action="${PAIR_PATH}">
<label for="code">配对码 / Pairing code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 \\-]{8,10}" required value="${code}">
<button type="submit">配对 / Pair</button>
</form>
</body></html>`;
}

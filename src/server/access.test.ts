// Who may use the server: reads and writes need a session; a session comes only from the one-time
// launch token or (network mode) the one-time pairing code; each check of the write guard holds on
// its own; 500s are logged with an id and without personal data.
import { request as httpsRequest } from 'node:https';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../test/e2e/home.js';
import { Access, PAIRING_ATTEMPTS } from './access.js';
import { buildServer, type App } from './build-server.js';
import { fileErrorLog, LOG_FILE, scrub } from './error-log.js';
import { startServer, TOKEN_FILE } from './main.js';
import { allowedHostsFor, lanAddresses, selfSignedTls } from './network.js';
import { SESSION_COOKIE, sessionCookie } from './security.js';
import { anonymousGet, get, testServer, TEST_SECRET, write } from './test-helpers.js';

const DEBT = {
  lenderName: '借呗',
  lenderType: 'small-loan',
  contractDate: '2025-01-10',
  principal: '10000.00',
  received: '9000.00',
  rateText: '日息万五',
  termMonths: 12,
};

async function rowCounts(home: TestHome): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['lenders', 'debts', 'cases'] as const)
    out[t] = (await home.deps.db.selectFrom(t).selectAll().execute()).length;
  return out;
}

const cookieOf = (setCookie: unknown): string =>
  String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;

describe('loopback: every request needs a session, and / gives none', () => {
  let app: App;
  let home: TestHome;
  let access: Access;
  beforeAll(async () => {
    home = await openTestHome();
    access = new Access(false);
    app = await buildServer(home.deps, { access });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await home.close();
  });

  it('answers reads without a session with 401 and no data', async () => {
    for (const url of [
      '/api/profile',
      '/api/summary',
      '/api/debts',
      '/api/backup',
      '/api/session',
    ]) {
      const r = await anonymousGet(app, url);
      expect(r.statusCode, url).toBe(401);
      expect(r.json().error.code).toBe('unauthorized');
      expect(r.json().error.messageZh).toContain('xieshang serve');
    }
  });

  it('trades the launch token once for an HttpOnly SameSite=Strict cookie that then reads', async () => {
    const token = access.launchToken;
    const bad = await write(app, 'POST', '/api/session', { token: 'x'.repeat(token.length) });
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['set-cookie']).toBeUndefined();

    const r = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { host: '127.0.0.1:4170', origin: 'http://127.0.0.1:4170' },
      payload: { token },
    });
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['set-cookie'])).toMatch(
      new RegExp(`^${SESSION_COOKIE}=[\\w-]{43}; Path=/; HttpOnly; SameSite=Strict$`),
    );
    const cookie = cookieOf(r.headers['set-cookie']);
    const read = await app.inject({
      method: 'GET',
      url: '/api/summary',
      headers: { host: '127.0.0.1:4170', cookie },
    });
    expect(read.statusCode).toBe(200);

    // one use only: the same token again is refused, and a new one replaced it
    const again = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { host: '127.0.0.1:4170', origin: 'http://127.0.0.1:4170' },
      payload: { token },
    });
    expect(again.statusCode).toBe(401);
    expect(access.launchToken).not.toBe(token);
  });

  it('refuses a token trade posted by another site', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { host: '127.0.0.1:4170', origin: 'https://evil.example' },
      payload: { token: access.launchToken },
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('write guard: each check on its own refuses with 403 and changes nothing', () => {
  let app: App;
  let home: TestHome;
  beforeAll(async () => {
    home = await openTestHome();
    app = await testServer(home.deps);
  });
  afterAll(async () => {
    await app.close();
    await home.close();
  });

  const good = {
    host: '127.0.0.1:4170',
    origin: 'http://127.0.0.1:4170',
    'sec-fetch-site': 'same-origin',
    cookie: `${SESSION_COOKIE}=${TEST_SECRET}`,
  };
  const wrongCookie = `${SESSION_COOKIE}=${'A'.repeat(TEST_SECRET.length)}`;
  const cases: [string, Record<string, string | undefined>, string][] = [
    [
      'an evil Origin without Sec-Fetch-Site',
      { origin: 'https://evil.example', 'sec-fetch-site': undefined },
      'cross-origin',
    ],
    [
      'Sec-Fetch-Site: cross-site without Origin',
      { origin: undefined, 'sec-fetch-site': 'cross-site' },
      'cross-origin',
    ],
    [
      'Sec-Fetch-Site: same-site without Origin',
      { origin: undefined, 'sec-fetch-site': 'same-site' },
      'cross-origin',
    ],
    ['Origin: null', { origin: 'null', 'sec-fetch-site': undefined }, 'cross-origin'],
    ['a wrong cookie of the right length', { cookie: wrongCookie }, 'session'],
  ];

  it.each(cases)('%s', async (_name, change, reason) => {
    const before = await rowCounts(home);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...good, ...change }))
      if (v !== undefined) headers[k] = v;
    const r = await app.inject({ method: 'POST', url: '/api/debts', headers, payload: DEBT });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.details.reason).toBe(reason);
    expect(await rowCounts(home)).toEqual(before);
  });

  it('the same write with every check met succeeds (so the refusals above are the checks)', async () => {
    const before = await rowCounts(home);
    const r = await app.inject({ method: 'POST', url: '/api/debts', headers: good, payload: DEBT });
    expect(r.statusCode).toBe(201);
    expect((await rowCounts(home))['debts']).toBe(before['debts']! + 1);
  });
});

describe('network mode: only paired devices', () => {
  let app: App;
  let home: TestHome;
  let access: Access;
  const lan = '192.168.1.5:4170';
  beforeAll(async () => {
    home = await openTestHome();
    access = new Access(true);
    app = await buildServer(home.deps, {
      access,
      allowedHosts: ['127.0.0.1', 'localhost', '[::1]', '192.168.1.5'],
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await home.close();
  });

  it('allows the machine’s own LAN addresses and name as Host when listening beyond loopback', () => {
    const hosts = allowedHostsFor('0.0.0.0');
    for (const a of lanAddresses()) expect(hosts).toContain(a.includes(':') ? `[${a}]` : a);
    expect(hosts).toContain(hostname().toLowerCase());
    expect(hosts).toContain('127.0.0.1');
    expect(allowedHostsFor('127.0.0.1')).toEqual(['127.0.0.1', 'localhost', '[::1]']);
  });

  it('serves nothing but the pairing page before pairing, whatever the Host says', async () => {
    for (const host of [lan, '127.0.0.1:4170']) {
      const page = await app.inject({ method: 'GET', url: '/', headers: { host } });
      expect(page.statusCode).toBe(303);
      expect(page.headers['location']).toBe('/pair');
      expect(
        (await app.inject({ method: 'GET', url: '/api/backup', headers: { host } })).statusCode,
      ).toBe(401);
      expect(
        (await app.inject({ method: 'GET', url: '/api/profile', headers: { host } })).statusCode,
      ).toBe(401);
      const before = await rowCounts(home);
      const w = await app.inject({
        method: 'POST',
        url: '/api/debts',
        headers: { host, origin: `http://${host}` },
        payload: DEBT,
      });
      expect(w.statusCode).toBe(403);
      expect(await rowCounts(home)).toEqual(before);
    }
    const pair = await app.inject({ method: 'GET', url: '/pair', headers: { host: lan } });
    expect(pair.statusCode).toBe(200);
    expect(pair.body).toContain('<form method="post" action="/pair">');
    expect(pair.headers['content-security-policy']).toContain("script-src 'self'");
    // else the form's POST carries `Origin: null` and the write guard refuses it (seen in Chromium)
    expect(pair.headers['referrer-policy']).toBe('same-origin');
  });

  const postCode = (code: string, origin = `http://${lan}`) =>
    app.inject({
      method: 'POST',
      url: '/pair',
      headers: {
        host: lan,
        origin,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: `code=${encodeURIComponent(code)}`,
    });

  it('pairs a phone with the one-time code; the code then works no more', async () => {
    const code = access.pairingCode!;
    expect(code).toMatch(/^\d{8}$/);
    expect((await postCode(code, 'https://evil.example')).statusCode).toBe(403);
    const r = await postCode(`${code.slice(0, 4)}-${code.slice(4)}`);
    expect(r.statusCode).toBe(303);
    expect(r.headers['location']).toBe('/');
    const cookie = cookieOf(r.headers['set-cookie']);
    expect(String(r.headers['set-cookie'])).toContain('HttpOnly; SameSite=Strict');
    const read = await app.inject({
      method: 'GET',
      url: '/api/summary',
      headers: { host: lan, cookie },
    });
    expect(read.statusCode).toBe(200);
    const w = await app.inject({
      method: 'POST',
      url: '/api/debts',
      headers: { host: lan, origin: `http://${lan}`, 'sec-fetch-site': 'same-origin', cookie },
      payload: DEBT,
    });
    expect(w.statusCode).toBe(201);
    const reused = await postCode(code);
    expect(reused.statusCode).toBe(403);
    expect(access.pairingCode).not.toBe(code);
  });

  it(`locks pairing after ${PAIRING_ATTEMPTS} wrong codes, even for the right one`, async () => {
    await app.close();
    access = new Access(true);
    app = await buildServer(home.deps, { access, allowedHosts: ['192.168.1.5'] });
    await app.ready();
    for (let i = 1; i < PAIRING_ATTEMPTS; i++) {
      const r = await postCode('00000000' === access.pairingCode ? '11111111' : '00000000');
      expect(r.statusCode).toBe(403);
      expect(r.body).toContain(`还可以再试 ${PAIRING_ATTEMPTS - i} 次`);
    }
    const code = access.pairingCode!;
    const last = await postCode(code === '22222222' ? '33333333' : '22222222');
    expect(last.body).toContain('配对已锁定');
    const right = await postCode(code);
    expect(right.statusCode).toBe(403);
    expect(right.headers['set-cookie']).toBeUndefined();
  });
});

describe('serve: the launch URL, the token file, HTTPS', () => {
  let home: TestHome;
  beforeAll(async () => {
    home = await openTestHome();
  });
  afterAll(async () => {
    await home.close();
  });

  it('writes the launch URL to a file only its owner can read, and removes it on close', async () => {
    const s = await startServer(home.deps, { port: 0, host: '127.0.0.1' });
    try {
      expect(s.launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
      const file = join(home.home, TOKEN_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(file, 'utf8')).url).toBe(s.launchUrl);
      // after a trade the file holds the next token
      expect(s.access.tradeToken(s.access.launchToken)).toBeDefined();
      expect(JSON.parse(readFileSync(file, 'utf8')).url).toBe(s.launchUrlFor(s.access.launchToken));
      // the page is there, but nothing readable without the session
      expect((await fetch(new URL('/api/summary', s.url))).status).toBe(401);
    } finally {
      await s.app.close();
    }
    expect(existsSync(join(home.home, TOKEN_FILE))).toBe(false);
  });

  it('serves HTTPS with a self-signed certificate (0600 files, fingerprint, Secure cookie)', async () => {
    const tls = selfSignedTls(home.home, []);
    expect(tls.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(statSync(join(home.home, 'tls', 'key.pem')).mode & 0o777).toBe(0o600);
    expect(selfSignedTls(home.home, []).fingerprint).toBe(tls.fingerprint); // reused
    const s = await startServer(home.deps, {
      port: 0,
      host: '127.0.0.1',
      https: { key: tls.key, cert: tls.cert },
    });
    try {
      expect(s.url).toMatch(/^https:/);
      const token = s.access.launchToken;
      const body = JSON.stringify({ token });
      const res = await new Promise<{ status: number; cookie: string }>((resolve, reject) => {
        const req = httpsRequest(
          new URL('/api/session', s.url),
          {
            method: 'POST',
            ca: tls.cert, // verifies the chain and that 127.0.0.1 is in the certificate
            headers: { 'content-type': 'application/json', origin: s.url.replace(/\/$/, '') },
          },
          (r) => {
            r.resume();
            r.on('end', () =>
              resolve({ status: r.statusCode ?? 0, cookie: String(r.headers['set-cookie']) }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(res.status).toBe(200);
      expect(res.cookie).toMatch(/; Secure$/);
    } finally {
      await s.app.close();
    }
    expect(sessionCookie('x', true)).toBe(
      `${SESSION_COOKIE}=x; Path=/; HttpOnly; SameSite=Strict; Secure`,
    );
  });
});

describe('unexpected errors', () => {
  it('are logged to stderr and <home>/logs/server.log (0600) with the id the 500 shows, without personal data', async () => {
    const home = await openTestHome();
    const err: string[] = [];
    const app = await buildServer(home.deps, {
      sessionSecret: TEST_SECRET,
      errorLog: fileErrorLog(home.home, (l) => void err.push(l)),
    });
    app.get('/api/boom/:name', async () => {
      throw new Error('cannot save "张三" phone 13800138000 id 110101199003077777');
    });
    await app.ready();
    try {
      const r = await get(app, '/api/boom/%E5%BC%A0%E4%B8%89?phone=13800138000');
      expect(r.statusCode).toBe(500);
      const { errorId, messageZh } = r.json().error;
      expect(errorId).toMatch(/^E-[0-9a-f]{10}$/);
      expect(messageZh).toContain(errorId);
      const file = join(home.home, 'logs', LOG_FILE);
      const logged = readFileSync(file, 'utf8');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(logged).toContain(errorId);
      expect(logged).toContain('/api/boom/:name');
      expect(err.join('')).toContain(errorId);
      for (const secret of ['张三', '13800138000', '110101199003077777', '%E5'])
        expect(logged + err.join('')).not.toContain(secret);
    } finally {
      await app.close();
      await home.close();
    }
  });

  it('scrub() drops quoted text, Chinese, e-mail and long digit runs', () => {
    expect(scrub(`bad 'x' 李四 a@b.cn 123456 ok 12`)).toBe('bad "…" … <email> # ok 12');
  });
});

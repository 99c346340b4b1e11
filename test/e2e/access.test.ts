// Signing in, in a real browser: without a session the page says to open the link `serve`
// printed (in Chinese); that link signs in once and leaves the address bar; a used link does not;
// in network mode an unpaired phone sees only the pairing page, and pairs with the code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../../src/server/main.js';
import { buildWeb, isWebBuildStale, WEB_DIST } from '../../src/cli/web-build.js';
import { openTestHome, type TestHome } from './home.js';
import { CHROMIUM, hasChromium } from './phone.js';

const SIGN_IN = '请打开 xieshang serve 打印的链接';
let home: TestHome;
let browser: Browser;
const profile = mkdtempSync(join(tmpdir(), 'chromium-access-'));

(hasChromium ? describe : describe.skip)('signing in (390×844, zh-CN)', () => {
  beforeAll(async () => {
    if (isWebBuildStale()) await buildWeb();
    home = await openTestHome();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await home?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  const phone = () =>
    browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });

  it('on this computer: the printed link signs in once; without it the page says what to do', async () => {
    const s: StartedServer = await startServer(home.deps, {
      port: 0,
      host: '127.0.0.1',
      webRoot: WEB_DIST,
    });
    try {
      const stranger = await phone();
      const p1 = await stranger.newPage();
      await p1.goto(s.url);
      await expect.poll(() => p1.getByRole('alert').textContent()).toContain(SIGN_IN);
      await expect.poll(() => p1.getByRole('navigation').count()).toBe(0);

      const owner = await phone();
      const p2 = await owner.newPage();
      const link = s.launchUrl;
      await p2.goto(link);
      await p2.waitForURL((u) => !u.search.includes('token='));
      await expect.poll(() => p2.getByRole('navigation', { name: '协商步骤' }).count()).toBe(1);
      const cookies = await owner.cookies();
      expect(cookies.find((c) => c.name === 'xs_session')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
      });

      // the same link a second time (another browser): used up
      await p1.goto(link);
      await p1.waitForURL((u) => !u.search.includes('token='));
      await expect.poll(() => p1.getByRole('alert').textContent()).toContain(SIGN_IN);
      await stranger.close();
      await owner.close();
    } finally {
      await s.app.close();
    }
  }, 120_000);

  it('network mode: an unpaired phone gets only the pairing page, then pairs with the code', async () => {
    // 127.0.0.2 is not a loopback *name* to the server, so it runs in network mode, yet the test
    // stays on this machine
    const s = await startServer(home.deps, {
      port: 0,
      host: '127.0.0.2',
      webRoot: WEB_DIST,
    });
    try {
      const ctx = await phone();
      const page = await ctx.newPage();
      await page.goto(s.url);
      expect(new URL(page.url()).pathname).toBe('/pair');
      await expect.poll(() => page.getByRole('heading', { name: '配对这台设备' }).count()).toBe(1);
      await page
        .getByLabel('配对码 / Pairing code')
        .fill('00000000' === s.access.pairingCode ? '1' : '00000000');
      await page.getByRole('button', { name: '配对 / Pair' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('配对码不对');
      await page.getByLabel('配对码 / Pairing code').fill(s.access.pairingCode!);
      await page.getByRole('button', { name: '配对 / Pair' }).click();
      await page.waitForURL((u) => u.pathname === '/');
      await expect.poll(() => page.getByRole('navigation', { name: '协商步骤' }).count()).toBe(1);
      await ctx.close();
    } finally {
      await s.app.close();
    }
  }, 120_000);
});

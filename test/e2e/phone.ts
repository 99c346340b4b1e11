// The app served over a test home and opened in headless Chromium at phone size (390×844, zh-CN),
// as every E2E file needs it. Debian's chromium; the flags keep it off this machine's closed network.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { App } from '../../src/server/build-server.js';
import { startServer } from '../../src/server/main.js';
import { buildWeb, isWebBuildStale, PROJECT_ROOT, WEB_DIST } from '../../src/cli/web-build.js';
import type { TestHome } from './home.js';

export const CHROMIUM = '/usr/bin/chromium';
// Each run's screenshots go to the ignored out/ folder; the README's set in docs/screenshots is
// refreshed on purpose: XIESHANG_UPDATE_SCREENSHOTS=1 npx vitest run test/e2e
export const SHOTS =
  process.env['XIESHANG_UPDATE_SCREENSHOTS'] === '1'
    ? join(PROJECT_ROOT, 'docs', 'screenshots')
    : join(PROJECT_ROOT, 'out', 'screenshots');
export const hasChromium = existsSync(CHROMIUM);
// In CI a missing browser is a broken setup, not a reason to pass: fail the run.
if (!hasChromium && process.env['CI'] === 'true')
  throw new Error(
    `CI=true: ${CHROMIUM} is missing, so the E2E tests cannot run (apt-get install chromium fonts-noto-cjk)`,
  );
if (!hasChromium)
  console.warn(`E2E skipped: ${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)`);

export interface Phone {
  app: App;
  url: string;
  ctx: BrowserContext;
  page: Page;
  /** a scratch folder (the browser profile's) for downloads and files to upload */
  dir: string;
  /** saves <SHOTS>/<name>.png */
  shot(name: string, fullPage?: boolean): Promise<void>;
  close(): Promise<void>;
}

export async function openPhone(home: TestHome): Promise<Phone> {
  if (isWebBuildStale()) await buildWeb();
  mkdirSync(SHOTS, { recursive: true });
  const { app, url, launchUrl } = await startServer(home.deps, {
    port: 0,
    host: '127.0.0.1',
    webRoot: WEB_DIST,
  });
  const profile = mkdtempSync(join(tmpdir(), 'chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await ctx.newPage();
  // sign this browser in as a borrower does: open the one-time URL `serve` prints; the page trades
  // the token for the session cookie and takes it out of the address bar
  await page.goto(launchUrl);
  await page.waitForURL((u) => !u.search.includes('token='));
  return {
    app,
    url,
    ctx,
    page,
    dir: profile,
    shot: async (name, fullPage = false) => {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
    },
    close: async () => {
      await ctx.close();
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

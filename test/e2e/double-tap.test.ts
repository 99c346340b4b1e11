// Double taps and retries write once (issue 13, item 2) at 390×844 (zh-CN): 保存 double-clicked
// on the debts page stores one debt; a contact save whose request the network delivers twice
// (same Idempotency-Key) stores one contact; input not yet saved asks before the app moves away.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from './home.js';
import { hasChromium, openPhone, type Phone } from './phone.js';

let home: TestHome;
let url: string;
let phone: Phone;
let page: Page;

// read through the signed-in browser's own session (every API read needs one)
const apiCount = async (path: string, field: string): Promise<number> =>
  ((await (await page.request.get(new URL(path, url).href)).json()) as Record<string, unknown[]>)[
    field
  ]!.length;

(hasChromium ? describe : describe.skip)('double taps and retries at 390×844 (zh-CN)', () => {
  beforeAll(async () => {
    home = await openTestHome('2026-11-29T02:00:00.000Z');
    phone = await openPhone(home);
    ({ page, url } = phone);
  }, 180_000);

  afterAll(async () => {
    await phone?.close();
    await home?.close();
  });

  it('double-clicking 保存 stores one debt, sent with an Idempotency-Key', async () => {
    const keys: (string | undefined)[] = [];
    // a slow server: the second click lands while the first save is still in flight
    await page.route('**/api/debts', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await page.goto(url);
    await page.getByRole('button', { name: '添加第一笔债务' }).click();
    await page.getByLabel('平台或机构名称', { exact: true }).fill('借呗');
    await page.getByLabel('借款金额（合同金额）', { exact: true }).fill('20000');
    await page.getByLabel('借款日期', { exact: true }).fill('2025-03-01');
    await page.getByRole('button', { name: '保存这笔债务' }).dblclick();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已添加');
    await page.waitForTimeout(600);
    expect(await apiCount('/api/debts', 'debts')).toBe(1);
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    await page.unroute('**/api/debts');
  });

  it('a contact save the network delivers twice is stored once', async () => {
    await page.route('**/api/contacts', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch(); // the first delivery, whose reply is lost
      const again = await route.fetch(); // the retry, same headers and body
      expect(again.headers()['idempotent-replayed']).toBe('true');
      await route.fulfill({ response: again });
    });
    await page.goto(new URL('/contacts', url).href);
    await page.getByLabel('时间', { exact: true }).fill('2026-11-28T10:40');
    await page.getByLabel('对方要求什么', { exact: true }).fill('本周内还清');
    await page.getByRole('button', { name: '保存记录' }).dblclick();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已记录');
    expect(await apiCount('/api/contacts', 'contacts')).toBe(1);
    await page.unroute('**/api/contacts');
  });

  it('asks before leaving a page with unsaved input, and stays when told to', async () => {
    await page.goto(new URL('/contacts', url).href);
    await page.getByLabel('对方要求什么', { exact: true }).fill('还没保存的话');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('link', { name: /预算/ }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('尚未保存');
    expect(new URL(page.url()).pathname).toBe('/contacts');
    await expect
      .poll(() => page.getByLabel('对方要求什么', { exact: true }).inputValue())
      .toBe('还没保存的话');
  });
});

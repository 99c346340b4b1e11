// Step 7 at phone size (390×844, zh-CN) in headless Chromium: a borrower whose debts are already
// in the home (seeded through the app layer) opens /escalations, reads the empty state, records a
// complaint through the form (a future date is refused under its field first), sees it listed
// with its follow-up date, downloads its letter under a Chinese file name, sees an overdue one in
// red, and marks one acknowledged. Screenshots: docs/screenshots/08-escalations*.png.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/app/cases.js';
import { logContact } from '../../src/app/contacts.js';
import { addDebt } from '../../src/app/debts.js';
import { recordEscalation } from '../../src/app/escalations.js';
import { openTestHome, type TestHome } from './home.js';
import { hasChromium, openPhone, type Phone } from './phone.js';

let home: TestHome;
let url: string;
let phone: Phone;
let page: Page;

async function shot(name: string): Promise<void> {
  await phone.shot(name, true);
}

(hasChromium ? describe : describe.skip)('escalation (step 7) at 390×844 (zh-CN)', () => {
  beforeAll(async () => {
    home = await openTestHome('2026-11-29T02:00:00.000Z');
    const c = await resolveCase(home.deps);
    await addDebt(home.deps, c.id, {
      lender: '借呗',
      lenderType: 'small-loan',
      contractDate: '2025-03-01',
      principal: '20000',
      received: '18000',
      rate: '日息万五',
      termMonths: 12,
    });
    await addDebt(home.deps, c.id, {
      lender: '招联金融',
      lenderType: 'consumer-finance',
      contractDate: '2025-06-10',
      principal: '15000',
      termMonths: 24,
    });
    // a complaint rests on something that happened: a late-night call from each lender
    for (const lender of ['借呗', '招联金融'])
      await logContact(home.deps, {
        caseId: c.id,
        lender,
        at: '2026-11-05T22:40:00+08:00',
        channel: 'phone',
        direction: 'inbound',
      });
    phone = await openPhone(home);
    ({ page, url } = phone);
  }, 180_000);

  afterAll(async () => {
    await phone?.close();
    await home?.close();
  });

  it('records a complaint, lists it with its follow-up date and downloads its letter', async () => {
    // 1. Empty state: what this step is, and that it comes after negotiating.
    await page.goto(new URL('/escalations', url).href);
    // the page is a lazy chunk reading three lists: on a loaded machine that takes over a second
    await expect
      .poll(() => page.getByRole('heading', { name: '还没有投诉或升级记录' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expect.poll(() => page.locator('.empty').textContent()).toContain('在协商之后');
    await expect
      .poll(() => page.getByRole('link', { name: /投诉与升级/ }).getAttribute('aria-current'))
      .toBe('page');
    // the lender's regulator is suggested, with what it is for; today is the default date
    const channel = page.getByLabel('投诉渠道', { exact: true });
    await expect.poll(() => channel.inputValue()).toBe('local-regulator');
    await expect.poll(() => page.locator('.channel-info').textContent()).toContain('小额贷款公司');
    await expect
      .poll(() => page.getByLabel('发出日期', { exact: true }).inputValue())
      .toBe('2026-11-29');
    await shot('08-escalations-empty');

    // 2. The form: consumer-finance → 12378; a future date is refused under its field.
    await page.getByLabel('投诉哪个债主', { exact: true }).selectOption({ label: '招联金融' });
    await expect.poll(() => channel.inputValue()).toBe('nfra-12378');
    await page.getByLabel('投诉哪个债主', { exact: true }).selectOption({ label: '借呗' });
    await expect.poll(() => channel.inputValue()).toBe('local-regulator');
    const sent = page.getByLabel('发出日期', { exact: true });
    await sent.fill('2027-01-01');
    await expect
      .poll(() => page.locator('.field-bad .field-error').textContent())
      .toBe('发送日期 2027-01-01 晚于今天');
    await expect.poll(() => sent.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: '记录这次投诉' }).click();
    await expect.poll(() => page.locator('.esc-card').count()).toBe(0);
    await sent.fill('2026-11-20');
    await expect.poll(() => page.locator('.field-error').count()).toBe(0);
    await page.getByLabel('受理编号（可不填）', { exact: true }).fill('JR-2026-001');
    await page.getByLabel('备注（可不填）', { exact: true }).fill('多次申请分期被拒绝');
    await page.getByRole('button', { name: '记录这次投诉' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('已记录：借呗，请在 2026-12-20 跟进');

    // 3. Listed with its follow-up date and the days left.
    const open = page.locator('section[aria-label="进行中的投诉"]');
    await expect.poll(() => open.locator('.esc-card').count()).toBe(1);
    const text = await open.textContent();
    expect(text).toContain('借呗');
    expect(text).toContain('2026-12-20');
    expect(text).toContain('还剩 21 天到跟进日');
    expect(text).toContain('JR-2026-001');

    // 4. Its letter: DOCX under a Chinese file name; the HTML view opens in the browser.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载 Word 投诉书（借呗）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('投诉书-借呗-2026-11-20.docx');
    const saved = join(phone.dir, 'letter.docx');
    await download.saveAs(saved);
    expect(statSync(saved).size).toBeGreaterThan(1000);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
    const view = page.getByRole('link', { name: '在浏览器中查看（借呗）' });
    await expect.poll(() => view.getAttribute('target')).toBe('_blank');
    const html = await page.request.get(new URL((await view.getAttribute('href'))!, url).href);
    expect(html.headers()['content-type']).toMatch(/^text\/html/);
    expect(await html.text()).toContain('地方金融管理局');

    // 5. One sent long ago (recorded elsewhere) is overdue, in red; mark it acknowledged.
    await recordEscalation(home.deps, {
      lender: '招联金融',
      channel: 'nfra-12378',
      sentOn: '2026-10-15',
      letter: null,
    });
    // recorded behind the server's back: its cached case view lives up to a second, so reload
    // until the page shows it (a single early reload raced that cache on a loaded machine)
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.locator('.esc-card').first().waitFor();
          return page.locator('.esc-card').count();
        },
        { timeout: 15_000 },
      )
      .toBe(2);
    const late = page.locator('.esc-card.esc-late');
    await expect.poll(() => late.count()).toBe(1);
    await expect.poll(() => late.textContent()).toContain('已超过跟进日 15 天');
    await expect
      .poll(() => late.locator('.esc-days').evaluate((el) => getComputedStyle(el).color))
      .toBe('rgb(176, 0, 32)');
    await page.getByRole('button', { name: '标记为已受理（招联金融）' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('已更新：招联金融');
    await expect.poll(() => late.locator('.tag').textContent()).toBe('对方已受理');
    await expect.poll(() => page.locator('.empty').count()).toBe(0);
    await shot('08-escalations');
  }, 240_000);
});

// Re-planning in the browser at 390×844 (zh-CN): a home seeded through the app layer (two debts,
// an agreement whose first installment is past due), then /agreements → 重新协商 → one bad amount
// shown under its field → a good one → the new schedule → the letter downloaded as DOCX.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgreement } from '../../src/app/agreements/agreements.js';
import { resolveCase } from '../../src/app/cases.js';
import { addDebt } from '../../src/app/debts.js';
import { openTestHome, type TestHome } from './home.js';
import { hasChromium, openPhone, type Phone } from './phone.js';

let home: TestHome;
let url: string;
let phone: Phone;
let page: Page;

/** Today is 2026-11-29: 借呗's first installment (2026-11-05, ¥800) was never paid. */
async function seed(h: TestHome): Promise<void> {
  const c = await resolveCase(h.deps);
  await addDebt(h.deps, c.id, {
    lender: '借呗',
    lenderType: 'small-loan',
    contractDate: '2025-03-01',
    principal: '20000',
    balance: '9600',
    overdue: '800',
  });
  await addDebt(h.deps, c.id, {
    lender: '招联金融',
    lenderType: 'consumer-finance',
    contractDate: '2025-06-10',
    principal: '15000',
    balance: '12000',
  });
  await addAgreement(h.deps, c.id, {
    lender: '借呗',
    raw: {
      agreedOn: '2026-10-20',
      segments: [{ count: 12, amount: '800', firstDueOn: '2026-11-05' }],
      confirmedInWriting: true,
    },
  });
}

(hasChromium ? describe : describe.skip)(
  're-planning a missed installment at 390×844 (zh-CN)',
  () => {
    beforeAll(async () => {
      home = await openTestHome('2026-11-29T02:00:00.000Z');
      await seed(home);
      phone = await openPhone(home);
      ({ page, url } = phone);
    }, 180_000);

    afterAll(async () => {
      await phone?.close();
      await home?.close();
    });

    it('proposes a new schedule and downloads the renegotiation letter', async () => {
      await page.goto(new URL('/agreements', url).href);
      // the card says the installment is overdue and offers the re-plan right there
      await expect
        .poll(() => page.locator('#main .card').first().textContent())
        .toContain('有 1 期已逾期');
      await page.getByRole('button', { name: '重新协商：借呗' }).click();
      const form = page.getByRole('form', { name: '重新协商：借呗' });
      await expect.poll(() => form.count()).toBe(1);
      // keyboard: the form opens with focus on its first control
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
      await expect
        .poll(() => page.getByLabel('发生了什么', { exact: true }).inputValue())
        .toBe('missed');

      // income changed: a bad amount is caught under its field as it is typed
      await page.getByLabel('发生了什么', { exact: true }).selectOption('income-changed');
      const amount = page.getByLabel('现在每月一共能还多少（元）', { exact: true });
      await amount.fill('-300');
      await expect.poll(() => form.locator('.field-error').first().textContent()).toContain('负数');
      // an amount too small to ever repay: the server's message, under the same field
      await amount.fill('5');
      await form.getByRole('button', { name: '生成新方案和协商函' }).click();
      await expect
        .poll(() => form.locator('.field-error').first().textContent())
        .toMatch(/还不清.*请填写更大的金额/);

      // a good amount: the new schedule
      await amount.fill('600');
      await expect.poll(() => form.locator('.field-error').count()).toBe(0);
      await form.getByRole('button', { name: '生成新方案和协商函' }).click();
      const result = page.getByRole('region', { name: '新方案' });
      await expect.poll(() => result.getByRole('status').textContent()).toContain('¥600.00');
      // the schedule's table (the letter below, rendered, has tables of its own)
      const rows = result.locator('table:has(tfoot) tbody tr');
      await expect.poll(() => rows.count()).toBe(16); // ¥9,600.00 at ¥600.00 a month
      await expect.poll(() => rows.first().textContent()).toContain('2026-12-05');
      await expect.poll(() => rows.first().textContent()).toContain('¥600.00');
      await expect.poll(() => result.locator('tfoot').first().textContent()).toContain('¥9,600.00');
      await expect.poll(() => result.textContent()).toContain('向对方提出：');
      // the screen as the borrower sees it: the form, then the start of the new plan
      await form.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await phone.shot('09-replan');
      // the letter on screen rendered (a heading, bold as <strong>), without Markdown marks
      await result.getByText('在屏幕上查看协商函').click();
      const letter = result.locator('.script');
      await expect.poll(() => letter.isVisible()).toBe(true);
      await expect
        .poll(() => letter.getByRole('heading').first().textContent())
        .toContain('协商还款申请书');
      expect(await letter.textContent()).not.toMatch(/\*\*|^#|\n#|\\/);
      await expect.poll(() => letter.locator('strong').count()).toBeGreaterThan(0);
      await letter.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await phone.shot('09-replan-letter');

      // the DOCX, under its Chinese name
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        result.getByRole('link', { name: '下载 Word 协商函（借呗）' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('重新协商还款申请书-借呗-2026-11-29.docx');
      const saved = join(phone.dir, 'replan.docx');
      await download.saveAs(saved);
      expect(statSync(saved).size).toBeGreaterThan(1000);
    }, 240_000);
  },
);

// Correcting agreements and payments in the browser at 390×844 (zh-CN), issue 13 item 4: add an
// agreement, change its terms, record a payment, change it, delete it and undo, delete the
// agreement and undo. Every step asserts what the user reads (amounts, dates, the undo bar) and
// that nothing overflows the phone's width.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/app/cases.js';
import { addDebt } from '../../src/app/debts.js';
import { openTestHome, type TestHome } from './home.js';
import { hasChromium, openPhone, type Phone } from './phone.js';

let home: TestHome;
let url: string;
let phone: Phone;
let page: Page;

const noOverflow = async () =>
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(390);
const status = () => page.getByRole('status').first().textContent();
const card = () => page.locator('li.card').filter({ hasText: '借呗' }).first();

(hasChromium ? describe : describe.skip)(
  'editing and deleting agreements and payments at 390×844',
  () => {
    beforeAll(async () => {
      // today is 2026-11-29 (Beijing)
      home = await openTestHome('2026-11-29T02:00:00.000Z');
      const c = await resolveCase(home.deps);
      await addDebt(home.deps, c.id, {
        lender: '借呗',
        lenderType: 'small-loan',
        contractDate: '2025-03-01',
        principal: '20000',
        balance: '9600',
      });
      phone = await openPhone(home);
      ({ page, url } = phone);
    }, 180_000);

    afterAll(async () => {
      await phone?.close();
      await home?.close();
    });

    it('adds an agreement and edits its terms', async () => {
      await page.goto(new URL('/agreements', url).href);
      const save = page.getByRole('button', { name: '保存协议' });
      await expect.poll(() => save.isDisabled()).toBe(true);
      // the greyed-out button says why
      await expect
        .poll(() => page.locator('form[aria-label="记录协议"]').textContent())
        .toContain('请先把标红或未填的项目填好');
      await page.getByLabel('达成日期', { exact: true }).fill('2026-11-20');
      await page.getByLabel('第一期还款日', { exact: true }).fill('2026-11-25');
      await page.getByLabel('每期金额', { exact: true }).fill('800');
      await page.getByLabel('期数', { exact: true }).fill('12');
      await save.click();
      await expect.poll(status).toContain('协议已记录');
      await expect.poll(() => card().textContent()).toContain('¥0.00 / ¥9,600.00');
      await expect.poll(() => card().textContent()).toContain('12 期 × ¥800.00，首期 2026-11-25');

      await card().getByRole('button', { name: '修改协议：借呗' }).click();
      const edit = page.locator('form[aria-label="修改协议"]');
      await edit.getByLabel('每期金额', { exact: true }).fill('600');
      await edit.getByLabel('期数', { exact: true }).fill('16');
      await noOverflow();
      await phone.shot('07-agreements-edit');
      await edit.getByRole('button', { name: '保存修改' }).click();
      await expect.poll(status).toContain('已保存修改：借呗');
      await expect.poll(() => card().textContent()).toContain('16 期 × ¥600.00');
      await expect.poll(() => card().textContent()).toContain('¥0.00 / ¥9,600.00');
    });

    it('records a payment, edits it, deletes it and undoes the delete', async () => {
      const pay = page.locator('form[aria-label="记录还款"]');
      await pay.getByLabel('还款日期', { exact: true }).fill('2026-11-25');
      await pay.getByLabel('金额', { exact: true }).fill('600');
      await pay.getByRole('button', { name: '保存还款' }).click();
      await expect.poll(status).toContain('还款已记录');
      await expect.poll(() => card().textContent()).toContain('¥600.00 / ¥9,600.00');
      const payments = card().locator('section[aria-label="借呗 的还款记录"]');
      await expect.poll(() => payments.textContent()).toContain('2026-11-25 · ¥600.00');

      await payments.getByRole('button', { name: '修改还款 2026-11-25 ¥600.00' }).click();
      const edit = payments.locator('form[aria-label="修改还款"]');
      await edit.getByLabel('金额', { exact: true }).fill('650');
      await edit.getByLabel('备注（可不填）', { exact: true }).fill('含 50 元手续费');
      // a future date is refused under its field, nothing saved
      await edit.getByLabel('还款日期', { exact: true }).fill('2026-12-30');
      await edit.getByRole('button', { name: '保存修改' }).click();
      await expect.poll(() => edit.locator('.field-error').first().textContent()).toContain('将来');
      await edit.getByLabel('还款日期', { exact: true }).fill('2026-11-26');
      await edit.getByRole('button', { name: '保存修改' }).click();
      await expect.poll(status).toContain('已保存修改：还款记录');
      await expect.poll(() => card().textContent()).toContain('¥650.00 / ¥9,600.00');
      await expect
        .poll(() => payments.textContent())
        .toContain('2026-11-26 · ¥650.00 · 含 50 元手续费');
      await noOverflow();

      await payments.getByRole('button', { name: '删除还款 2026-11-26 ¥650.00' }).click();
      const bar = payments.locator('.undo-bar');
      await expect.poll(() => bar.textContent()).toContain('已删除：还款 2026-11-26 ¥650.00');
      await expect.poll(() => card().textContent()).toContain('¥0.00 / ¥9,600.00');
      await expect.poll(() => payments.textContent()).toContain('还没有记录还款');
      await noOverflow();
      await phone.shot('07-agreements-undo');
      await bar.getByRole('button', { name: '撤销' }).click();
      await expect.poll(status).toContain('已恢复：还款 2026-11-26 ¥650.00');
      await expect.poll(() => card().textContent()).toContain('¥650.00 / ¥9,600.00');
      await expect.poll(() => payments.textContent()).toContain('2026-11-26 · ¥650.00');
    });

    it('deletes the agreement and brings it back with its payment', async () => {
      await card().getByRole('button', { name: '删除协议：借呗' }).click();
      const bar = page.locator('section[aria-label="协议"] .undo-bar');
      await expect.poll(() => bar.textContent()).toContain('已删除：与借呗的协议');
      await expect.poll(() => page.locator('li.card').count()).toBe(0);
      await noOverflow();
      await bar.getByRole('button', { name: '撤销' }).click();
      await expect.poll(status).toContain('已恢复：与借呗的协议');
      await expect.poll(() => card().textContent()).toContain('¥650.00 / ¥9,600.00');
      await expect.poll(() => card().textContent()).toContain('16 期 × ¥600.00');
      await noOverflow();
    });
  },
);

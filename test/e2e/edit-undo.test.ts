// Correct and take back at phone size (390×844, zh-CN), issue 13 items 1 and 4: a credit card
// typed with its own terms (账单日, 最低还款, 分期手续费) and no balance shows "未填", not ¥0.00; a
// 助贷 loan names its 资金方 and 担保方; a deleted debt and a deleted escalation come back from
// the "已删除 · 撤销" bar; an escalation's sent date is corrected and its follow-up date moves.
// Neither page scrolls sideways. Screenshots: out/screenshots/10-*.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/app/cases.js';
import { addDebt } from '../../src/app/debts.js';
import { recordEscalation } from '../../src/app/escalations.js';
import { openTestHome, type TestHome } from './home.js';
import { hasChromium, openPhone, type Phone } from './phone.js';

let home: TestHome;
let url: string;
let phone: Phone;
let page: Page;

async function fill(fields: Record<string, string>): Promise<void> {
  for (const [labelText, value] of Object.entries(fields)) {
    const field = page.getByLabel(labelText, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

async function addOne(fields: Record<string, string>): Promise<void> {
  await page.getByRole('button', { name: /添加第一笔债务|再添加一笔/ }).click();
  await fill(fields);
  await page.getByRole('button', { name: '保存这笔债务' }).click();
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已添加');
}

/** No sideways scrolling at 390 px: the page is never wider than the screen. */
async function expectNoOverflow(): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

const card = (name: string) => page.locator('.cards > li', { hasText: name });

(hasChromium ? describe : describe.skip)('edit, delete and undo at 390×844 (zh-CN)', () => {
  beforeAll(async () => {
    home = await openTestHome('2026-11-29T02:00:00.000Z');
    const c = await resolveCase(home.deps);
    await addDebt(home.deps, c.id, {
      lender: '借呗',
      lenderType: 'small-loan',
      contractDate: '2025-03-01',
      principal: '20000',
      received: '18000',
      termMonths: 12,
      installment: '1950',
      firstDueDate: '2025-04-01',
      balance: '9500',
    });
    phone = await openPhone(home);
    ({ page, url } = phone);
  }, 180_000);

  afterAll(async () => {
    await phone?.close();
    await home?.close();
  });

  it('adds a credit card and a 助贷 loan, shows 未填 for an unknown balance, undoes a delete', async () => {
    // with debts, / is 本月要还; the list lives at /debts
    await page.goto(new URL('/debts', url).href);
    await expect.poll(() => card('借呗').count(), { timeout: 15_000 }).toBe(1);
    // the true cost says what it rests on
    await expect
      .poll(() => card('借呗').locator('.verdict').textContent())
      .toContain('按您填写的每期还款计算');

    // 1. A credit card: its own fields replace the loan's schedule; no balance typed.
    await page.getByRole('button', { name: '再添加一笔' }).click();
    await fill({
      平台或机构名称: '招商银行信用卡',
      机构类型: 'bank',
      这是贷款还是信用卡: 'credit-card',
    });
    await expect.poll(() => page.getByLabel('期数（月）', { exact: true }).count()).toBe(0);
    await fill({
      '欠款本金（账单金额）': '30000',
      '账单日（每月几号）': '5',
      最低还款: '1500',
      '分期手续费（每期）': '0.6%',
      '分期期数（可不填）': '12',
    });
    await page.getByLabel('账单日（每月几号）', { exact: true }).fill('32');
    await expect
      .poll(() => page.locator('.field-bad .field-error').first().textContent())
      .toBe('应在 1 到 31 之间');
    await page.getByLabel('账单日（每月几号）', { exact: true }).fill('5');
    await page.getByRole('button', { name: '保存这笔债务' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已添加');
    const cc = card('招商银行信用卡');
    await expect.poll(() => cc.count()).toBe(1);
    const ccText = (await cc.textContent()) ?? '';
    expect(ccText).toContain('信用卡');
    expect(ccText).toContain('欠款未填');
    expect(ccText).not.toContain('欠款¥0.00');
    expect(ccText).toContain('账单日每月 5 日');
    expect(ccText).toContain('最低还款¥1,500.00');
    expect(ccText).toContain('分期手续费每期 0.6%');
    expect(ccText).toContain('分期期数12 期');
    // priced from the card's own terms, and the verdict says so
    expect(ccText).toContain('按信用卡分期手续费或透支利率推算');
    expect(ccText).not.toContain('信息不够');
    // one of two debts has no balance: the total is the known one, and says one is missing
    const total = page.locator('.totals div', { hasText: '总欠款' });
    await expect.poll(() => total.textContent()).toBe('总欠款¥9,500.00另有 1 笔未填');

    // 2. A 助贷 loan: the platform, the bank that funds it and the guarantor.
    await addOne({
      平台或机构名称: '某助贷平台',
      机构类型: 'guarantee-platform',
      '借款金额（合同金额）': '6000',
      借款日期: '2025-06-01',
      资金方: '某某消费金融有限公司',
      担保方: '某某融资担保有限公司',
    });
    const zd = (await card('某助贷平台').textContent()) ?? '';
    expect(zd).toContain('资金方某某消费金融有限公司');
    expect(zd).toContain('担保方某某融资担保有限公司');
    expect(zd).toContain('欠款未填');
    await expectNoOverflow();
    await phone.shot('10-debts-card-zhudai', true);

    // 3. Delete without a dialog; the undo bar brings it back.
    await page.getByRole('button', { name: '删除 某助贷平台' }).click();
    const bar = page.locator('.undo-bar');
    await expect.poll(() => bar.textContent()).toContain('已删除：某助贷平台');
    await expect.poll(() => card('某助贷平台').count()).toBe(0);
    await expectNoOverflow();
    await phone.shot('10-debts-undo');
    await bar.getByRole('button', { name: '撤销' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('已恢复：某助贷平台');
    await expect.poll(() => card('某助贷平台').count()).toBe(1);
    await expect
      .poll(() => card('某助贷平台').textContent())
      .toContain('担保方某某融资担保有限公司');
    await expect.poll(() => bar.count()).toBe(0);

    // 4. The card's terms come back into the edit form.
    await page.getByRole('button', { name: '修改 招商银行信用卡' }).click();
    await expect
      .poll(() => page.getByLabel('最低还款', { exact: true }).inputValue())
      .toBe('1500.00');
    await expect
      .poll(() => page.getByLabel('分期手续费（每期）', { exact: true }).inputValue())
      .toBe('0.6%');
    await page.getByLabel('现在还欠多少', { exact: true }).fill('28000');
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => cc.textContent()).toContain('欠款¥28,000.00');
  }, 240_000);

  it('corrects an escalation’s sent date and undoes its delete', async () => {
    const c = await resolveCase(home.deps);
    await recordEscalation(home.deps, {
      caseId: c.id,
      lender: '借呗',
      channel: 'credit-dispute',
      sentOn: '2026-11-20',
      dispute: { wrong: '2026年9月 逾期' },
      letter: null,
    });
    await page.goto(new URL('/escalations', url).href);
    const esc = page.locator('.esc-card', { hasText: '借呗' });
    await expect.poll(() => esc.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => esc.textContent()).toContain('2026-12-10');

    // 1. The letter went out earlier than recorded: the follow-up date moves with it.
    await esc.getByText('修改日期、受理编号或备注').click();
    await esc.getByLabel('实际发出日期', { exact: true }).fill('2026-11-10');
    await esc.getByLabel('受理编号', { exact: true }).fill('ZX-2026-7');
    await esc.getByRole('button', { name: '保存（借呗）' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('已保存：借呗');
    await expect.poll(() => esc.textContent()).toContain('2026-11-30');
    await expect.poll(() => esc.textContent()).toContain('ZX-2026-7');

    // 2. Delete, then undo from the bar.
    await esc.getByRole('button', { name: '删除（借呗）' }).click();
    const bar = page.locator('.undo-bar');
    await expect.poll(() => bar.textContent()).toContain('已删除：借呗 · 中国人民银行征信中心');
    await expect.poll(() => page.locator('.esc-card').count()).toBe(0);
    await expectNoOverflow();
    await phone.shot('10-escalations-undo', true);
    await bar.getByRole('button', { name: '撤销' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('已恢复：借呗');
    await expect.poll(() => page.locator('.esc-card').count()).toBe(1);
    await expect.poll(() => page.locator('.esc-card').textContent()).toContain('ZX-2026-7');
    await expectNoOverflow();
  }, 240_000);
});

// A first-time borrower at phone size (390×844) walks the whole journey in headless Chromium:
// empty home → three debts (one edited) → budget → plan → downloaded letter → logged call with an uploaded
// recording → agreement → payment → forecast warning. Screenshots go to out/screenshots/ (docs/screenshots with XIESHANG_UPDATE_SCREENSHOTS=1).
import { existsSync } from 'node:fs';
import yauzl from 'yauzl';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from './home.js';
import { hasChromium, openPhone, type Phone } from './phone.js';

let home: TestHome;
let url: string;
let phone: Phone;
let page: Page;

async function shot(name: string, fullPage = false): Promise<void> {
  await phone.shot(name, fullPage);
}

async function addDebt(d: Record<string, string>, first: boolean): Promise<void> {
  await page.getByRole('button', { name: first ? '添加第一笔债务' : '再添加一笔' }).click();
  for (const [labelText, value] of Object.entries(d)) {
    const field = page.getByLabel(labelText, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByRole('button', { name: '保存这笔债务' }).click();
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已添加');
}

/** The text of word/document.xml inside a DOCX (tags dropped), to read what the letter says. */
async function docxText(file: string): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z))),
  );
  return new Promise((res, rej) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== 'word/document.xml') return zip.readEntry();
      zip.openReadStream(entry, (e, stream) => {
        if (e) return rej(e);
        const parts: Buffer[] = [];
        stream.on('data', (b: Buffer) => parts.push(b));
        stream.on('end', () => {
          zip.close();
          res(
            Buffer.concat(parts)
              .toString('utf8')
              .replace(/<[^>]+>/g, ''),
          );
        });
      });
    });
    zip.on('end', () => rej(new Error('no word/document.xml')));
    zip.readEntry();
  });
}

/** What the API says, read with the signed-in browser's own session: the screen must show it. */
async function apiGet<T>(path: string): Promise<T> {
  return (await (await page.request.get(new URL(path, url).href)).json()) as T;
}

(hasChromium ? describe : describe.skip)('first-time borrower journey at 390×844 (zh-CN)', () => {
  beforeAll(async () => {
    home = await openTestHome('2026-11-29T02:00:00.000Z');
    phone = await openPhone(home);
    ({ page, url } = phone);
  }, 120_000);

  afterAll(async () => {
    await phone?.close();
    await home?.close();
  });

  it('goes from an empty home to a case with an agreement and a forecast warning', async () => {
    // 1. Empty home: the first screen says what to do.
    await page.goto(url);
    await expect
      .poll(() => page.getByRole('heading', { name: '先把债务一笔一笔记下来' }).count())
      .toBe(1);
    await shot('01-debts-empty');

    // 2. Three debts, typed the way people write them.
    await addDebt(
      {
        平台或机构名称: '借呗',
        机构类型: 'small-loan',
        '借款金额（合同金额）': '2万',
        实际到手金额: '18,000',
        借款日期: '2025年3月1日',
        '期数（月）': '12',
        每期还款: '1900',
        第一期还款日: '2025-04-01',
        '宣传的利率（照抄）': '日息万五',
        现在还欠多少: '9500',
        其中逾期金额: '1900',
      },
      true,
    );
    await addDebt(
      {
        平台或机构名称: '招联金融',
        机构类型: 'consumer-finance',
        '借款金额（合同金额）': '15000',
        借款日期: '2025-06-10',
        '期数（月）': '24',
        '宣传的利率（照抄）': '年化23.9%',
        现在还欠多少: '12000',
      },
      false,
    );
    // a typing mistake is caught as you type, under the field
    await page.getByRole('button', { name: '再添加一笔' }).click();
    await page.getByLabel('借款金额（合同金额）', { exact: true }).fill('12.345');
    await expect
      .poll(() => page.locator('.field-error').first().textContent())
      .toMatch(/精确度超过一分|两位小数|不是有效/);
    await page.getByRole('button', { name: '取消' }).click();
    await addDebt(
      {
        平台或机构名称: '某银行信用卡',
        机构类型: 'bank',
        '借款金额（合同金额）': '30000',
        借款日期: '2024/9/1',
        '期数（月）': '36',
        '宣传的利率（照抄）': '月费率0.6%',
        现在还欠多少: '26000',
        其中逾期金额: '3000',
      },
      false,
    );
    await expect.poll(() => page.locator('.cards > li').count()).toBe(3);
    await expect.poll(() => page.locator('.verdict').first().textContent()).toMatch(/真实年化/);
    await shot('02-debts', true);

    // 2b. The lender's app now says 11,500 is owed: edit that debt in place.
    await page.getByRole('button', { name: '修改 招联金融' }).click();
    const balance = page.getByLabel('现在还欠多少', { exact: true });
    await expect.poll(() => balance.inputValue()).toBe('12000.00');
    await balance.fill('-11500');
    await expect.poll(() => page.locator('.field-error').first().textContent()).toBeTruthy();
    await balance.fill('11500');
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已保存修改');
    await expect
      .poll(() => page.locator('.cards > li', { hasText: '招联金融' }).textContent())
      .toContain('¥11,500.00');
    await expect.poll(() => page.locator('.cards > li').count()).toBe(3);

    // 3. Budget.
    await page.getByRole('button', { name: '下一步：收支预算' }).click();
    for (const [l, v] of [
      ['工资每月金额', '9000'],
      ['房租每月金额', '2200'],
      ['吃饭每月金额', '1500'],
      ['水电燃气每月金额', '300'],
      ['上班交通每月金额', '200'],
      ['电话网络每月金额', '100'],
      ['日用每月金额', '400'],
    ] as const)
      await page.getByLabel(l, { exact: true }).fill(v);
    await page.getByLabel('应急备用金（每月留出）', { exact: true }).fill('300');
    await page.getByRole('button', { name: '保存并计算还款能力' }).click();
    await expect.poll(() => page.locator('.result .big').textContent()).toBe('¥4,000.00');
    await shot('03-budget', true);

    // 4. Plan with a chart of the months ahead.
    await page.getByRole('button', { name: '下一步：还款方案' }).click();
    await expect
      .poll(() => page.getByLabel('每月可用于还债（来自预算）', { exact: true }).inputValue())
      .toBe('4000.00');
    await page.getByRole('button', { name: '生成方案' }).click();
    // the banner states the saved plan's verdict and total, and each lender's row its amount and
    // end (an inverted banner or a row off by a fen fails here)
    await expect.poll(() => page.locator('.plan-table tbody tr').count()).toBe(3);
    const plan = await apiGet<{
      feasible: boolean;
      monthlyTotal: string;
      proposals: {
        lender: string;
        monthlyPayment: string;
        term: number | null;
        endDate?: string;
      }[];
    }>('/api/plans/latest');
    const yuan = (s: string) =>
      `¥${Number(s).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    expect(plan.feasible).toBe(true);
    expect(
      plan.proposals.reduce((sum, p) => sum + Math.round(Number(p.monthlyPayment) * 100), 0),
    ).toBe(Math.round(Number(plan.monthlyTotal) * 100));
    await expect
      .poll(() => page.locator('.result [role=status]').first().textContent())
      .toContain(`方案可行：每月共还 ${yuan(plan.monthlyTotal)}`);
    for (const p of plan.proposals) {
      const row = page.locator('.plan-table tbody tr', { hasText: p.lender });
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(yuan(p.monthlyPayment));
      expect(text).toContain(String(p.term));
      if (p.endDate) expect(text).toContain(p.endDate);
    }
    await expect.poll(() => page.locator('.chart canvas').count()).toBeGreaterThan(0);
    await shot('04-plan', true);

    // 5. Prepare: download the request letter (DOCX) and read the call script on screen.
    await page.getByRole('button', { name: '下一步：准备协商材料' }).click();
    // before any download, each letter shows its pre-send check: the request letter rests on the
    // record (or says what to know first), the complaint says there is no incident to complain of
    const card = (title: string) =>
      page.locator('ul.docs li', { has: page.getByRole('heading', { name: title, exact: true }) });
    await expect
      .poll(() => card('协商还款申请书').getByRole('status').textContent())
      .toMatch(/已核对：每句事实都有记录依据|发送前请先看/);
    await expect
      .poll(() => card('投诉书').getByRole('status').textContent())
      .toContain('还不能生成');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await card('协商还款申请书').scrollIntoViewIfNeeded();
    await shot('05a-prepare-check');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载 Word 协商还款申请书' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^协商还款申请书-.+\.docx$/);
    const saved = join(phone.dir, 'letter.docx');
    await download.saveAs(saved);
    expect(existsSync(saved)).toBe(true);
    // the letter carries the amounts of the record: one lender's balance and its plan amount
    const letter = await docxText(saved);
    const debts = await apiGet<{ debts: { lender: string; balance: string | null }[] }>(
      '/api/debts',
    );
    const named = debts.debts.filter((d) => letter.includes(d.lender));
    expect(named.length).toBeGreaterThan(0);
    expect(named.some((d) => d.balance !== null && letter.includes(yuan(d.balance)))).toBe(true);
    expect(
      plan.proposals.some(
        (p) => letter.includes(p.lender) && letter.includes(yuan(p.monthlyPayment)),
      ),
    ).toBe(true);
    expect(letter).not.toMatch(/¥0\.00|undefined|NaN|\[object/);
    await page.getByRole('button', { name: '在屏幕上显示电话话术' }).click();
    await expect.poll(() => page.locator('.script').count()).toBe(1);
    expect(await page.locator('.script').textContent()).not.toContain('**');
    await shot('05-prepare');

    // 6. Log a late-night call and upload its recording; a conduct flag appears.
    await page.getByRole('button', { name: '下一步：记录沟通' }).click();
    await page.getByLabel('时间', { exact: true }).fill('2026-11-28T22:40');
    await page.getByLabel('对方姓名或工号', { exact: true }).fill('工号 A1023');
    await page
      .getByLabel('对方要求什么', { exact: true })
      .fill('今天之内还清全部欠款，否则联系你家人');
    await page
      .getByLabel('是否联系了你的家人、同事等第三方', { exact: true })
      .selectOption('family');
    await page.getByRole('button', { name: '保存记录' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已记录');
    await page.getByLabel('选择文件', { exact: true }).setInputFiles({
      name: '催收录音-1128.m4a',
      mimeType: 'audio/mp4',
      buffer: Buffer.from('fake m4a recording bytes'),
    });
    await page.getByRole('button', { name: '存入证据库' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('已存入证据库');
    await expect.poll(() => page.locator('.flags li').count()).toBeGreaterThan(0);
    // each flag says what happened and which rule it breaks, in Chinese, with its source
    const flags = (await page.locator('.flags').textContent()) ?? '';
    expect(flags).toContain('2026-11-28 22:40（北京时间）');
    expect(flags).toContain('22:00至次日08:00不得催收');
    expect(flags).toContain('第三人');
    expect(flags).not.toMatch(/\b(phone|family|night|third-party)\b/);
    // the log shows the time as typed (Beijing), not UTC
    await expect
      .poll(() => page.locator('section[aria-label="沟通记录"]').textContent())
      .toContain('2026-11-28 22:40');
    await shot('06-contacts', true);

    // 7. The agreement, a payment, and a forecast that warns before payday.
    await page.getByRole('link', { name: /协议与还款/ }).click();
    await page.getByLabel('达成日期', { exact: true }).fill('2026-11-25');
    await page.getByLabel('第一期还款日', { exact: true }).fill('2026-12-05');
    await page.getByLabel('每期金额', { exact: true }).fill('800');
    await page.getByLabel('期数', { exact: true }).fill('12');
    await page.getByRole('button', { name: '保存协议' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('协议已记录');
    await page.getByLabel('还款日期', { exact: true }).fill('2026-11-28');
    await page.getByLabel('金额', { exact: true }).fill('800');
    await page.getByRole('button', { name: '保存还款' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('还款已记录');
    await page.getByLabel('还款账户现在的余额', { exact: true }).fill('200');
    await page.getByLabel('每月几号发工资', { exact: true }).fill('20');
    await page.getByLabel('每月到手工资', { exact: true }).fill('500');
    await page.getByRole('button', { name: '预测', exact: true }).click();
    await expect.poll(() => page.locator('ul.warnings li').count()).toBeGreaterThan(0);
    // the first warning names the day and the amount the account falls short by
    const warning = (await page.locator('ul.warnings li').first().textContent()) ?? '';
    expect(warning).toMatch(/20\d\d-\d\d-\d\d/);
    expect(warning).toMatch(/差 ¥[\d,]+\.\d\d/);
    expect(warning).not.toContain('第 0 期');
    await expect.poll(() => page.locator('.chart canvas').count()).toBeGreaterThan(0);
    await shot('07-agreements', true);

    // 8. The English switch.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
      .toBe('Agreements & payments');
  }, 240_000);
});

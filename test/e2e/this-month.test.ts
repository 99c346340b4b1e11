// What a borrower with four lenders SEES at 390×844 (zh-CN): the 本月要还 home screen (each amount
// due in 30 days, what is paid, one status per lender), the budget with a day of the month per
// line (kept after a reload, laid out as cards), the plan with a Chinese chart legend, and the
// call script as formatted text — no page wider than the phone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from './home.js';
import { hasChromium, openPhone, SHOTS, type Phone } from './phone.js';

let home: TestHome;
let url: string;
let phone: Phone;
let page: Page;

/** A write from inside the signed-in page, as the web app sends it. */
async function post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ([p, b]) => {
      const r = await fetch(p as string, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(b),
      });
      return { status: r.status, json: (await r.json()) as unknown };
    },
    [path, body] as const,
  );
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on the page as it is now ("rule: selectors"). */
async function seriousA11y(): Promise<string[]> {
  // evaluated through the DevTools protocol: the app's CSP (script-src 'self') blocks inline tags
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<AxeResult> } }).axe;
    type AxeResult = {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    };
    const r = await axe.run(document);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
const open = async (path: string) => {
  await page.goto(new URL(path, url).href);
  await expect.poll(() => page.locator('h2.page-title').count()).toBe(1);
};

(hasChromium ? describe : describe.skip)('本月要还, budget, plan and prepare at 390×844', () => {
  beforeAll(async () => {
    home = await openTestHome('2026-11-29T02:00:00.000Z'); // today 2026-11-29
    phone = await openPhone(home);
    ({ page, url } = phone);
    await page.goto(url);
    // before the first debt, '/' is the start page
    await page.getByRole('heading', { name: '先把债务一笔一笔记下来' }).waitFor();
    const debt = (lenderName: string, extra: Record<string, unknown>) =>
      post('/api/debts', {
        lenderName,
        lenderType: 'small-loan',
        contractDate: '2026-06-05',
        principal: '12000.00',
        termMonths: 12,
        ...extra,
      });
    expect(
      (await debt('借呗', { installment: '1100.00', firstDueDate: '2026-07-05' })).status,
    ).toBe(201);
    expect((await debt('花呗', { overdue: '300.00' })).status).toBe(201);
    const wld = await debt('微粒贷', { installment: '500.00', firstDueDate: '2026-07-20' });
    expect(wld.status).toBe(201);
    expect((await debt('美团', {})).status).toBe(201);
    const lenders = await page.evaluate(async () => {
      const r = await fetch('/api/lenders');
      return ((await r.json()) as { lenders: { id: string; name: string }[] }).lenders;
    });
    const id = (n: string) => lenders.find((l) => l.name === n)!.id;
    const ag = await post('/api/agreements', {
      lenderId: id('微粒贷'),
      agreedDate: '2026-11-20',
      firstDueDate: '2026-12-10',
      monthlyAmount: '400.00',
      count: 6,
    });
    expect(ag.status).toBe(201);
    const agId = (ag.json as { id: string }).id;
    expect(
      (await post(`/api/agreements/${agId}/payments`, { paidDate: '2026-11-28', amount: '150.00' }))
        .status,
    ).toBe(201);
    for (const [lender, at, direction] of [
      ['花呗', '2026-11-20T10:30+08:00', 'outbound'],
      ['美团', '2026-11-21T22:30+08:00', 'inbound'],
    ] as const)
      expect(
        (
          await post('/api/contacts', {
            lenderId: id(lender),
            occurredAt: at,
            channel: 'phone',
            direction,
          })
        ).status,
      ).toBe(201);
    expect(
      (
        await post('/api/escalations', {
          lenderId: id('美团'),
          channel: 'nfra-12378',
          sentDate: '2026-11-25',
        })
      ).status,
    ).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await phone?.close();
    await home?.close();
  });

  it('opens on 本月要还: every amount due in 30 days, what is paid, one status per lender', async () => {
    await open('/');
    await expect.poll(() => page.locator('h2.page-title').textContent()).toBe('本月要还');
    await expect
      .poll(() => page.getByRole('link', { name: /本月要还/ }).getAttribute('aria-current'))
      .toBe('page');
    const rows = page.locator('ul.due-list > li');
    await expect.poll(() => rows.count()).toBe(3);
    const texts = await rows.allTextContents();
    expect(texts[0]).toContain('花呗');
    expect(texts[0]).toContain('已逾期');
    expect(texts[0]).toContain('¥300.00');
    expect(texts[0]).toContain('协商中');
    expect(texts[1]).toContain('借呗');
    expect(texts[1]).toContain('2026-12-05');
    expect(texts[1]).toContain('还有 6 天');
    expect(texts[1]).toContain('原合同第');
    expect(texts[1]).toContain('¥1,100.00');
    expect(texts[1]).toContain('未联系');
    expect(texts[2]).toContain('微粒贷');
    expect(texts[2]).toContain('协议第 1 期');
    expect(texts[2]).toMatch(/应还¥400\.00已还¥150\.00还差¥250\.00/);
    expect(texts[2]).toContain('已达成');
    const totals = await page.locator('.totals').textContent();
    expect(totals).toBe('要还¥1,800.00已还¥150.00还差¥1,650.00');
    const standings = Object.fromEntries(
      await page
        .locator('ul.lender-list > li')
        .evaluateAll((lis) =>
          lis.map((li) => [
            li.querySelector('h4')?.textContent,
            li.querySelector('.chip')?.textContent,
          ]),
        ),
    );
    expect(standings).toEqual({ 借呗: '未联系', 花呗: '协商中', 微粒贷: '已达成', 美团: '投诉中' });
    await expect.poll(() => scrollWidth()).toBeLessThanOrEqual(390);
    expect(await seriousA11y()).toEqual([]);
    await phone.shot('10-this-month', true);

    // each row leads to where the user acts: an agreement's installment → record the payment
    await rows
      .nth(2)
      .getByRole('button', { name: /记一笔还款/ })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/agreements');
    // the debts list stays one tap away
    await page.getByRole('link', { name: /我的债务/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/debts');
    await expect.poll(() => page.locator('h2.page-title').textContent()).toBe('我的债务');
  });

  it('a failed save shows a red error; the next save that works replaces it with the success', async () => {
    await open('/debts');
    let first = true;
    await page.route('**/api/debts', async (route) => {
      if (route.request().method() !== 'POST' || !first) return route.continue();
      first = false;
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'unavailable', message: 'busy', messageZh: '服务器正忙，请再试一次' },
        }),
      });
    });
    await page.getByRole('button', { name: '再添加一笔' }).click();
    await page.getByLabel('平台或机构名称', { exact: true }).fill('京东金条');
    await page.getByLabel('借款金额（合同金额）', { exact: true }).fill('5000');
    await page.getByLabel('借款日期', { exact: true }).fill('2026-05-01');
    await page.getByRole('button', { name: '保存这笔债务' }).click();
    await expect
      .poll(() => page.locator('.banner-bad').textContent())
      .toBe('服务器正忙，请再试一次');
    await page.getByRole('button', { name: '保存这笔债务' }).click();
    await expect.poll(() => page.locator('.banner-ok').textContent()).toContain('已添加');
    await expect.poll(() => page.locator('.banner-bad').count()).toBe(0);
    await page.unroute('**/api/debts');
  });

  it('budget: each line has 每月几号, kept after a reload; lines are cards at 390 px', async () => {
    await open('/budget');
    const pay = page.getByLabel('工资每月金额', { exact: true });
    await pay.fill('9000');
    await page.getByLabel('工资每月几号', { exact: true }).fill('10');
    await page.getByLabel('房租每月金额', { exact: true }).fill('2200');
    const rentDay = page.getByLabel('房租每月几号', { exact: true });
    await rentDay.fill('32');
    // a bad day is named under its field, and the greyed button says why
    await expect
      .poll(() => page.locator('.field-error').first().textContent())
      .toBe('应在 1 到 31 之间');
    const save = page.getByRole('button', { name: '保存并计算还款能力' });
    await expect.poll(() => save.isDisabled()).toBe(true);
    await expect
      .poll(() => page.locator('.action .why').textContent())
      .toBe('先改正上面标红的内容');
    await rentDay.fill('1');
    await expect.poll(() => save.isDisabled()).toBe(false);
    await expect.poll(() => page.locator('.action .why').count()).toBe(0);

    // the layout: fields full width, 删除 on one line
    const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!;
    expect((await box('fieldset:nth-of-type(2) .line select')).width).toBeGreaterThan(250);
    expect((await box('fieldset:nth-of-type(2) .line .wide input')).width).toBeGreaterThan(250);
    const remove = await box('fieldset:nth-of-type(2) .line .remove');
    expect(remove.height).toBeLessThan(50);
    expect(remove.width).toBeGreaterThan(30);
    await expect.poll(() => scrollWidth()).toBeLessThanOrEqual(390);
    expect(await seriousA11y()).toEqual([]);
    await phone.shot('03b-budget-lines');

    // no income: a red error; then saved: the success replaces it
    await pay.fill('');
    await save.click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('请至少填一项收入');
    await pay.fill('9000');
    await save.click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('预算已保存');
    await expect.poll(() => page.locator('.banner-bad').count()).toBe(0);
    // groups left empty are 未填, not ¥0.00
    const result = await page.locator('.result .kv').textContent();
    expect(result).toContain('其他固定支出未填');
    expect(result).toContain('可调整支出未填');
    expect(result).toContain('必要支出¥2,200.00');
    await expect.poll(() => page.locator('.result .big').textContent()).toBe('¥6,800.00');

    await page.reload();
    await expect
      .poll(() => page.getByLabel('工资每月几号', { exact: true }).inputValue())
      .toBe('10');
    await expect
      .poll(() => page.getByLabel('房租每月几号', { exact: true }).inputValue())
      .toBe('1');
    await expect
      .poll(() => page.getByLabel('工资每月金额', { exact: true }).inputValue())
      .toBe('9000.00');
    // on a wide screen each line is one row
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      const [kind, amount] = await Promise.all([
        box('fieldset:nth-of-type(2) .line select'),
        box('fieldset:nth-of-type(2) .line input[inputmode=decimal]'),
      ]);
      expect(Math.abs(kind.y - amount.y)).toBeLessThan(4);
      await expect.poll(() => scrollWidth()).toBeLessThanOrEqual(1280);
      await phone.shot('03c-budget-wide');
    } finally {
      await page.setViewportSize({ width: 390, height: 844 });
    }
  });

  it('plan: a greyed button says why; the chart legend is in Chinese, never "Time: --"', async () => {
    await open('/plan');
    const cap = page.getByLabel('每月可用于还债（来自预算）', { exact: true });
    await expect.poll(() => cap.inputValue()).toBe('6800.00');
    await cap.fill('');
    await expect
      .poll(() => page.locator('.action .why').textContent())
      .toBe('先填写每月可用于还债的金额（或先做收支预算）');
    await cap.fill('6800');
    await page.getByRole('button', { name: '生成方案' }).click();
    await expect
      .poll(() => page.locator('.result .banner').first().textContent())
      .toMatch(/^方案可行：每月共还 ¥[\d,]+\.\d{2}$/);
    // 花呗's rate was never given: its savings are unknown, not a confident ¥0.00
    const huabei = page.locator('.result ul.cards > li', {
      has: page.getByRole('heading', { name: '花呗', exact: true }),
    });
    await expect.poll(() => huabei.textContent()).toContain('比原合同省未知（利率未填）');
    await expect.poll(() => page.locator('.chart canvas').count()).toBeGreaterThan(0);
    const legend = (await page.locator('.chart .u-legend').textContent()) ?? '';
    expect(legend).not.toMatch(/Time|--/);
    expect(legend).toMatch(/日期\s*\d{4}-\d{2}-\d{2}/);
    expect(legend).toMatch(/借呗\s*¥[\d,]+\.\d{2}/);
    await expect.poll(() => scrollWidth()).toBeLessThanOrEqual(390);
    expect(await seriousA11y()).toEqual([]);
    await phone.shot('04b-plan', true);
    await page.locator('.chart-wrap').screenshot({ path: join(SHOTS, '04c-plan-chart.png') });
  });

  it('prepare: the call script reads as formatted text, no Markdown marks', async () => {
    await open('/prepare');
    // a letter that cannot be made yet offers no download that would fail, but where to go
    const complaint = page.locator('ul.docs li', {
      has: page.getByRole('heading', { name: '投诉书', exact: true }),
    });
    await expect
      .poll(() => complaint.getByRole('status').textContent())
      .toBe('还不能生成：生成“投诉书”还需要：至少一条联系记录或投诉经过');
    // what to record, not a command line: the card's button goes to the page
    expect(await complaint.textContent()).not.toContain('xieshang');
    await expect.poll(() => complaint.getByRole('link', { name: /下载 Word/ }).count()).toBe(0);
    await expect.poll(() => complaint.getByRole('button', { name: /去记录沟通/ }).count()).toBe(1);
    await page.getByRole('button', { name: '在屏幕上显示电话话术' }).click();
    const script = page.locator('.script');
    await expect.poll(() => script.count()).toBe(1);
    await expect.poll(() => script.locator('h3').count()).toBe(1);
    await expect.poll(() => script.locator('h4, strong, li').count()).toBeGreaterThan(0);
    const text = (await script.textContent()) ?? '';
    expect(text).not.toContain('##');
    expect(text).not.toContain('**');
    expect(text).not.toContain('\\');
    await expect.poll(() => scrollWidth()).toBeLessThanOrEqual(390);
    await script.scrollIntoViewIfNeeded();
    expect(await seriousA11y()).toEqual([]);
    await phone.shot('05b-call-script');
  });
});

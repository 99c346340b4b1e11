// Every page of a realistic case, at 390×844 and 1280×800 (zh-CN): no horizontal overflow, every
// control inside the screen, no serious/critical axe-core violation; a screenshot of each page and
// of an error state goes to out/screens/ (ignored) on every run — the README's set in
// docs/screenshots is refreshed on purpose, not by this test.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from './home.js';
import { hasChromium, openPhone, type Phone } from './phone.js';
import { SIZES, sweep, type PageProblems } from './sweep.js';

let home: TestHome;
let phone: Phone;
let page: Page;
let url: string;

async function post(path: string, data: unknown): Promise<Record<string, unknown>> {
  const r = await page.request.post(new URL(path, url).href, {
    data,
    headers: { origin: new URL(url).origin },
  });
  if (!r.ok()) throw new Error(`${path}: ${r.status()} ${await r.text()}`);
  return (await r.json()) as Record<string, unknown>;
}

/** A 27-year-old with online loans, a card, a budget, a plan, a night call and an agreement. */
async function seed(): Promise<void> {
  const debts = [
    {
      lenderName: '借呗',
      lenderType: 'small-loan',
      principal: '20000.00',
      received: '19000.00',
      contractDate: '2025-03-01',
      termMonths: 12,
      installment: '1950.00',
      rateText: '年化18%',
    },
    {
      lenderName: '分期乐',
      lenderType: 'small-loan',
      principal: '8000.00',
      contractDate: '2025-05-10',
      termMonths: 12,
      rateText: '年化24%',
    },
    {
      lenderName: '招联金融',
      lenderType: 'consumer-finance',
      principal: '15000.00',
      contractDate: '2024-12-01',
      termMonths: 24,
      rateText: '日息万五',
    },
    {
      lenderName: '美团月付',
      lenderType: 'small-loan',
      principal: '3000.00',
      contractDate: '2025-08-15',
    },
  ];
  const ids: string[] = [];
  for (const d of debts) ids.push((await post('/api/debts', d))['id'] as string);
  const budget = await post('/api/budgets', {
    lines: [
      { kind: 'income', label: '工资', monthly: '6500.00', dayOfMonth: 10 },
      { kind: 'housing', label: '房租', monthly: '1500.00', dayOfMonth: 1 },
      { kind: 'food', label: '吃饭', monthly: '1200.00' },
      { kind: 'transport', label: '交通', monthly: '200.00' },
      { kind: 'phone', label: '话费', monthly: '60.00' },
    ],
    buffer: '300.00',
  });
  await post('/api/plans', {
    strategy: 'pro-rata-balance',
    maxTerm: 36,
    capacity: budget['capacity'],
  });
  const lenders = (await (await page.request.get(new URL('/api/lenders', url).href)).json()) as {
    lenders: { id: string; name: string }[];
  };
  const jiebei = lenders.lenders.find((l) => l.name === '借呗')!.id;
  await post('/api/contacts', {
    lenderId: jiebei,
    occurredAt: '2026-11-28T22:40+08:00',
    channel: 'phone',
    direction: 'inbound',
    agentName: '工号 A1023',
    asked: '今天之内还清全部欠款，否则联系你家人',
  });
  await post('/api/agreements', {
    lenderId: jiebei,
    agreedDate: '2026-11-20',
    firstDueDate: '2026-12-10',
    monthlyAmount: '800.00',
    count: 24,
  });
}

const PAGES = [
  '/debts',
  '/',
  '/budget',
  '/plan',
  '/prepare',
  '/contacts',
  '/agreements',
  '/escalations',
];

(hasChromium ? describe : describe.skip)('every page at phone and laptop size', () => {
  beforeAll(async () => {
    home = await openTestHome('2026-11-29T02:00:00.000Z');
    phone = await openPhone(home);
    ({ page, url } = phone);
    await seed();
  }, 180_000);

  afterAll(async () => {
    await phone?.close();
    await home?.close();
  });

  it('has no overflow, no control outside the screen and no serious axe violation', async () => {
    const found: Record<string, PageProblems> = {};
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const p of PAGES) {
        await page.goto(new URL(p, url).href);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        const name = p === '/' ? 'home' : p.slice(1);
        found[`${name}@${size.name}`] = await sweep(page, name, size.name);
      }
    }
    const bad = Object.entries(found).filter(
      ([, v]) => v.overflow.length + v.outside.length + v.axe.length > 0,
    );
    expect(Object.fromEntries(bad)).toEqual({});
  }, 300_000);

  it('shows each error state in Chinese, next to its field, within the screen', async () => {
    const found: Record<string, PageProblems> = {};
    const messages: string[] = [];
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      // a debt with a negative amount
      await page.goto(new URL('/debts', url).href);
      await page.getByRole('button', { name: '再添加一笔' }).click();
      await page.getByLabel('平台或机构名称', { exact: true }).fill('测试贷');
      await page.getByLabel('借款金额（合同金额）', { exact: true }).fill('-5');
      await page.getByRole('button', { name: '保存这笔债务' }).click();
      await expect.poll(() => page.locator('.field-error').count()).toBeGreaterThan(0);
      messages.push((await page.locator('.field-error').first().textContent()) ?? '');
      found[`debts-error@${size.name}`] = await sweep(page, 'debts-error', size.name);
      // a contact logged in the future
      await page.goto(new URL('/contacts', url).href);
      await page.getByLabel('时间', { exact: true }).fill('2027-01-01T10:00');
      await page.getByRole('button', { name: '保存记录' }).click();
      const err = page.locator('.field-error, [role=alert]');
      await expect.poll(() => err.count()).toBeGreaterThan(0);
      messages.push((await err.first().textContent()) ?? '');
      found[`contacts-error@${size.name}`] = await sweep(page, 'contacts-error', size.name);
    }
    // Chinese words, never a code, a field path or an English enum value
    for (const m of messages) {
      expect(m).toMatch(/[\u4e00-\u9fff]/);
      expect(m).not.toMatch(/[a-z]+(\.[a-zA-Z]+|\[\d+\])|invalid-|occurredAt|principal/);
    }
    const bad = Object.entries(found).filter(
      ([, v]) => v.overflow.length + v.outside.length + v.axe.length > 0,
    );
    expect(Object.fromEntries(bad)).toEqual({});
  }, 300_000);
});

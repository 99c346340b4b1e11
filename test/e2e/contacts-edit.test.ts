// Correcting the contact log at 390×844 (zh-CN), issue 13 items 4 and 8: log a call, edit it,
// delete it and undo the delete; each conduct flag offers its next step (the stop-third-party
// letter, a complaint, evidence to attach); withdraw an evidence item with a reason, after which
// it stays listed, struck through, with the reason. No page scrolls sideways.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from './home.js';
import { hasChromium, openPhone, type Phone } from './phone.js';

let home: TestHome;
let url: string;
let phone: Phone;
let page: Page;

const apiList = async (path: string, field: string): Promise<Record<string, unknown>[]> =>
  ((await (await page.request.get(new URL(path, url).href)).json()) as Record<string, never>)[
    field
  ]!;
const noSideways = async () =>
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(390);
const status = () => page.getByRole('status').first().textContent();

(hasChromium ? describe : describe.skip)('contacts: edit, delete, undo, withdraw (390×844)', () => {
  beforeAll(async () => {
    home = await openTestHome('2026-11-29T02:00:00.000Z');
    phone = await openPhone(home);
    ({ page, url } = phone);
    const debt = await page.request.post(new URL('/api/debts', url).href, {
      headers: { origin: new URL(url).origin },
      data: {
        lenderName: '借呗',
        lenderType: 'small-loan',
        contractDate: '2025-03-01',
        principal: '20000',
        received: '20000',
        termMonths: 12,
      },
    });
    expect(debt.status(), await debt.text()).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await phone?.close();
    await home?.close();
  });

  it('logs a late call that reached the family: the flags offer their next steps', async () => {
    await page.goto(new URL('/contacts', url).href);
    const form = page.getByRole('form', { name: '记录一次沟通' });
    await form.getByLabel('时间', { exact: true }).fill('2026-11-28T22:40');
    await form.getByLabel('对方姓名或工号', { exact: true }).fill('工号 A1023');
    await form
      .getByLabel('是否联系了你的家人、同事等第三方', { exact: true })
      .selectOption('family');
    await form.getByRole('button', { name: '保存记录' }).click();
    await expect.poll(status).toContain('已记录这次沟通');
    const flags = page.locator('section[aria-label="催收违规提示"]');
    await expect.poll(() => flags.locator('li').count()).toBeGreaterThan(0);
    const stop = flags.getByRole('link', { name: '生成停止联系第三人通知函' });
    await expect.poll(() => stop.count()).toBeGreaterThan(0);
    await expect
      .poll(() => stop.first().getAttribute('href'))
      .toContain('/api/letters/stop-third-party');
    await expect
      .poll(() => flags.getByRole('link', { name: '向机构投诉（投诉函）' }).count())
      .toBeGreaterThan(0);
    expect(
      await flags.getByRole('link', { name: '更多投诉渠道' }).first().getAttribute('href'),
    ).toBe('/escalations');
    await noSideways();
    await phone.shot('contacts-flags', true);
  });

  it('edits the contact in place, prefilled from what was logged', async () => {
    const log = page.locator('section[aria-label="沟通记录"]');
    await log.getByRole('button', { name: '修改' }).click();
    const edit = page.getByRole('form', { name: '修改这条记录' });
    await expect
      .poll(() => edit.getByLabel('对方姓名或工号', { exact: true }).inputValue())
      .toBe('工号 A1023');
    await expect
      .poll(() => edit.getByLabel('时间', { exact: true }).inputValue())
      .toBe('2026-11-28T22:40');
    await noSideways();
    await phone.shot('contacts-editing', true);
    await edit.getByLabel('对方姓名或工号', { exact: true }).fill('工号 B2046');
    await edit.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(status).toContain('已保存修改');
    await expect.poll(() => log.textContent()).toContain('工号 B2046');
    expect((await apiList('/api/contacts', 'contacts'))[0]).toMatchObject({
      agentName: '工号 B2046',
    });
  });

  it('deletes the contact, then 撤销 brings it back', async () => {
    const log = page.locator('section[aria-label="沟通记录"]');
    await log.getByRole('button', { name: '删除' }).click();
    await expect.poll(status).toContain('已删除这条沟通记录');
    await expect.poll(() => log.textContent()).toContain('已删除');
    expect(await apiList('/api/contacts', 'contacts')).toHaveLength(0);
    await noSideways();
    await phone.shot('contacts-deleted', true);
    await log.getByRole('button', { name: '撤销' }).click();
    await expect.poll(status).toContain('已恢复这条沟通记录');
    await expect.poll(() => log.textContent()).toContain('工号 B2046');
    expect(await apiList('/api/contacts', 'contacts')).toHaveLength(1);
  });

  it('a flag’s 附上录音或截图 preselects its contact; the upload is linked to it', async () => {
    const flags = page.locator('section[aria-label="催收违规提示"]');
    await flags.getByRole('button', { name: '附上录音或截图' }).first().click();
    const upload = page.getByRole('form', { name: '添加证据' });
    const contactId = String((await apiList('/api/contacts', 'contacts'))[0]!['id']);
    await expect
      .poll(() => upload.getByLabel('关联的沟通记录', { exact: true }).inputValue())
      .toBe(contactId);
    await upload.getByLabel('选择文件', { exact: true }).setInputFiles({
      name: '传错的截图.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not the screenshot I meant'),
    });
    await upload.getByRole('button', { name: '存入证据库' }).click();
    await expect.poll(status).toContain('已存入证据库');
  });

  it('withdraws the evidence with a reason: struck through, reason shown, still listed', async () => {
    const vault = page.locator('section[aria-label="证据"]');
    await vault.getByRole('button', { name: '撤回' }).click();
    const ask = page.getByRole('form', { name: '撤回证据' });
    await expect.poll(() => ask.getByRole('button', { name: '确认撤回' }).isDisabled()).toBe(true);
    await ask.getByLabel('撤回原因', { exact: true }).fill('传错了文件');
    await ask.getByRole('button', { name: '确认撤回' }).click();
    await expect.poll(status).toContain('已撤回这份证据');
    await expect.poll(() => vault.locator('del').first().textContent()).toBe('传错的截图.png');
    await expect.poll(() => vault.textContent()).toContain('已撤回');
    await expect.poll(() => vault.textContent()).toContain('传错了文件');
    const items = await apiList('/api/evidence', 'items');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ withdrawReason: '传错了文件' });
    await noSideways();
    await phone.shot('contacts-withdrawn', true);
  });
});

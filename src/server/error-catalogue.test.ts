// Bad input through the API (issue 13, "Bad input"): a future date, a 3,000-character note, an
// unknown enum value and a field inside an agreement's segment each answer 400 with a Chinese
// message naming the field by its label (never its path, a code or an English value), and nothing
// is written: the list the page reads is the same afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../test/e2e/home.js';
import type { App } from './build-server.js';
import { get, testServer, write } from './test-helpers.js';

let app: App;
let home: TestHome;
let lenderId: string;
beforeAll(async () => {
  home = await openTestHome(); // today is 2026-11-29 in Beijing
  app = await testServer(home.deps);
  const d = await write(app, 'POST', '/api/debts', {
    lenderName: '某某借款',
    lenderType: 'small-loan',
    contractDate: '2026-01-05',
    principal: '10000.00',
    termMonths: 12,
  });
  expect(d.statusCode).toBe(201);
  const lenders = (await get(app, '/api/lenders')).json().lenders as { id: string }[];
  lenderId = lenders[0]!.id;
});
afterAll(async () => {
  await app.close();
  await home.close();
});

interface ErrorReply {
  error: { code: string; messageZh: string; field?: string; label?: string };
}

/** Chinese, names the label, shows no path, camelCase name, list index or English value. */
function expectPlainZh(body: ErrorReply, label: string, englishValues: string[] = []): void {
  const zh = body.error.messageZh;
  expect(zh).toMatch(/\p{Script=Han}/u);
  expect(zh).toContain(label);
  if (body.error.field) expect(zh).not.toContain(body.error.field);
  expect(zh).not.toMatch(/\b(body|querystring)\./);
  expect(zh).not.toMatch(/[a-z]+[A-Z][a-zA-Z]*/);
  expect(zh).not.toMatch(/\[\d+\]|\.\d+\./);
  expect(zh).not.toMatch(/\b(invalid|expected|received|must|undefined)\b/i);
  expect(zh).not.toContain(body.error.code);
  for (const v of englishValues) expect(zh).not.toMatch(new RegExp(`\\b${v}\\b`));
}

/** Runs `send` and checks it is refused and that `list` reads the same before and after. */
async function refusedWithoutWriting(
  list: string,
  send: () => ReturnType<typeof write>,
): Promise<ErrorReply> {
  const before = (await get(app, list)).body;
  const r = await send();
  expect(r.statusCode, r.body).toBe(400);
  expect((await get(app, list)).body).toBe(before);
  return r.json() as ErrorReply;
}

const contact = (extra: Record<string, unknown>) => ({
  occurredAt: '2026-11-20T10:30+08:00',
  channel: 'phone',
  direction: 'inbound',
  ...extra,
});

describe('bad input is refused in Chinese, by label, and writes nothing', () => {
  it('a contact in the future names 联系时间', async () => {
    const body = await refusedWithoutWriting('/api/contacts', () =>
      write(app, 'POST', '/api/contacts', contact({ occurredAt: '2030-01-01T10:00+08:00' })),
    );
    expectPlainZh(body, '联系时间');
  });

  it('a payment dated in the future names 日期, not date', async () => {
    const a = await write(app, 'POST', '/api/agreements', {
      lenderId,
      agreedDate: '2026-11-20',
      firstDueDate: '2026-12-05',
      monthlyAmount: '500.00',
      count: 6,
    });
    expect(a.statusCode, a.body).toBe(201);
    const id = (a.json() as { id: string }).id;
    const body = await refusedWithoutWriting('/api/agreements', () =>
      write(app, 'POST', `/api/agreements/${id}/payments`, {
        paidDate: '2030-01-01',
        amount: '500.00',
      }),
    );
    expectPlainZh(body, '日期', ['date']);
  });

  it('a 3,000-character note names 备注 and its limit', async () => {
    const body = await refusedWithoutWriting('/api/budgets/latest', () =>
      write(app, 'POST', '/api/budgets', {
        lines: [{ kind: 'income', label: '工资', monthly: '4500.00' }],
        note: '长'.repeat(3000),
      }),
    );
    expectPlainZh(body, '备注');
    expect(body.error.messageZh).toContain('2000');
    const line = await refusedWithoutWriting('/api/budgets/latest', () =>
      write(app, 'POST', '/api/budgets', {
        lines: [{ kind: 'income', label: '工资', monthly: '4500.00', note: '长'.repeat(3000) }],
      }),
    );
    expectPlainZh(line, '第 1 行备注');
  });

  it('an unknown channel names 联系方式 and lists the channels in Chinese', async () => {
    const body = await refusedWithoutWriting('/api/contacts', () =>
      write(app, 'POST', '/api/contacts', contact({ channel: 'pigeon' })),
    );
    expectPlainZh(body, '联系方式', ['phone', 'sms', 'wechat', 'email', 'letter', 'visit']);
    expect(body.error.messageZh).toContain('电话');
    expect(body.error.messageZh).toContain('短信');
  });

  it("a field inside an agreement's segment is named by its place and label", async () => {
    const body = await refusedWithoutWriting('/api/agreements', () =>
      write(app, 'POST', '/api/agreements', {
        lenderId,
        agreedDate: '2026-11-20',
        firstDueDate: '2026-12-05',
        monthlyAmount: '0.00',
        count: 6,
      }),
    );
    expect(body.error.field).toBe('segments[0].amount');
    expectPlainZh(body, '第 1 段每期金额');
  });
});

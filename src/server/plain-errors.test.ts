// One home per word, one catalogue of errors (issue 13, item 3), through the API:
// - every value the web offers for a closed list is accepted by the API and kept by the store;
// - every route's 400 for a bad field says it in Chinese with the field's label, never its path,
//   a code or an English enum value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../test/e2e/home.js';
import {
  CHANNELS,
  CONCESSIONS,
  DEBT_METHODS,
  DIRECTIONS,
  EVIDENCE_KINDS,
  HARDSHIP_CAUSES,
  LENDER_TYPES,
  PLAN_STRATEGIES,
  THIRD_PARTY_RELATIONS,
} from '../contracts/enums.js';
import type { App } from './build-server.js';
import { get, testServer, write } from './test-helpers.js';

let app: App;
let home: TestHome;
beforeAll(async () => {
  home = await openTestHome();
  app = await testServer(home.deps);
});
afterAll(async () => {
  await app.close();
  await home.close();
});

const debt = (lenderName: string, extra: Record<string, unknown> = {}) => ({
  lenderName,
  lenderType: 'small-loan',
  contractDate: '2026-01-05',
  principal: '10000.00',
  termMonths: 12,
  ...extra,
});

describe('every value the web offers reaches the store', () => {
  it('lender types and repayment methods', async () => {
    for (const t of LENDER_TYPES) {
      const r = await write(app, 'POST', '/api/debts', debt(`机构-${t}`, { lenderType: t }));
      expect(r.statusCode, t).toBe(201);
    }
    for (const m of DEBT_METHODS) {
      const extra =
        m === 'custom'
          ? { method: m }
          : { method: m, installment: '900.00', firstDueDate: '2026-02-05' };
      const r = await write(app, 'POST', '/api/debts', debt(`方式-${m}`, extra));
      expect([201, 400], m).toContain(r.statusCode);
      if (r.statusCode === 400) expect(r.json().error.field, m).not.toBe('method');
    }
    const lenders = (await get(app, '/api/lenders')).json().lenders as { lenderType: string }[];
    for (const t of LENDER_TYPES) expect(lenders.map((l) => l.lenderType)).toContain(t);
  });

  it('contact channels, directions and third-party relations', async () => {
    for (const channel of CHANNELS)
      for (const direction of DIRECTIONS) {
        const r = await write(app, 'POST', '/api/contacts', {
          occurredAt: '2026-11-20T10:30+08:00',
          channel,
          direction,
        });
        expect(r.statusCode, `${channel} ${direction}`).toBe(201);
      }
    for (const rel of THIRD_PARTY_RELATIONS) {
      const r = await write(app, 'POST', '/api/contacts', {
        occurredAt: '2026-11-21T10:30+08:00',
        channel: 'phone',
        direction: 'inbound',
        thirdParty: rel,
      });
      expect(r.statusCode, rel).toBe(201);
    }
    const stored = (await get(app, '/api/contacts')).json().contacts as {
      channel: string;
      direction: string;
    }[];
    for (const c of CHANNELS) expect(stored.map((x) => x.channel)).toContain(c);
    for (const d of DIRECTIONS) expect(stored.map((x) => x.direction)).toContain(d);
  });

  it('evidence kinds (短信/聊天记录 included)', async () => {
    for (const kind of EVIDENCE_KINDS) {
      const fd = new FormData();
      fd.append('kind', kind);
      fd.append('file', new Blob([new TextEncoder().encode(`evidence ${kind}`)]), `${kind}.txt`);
      const r = await write(app, 'POST', '/api/evidence', fd);
      expect(r.statusCode, kind).toBe(201);
    }
    const kinds = ((await get(app, '/api/evidence')).json().items as { kind: string }[]).map(
      (i) => i.kind,
    );
    expect([...kinds].sort()).toEqual([...EVIDENCE_KINDS].sort());
  });

  it('plan strategies and concessions', async () => {
    for (const strategy of PLAN_STRATEGIES)
      for (const concession of CONCESSIONS) {
        const r = await write(app, 'POST', '/api/plans', {
          capacity: '3000.00',
          strategy,
          concession,
          maxTerm: 36,
        });
        expect(r.statusCode, `${strategy} ${concession}`).toBe(200);
      }
  });

  it('hardship causes', async () => {
    for (const cause of HARDSHIP_CAUSES) {
      const r = await write(app, 'PUT', '/api/profile', { hardshipCause: cause });
      expect(r.statusCode, cause).toBe(200);
      expect(r.json().profile.hardshipCause).toBe(cause);
    }
  });
});

/** A Chinese message that names the field by its label and shows no path, code or English value. */
function expectPlain(body: { error: { messageZh?: string; field?: string } }, label: string): void {
  const zh = body.error.messageZh ?? '';
  expect(zh).toContain(label);
  if (body.error.field) expect(zh).not.toContain(body.error.field);
  expect(zh).not.toMatch(/\b(body|querystring)\./);
  expect(zh).not.toMatch(/[a-z]+[A-Z][a-zA-Z]*/); // camelCase field names
  expect(zh).not.toMatch(/\[\d+\]|\.\d+\./); // list paths
  expect(zh).not.toMatch(/\b(invalid|expected|received|must)\b/i); // zod's English
}

describe('a bad field gets a Chinese message with its label', () => {
  const cases: [string, 'POST' | 'PUT', string, unknown, string][] = [
    ['debt principal', 'POST', '/api/debts', debt('甲', { principal: '-5.00' }), '借款金额'],
    [
      'debt contract date',
      'POST',
      '/api/debts',
      debt('乙', { contractDate: '2026-02-30' }),
      '借款日期',
    ],
    ['debt without lender', 'POST', '/api/debts', { principal: '1.00' }, '平台或机构名称'],
    ['debt lender type', 'POST', '/api/debts', debt('丙', { lenderType: 'casino' }), '机构类型'],
    [
      'contact time',
      'POST',
      '/api/contacts',
      { occurredAt: '2026-11-20 22:30', channel: 'phone', direction: 'inbound' },
      '联系时间',
    ],
    [
      'contact in the future',
      'POST',
      '/api/contacts',
      { occurredAt: '2030-01-01T10:00+08:00', channel: 'phone', direction: 'inbound' },
      '联系时间',
    ],
    [
      'contact channel',
      'POST',
      '/api/contacts',
      { occurredAt: '2026-11-20T22:30+08:00', channel: 'pigeon', direction: 'inbound' },
      '联系方式',
    ],
    [
      'contact note too long',
      'POST',
      '/api/contacts',
      {
        occurredAt: '2026-11-20T22:30+08:00',
        channel: 'phone',
        direction: 'inbound',
        notes: '长'.repeat(30_000),
      },
      '备注',
    ],
    [
      'agreement count',
      'POST',
      '/api/agreements',
      {
        lenderId: 'x',
        agreedDate: '2026-11-20',
        firstDueDate: '2026-12-05',
        monthlyAmount: '1.00',
        count: 0,
      },
      '期数',
    ],
    [
      'agreement amount',
      'POST',
      '/api/agreements',
      {
        lenderId: 'x',
        agreedDate: '2026-11-20',
        firstDueDate: '2026-12-05',
        monthlyAmount: '1.005',
        count: 3,
      },
      '每期金额',
    ],
    [
      'payment amount',
      'POST',
      '/api/agreements/x/payments',
      { paidDate: '2026-11-28', amount: 'abc' },
      '金额',
    ],
    [
      'budget line amount',
      'POST',
      '/api/budgets',
      { lines: [{ kind: 'income', label: '工资', monthly: '1.005' }] },
      '第 1 行每月金额',
    ],
    [
      'plan strategy',
      'POST',
      '/api/plans',
      { capacity: '800.00', strategy: 'lottery' },
      '分配方式',
    ],
    [
      'profile hardship date',
      'PUT',
      '/api/profile',
      { hardshipSince: '2030-01-01' },
      '困难开始时间',
    ],
  ];
  it.each(cases)('%s', async (_name, method, url, body, label) => {
    const r = await write(app, method, url, body);
    expect(r.statusCode).toBe(400);
    expectPlain(r.json(), label);
  });

  it('an evidence upload of an unknown kind names 类型 and lists the kinds in Chinese', async () => {
    const fd = new FormData();
    fd.append('kind', 'gossip');
    fd.append('file', new Blob([new TextEncoder().encode('x')]), 'x.txt');
    const r = await write(app, 'POST', '/api/evidence', fd);
    expect(r.statusCode).toBe(400);
    expectPlain(r.json(), '类型');
    expect(r.json().error.messageZh).toContain('短信/聊天记录');
  });
});

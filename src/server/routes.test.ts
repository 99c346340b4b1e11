// Every route through app.inject(): success, validation error, not-found, and a cross-site write
// refused with 403 before validation. A temp home with SQLite, a fixed clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../test/e2e/home.js';
import type { App } from './build-server.js';
import { crossSiteWrite, get, testServer, write } from './test-helpers.js';

let app: App;
let home: TestHome;

beforeAll(async () => {
  home = await openTestHome();
  app = await testServer(home.deps, { uploadLimit: 64 * 1024 });
});
afterAll(async () => {
  await app.close();
  await home.close();
});

const debt = {
  lenderName: '借呗',
  lenderType: 'small-loan',
  contractDate: '2026-01-05',
  principal: '10000.00',
  received: '9000.00',
  termMonths: 12,
  installment: '1000.00',
  method: 'equal-installment',
  rateText: '日息万五',
  firstDueDate: '2026-02-05',
  balance: '8000.00',
  overdue: '1000.00',
};

describe('calculators', () => {
  it('POST /api/apr solves dated flows (a 10,000 loan repaid 10,600 a year later is 6 %)', async () => {
    const r = await write(app, 'POST', '/api/apr', {
      cashflows: [
        { date: '2025-01-01', amount: '10000.00' },
        { date: '2026-01-01', amount: '-10600.00' },
      ],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().nominalApr).toBeCloseTo(0.06, 4);
  });

  it('POST /api/apr names the bad field', async () => {
    const r = await write(app, 'POST', '/api/apr', {
      cashflows: [
        { date: '2025-02-30', amount: '1.00' },
        { date: '2025-03-01', amount: '-2.00' },
      ],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'invalid-date', field: 'cashflows[0].date' });
  });

  it('POST /api/apr refuses flows that are all of one sign, naming cashflows', async () => {
    const r = await write(app, 'POST', '/api/apr', {
      cashflows: [
        { date: '2025-01-01', amount: '1.00' },
        { date: '2025-03-01', amount: '2.00' },
      ],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.field).toBe('cashflows');
  });

  it('POST /api/schedule returns rows and exact totals, like the CLI', async () => {
    const r = await write(app, 'POST', '/api/schedule', {
      principal: '12000.00',
      annualRate: '0.12',
      periods: 12,
      method: 'equal-principal',
      startDate: '2026-01-15',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().rows).toHaveLength(12);
    expect(r.json().totals.principal).toBe('12000.00');
  });

  it('POST /api/schedule rejects an unknown method with 400', async () => {
    const r = await write(app, 'POST', '/api/schedule', {
      principal: '1.00',
      annualRate: '0.1',
      periods: 1,
      method: 'nope',
      startDate: '2026-01-01',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.field).toBe('method');
  });

  it('POST /api/check flags a loan above 24 %', async () => {
    const r = await write(app, 'POST', '/api/check', {
      lenderType: 'small-loan',
      contractDate: '2024-01-05',
      contractPrincipal: '10000.00',
      cashflows: [
        { date: '2024-01-05', amount: '9000.00' },
        { date: '2025-01-05', amount: '-12000.00' },
      ],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().principalReceived).toBe('9000.00');
    expect(r.json().verdicts.some((v: { exceeded: boolean }) => v.exceeded)).toBe(true);
  });

  it('POST /api/check rejects a negative principal', async () => {
    const r = await write(app, 'POST', '/api/check', {
      lenderType: 'bank',
      contractDate: '2024-01-05',
      contractPrincipal: 'abc',
      cashflows: [],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.field).toBe('contractPrincipal');
  });

  it('POST /api/budget computes capacity from the CLI shape', async () => {
    const r = await write(app, 'POST', '/api/budget', {
      income: [{ label: '工资', amount: '8000.00', frequency: 'monthly' }],
      expenditure: [
        { label: '房租', category: 'housing', amount: '2500.00', frequency: 'monthly' },
        { label: '吃饭', category: 'food', amount: '1500.00', frequency: 'monthly' },
      ],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().capacity).toBe('4000.00');
  });

  it('POST /api/budget rejects a negative amount naming the line', async () => {
    const r = await write(app, 'POST', '/api/budget', {
      income: [{ label: '工资', amount: '-1.00', frequency: 'monthly' }],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.field).toMatch(/^income/);
  });

  it('POST /api/plan shares the capacity exactly', async () => {
    const r = await write(app, 'POST', '/api/plan', {
      asOf: '2026-12-01',
      capacity: '1000.00',
      strategy: 'pro-rata-balance',
      debts: [
        { id: 'a', creditor: 'A', balance: '6000.00', annualRate: '0.1', maxTerm: 36 },
        { id: 'b', creditor: 'B', balance: '4000.00', annualRate: '0.1', maxTerm: 36 },
      ],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().monthlyTotal).toBe('1000.00');
  });

  it('POST /api/plan rejects duplicate ids', async () => {
    const r = await write(app, 'POST', '/api/plan', {
      asOf: '2026-12-01',
      capacity: '1000.00',
      strategy: 'pro-rata-balance',
      debts: [
        { id: 'a', creditor: 'A', balance: '1.00' },
        { id: 'a', creditor: 'B', balance: '1.00' },
      ],
    });
    expect(r.statusCode).toBe(400);
  });
});

describe('inventory', () => {
  let debtId = '';
  it('GET /api/summary on an empty home gives zero debts', async () => {
    const r = await get(app, '/api/summary');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      totals: {
        debts: 0,
        balance: '0.00',
        overdue: '0.00',
        aboveLegalLine: 0,
        unknownVerdict: 0,
        overcharge: '0.00',
      },
      lenders: [],
    });
  });

  it('POST /api/debts adds a debt (and its lender) and shows its true APR and verdict', async () => {
    const r = await write(app, 'POST', '/api/debts', debt);
    expect(r.statusCode).toBe(201);
    const d = r.json();
    debtId = d.id;
    expect(d.lender).toBe('借呗');
    expect(d.received).toBe('9000.00');
    expect(d.nominalApr).toBeGreaterThan(0.2);
    expect(['exceeds', 'ok']).toContain(d.verdict.level);
  });

  it('POST /api/debts rejects negative money, bad dates and wrong types with 400 and writes nothing', async () => {
    for (const bad of [
      { ...debt, principal: '-5.00' },
      { ...debt, contractDate: '2026-02-30' },
      { ...debt, termMonths: 'twelve' },
      { ...debt, lenderName: 'x'.repeat(500) },
      {},
    ]) {
      const r = await write(app, 'POST', '/api/debts', bad);
      expect(r.statusCode, JSON.stringify(bad).slice(0, 60)).toBe(400);
      expect(r.json().error.code).toMatch(/^invalid-/);
    }
    expect((await get(app, '/api/summary')).json().totals.debts).toBe(1);
  });

  it('GET /api/debts/:id and /api/lenders list what was added', async () => {
    expect((await get(app, `/api/debts/${debtId}`)).json().id).toBe(debtId);
    expect(
      (await get(app, '/api/lenders')).json().lenders.map((l: { name: string }) => l.name),
    ).toEqual(['借呗']);
    expect((await get(app, '/api/debts')).json().debts).toHaveLength(1);
  });

  it('GET /api/debts/:id of an unknown id is 404', async () => {
    const r = await get(app, '/api/debts/nope');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('not-found');
  });

  it('GET /api/debts gives each stored term back, for reading and editing', async () => {
    const d = (await get(app, '/api/debts')).json().debts[0];
    expect(d).toMatchObject({
      id: debtId,
      contractDate: '2026-01-05',
      termMonths: 12,
      installment: '1000.00',
      method: 'equal-installment',
      firstDueDate: '2026-02-05',
      rateText: '日息万五',
      isCreditReported: false,
      notes: null,
    });
  });

  it('PATCH /api/debts/:id changes only the fields sent, and the summary follows', async () => {
    const r = await write(app, 'PATCH', `/api/debts/${debtId}`, {
      balance: '7500.00',
      notes: '客服说可以申请延期',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      id: debtId,
      balance: '7500.00',
      notes: '客服说可以申请延期',
      principal: '10000.00',
      rateText: '日息万五',
    });
    expect((await get(app, '/api/summary')).json().totals.balance).toBe('7500.00');
    // null clears an optional field
    const cleared = await write(app, 'PATCH', `/api/debts/${debtId}`, { notes: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().notes).toBeNull();
    expect((await get(app, `/api/debts/${debtId}`)).json().notes).toBeNull();
  });

  it('PATCH /api/debts/:id refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = (await get(app, `/api/debts/${debtId}`)).body;
    for (const [bad, field] of [
      [{ balance: '-1.00' }, 'balance'],
      [{ contractDate: '2026-02-30' }, 'contractDate'],
      [{ termMonths: 'twelve' }, 'termMonths'],
      [{ principal: '' }, 'principal'],
      [{ notes: 'x'.repeat(20_001) }, 'notes'],
      [{ received: '20000.00' }, 'received'],
      [{ lenderName: null }, 'lenderName'],
      [{}, 'body'],
    ] as const) {
      const r = await write(app, 'PATCH', `/api/debts/${debtId}`, bad);
      expect(r.statusCode, JSON.stringify(bad).slice(0, 60)).toBe(400);
      expect(r.json().error.code).toMatch(/^invalid-/);
      expect(JSON.stringify(r.json().error), JSON.stringify(bad).slice(0, 60)).toContain(field);
    }
    const unknownKey = await write(app, 'PATCH', `/api/debts/${debtId}`, { balanse: '1.00' });
    expect(unknownKey.statusCode).toBe(400);
    expect(JSON.stringify(unknownKey.json().error)).toContain('balanse');
    expect((await get(app, `/api/debts/${debtId}`)).body).toBe(before);
  });

  it('PATCH /api/debts/:id of an unknown id is 404', async () => {
    const r = await write(app, 'PATCH', '/api/debts/nope', { balance: '1.00' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('not-found');
  });

  it('POST /api/lenders adds a lender; a duplicate name is 409', async () => {
    expect(
      (
        await write(app, 'POST', '/api/lenders', {
          name: '招联金融',
          lenderType: 'consumer-finance',
        })
      ).statusCode,
    ).toBe(201);
    const dup = await write(app, 'POST', '/api/lenders', {
      name: '招联金融',
      lenderType: 'consumer-finance',
    });
    expect(dup.statusCode).toBe(409);
  });

  it('DELETE /api/debts/:id of an unknown id is 404', async () => {
    expect((await write(app, 'DELETE', '/api/debts/nope')).statusCode).toBe(404);
  });
});

describe('planning', () => {
  it('POST /api/budgets evaluates monthly lines against the case', async () => {
    const r = await write(app, 'POST', '/api/budgets', {
      lines: [
        { kind: 'income', label: '工资', monthly: '6000.00' },
        { kind: 'housing', label: '房租', monthly: '1500.00' },
        { kind: 'food', label: '吃饭', monthly: '1200.00' },
      ],
      buffer: '300.00',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().capacity).toBe('3000.00');
  });

  it('POST /api/budgets rejects an unknown category and a three-decimal amount', async () => {
    expect(
      (
        await write(app, 'POST', '/api/budgets', {
          lines: [{ kind: 'casino', label: 'x', monthly: '1.00' }],
        })
      ).statusCode,
    ).toBe(400);
    const r = await write(app, 'POST', '/api/budgets', {
      lines: [{ kind: 'income', label: 'x', monthly: '1.005' }],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.field).toBe('lines.0.monthly');
  });

  it('POST /api/plans builds a plan over the case debts', async () => {
    const r = await write(app, 'POST', '/api/plans', {
      capacity: '800.00',
      strategy: 'pro-rata-balance',
      concession: 'waive-penalty',
      maxTerm: 36,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().proposals).toHaveLength(1);
    expect(r.json().proposals[0].lender).toBe('借呗');
  });

  it('POST /api/plans rejects an unknown strategy', async () => {
    expect(
      (await write(app, 'POST', '/api/plans', { capacity: '800.00', strategy: 'lottery' }))
        .statusCode,
    ).toBe(400);
  });
});

describe('letters', () => {
  it('a complaint with no logged incident is refused (4xx) naming what to record; /warnings runs the pre-send check', async () => {
    const id = (
      (await get(app, '/api/lenders')).json().lenders as { id: string; name: string }[]
    ).find((l) => l.name === '借呗')!.id;
    const contacts = (await get(app, `/api/contacts`)).json().contacts as { lenderId: string }[];
    if (!contacts.some((c) => c.lenderId === id)) {
      const r = await get(app, `/api/letters/complaint?lenderId=${id}&format=md`);
      expect([400, 422]).toContain(r.statusCode);
      expect(r.body).toContain('contact');
    }
    const w = await get(app, `/api/letters/ledger-request/warnings?lenderId=${id}&format=md`);
    expect(w.statusCode).toBe(200);
    expect(w.json().warnings.filter((x: { code: string }) => x.code === 'unsourced-fact')).toEqual(
      [],
    );
  });

  it('GET /api/letters lists the kinds', async () => {
    expect((await get(app, '/api/letters')).json().kinds.length).toBeGreaterThan(3);
  });

  it('GET /api/letters/:kind downloads a DOCX with the Chinese file name (RFC 5987)', async () => {
    const lenders = (await get(app, '/api/lenders')).json().lenders as {
      id: string;
      name: string;
    }[];
    const id = lenders.find((l) => l.name === '借呗')!.id;
    const r = await get(app, `/api/letters/ledger-request?lenderId=${id}&format=docx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain("filename*=UTF-8''%E5%80%BA%E6%9D%83");
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('GET /api/letters/request with the plan from the browser puts the plan in the letter', async () => {
    const id = (
      (await get(app, '/api/lenders')).json().lenders as { id: string; name: string }[]
    ).find((l) => l.name === '借呗')!.id;
    const plan = JSON.stringify({
      monthlyPayment: '800.00',
      installments: 10,
      firstDueOn: '2027-01-01',
      endOn: '2027-10-01',
      totalPaid: '8000.00',
      concessions: [],
    });
    const r = await get(
      app,
      `/api/letters/request?lenderId=${id}&format=md&plan=${encodeURIComponent(plan)}`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('800.00');
  });

  it('GET /api/letters/request without ?plan uses the plan saved by POST /api/plans', async () => {
    const id = (
      (await get(app, '/api/lenders')).json().lenders as { id: string; name: string }[]
    ).find((l) => l.name === '借呗')!.id;
    const r = await get(app, `/api/letters/request?lenderId=${id}&format=md`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('¥800.00');
  });

  it('GET /api/letters/:kind of an unknown kind or lender is 404; a bad format is 400', async () => {
    expect((await get(app, '/api/letters/love-letter?lenderId=x')).statusCode).toBe(404);
    expect((await get(app, '/api/letters/ledger-request?lenderId=nope')).statusCode).toBe(404);
    expect((await get(app, '/api/letters/ledger-request?lenderId=x&format=pdf')).statusCode).toBe(
      400,
    );
  });

  it('GET /api/letters: an unknown kind is named in Chinese; a plan that is not JSON is a 400', async () => {
    const unknown = await get(app, '/api/letters/love-letter?lenderId=x');
    expect(unknown.json().error).toMatchObject({ code: 'not-found', field: 'kind' });
    expect(unknown.json().error.messageZh).toBe('没有“love-letter”这种文书');
    const id = (
      (await get(app, '/api/lenders')).json().lenders as { id: string; name: string }[]
    ).find((l) => l.name === '借呗')!.id;
    const bad = await get(app, `/api/letters/request?lenderId=${id}&format=md&plan=%7Bnope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid-json', field: 'plan' });
  });
});

describe('contacts, conduct and evidence', () => {
  it('POST /api/contacts logs a night call and GET /api/conduct flags it', async () => {
    const r = await write(app, 'POST', '/api/contacts', {
      occurredAt: '2026-11-20T22:30+08:00',
      channel: 'phone',
      direction: 'inbound',
      asked: '今天必须还清',
      thirdParty: 'family',
    });
    expect(r.statusCode).toBe(201);
    expect((await get(app, '/api/contacts')).json().contacts).toHaveLength(1);
    const flags = (await get(app, '/api/conduct')).json().flags as { rule: string }[];
    expect(flags.length).toBeGreaterThan(0);
  });

  it('POST /api/contacts rejects a time without a zone and an unknown channel', async () => {
    expect(
      (
        await write(app, 'POST', '/api/contacts', {
          occurredAt: '2026-11-20 22:30',
          channel: 'phone',
          direction: 'inbound',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await write(app, 'POST', '/api/contacts', {
          occurredAt: '2026-11-20T22:30+08:00',
          channel: 'pigeon',
          direction: 'inbound',
        })
      ).statusCode,
    ).toBe(400);
  });

  const upload = (
    name: string,
    bytes: Buffer,
    fields: Record<string, string> = { kind: 'call-recording' },
  ) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    fd.append('file', new Blob([new Uint8Array(bytes)]), name);
    return write(app, 'POST', '/api/evidence', fd);
  };

  it('POST /api/evidence stores an upload in the vault and GET downloads the same bytes', async () => {
    const bytes = Buffer.from('RIFF....WAVE fake recording 录音');
    const r = await upload('通话录音.m4a', bytes);
    expect(r.statusCode).toBe(201);
    const item = r.json();
    expect(item.sizeBytes).toBe(bytes.length);
    const dl = await get(app, `/api/evidence/${item.id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(bytes)).toBe(true);
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''%E9%80%9A");
    expect((await get(app, '/api/evidence')).json().items).toHaveLength(1);
  });

  it('POST /api/evidence refuses ../ names, unknown kinds and uploads over the limit, storing nothing', async () => {
    expect((await upload('../../etc/passwd', Buffer.from('x'))).statusCode).toBe(400);
    expect((await upload('a.txt', Buffer.from('x'), { kind: 'gossip' })).statusCode).toBe(400);
    const big = await upload('big.bin', Buffer.alloc(65 * 1024, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('input-too-large');
    expect((await get(app, '/api/evidence')).json().items).toHaveLength(1);
  });

  it('GET /api/evidence/:id/download of an unknown id is 404', async () => {
    expect((await get(app, '/api/evidence/nope/download')).statusCode).toBe(404);
  });

  it('GET /api/evidence/export returns a zip', async () => {
    const r = await get(app, '/api/evidence/export');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('agreements, payments, due list, forecast, calendar, escalations, backup', () => {
  let lenderId = '';
  let agreementId = '';
  beforeAll(async () => {
    lenderId = (
      (await get(app, '/api/lenders')).json().lenders as { id: string; name: string }[]
    ).find((l) => l.name === '借呗')!.id;
  });

  it('POST /api/agreements records 6 installments of 500 from the first due date', async () => {
    const r = await write(app, 'POST', '/api/agreements', {
      lenderId,
      agreedDate: '2026-11-20',
      firstDueDate: '2026-12-05',
      monthlyAmount: '500.00',
      count: 6,
      isConfirmedInWriting: false,
    });
    expect(r.statusCode).toBe(201);
    agreementId = r.json().id;
    expect(r.json().total).toBe('3000.00');
    expect(r.json().installments).toHaveLength(6);
  });

  it('POST /api/agreements rejects an unknown lender (404) and a zero count (400)', async () => {
    expect(
      (
        await write(app, 'POST', '/api/agreements', {
          lenderId: 'nope',
          agreedDate: '2026-11-20',
          firstDueDate: '2026-12-05',
          monthlyAmount: '1.00',
          count: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await write(app, 'POST', '/api/agreements', {
          lenderId,
          agreedDate: '2026-11-20',
          firstDueDate: '2026-12-05',
          monthlyAmount: '1.00',
          count: 0,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('POST /api/agreements/:id/payments records a payment and updates what is paid', async () => {
    const r = await write(app, 'POST', `/api/agreements/${agreementId}/payments`, {
      paidDate: '2026-11-28',
      amount: '500.00',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().paid).toBe('500.00');
  });

  it('payments: a date before the agreement and a negative amount are 400; an unknown agreement 404', async () => {
    expect(
      (
        await write(app, 'POST', `/api/agreements/${agreementId}/payments`, {
          paidDate: '2026-01-01',
          amount: '1.00',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await write(app, 'POST', `/api/agreements/${agreementId}/payments`, {
          paidDate: '2026-11-28',
          amount: '-1.00',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await write(app, 'POST', '/api/agreements/nope/payments', {
          paidDate: '2026-11-28',
          amount: '1.00',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('GET /api/agreements and /api/due list them', async () => {
    expect((await get(app, '/api/agreements')).json().agreements).toHaveLength(1);
    const due = (await get(app, '/api/due?days=60')).json().items as { amount: string }[];
    expect(due.length).toBeGreaterThan(0);
    expect((await get(app, '/api/due?days=-1')).statusCode).toBe(400);
  });

  it('GET /api/forecast warns when the balance cannot cover an installment before payday', async () => {
    const r = await get(
      app,
      '/api/forecast?balance=100.00&payday=' + encodeURIComponent('20:300.00:工资'),
    );
    expect(r.statusCode).toBe(200);
    expect(r.json().warnings.length).toBeGreaterThan(0);
    expect(r.json().days.length).toBeGreaterThan(80);
    expect((await get(app, '/api/forecast?balance=abc')).statusCode).toBe(400);
  });

  it('GET /api/calendar.ics exports the open installments', async () => {
    const r = await get(app, '/api/calendar.ics');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('BEGIN:VCALENDAR');
    expect(r.body).toContain(`agreement-${agreementId}-2@xieshang`);
  });

  it('POST /api/escalations records a complaint; GET lists it; an unknown lender is 404', async () => {
    // a complaint rests on something that happened: one logged call first
    const call = await write(app, 'POST', '/api/contacts', {
      lenderId,
      occurredAt: '2026-11-21T22:30+08:00',
      channel: 'phone',
      direction: 'inbound',
    });
    expect(call.statusCode, call.body).toBe(201);
    const r = await write(app, 'POST', '/api/escalations', {
      lenderId,
      channel: 'nfra-12378',
      sentDate: '2026-11-25',
    });
    expect(r.statusCode).toBe(201);
    expect((await get(app, '/api/escalations')).json().escalations).toHaveLength(1);
    expect(
      (await write(app, 'POST', '/api/escalations', { lenderId: 'nope', channel: 'nfra-12378' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await write(app, 'POST', '/api/escalations', { lenderId, channel: '' })).statusCode,
    ).toBe(400);
  });

  it('GET /api/backup returns a zip archive', async () => {
    const r = await get(app, '/api/backup');
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('cross-site writes are refused with 403 before validation', () => {
  for (const [method, url] of [
    ['POST', '/api/apr'],
    ['POST', '/api/schedule'],
    ['POST', '/api/check'],
    ['POST', '/api/budget'],
    ['POST', '/api/plan'],
    ['POST', '/api/lenders'],
    ['POST', '/api/debts'],
    ['PATCH', '/api/debts/x'],
    ['DELETE', '/api/debts/x'],
    ['POST', '/api/budgets'],
    ['POST', '/api/plans'],
    ['POST', '/api/contacts'],
    ['POST', '/api/evidence'],
    ['POST', '/api/agreements'],
    ['POST', '/api/agreements/x/payments'],
    ['POST', '/api/escalations'],
  ] as const) {
    it(`${method} ${url}`, async () => {
      const before = (await get(app, '/api/summary')).json().totals.debts;
      const r = await crossSiteWrite(app, method, url, { malformed: true });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('forbidden');
      expect((await get(app, '/api/summary')).json().totals.debts).toBe(before);
    });
  }
});

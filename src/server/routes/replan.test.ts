import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHome, type TestHome } from '../../../test/e2e/home.js';
import { addAgreement } from '../../app/agreements/agreements.js';
import { resolveCase } from '../../app/cases.js';
import { addDebt } from '../../app/debts.js';
import type { ReplanPlanView, ReplanView } from '../../contracts/index.js';
import { parseCents } from '../../core/money/index.js';
import type { App } from '../build-server.js';
import { crossSiteWrite, get, testServer, write } from '../test-helpers.js';

const URL = '/api/agreements/replan';

/** Today is 2026-11-29: 借呗's first installment (11-05) was never paid; 招联's starts 12-10. */
async function seed(home: TestHome): Promise<{ jiebei: string; zhaolian: string }> {
  const c = await resolveCase(home.deps);
  await addDebt(home.deps, c.id, {
    lender: '借呗',
    lenderType: 'small-loan',
    contractDate: '2025-03-01',
    principal: '20000',
    balance: '9600',
    overdue: '800',
  });
  await addDebt(home.deps, c.id, {
    lender: '招联金融',
    lenderType: 'consumer-finance',
    contractDate: '2025-06-10',
    principal: '15000',
    balance: '12000',
  });
  const agree = (lender: string, agreedOn: string, count: number, amount: string, first: string) =>
    addAgreement(home.deps, c.id, {
      lender,
      raw: {
        agreedOn,
        segments: [{ count, amount, firstDueOn: first }],
        confirmedInWriting: true,
      },
    });
  const a = await agree('借呗', '2026-10-20', 12, '800', '2026-11-05');
  const b = await agree('招联金融', '2026-11-20', 10, '1200', '2026-12-10');
  return { jiebei: a.agreement.id, zhaolian: b.agreement.id };
}

const fen = (yuan: string): number => {
  const r = parseCents(yuan);
  if (!r.ok) throw new Error(`not yuan: ${yuan}`);
  return r.value;
};

/** The schedule adds up to its total to the fen, monthly on one day, after asOf. */
function expectExact(p: ReplanPlanView, asOf: string): void {
  expect(p.installments).toHaveLength(p.count);
  expect(p.installments.reduce((s, i) => s + fen(i.amount), 0)).toBe(fen(p.total));
  expect(fen(p.monthly) * (p.count - 1) + fen(p.last)).toBe(fen(p.total));
  expect(p.installments[0]!.dueDate).toBe(p.firstDueDate);
  expect(p.installments.at(-1)!.dueDate).toBe(p.endDate);
  expect(p.firstDueDate > asOf).toBe(true);
  const days = new Set(p.installments.map((i) => i.dueDate.slice(8)));
  expect(days.size).toBe(1);
}

async function rowCounts(home: TestHome): Promise<Record<string, number>> {
  const tables = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' order by name`.execute(home.deps.db);
  const out: Record<string, number> = {};
  for (const { name } of tables.rows) {
    // table names come from sqlite_master, not from input
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(
      home.deps.db,
    );
    out[name] = Number(r.rows[0]!.n);
  }
  return out;
}

describe('POST /api/agreements/replan', () => {
  let app: App;
  let home: TestHome;
  let ids: { jiebei: string; zhaolian: string };
  beforeAll(async () => {
    home = await openTestHome('2026-11-29T02:00:00.000Z');
    ids = await seed(home);
    app = await testServer(home.deps);
  });
  afterAll(async () => {
    await app.close();
    await home.close();
  });

  it('re-plans the agreement with a missed installment: exact schedule, the ask and the letter', async () => {
    const r = await write(app, 'POST', URL, { reason: 'missed' });
    expect(r.statusCode).toBe(200);
    const v = r.json<ReplanView>();
    expect(v).toMatchObject({
      asOf: '2026-11-29',
      lang: 'zh',
      capacity: { before: '800.00', after: '800.00' },
    });
    expect(v.plans).toHaveLength(1);
    const p = v.plans[0]!;
    expect(p).toMatchObject({
      agreementId: ids.jiebei,
      lender: '借呗',
      reasons: ['missed'],
      arrears: '800.00',
      agreementEndDate: '2027-10-05',
      monthly: '800.00',
      count: 12,
      total: '9600.00',
      firstDueDate: '2026-12-05',
      endDate: '2027-11-05',
    });
    expectExact(p, v.asOf);
    expect(p.ask.zh).toContain('借呗');
    expect(p.ask.zh).toContain('¥800.00');
    expect(p.ask.en).toContain('12 installments');
    expect(p.letter.text).toContain('协商还款申请书');
    expect(p.letter.text).toContain('¥9,600.00');
    expect(p.letter.fileName).toBe('重新协商还款申请书-借呗-2026-11-29.docx');

    // the download renders the same letter as DOCX under its Chinese name
    const d = await get(app, p.letter.downloadUrl);
    expect(d.statusCode).toBe(200);
    expect(d.headers['content-type']).toMatch(/wordprocessingml/);
    expect(d.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('重新协商还款申请书-借呗-2026-11-29.docx')}`,
    );
    expect(d.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(d.rawPayload.length).toBeGreaterThan(1000);
    const md = await get(app, p.letter.downloadUrl.replace('format=docx', 'format=md'));
    expect(md.statusCode).toBe(200);
    expect(md.body).toBe(p.letter.text);
  });

  it('spreads a lower monthly amount over every running agreement when income changed', async () => {
    const r = await write(app, 'POST', URL, {
      reason: 'income-changed',
      capacity: '1000',
      lang: 'en',
    });
    expect(r.statusCode).toBe(200);
    const v = r.json<ReplanView>();
    expect(v.capacity).toEqual({ before: '2000.00', after: '1000.00' });
    expect(v.plans.map((p) => [p.lender, p.reasons])).toEqual([
      ['借呗', ['missed']],
      ['招联金融', ['income-changed']],
    ]);
    for (const p of v.plans) expectExact(p, v.asOf);
    expect(v.plans.reduce((s, p) => s + fen(p.monthly), 0)).toBe(fen('1000'));
    expect(v.plans[1]!).toMatchObject({ total: '12000.00', count: 20, endDate: '2028-07-10' });
    expect(v.plans[0]!.letter.text).toContain('Request for an Installment Repayment Plan');
    expect(v.plans[0]!.letter.fileName).toBe('Renegotiation request-借呗-2026-11-29.docx');
  });

  it('counts a named agreement as at risk, with the asOf given', async () => {
    const r = await write(app, 'POST', URL, {
      reason: 'at-risk',
      agreementIds: [ids.zhaolian],
      asOf: '2026-11-30',
    });
    expect(r.statusCode).toBe(200);
    const v = r.json<ReplanView>();
    expect(v.asOf).toBe('2026-11-30');
    const z = v.plans.find((p) => p.agreementId === ids.zhaolian)!;
    expect(z.reasons).toEqual(['at-risk']);
    expect(z.letter.downloadUrl).toContain('lenderIds=');
    expect((await get(app, z.letter.downloadUrl)).statusCode).toBe(200);
  });

  it.each([
    ['an empty body', {}, 'reason'],
    ['an unknown reason', { reason: 'bored' }, 'reason'],
    ['money as a number', { reason: 'missed', capacity: 1000 }, 'capacity'],
    ['negative money', { reason: 'income-changed', capacity: '-500' }, 'capacity'],
    ['three decimals', { reason: 'income-changed', capacity: '10.005' }, 'capacity'],
    ['zero', { reason: 'income-changed', capacity: '0' }, 'capacity'],
    ['ids as a string', { reason: 'at-risk', agreementIds: 'all' }, 'agreementIds'],
    ['a date in the wrong form', { reason: 'missed', asOf: '29/11/2026' }, 'asOf'],
    ['a date that does not exist', { reason: 'missed', asOf: '2026-02-30' }, 'asOf'],
    ['income changed without an amount', { reason: 'income-changed' }, 'capacity'],
    ['at risk without naming one', { reason: 'at-risk' }, 'agreementIds'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_what, body, field) => {
    const before = await rowCounts(home);
    const r = await write(app, 'POST', URL, body);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.field).toBe(field);
    expect(r.json().error.messageZh).toBeTruthy();
    expect(await rowCounts(home)).toEqual(before);
  });

  it('refuses an amount too small to ever repay (422 on capacity), not a letter asking for less', async () => {
    for (const capacity of ['50', '0.01']) {
      const r = await write(app, 'POST', URL, { reason: 'income-changed', capacity });
      expect(r.statusCode, capacity).toBe(422);
      expect(r.json().error).toMatchObject({ code: 'infeasible', field: 'capacity' });
    }
  });

  it('answers 404 for an unknown agreement or lender, and for a letter not in the re-plan', async () => {
    const before = await rowCounts(home);
    const a = await write(app, 'POST', URL, { reason: 'at-risk', agreementIds: ['nope'] });
    expect(a.statusCode).toBe(404);
    expect(a.json().error).toMatchObject({ code: 'not-found', field: 'agreementIds' });
    const l = await write(app, 'POST', URL, { reason: 'at-risk', lenderIds: ['没有这家'] });
    expect(l.statusCode).toBe(404);
    expect(l.json().error).toMatchObject({ code: 'not-found', field: 'lenderIds' });
    const d = await get(app, `${URL}/letter?agreementId=nope&asOf=2026-11-29`);
    expect(d.statusCode).toBe(404);
    expect(d.json().error.field).toBe('agreementId');
    const bad = await get(app, `${URL}/letter?agreementId=${ids.jiebei}&asOf=2026-13-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('asOf');
    expect(await rowCounts(home)).toEqual(before);
  });

  it('refuses a cross-site write with 403 before validating the body', async () => {
    const before = await rowCounts(home);
    const r = await crossSiteWrite(app, 'POST', URL, { malformed: true });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('forbidden');
    const ok = await crossSiteWrite(app, 'POST', URL, { reason: 'missed' });
    expect(ok.statusCode).toBe(403);
    expect(await rowCounts(home)).toEqual(before);
  });

  it('writes nothing even when it succeeds (a re-plan is a proposal)', async () => {
    const before = await rowCounts(home);
    expect((await write(app, 'POST', URL, { reason: 'missed' })).statusCode).toBe(200);
    expect(await rowCounts(home)).toEqual(before);
  });
});

describe('POST /api/agreements/replan with nothing to re-plan', () => {
  let app: App;
  let home: TestHome;
  beforeAll(async () => {
    // the day before 借呗's first installment: nothing is late yet
    home = await openTestHome('2026-11-04T02:00:00.000Z');
    await seed(home);
    app = await testServer(home.deps);
  });
  afterAll(async () => {
    await app.close();
    await home.close();
  });

  it('says so on the reason (404) when no installment is missed and none is named', async () => {
    const r = await write(app, 'POST', URL, { reason: 'missed' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toMatchObject({ code: 'not-found', field: 'reason' });
    expect(r.json().error.messageZh).not.toContain('--');
  });
});

// Issue 7 "done when", end to end through the CLI (in-process main([...]) with a temp --home):
// a borrower records two agreements and a few payments, sees `due` and `forecast` warn about a
// payment that falls before payday, imports the .ics (parsed back with ical.js), then misses a
// payment and gets a re-plan and draft letters. Bad input is refused with nothing written.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'xieshang-f11-'));
const home = join(dir, 'home');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<CliRun> {
  return runCli([...args, '--home', home], { cwd: dir });
}

function file(name: string, value: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
}

const jiebei = file('jiebei.json', {
  lender: '重庆蚂蚁消费金融有限公司',
  lenderBrand: '借呗',
  lenderType: 'consumer-finance',
  agreedOn: '2027-01-05',
  total: '32940.00',
  segments: [
    { count: 3, amount: '200.00', firstDueOn: '2027-01-15' },
    { count: 33, amount: '980.00' },
  ],
  concessions: ['waive-penalty', 'freeze-interest'],
  paymentChannel: 'app',
  payToAccount: '借呗 App 还款，招行储蓄卡尾号 1234',
  agentName: '李经理',
  agentNumber: 'A10086',
});
const cmb = file('cmb.json', {
  lender: '招商银行股份有限公司信用卡中心',
  lenderBrand: '招商银行信用卡',
  lenderType: 'bank',
  agreedOn: '2027-01-08',
  total: '5000.00',
  installments: [
    { dueOn: '2027-01-18', amount: '500.00' },
    { dueOn: '2027-02-18', amount: '1500.00' },
    { dueOn: '2027-03-18', amount: '1500.00' },
    { dueOn: '2027-04-18', amount: '1500.00' },
  ],
  paymentChannel: 'online-banking',
  payToAccount: '招行 App 信用卡还款，卡尾号 5678',
  confirmedInWriting: true,
});

describe('F11 journey: agreements, payments, due, forecast, calendar, re-plan', () => {
  it('records two agreements (and warns when one is not confirmed in writing)', async () => {
    const a = await cli(['agreement', 'add', '--input', jiebei, '--as-of', '2027-01-06']);
    expect(a.code).toBe(0);
    expect(a.out).toContain('没有书面确认');
    const b = await cli(['--json', 'agreement', 'add', '--input', cmb, '--as-of', '2027-01-09']);
    expect(b.code).toBe(0);
    expect(b.json().agreement).toMatchObject({
      total: '5000.00',
      confirmedInWriting: true,
      warnings: [],
    });
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    const badTotal = file('bad.json', {
      ...JSON.parse(readFileSync(cmb, 'utf8')),
      total: '5200.00',
    });
    const r = await cli(['--json', 'agreement', 'add', '--input', badTotal]);
    expect(r.code).toBe(1);
    expect(r.json().error).toMatchObject({
      code: 'installments-do-not-add-up',
      field: 'installments',
    });
    expect(r.json().error.message).toContain('¥200.00 less');
    const unknown = await cli([
      '--json',
      'pay',
      '--lender',
      '花呗',
      '--amount',
      '100',
      '--as-of',
      '2027-01-20',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.json().error).toMatchObject({ code: 'not-found', field: 'lender' });
    const negative = await cli([
      '--json',
      'pay',
      '--lender',
      '借呗',
      '--amount',
      '-5',
      '--as-of',
      '2027-01-20',
    ]);
    expect(negative.json().error).toMatchObject({ code: 'invalid-amount', field: 'amount' });
    const early = await cli([
      '--json',
      'pay',
      '--lender',
      '借呗',
      '--amount',
      '200',
      '--date',
      '2027-01-01',
      '--as-of',
      '2027-01-20',
    ]);
    expect(early.json().error).toMatchObject({ code: 'invalid-date', field: 'date' });
    const list = await cli(['--json', 'agreement', 'list', '--as-of', '2027-01-20']);
    expect(list.json().agreements).toHaveLength(2);
    expect(list.json().agreements.flatMap((x: any) => x.payments)).toHaveLength(0);
  });

  it('records payments with a receipt, matching oldest first', async () => {
    expect(
      (
        await cli([
          'pay',
          '--lender',
          '借呗',
          '--amount',
          '200',
          '--date',
          '2027-01-15',
          '--as-of',
          '2027-01-15',
        ])
      ).code,
    ).toBe(0);
    const receipt = file('receipt.png', 'not really a png');
    const r = await cli([
      '--json',
      'pay',
      '--lender',
      '招商银行信用卡',
      '--amount',
      '500',
      '--date',
      '2027-01-18',
      '--receipt',
      receipt,
      '--as-of',
      '2027-01-18',
    ]);
    expect(r.code).toBe(0);
    expect(r.json().payment.receiptEvidenceId).toEqual(expect.any(String));
    expect(r.json().agreement.installments[0]).toMatchObject({
      seq: 1,
      status: 'paid',
      paid: '500.00',
    });
  });

  it('`due` lists what to pay, to whom, how and by when', async () => {
    const r = await cli(['--json', 'due', '--days', '14', '--as-of', '2027-02-10']);
    expect(r.code).toBe(0);
    expect(
      r.json().items.map((i: any) => [i.date, i.lender, i.amount, i.channel, i.status]),
    ).toEqual([
      ['2027-02-15', '借呗', '200.00', 'app', 'due-soon'],
      ['2027-02-18', '招商银行信用卡', '1500.00', 'online-banking', 'due-soon'],
    ]);
    const text = await cli(['due', '--days', '14', '--as-of', '2027-02-10']);
    expect(text.out).toContain('招行 App 信用卡还款');
  });

  it('`forecast` warns that the 18 February installment falls before payday (Sat 20 → Fri 19)', async () => {
    const r = await cli([
      '--json',
      'forecast',
      '--balance',
      '800',
      '--payday',
      '20:6000:工资',
      '--days',
      '30',
      '--as-of',
      '2027-02-10',
    ]);
    expect(r.code).toBe(0);
    const w = r.json().warnings;
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({
      lender: '招商银行信用卡',
      dueOn: '2027-02-18',
      balanceBefore: '600.00',
      shortfall: '900.00',
      actBy: '2027-02-15',
      nextPayday: '2027-02-19',
      isBeforePayday: true,
    });
    const text = await cli([
      'forecast',
      '--balance',
      '800',
      '--payday',
      '20:6000:工资',
      '--days',
      '30',
      '--as-of',
      '2027-02-10',
    ]);
    expect(text.out).toContain('在发薪日 2027-02-19 之前');
    expect(text.out).toContain('请在 2027-02-15 前处理');
  });

  it('exports a calendar that parses back with 09:00 Asia/Shanghai times and stable UIDs', async () => {
    const first = join(dir, 'first.ics');
    expect((await cli(['calendar', 'export', first, '--as-of', '2027-02-10'])).code).toBe(0);
    const events = (path: string) =>
      new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')))
        .getAllSubcomponents('vevent')
        .map((v) => {
          const e = new ICAL.Event(v);
          return { uid: e.uid, summary: e.summary, start: e.startDate.toJSDate().toISOString() };
        });
    const one = events(first);
    expect(one).toHaveLength(35 + 3);
    const cmb2 = one.find((e) => e.summary.includes('招商银行信用卡 第2期'))!;
    expect(cmb2.start).toBe('2027-02-18T01:00:00.000Z');
    // pay 借呗 #2 and part of #3; the re-export drops #2 and keeps every other UID
    expect(
      (
        await cli([
          'pay',
          '--lender',
          '借呗',
          '--amount',
          '250',
          '--date',
          '2027-02-14',
          '--as-of',
          '2027-02-14',
        ])
      ).code,
    ).toBe(0);
    const second = join(dir, 'second.ics');
    await cli(['calendar', 'export', second, '--as-of', '2027-02-14']);
    const two = events(second);
    expect(two).toHaveLength(one.length - 1);
    const ids = new Set(one.map((e) => e.uid));
    for (const e of two) expect(ids.has(e.uid)).toBe(true);
    expect(
      two.find((e) => e.uid === one.find((x) => x.summary.includes('借呗 第3期'))!.uid)!.summary,
    ).toContain('¥150.00');
  });

  it('after a missed payment: statuses, progress, a re-plan and draft letters', async () => {
    const show = await cli([
      '--json',
      'agreement',
      'show',
      '--lender',
      '借呗',
      '--as-of',
      '2027-03-25',
    ]);
    const inst = show.json().agreement.installments;
    expect(inst.slice(0, 4).map((i: any) => i.status)).toEqual([
      'paid',
      'paid',
      'missed',
      'upcoming',
    ]);
    expect(show.json().agreement.payments[1]).toMatchObject({ carriedForward: '50.00' });
    const list = await cli(['--json', 'agreement', 'list', '--as-of', '2027-03-25']);
    expect(list.json().overall).toMatchObject({
      agreements: 2,
      agreementsOnTrack: 0,
      onTrack: false,
      arrears: '3150.00',
    }); // 借呗 #3 ¥150 + 招行 #2, #3 ¥1500 each
    const out = join(dir, 'letters');
    const r = await cli(['--json', 'agreement', 'replan', '--out', out, '--as-of', '2027-03-25']);
    expect(r.code).toBe(0);
    expect(r.json().affected.map((a: any) => [a.lender, a.reasons])).toEqual([
      ['借呗', ['missed']],
      ['招商银行信用卡', ['missed']],
    ]);
    expect(r.json().letters).toHaveLength(2);
    const files = readdirSync(out);
    expect(files.sort()).toEqual([
      'renegotiation-借呗-2027-03-25.md',
      'renegotiation-招商银行信用卡-2027-03-25.md',
    ]);
    expect(readFileSync(join(out, files[0]!), 'utf8')).toContain('协商还款申请书');
    const text = await cli(['agreement', 'replan', '--no-letters', '--as-of', '2027-03-25']);
    expect(text.out).toContain('推迟');
  });
});

/** Reads "每期还款金额 | ¥X", "还款期数 | N期", "末期还款金额 | ¥L", "还款总额 | ¥T" from a letter. */
function letterPlan(md: string): { monthly: number; n: number; last: number; total: number } {
  const yuan = (label: string): number | undefined => {
    const m = new RegExp(`\\| ${label} \\| ¥([\\d,]+\\.\\d\\d) \\|`).exec(md);
    return m ? Math.round(Number(m[1]!.replace(/,/g, '')) * 100) : undefined;
  };
  const n = Number(/\| 还款期数 \| (\d+)期 \|/.exec(md)?.[1]);
  const monthly = yuan('每期还款金额')!;
  return { monthly, n, last: yuan('末期还款金额') ?? monthly, total: yuan('还款总额')! };
}

describe('F11 CLI input as the issue spells it, and honest letters', () => {
  it('agreement add --lender X --json FILE reads FILE and prints JSON (issue 7 §7)', async () => {
    const h = join(dir, 'home-json');
    const run = async (args: string[]) =>
      runCli([...args, '--home', h], { stdin: () => readFileSync(cmb), cwd: dir });
    expect((await run(['init'])).code).toBe(0);
    const a = await run([
      'agreement',
      'add',
      '--lender',
      '招行',
      '--json',
      cmb,
      '--as-of',
      '2027-01-09',
    ]);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out).agreement).toMatchObject({
      total: '5000.00',
      lender: { name: '招行' },
    });
    const b = await run([
      'agreement',
      'add',
      '--lender',
      '借呗',
      '--json',
      '-',
      '--as-of',
      '2027-01-09',
    ]);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out).agreement.lender.name).toBe('借呗');
    // the global --json still works for the other commands
    const list = await run(['agreement', 'list', '--json', '--as-of', '2027-01-09']);
    expect(JSON.parse(list.out).agreements).toHaveLength(2);
    const none = await run(['agreement', 'add', '--lender', '招行', '--json']);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.out).error).toMatchObject({ code: 'invalid-input', field: 'input' });
  });

  it('a re-plan keeps each lender its own due day (借呗 the 15th, 招行 the 18th)', async () => {
    const r = await cli(['--json', 'agreement', 'replan', '--no-letters', '--as-of', '2027-03-25']);
    expect(r.code).toBe(0);
    const days = r.json().proposals.map((p: any) => [p.creditor, p.firstDueOn.slice(8)]);
    expect(days).toEqual([
      ['借呗', '15'],
      ['招商银行信用卡', '18'],
    ]);
    for (const p of r.json().proposals) expect(p.firstDueOn > '2027-03-25', p.creditor).toBe(true);
  });

  it('a re-plan letter adds up: monthly × (n − 1) + last = total asked', () => {
    const out = join(dir, 'letters');
    for (const f of readdirSync(out)) {
      const p = letterPlan(readFileSync(join(out, f), 'utf8'));
      expect(p.monthly * (p.n - 1) + p.last, f).toBe(p.total);
    }
  });
});

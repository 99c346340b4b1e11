import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

async function run(args: string[], input: unknown = '') {
  return runCli(args, {
    stdin: typeof input === 'string' ? input : JSON.stringify(input),
    cwd: '/',
  });
}

interface Json {
  rows: Record<string, string | number>[];
  totals: Record<string, string>;
  error?: { code: string; field?: string; message: string };
}

const mortgage = {
  principal: '1000000.00',
  annualRate: '0.049',
  periods: 360,
  method: 'equal-installment',
  startDate: '2024-01-15',
};

describe('xieshang schedule --json', () => {
  it('prints 5307.27 a month for 1,000,000 at 4.9 % over 360 months, money as yuan strings', async () => {
    const r = await run(['schedule', '--json', '-'], mortgage);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Json;
    expect(j.rows).toHaveLength(360);
    expect(j.rows[0]).toEqual({
      period: 1,
      dueDate: '2024-02-15',
      payment: '5307.27',
      principal: '1223.94',
      interest: '4083.33',
      fee: '0.00',
      balance: '998776.06',
    });
    expect(j.rows[359]).toMatchObject({ dueDate: '2054-01-15', balance: '0.00' });
    expect(j.totals).toEqual({
      payment: '1910615.12',
      principal: '1000000.00',
      interest: '910615.12',
      fee: '0.00',
    });
  });

  it('reads a file argument and the --json flag before the command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xs-schedule-'));
    const file = join(dir, 'in.json');
    writeFileSync(file, JSON.stringify({ ...mortgage, method: 'equal-principal' }));
    const r = await run(['--json', 'schedule', file]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Json).rows[0]!['payment']).toBe('6861.11');
  });

  it('builds flat-fee, bullet, interest-free, daily-rate and custom schedules', async () => {
    const flat = JSON.parse(
      (
        await run(['schedule', '--json', '-'], {
          principal: '10000.00',
          periods: 12,
          method: 'flat-fee',
          startDate: '2024-01-31',
          feeRatePerPeriod: '0.006',
        })
      ).out,
    ) as Json;
    expect(flat.rows[1]).toMatchObject({ dueDate: '2024-03-31', fee: '60.00', interest: '0.00' });
    expect(flat.totals['fee']).toBe('720.00');

    const bullet = JSON.parse(
      (
        await run(['schedule', '--json', '-'], {
          principal: '10000.00',
          annualRate: '0.12',
          periods: 6,
          method: 'bullet',
          startDate: '2024-01-15',
        })
      ).out,
    ) as Json;
    expect(bullet.rows).toEqual([
      {
        period: 1,
        dueDate: '2024-07-15',
        payment: '10600.00',
        principal: '10000.00',
        interest: '600.00',
        fee: '0.00',
        balance: '0.00',
      },
    ]);

    const free = JSON.parse(
      (
        await run(['schedule', '--json', '-'], {
          principal: '100.00',
          annualRate: '0',
          periods: 3,
          method: 'interest-free',
          startDate: '2024-01-15',
        })
      ).out,
    ) as Json;
    expect(free.rows.map((x) => x['principal'])).toEqual(['33.34', '33.33', '33.33']);

    const daily = JSON.parse(
      (
        await run(['schedule', '--json', '-'], {
          principal: '10000.00',
          periods: 12,
          method: 'daily-rate',
          dailyRate: '0.0005',
          startDate: '2024-01-15',
        })
      ).out,
    ) as Json;
    expect(daily.rows[0]).toMatchObject({ interest: '155.00', principal: '833.34' });

    const custom = JSON.parse(
      (
        await run(['schedule', '--json', '-'], {
          principal: '10000.00',
          annualRate: '0.1825',
          method: 'custom',
          startDate: '2024-01-01',
          payments: [
            { dueDate: '2024-01-31', amount: '5150.00' },
            { date: '2024-03-01', amount: '5070.00' },
          ],
        })
      ).out,
    ) as Json;
    expect(custom.rows.map((x) => [x['interest'], x['principal'], x['payment']])).toEqual([
      ['150.00', '5000.00', '5150.00'],
      ['75.00', '5000.00', '5075.00'],
    ]);
  });
});

describe('xieshang schedule (table)', () => {
  it('prints a Chinese table with totals by default', async () => {
    const r = await run(['schedule', '-'], { ...mortgage, periods: 12 });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/期数\s+还款日\s+月供\s+本金\s+利息\s+费用\s+剩余本金/);
    expect(r.out).toMatch(/合计/);
    expect(r.out).toContain('2024-02-15');
  });

  it('notes when the last custom payment settles at a different amount than given', async () => {
    const r = await run(['schedule', '-'], {
      principal: '5000.00',
      annualRate: '0.18',
      method: 'custom',
      startDate: '2024-01-31',
      payments: [
        { dueDate: '2024-02-29', amount: '2000.00' },
        { dueDate: '2024-03-31', amount: '3200.00' },
      ],
    });
    expect(r.code).toBe(0);
    expect(r.out).toContain('3,118.47');
    expect(r.out).toMatch(/最后一笔.*3,118.47.*3,200.00/);
  });

  it('prints English headers with --lang en', async () => {
    const r = await run(['--lang', 'en', 'schedule', '-'], { ...mortgage, periods: 12 });
    expect(r.out).toMatch(/Period\s+Due date\s+Payment\s+Principal\s+Interest\s+Fee\s+Balance/);
    expect(r.out).toMatch(/Total/);
  });
});

describe('xieshang schedule: bad input exits 1 naming the field', () => {
  const cases: [string, unknown, string, string][] = [
    ['three decimals', { ...mortgage, principal: '1000.005' }, 'invalid-amount', 'principal'],
    ['letters in an amount', { ...mortgage, principal: '12a' }, 'invalid-amount', 'principal'],
    ['no principal', { ...mortgage, principal: undefined }, 'invalid-input', 'principal'],
    ['2024-02-30', { ...mortgage, startDate: '2024-02-30' }, 'invalid-date', 'startDate'],
    ['a rate of 10000 %', { ...mortgage, annualRate: '100' }, 'rate-out-of-range', 'annualRate'],
    ['a malformed rate', { ...mortgage, annualRate: 'abc' }, 'invalid-rate', 'annualRate'],
    ['601 periods', { ...mortgage, periods: 601 }, 'invalid-input', 'periods'],
    ['fractional periods', { ...mortgage, periods: 1.5 }, 'invalid-input', 'periods'],
    ['an unknown method', { ...mortgage, method: 'balloon' }, 'invalid-input', 'method'],
    [
      'a fee on 等额本息',
      { ...mortgage, feeRatePerPeriod: '0.006' },
      'invalid-input',
      'feeRatePerPeriod',
    ],
    [
      'flat-fee without a fee',
      { ...mortgage, method: 'flat-fee' },
      'invalid-input',
      'feeRatePerPeriod',
    ],
    ['a JSON array', [1, 2], 'invalid-input', 'input'],
    ['not JSON', 'not json', 'invalid-json', 'stdin'],
    [
      'custom with an empty payment list',
      { ...mortgage, method: 'custom', payments: [] },
      'invalid-input',
      'payments',
    ],
    [
      'custom with a bad payment date',
      { ...mortgage, method: 'custom', payments: [{ dueDate: '2024-13-01', amount: '1.00' }] },
      'invalid-date',
      'payments[0].dueDate',
    ],
  ];
  for (const [name, input, code, field] of cases) {
    it(`rejects ${name}`, async () => {
      const r = await run(['schedule', '--json', '-'], input);
      expect(r.code).toBe(1);
      expect((JSON.parse(r.out) as Json).error).toMatchObject({ code, field });
    });
  }

  it('says it in a sentence on stderr without --json, never a stack trace', async () => {
    const r = await run(['schedule', '-'], { ...mortgage, startDate: '2024-02-30' });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    // named by its label, never the field name (issue 13)
    expect(r.err).toMatch(/开始日期/);
    expect(r.err).not.toMatch(/startDate/);
    expect(r.err).toMatch(/2024-02-30/);
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('names a negative principal in yuan, as the user typed it, not in fen', async () => {
    const r = await run(['--lang', 'en', 'schedule', '-'], { ...mortgage, principal: '-12000.00' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/principal/);
    expect(r.err).toMatch(/-12000\.00/);
    expect(r.err).not.toMatch(/fen/);
  });

  it('reports a missing file as file-not-found', async () => {
    const r = await run(['schedule', '--json', '/nonexistent/in.json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as Json).error).toMatchObject({ code: 'file-not-found' });
  });
});

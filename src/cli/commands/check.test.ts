import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

async function run(args: string[], input: unknown) {
  return runCli(args, {
    stdin: typeof input === 'string' ? input : JSON.stringify(input),
    cwd: '/',
  });
}

// 10,000 contracted, 8,000 received (2,000 withheld as a "service fee"), 12 × 1,000 monthly.
const kantouxi = {
  lenderType: 'small-loan',
  contractDate: '2025-06-01',
  contractPrincipal: '10000.00',
  cashflows: [
    { date: '2025-06-01', amount: '10000.00' },
    { date: '2025-06-01', amount: '-2000.00' },
    ...Array.from({ length: 12 }, (_, i) => ({
      date: `${i < 6 ? 2025 : 2026}-${String(((6 + i) % 12) + 1).padStart(2, '0')}-01`,
      amount: '-1000.00',
    })),
  ],
};

describe('xieshang check', () => {
  it('prints APRs, 砍头息, verdicts and the recalculation as JSON', async () => {
    const r = await run(['--json', 'check', '-'], kantouxi);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown> & {
      verdicts: {
        rule: string;
        limit: number;
        exceeded: boolean;
        certainty: string;
        source: string;
      }[];
      recalculation: { line: string; outstanding: string; overpaid: string };
    };
    expect(j['principalReceived']).toBe('8000.00');
    expect(j['upfrontDeduction']).toBe('2000.00');
    expect(j['nominalApr']).toBeGreaterThan(0.6);
    expect((j['effectiveAnnualRate'] as number) > (j['nominalApr'] as number)).toBe(true);
    expect(j.verdicts.map((v) => [v.rule, v.limit, v.exceeded, v.certainty])).toEqual([
      ['licensed-24', 0.24, true, 'S'],
      ['legacy-36', 0.36, true, 'U'],
    ]);
    expect(j.verdicts[0]?.source).toMatch(/法发〔2017〕22号/);
    expect(j.recalculation.line).toBe('licensed-24');
    expect(j.recalculation.outstanding).toBe('0.00');
    expect(Number(j.recalculation.overpaid)).toBeGreaterThan(0);
    expect(j['unconfirmedRules']).toEqual(['legacy-36']);
  });

  it('speaks plain Chinese by default, naming the line, the source and the certainty', async () => {
    const r = await run(['check', '-'], kantouxi);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/这笔贷款的实际年化利率约 \d+\.\d\d%（单利口径/);
    expect(r.out).toMatch(/超过 24% 的保护线（来源：.*法发〔2017〕22号.*可信度：二手资料 S）/);
    expect(r.out).toMatch(/实际只收到 ¥8,000\.00.*砍头息/);
    expect(r.out).toMatch(/您已多付 ¥/);
    expect(r.out).toMatch(/不构成法律意见/);
  });

  it('speaks English with --lang en', async () => {
    const r = await run(['--lang', 'en', 'check', '-'], kantouxi);
    expect(r.out).toMatch(/true annual rate is about/);
    expect(r.out).toMatch(/not legal advice/);
  });

  it('gives no recalculation when the price is within the line, and says so', async () => {
    const fair = {
      lenderType: 'bank',
      contractDate: '2025-01-01',
      contractPrincipal: '10000.00',
      cashflows: [
        { date: '2025-01-01', amount: '10000.00' },
        { date: '2026-01-01', amount: '-10500.00' },
      ],
    };
    const j = JSON.parse((await run(['--json', 'check', '-'], fair)).out);
    expect(j.recalculation).toBeNull();
    expect(j.verdicts.map((v: { exceeded: boolean }) => v.exceeded)).toEqual([false, false]);
    expect((await run(['check', '-'], fair)).out).toMatch(/不需要按线重新计算/);
  });

  it('exits 1 with the JSON error shape on a date that does not exist', async () => {
    const bad = { ...kantouxi, cashflows: [{ date: '2024-02-30', amount: '1.00' }] };
    const r = await run(['--json', 'check', '-'], bad);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({
      error: { code: 'invalid-date', field: 'cashflows[0].date' },
    });
  });

  it('names the field for a bad lender type, a three-decimal amount and broken JSON', async () => {
    const cases: [unknown, string, string][] = [
      [{ ...kantouxi, lenderType: 'loan-shark' }, 'invalid-input', 'lenderType'],
      [{ ...kantouxi, contractPrincipal: '1.005' }, 'invalid-amount', 'contractPrincipal'],
      ['{"lenderType":', 'invalid-json', 'stdin'],
      [{ ...kantouxi, asOf: '2025-01-01' }, 'invalid-date', 'asOf'],
    ];
    for (const [input, code, field] of cases) {
      const r = await run(['--json', 'check', '-'], input);
      expect(r.code, field).toBe(1);
      expect(JSON.parse(r.out).error, field).toMatchObject({ code, field });
    }
  });

  it('reports all flows of one sign as a user error, in Chinese on stderr without --json', async () => {
    const r = await run(['check', '-'], {
      ...kantouxi,
      cashflows: [{ date: '2025-06-01', amount: '100.00' }],
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^错误/);
    expect(r.err).not.toMatch(/at .*\.ts/);
  });
});

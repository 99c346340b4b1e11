import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

async function run(args: string[], stdin: string) {
  return runCli(args, { stdin, cwd: '/' });
}

describe('xieshang budget', () => {
  it('normalizes weekly income and reports a zero-food warning', async () => {
    const r = await run(
      ['--json', 'budget', '-'],
      JSON.stringify({
        income: [{ label: '兼职', amount: '300.00', frequency: 'weekly' }],
        expenditure: [{ label: '房租', category: 'housing', amount: '800.00' }],
      }),
    );
    expect(r.code).toBe(0);
    const b = JSON.parse(r.out);
    expect(b.income[0].monthly).toBe('1300.00');
    expect(b.capacity).toBe('500.00');
    expect(b.warnings.map((w: { code: string }) => w.code)).toEqual(['food-zero']);
  });

  it('rejects a bad line with exit 1 and the field, writing nothing to stdout', async () => {
    const r = await run(
      ['budget', '-'],
      JSON.stringify({ income: [{ label: '工资', amount: '5,000' }] }),
    );
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('income[0].amount');
  });
});

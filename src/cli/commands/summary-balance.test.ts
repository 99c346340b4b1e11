// A balance nobody has given is "未填", never "¥0.00" (which says nothing is owed): in `summary`
// (the totals line and each lender's row), `debt list` and `debt show`; the JSON says how many
// debts have no balance, per lender too (issue 13).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

describe('unknown balances in the CLI (SQLite home)', () => {
  let home: string;
  const run = async (args: string[]) => {
    const r = await runCli(args, { env: { XIESHANG_HOME: home } });
    expect(r.code, r.err).toBe(0);
    return r;
  };
  const add = (lender: string, ...more: string[]) =>
    run([
      'debt',
      'add',
      '--lender',
      lender,
      '--lender-type',
      'small-loan',
      '--principal',
      '6000',
      '--contract-date',
      '2025-03-01',
      ...more,
    ]);
  beforeEach(() => {
    home = join(mkdtempSync(join(tmpdir(), 'xieshang-cli-')), 'home');
  });

  it('says 未填 for the total, the lender row and the debt when no balance was given', async () => {
    await add('分期乐');
    const s = await run(['summary', '--as-of', '2026-11-29']);
    expect(s.out).toContain('当前欠款 未填');
    expect(s.out).not.toContain('当前欠款 ¥0.00');
    const row = s.out.split('\n').find((l) => l.startsWith('分期乐') && l.includes('¥6,000.00'));
    // paid ¥0.00, then the balance: 未填
    expect(row).toMatch(/¥0\.00\s+未填\s/);
    const list = await run(['debt', 'list']);
    expect(list.out).toContain('未填');
    const en = await run(['--lang', 'en', 'summary', '--as-of', '2026-11-29']);
    expect(en.out).toContain('balance not given');
  });

  it('sums the known balances and counts the missing ones when only some are given', async () => {
    await add('分期乐');
    await add('借呗', '--balance', '1200');
    const s = await run(['summary', '--as-of', '2026-11-29']);
    expect(s.out).toContain('当前欠款 ¥1,200.00（另有 1 笔未填）');
    const j = await run(['--json', 'summary', '--as-of', '2026-11-29']);
    const sum = j.json<{
      totals: { balance: string; debtsWithoutBalance: number };
      lenders: { name: string; balance: string; debtsWithoutBalance: number }[];
    }>();
    expect(sum.totals).toMatchObject({ balance: '1200.00', debtsWithoutBalance: 1 });
    expect(Object.fromEntries(sum.lenders.map((l) => [l.name, l.debtsWithoutBalance]))).toEqual({
      分期乐: 1,
      借呗: 0,
    });
  });
});

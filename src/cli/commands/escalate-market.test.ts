// `escalate market-12315` against a paid "debt optimisation" intermediary with no debts recorded
// writes its 12315 complaint from the logged dealings only: the intermediary's name, the contacts,
// blanks for the fee — no debt table, no amounts. Other channels still refuse a lender with no debts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

describe('escalate market-12315 for an intermediary with no debts (CLI, SQLite home)', () => {
  let home: string;
  let dir: string;
  const run = async (args: string[]) => {
    const r = await runCli(args, { env: { XIESHANG_HOME: home }, cwd: dir });
    return { ...r, json: () => r.json<Record<string, unknown>>() };
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xieshang-cli-'));
    home = join(dir, 'home');
    await run(['lender', 'add', '某某债务优化咨询有限公司', '--type', 'unknown']);
  });

  it('writes the 12315 complaint from the logged contact, with no debt table or amounts', async () => {
    const logged = await run([
      'contact',
      'log',
      '--lender',
      '某某债务优化咨询有限公司',
      '--at',
      '2026-11-10 15:20',
      '--channel',
      'phone',
      '--direction',
      'inbound',
      '--agent',
      '顾问小刘',
      '--promises',
      '收取服务费3000元，保证让银行停息挂账',
    ]);
    expect(logged.code, logged.err).toBe(0);
    const r = await run([
      '--json',
      'escalate',
      'market-12315',
      '--lender',
      '某某债务优化',
      '--sent-on',
      '2026-11-20',
      '--format',
      'md',
      '--out',
      'market.md',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ escalation: { channel: 'market-12315' } });
    const md = readFileSync(join(dir, 'market.md'), 'utf8');
    expect(md).toContain('消费投诉书');
    expect(md).toContain('某某债务优化咨询有限公司');
    expect(md).toContain('收取服务费3000元，保证让银行停息挂账');
    expect(md).toContain('顾问小刘');
    expect(md).not.toContain('借款明细');
    expect(md).not.toContain('¥0.00');
  });

  it('still refuses when nothing was logged, saying what to record, writing nothing', async () => {
    const r = await run([
      'escalate',
      'market-12315',
      '--lender',
      '某某债务优化',
      '--format',
      'md',
      '--out',
      'x.md',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('contact log');
    const list = await run(['--json', 'escalation', 'list']);
    expect(JSON.stringify(list.json())).not.toContain('market-12315');
  });

  it('other channels still refuse a lender with no debts', async () => {
    await run([
      'contact',
      'log',
      '--lender',
      '某某债务优化咨询有限公司',
      '--at',
      '2026-11-10 15:20',
      '--channel',
      'phone',
      '--direction',
      'inbound',
      '--asked',
      '交钱',
    ]);
    const r = await run([
      'escalate',
      'nfra-12378',
      '--lender',
      '某某债务优化',
      '--format',
      'md',
      '--out',
      'y.md',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('尚未录入');
  });
});

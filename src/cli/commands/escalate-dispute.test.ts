// `escalate credit-dispute --dispute-*` writes a 异议申请 with the entry's fields and stores them;
// without --dispute-wrong it exits 1 naming what to record, writing no file and no row;
// `escalation letter <id> --follow-up` refuses before the follow-up date.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

describe('escalate credit-dispute --dispute-* (CLI, SQLite home in a temp dir)', () => {
  let home: string;
  let dir: string;
  const run = async (args: string[]) => {
    const r = await runCli(args, { env: { XIESHANG_HOME: home }, cwd: dir });
    return { ...r, json: () => r.json<Record<string, unknown>>() };
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xieshang-cli-'));
    home = join(dir, 'home');
    await run(['lender', 'add', '某某银行股份有限公司', '--type', 'bank']);
    await run([
      'debt',
      'add',
      '--lender',
      '某某银行股份有限公司',
      '--contract-number',
      'HT-9',
      '--principal',
      '5000',
    ]);
  });

  it('writes the 异议申请 with institution, account, what is wrong and what it should say', async () => {
    const r = await run([
      '--json',
      'escalate',
      'credit-dispute',
      '--lender',
      '某某银行',
      '--sent-on',
      '2026-11-20',
      '--format',
      'md',
      '--out',
      'dispute.md',
      '--dispute-institution',
      '某某银行股份有限公司',
      '--dispute-account',
      'HT-9',
      '--dispute-wrong',
      '2026年9月还款状态“逾期”',
      '--dispute-correct',
      '2026年9月还款状态“正常”',
    ]);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      escalation: {
        channel: 'credit-dispute',
        dispute: { account: 'HT-9', wrong: '2026年9月还款状态“逾期”' },
      },
    });
    const md = readFileSync(join(dir, 'dispute.md'), 'utf8');
    expect(md).toContain('个人征信异议申请书');
    expect(md).toContain('| 账户（报告所载） | HT-9 |');
    expect(md).toContain('2026年9月还款状态“正常”');
    expect(md).toContain('第25条');
  });

  it('exits 1 without --dispute-wrong, saying what to record, writing nothing', async () => {
    const r = await run([
      'escalate',
      'credit-dispute',
      '--lender',
      '某某银行',
      '--format',
      'md',
      '--out',
      'x.md',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--dispute-wrong');
    expect(existsSync(join(dir, 'x.md'))).toBe(false);
    expect((await run(['--json', 'escalation', 'list'])).json()).toMatchObject({ escalations: [] });
  });

  it('refuses a follow-up letter before the follow-up date (exit 1)', async () => {
    const e = await run([
      '--json',
      'escalate',
      'lender-complaint',
      '--lender',
      '某某银行',
      '--no-letter',
      '--notes',
      'x',
    ]);
    // no contact logged: the lender complaint has nothing to say
    expect(e.code).toBe(1);
    const d = await run([
      '--json',
      'escalate',
      'credit-dispute',
      '--lender',
      '某某银行',
      '--no-letter',
      '--dispute-wrong',
      '逾期',
    ]);
    expect(d.code).toBe(0);
    const id = (d.json() as { escalation: { id: string } }).escalation.id;
    const f = await run([
      'escalation',
      'letter',
      id,
      '--follow-up',
      '--format',
      'md',
      '--out',
      'f.md',
    ]);
    expect(f.code).toBe(1);
    expect(existsSync(join(dir, 'f.md'))).toBe(false);
  });
});

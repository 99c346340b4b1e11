import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

const FIXTURES = new URL('../../../test/fixtures/', import.meta.url).pathname;

describe('inventory CLI (in-process, SQLite home in a temp dir)', () => {
  let home: string;
  const run = async (args: string[]) => {
    const r = await runCli(args, { env: { XIESHANG_HOME: home } });
    return { ...r, json: () => r.json<Record<string, unknown>>() };
  };
  beforeEach(() => {
    home = join(mkdtempSync(join(tmpdir(), 'xieshang-cli-')), 'home');
  });

  it('init creates the home with its database and vault, and says where', async () => {
    const r = await run(['init']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(home);
    const j = await run(['--json', 'init']);
    expect(j.json()).toMatchObject({
      home,
      vault: join(home, 'vault'),
      database: { kind: 'sqlite' },
    });
  });

  it('adds a lender and a debt, lists, shows, edits and removes it', async () => {
    expect(
      (
        await run([
          'lender',
          'add',
          '重庆蚂蚁消费金融有限公司',
          '--brand',
          '借呗',
          '--type',
          '消费金融',
        ])
      ).code,
    ).toBe(0);
    const lenders = await run(['--json', 'lender', 'list']);
    expect(lenders.json()).toMatchObject([
      { name: '重庆蚂蚁消费金融有限公司', lenderType: 'consumer-finance' },
    ]);
    const add = await run([
      '--json',
      'debt',
      'add',
      '--lender',
      '借呗',
      '--contract-number',
      'JB-1',
      '--contract-date',
      '2024年1月5日',
      '--principal',
      '1万',
      '--received',
      '9,500',
      '--rate',
      '日息万五',
      '--term',
      '12',
      '--payment',
      '2024/2/5:920',
    ]);
    expect(add.code).toBe(0);
    expect(add.json()).toMatchObject({
      contractNumber: 'JB-1',
      contractDate: '2024-01-05',
      principal: '10000.00',
      received: '9500.00',
      rateFraction: '0.0005',
      ratePeriod: 'day',
      payments: [{ date: '2024-02-05', amount: '920.00' }],
    });
    const list = await run(['debt', 'list']);
    expect(list.out).toContain('JB-1');
    expect(list.out).toContain('¥10,000.00');
    expect((await run(['debt', 'show', 'JB-1'])).out).toContain('日息万五');
    const edit = await run([
      '--json',
      'debt',
      'edit',
      'JB-1',
      '--status',
      '逾期',
      '--overdue',
      '1840',
      '--overdue-since',
      '2024-03-05',
      '--notes',
      '',
    ]);
    expect(edit.json()).toMatchObject({
      status: 'overdue',
      overdue: '1840.00',
      overdueSince: '2024-03-05',
      notes: null,
    });
    // a debt always names its lender: clearing it is refused, the lender stays
    const cleared = await run(['debt', 'edit', 'JB-1', '--lender', '']);
    expect(cleared.code).toBe(1);
    expect(cleared.err).toContain('不能为空');
    expect((await run(['debt', 'show', 'JB-1'])).out).toContain('借呗');
    expect((await run(['debt', 'remove', 'JB-1'])).code).toBe(0);
    expect((await run(['--json', 'debt', 'list'])).json()).toEqual([]);
  });

  it('refuses bad input with exit 1, the field named, and nothing written', async () => {
    await run(['lender', 'add', '甲银行', '--type', 'bank']);
    const bad = await run([
      '--json',
      'debt',
      'add',
      '--lender',
      '甲银行',
      '--principal',
      '12.345',
      '--contract-date',
      '2023-02-29',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid-date', field: 'contractDate' } });
    expect(JSON.stringify(bad.json())).toContain('principal');
    const zh = await run(['debt', 'add', '--lender', '乙', '--principal', '100']);
    expect(zh.code).toBe(1);
    expect(zh.err).toContain('乙');
    expect(zh.err).not.toContain('    at ');
    expect((await run(['--json', 'debt', 'list'])).json()).toEqual([]);
    const dupLender = await run(['--json', 'lender', 'add', '甲银行']);
    expect(dupLender.json()).toMatchObject({ error: { code: 'conflict' } });
  });

  it('names an unreachable database as a user error, not a stack trace', async () => {
    const pgDown = await run(['--json', 'summary', '--database', 'postgres://u:p@127.0.0.1:1/x']);
    expect(pgDown.code).toBe(1);
    expect(JSON.parse(pgDown.out)).toMatchObject({
      error: { code: 'database-unavailable', field: 'database' },
    });
    const noDir = await run(['summary', '--database', join(home, 'no', 'such', 'dir', 'x.db')]);
    expect(noDir.code).toBe(1);
    expect(noDir.err).toContain('无法打开数据库');
  });

  it('imports the template, reports rejected rows by line, and prints the summary in Chinese', async () => {
    const imp = await run([
      'debt',
      'import',
      join(FIXTURES, 'import-debts.csv'),
      '--payments',
      join(FIXTURES, 'import-details.csv'),
    ]);
    expect(imp.code).toBe(0);
    expect(imp.out).toContain('已导入 3 笔债务');
    const again = await run(['debt', 'import', join(FIXTURES, 'import-debts.csv')]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('line 2');
    const s = await run(['summary', '--as-of', '2024-07-01']);
    expect(s.code).toBe(0);
    expect(s.out).toContain('按出借方');
    expect(s.out).toContain('分期乐');
    const j = await run(['--json', 'summary', '--as-of', '2024-07-01']);
    const sum = j.json() as {
      totals: { debts: number; principal: string; overdue: string };
      debts: { contractNumber: string; overdueDays: number | null; nominalApr: number | null }[];
    };
    expect(sum.totals).toMatchObject({ debts: 3, principal: '19000.00', overdue: '1050.50' });
    expect(sum.debts.find((d) => d.contractNumber === 'FQL-77')?.overdueDays).toBe(57);
    expect(sum.debts.every((d) => d.nominalApr !== null)).toBe(true);
  });
});

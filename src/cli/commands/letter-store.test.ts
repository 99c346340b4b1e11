// CLI journey from the store alone: budget --save, plan --save, evidence, then letters that read
// the saved budget, the plan's proposal, the legality recalculation and the exhibits.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'xieshang-letter-store-'));
const home = join(dir, 'home');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  return runCli(args, { env: { HOME: dir, XIESHANG_HOME: home }, cwd: ROOT });
}

async function ok(args: string[]) {
  const r = await run(args);
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.out}\n${r.err}`);
  return r;
}

const budgetFile = join(dir, 'budget.json');
const planFile = join(dir, 'plan.json');

describe('letters from the store (budget, plan, legality, evidence)', () => {
  beforeAll(async () => {
    writeFileSync(
      budgetFile,
      JSON.stringify({
        household: { adults: 1 },
        income: [{ label: '工资', amount: '8000.00', dayOfMonth: 10 }],
        expenditure: [
          { label: '房租', amount: '2500.00', category: 'housing', dayOfMonth: 5 },
          { label: '伙食', amount: '1500.00', category: 'food' },
        ],
        emergencyBuffer: '300.00',
      }),
    );
    await ok(['init']);
    await ok([
      'lender',
      'add',
      '某某网络小额贷款有限公司',
      '--brand',
      '快借',
      '--type',
      'small-loan',
    ]);
    // 10,000 contracted, 7,000 received (3,000 deducted up front), 12 × 1,000: far above 24 %
    await ok([
      'debt',
      'add',
      '--lender',
      '快借',
      '--contract-number',
      'KJ-001',
      '--principal',
      '10000',
      '--received',
      '7000',
      '--contract-date',
      '2025-01-05',
      '--term',
      '12',
      '--first-due',
      '2025-02-05',
      '--installment',
      '1000',
      '--payment',
      '2025-02-05:1000',
      '--payment',
      '2025-03-05:1000',
      '--payment',
      '2025-04-05:1000',
      '--payment',
      '2025-05-05:1000',
      '--payment',
      '2025-06-05:1000',
      '--payment',
      '2025-07-05:1000',
      '--status',
      'overdue',
      '--balance',
      '6000',
      '--balance-date',
      '2025-08-05',
    ]);
    writeFileSync(
      planFile,
      JSON.stringify({
        asOf: '2026-12-01',
        capacity: '1200.00',
        strategy: 'pro-rata-balance',
        debts: [
          {
            id: 'kj',
            creditor: '快借',
            balance: '6000.00',
            annualRate: '0.12',
            maxTerm: 36,
            concession: 'waive-penalty',
          },
        ],
      }),
    );
    const ev = join(dir, '合同截图.png');
    writeFileSync(ev, 'not really a png');
    await ok([
      'evidence',
      'add',
      ev,
      '--kind',
      'contract',
      '--lender',
      '快借',
      '--note',
      '借款合同截图',
    ]);
  });

  it('budget --save stores versions and budget show prints the newest', async () => {
    const first = JSON.parse((await ok(['--json', 'budget', budgetFile, '--save'])).out);
    expect(first.version).toBe(1);
    expect(first.capacity).toBe('3700.00');
    const second = JSON.parse((await ok(['--json', 'budget', budgetFile, '--save'])).out);
    expect(second.version).toBe(2);
    const shown = JSON.parse((await ok(['--json', 'budget', 'show'])).out);
    expect(shown.id).toBe(second.id);
    expect(shown.income[0].dayOfMonth).toBe(10);
    expect(shown.household.adults).toBe(1);
  });

  it('budget without --save keeps the file-only JSON contract', async () => {
    const r = JSON.parse((await ok(['--json', 'budget', budgetFile])).out);
    expect(r.id).toBeUndefined();
    expect(Object.keys(r)).toEqual(
      [
        'household',
        'income',
        'expenditure',
        'totals',
        'capacity',
        'warnings',
        'creditorSummary',
        'conventions',
      ].filter((k) => k in r),
    );
    expect(r.capacity).toBe('3700.00');
  });

  it('plan --save ties the debt to its lender by name and plan show reproduces it', async () => {
    const saved = JSON.parse((await ok(['--json', 'plan', planFile, '--save'])).out);
    expect(saved.feasible).toBe(true);
    expect(saved.proposals[0].monthlyPayment).toBe('1200.00');
    const shown = JSON.parse((await ok(['--json', 'plan', 'show'])).out);
    expect(shown.id).toBe(saved.id);
    expect(shown.proposals).toEqual(saved.proposals);
  });

  it('plan --save names the creditor it cannot match, and saves nothing', async () => {
    const bad = join(dir, 'bad-plan.json');
    writeFileSync(
      bad,
      JSON.stringify({
        asOf: '2026-12-01',
        capacity: '100.00',
        debts: [{ id: 'x', creditor: '不存在的银行', balance: '100.00', annualRate: '0' }],
      }),
    );
    const r = await run(['--json', 'plan', bad, '--save']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error.field).toBe('debts[0].creditor');
    const shown = JSON.parse((await ok(['--json', 'plan', 'show'])).out);
    expect(shown.capacity).toBe('1200.00');
  });

  it('letter request uses the saved plan, budget, legality and exhibits', async () => {
    const r = await ok([
      'letter',
      'request',
      '--lender',
      '快借',
      '--format',
      'md',
      '--as-of',
      '2026-12-01',
    ]);
    expect(r.out).toContain('¥1,200.00'); // the plan's monthly amount
    expect(r.out).toContain('KJ-001');
    expect(r.out).toContain('¥3,700.00'); // the budget's capacity for creditors
    expect(r.out).toContain('借款合同截图'); // the exhibit
    expect(r.out).toMatch(/高于.*标准/); // the legality finding
  });

  it('letter excess-interest works from the store alone', async () => {
    const r = await ok([
      'letter',
      'excess-interest',
      '--lender',
      '快借',
      '--format',
      'md',
      '--as-of',
      '2026-12-01',
    ]);
    expect(r.out).toContain('KJ-001');
    // 7,000 received 2025-01-05, 6 × 1,000 paid, 6,000 claimed on 2025-08-05: at 24 % simple
    // interest about ¥1,601 is still owed, so about ¥4,399 of the claim is above the line
    expect(r.out).toMatch(
      /\| KJ-001 \| 实际收付 \| [\d.\\]+% \| 24% \| ¥4,399\.07 \| ¥1,600\.93 \|/,
    );
    // a licensed lender: 第680条 (禁止高利放贷) is the private-lending rule and is not cited
    expect(r.out).not.toContain('第680条');
    expect(r.out).toContain('借款合同截图');
  });

  it('letter complaint with nothing logged is refused, saying what to record first; nothing written', async () => {
    const out = join(dir, 'complaint.md');
    const r = await run([
      'letter',
      'complaint',
      '--lender',
      '快借',
      '--out',
      out,
      '--as-of',
      '2026-12-01',
    ]);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain('contact log');
    expect(existsSync(out)).toBe(false);
    const stp = await run(['letter', 'stop-third-party', '--lender', '快借', '--format', 'md']);
    expect(stp.code).toBe(1);
  });

  it('letter complaint and stop-third-party state the logged incident, sourced, in Chinese', async () => {
    await ok([
      'contact',
      'log',
      '--lender',
      '快借',
      '--at',
      '2026-11-05 22:40',
      '--channel',
      'phone',
      '--direction',
      'inbound',
      '--agent',
      '王某',
      '--agent-number',
      'A1023',
      '--number',
      '0755-83000021',
      '--third-party',
      'family:母亲',
      '--asked',
      '要求母亲代还',
      '--notes',
      '我承认上月答应过还款但没还',
    ]);
    const r = await ok([
      'letter',
      'stop-third-party',
      '--lender',
      '快借',
      '--format',
      'md',
      '--as-of',
      '2026-12-01',
    ]);
    expect(r.out).toContain('2026年11月5日 22:40');
    expect(r.out).toContain('| 电话 |');
    expect(r.out).toContain('0755-83000021');
    expect(r.out).toContain('王某 工号A1023');
    expect(r.out).toContain('家人：母亲');
    expect(r.out).toContain('曾一次联系');
    expect(r.out).not.toContain('多次');
    expect(r.out).not.toContain('phone');
    // the borrower's note (an admission) stays out unless marked for letters
    expect(r.out).not.toContain('我承认');
    expect(r.out).toMatch(/证据链：第\d+条 \/ 哈希前缀[0-9a-f]{8}/);
    const c = await ok([
      'letter',
      'complaint',
      '--lender',
      '快借',
      '--format',
      'md',
      '--as-of',
      '2026-12-01',
    ]);
    expect(c.out).toContain('证据1');
    expect(c.out).toContain('借款合同截图');
    expect(c.out).toContain('共联系一次');
    expect(c.out).not.toContain('本人曾多次主动');
    expect(c.err).not.toContain('发送前检查未通过');
  });

  it('a note marked --include-note-in-letters is quoted', async () => {
    await ok([
      'contact',
      'log',
      '--lender',
      '快借',
      '--at',
      '2026-11-06 09:00',
      '--channel',
      'sms',
      '--direction',
      'inbound',
      '--third-party',
      'colleague',
      '--notes',
      '短信称将通知单位领导',
      '--include-note-in-letters',
    ]);
    const r = await ok([
      'letter',
      'stop-third-party',
      '--lender',
      '快借',
      '--format',
      'md',
      '--as-of',
      '2026-12-01',
    ]);
    expect(r.out).toContain('短信称将通知单位领导');
    expect(r.out).toContain('两次');
  });
});

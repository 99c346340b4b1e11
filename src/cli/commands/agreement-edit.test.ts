import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../../test/cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'xieshang-agreement-edit-'));
const home = join(dir, 'home');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[]): Promise<CliRun> =>
  runCli([...args, '--home', home, '--as-of', '2027-02-10'], { cwd: dir });
const undo = (id: string) => runCli(['undo', id, '--home', home], { cwd: dir });

const input = join(dir, 'a.json');
writeFileSync(
  input,
  JSON.stringify({
    lender: '某消费金融有限公司',
    lenderBrand: '某花',
    lenderType: 'consumer-finance',
    agreedOn: '2027-01-05',
    segments: [{ count: 3, amount: '300.00', firstDueOn: '2027-01-15' }],
    confirmedInWriting: true,
  }),
);

describe('agreement edit/remove and pay edit/remove (with undo)', () => {
  let id = '';
  let paymentId = '';

  it('edits the terms and a payment', async () => {
    const a = await cli(['--json', 'agreement', 'add', '--input', input]);
    expect(a.code).toBe(0);
    id = a.json().agreement.id;
    const p = await cli([
      '--json',
      'pay',
      '--agreement',
      id,
      '--amount',
      '500',
      '--date',
      '2027-01-14',
    ]);
    expect(p.code).toBe(0);
    paymentId = p.json().payment.id;
    const e = await cli([
      'agreement',
      'edit',
      id,
      '--amount',
      '250',
      '--count',
      '4',
      '--notes',
      '改期',
    ]);
    expect(e.code).toBe(0);
    expect(e.out).toContain('已修改协议');
    expect(e.out).toContain('¥1,000.00');
    const pe = await cli([
      '--json',
      'pay',
      'edit',
      id,
      paymentId,
      '--amount',
      '250',
      '--note',
      '更正',
    ]);
    expect(pe.code).toBe(0);
    expect(pe.json().agreement.progress.paid).toBe('250.00');
  });

  it('refuses bad edits with the field named in Chinese, writing nothing', async () => {
    const bad = await cli(['agreement', 'edit', id, '--amount', '0']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('每期金额');
    const none = await cli(['agreement', 'edit', id]);
    expect(none.code).toBe(1);
    const future = await cli(['pay', 'edit', id, paymentId, '--date', '2027-03-01']);
    expect(future.code).toBe(1);
    expect(future.err).toContain('将来');
    const show = await cli(['--json', 'agreement', 'show', id]);
    expect(show.json().agreement.progress).toMatchObject({ total: '1000.00', paid: '250.00' });
  });

  it('removes a payment and the agreement, printing the undo command; undo brings them back', async () => {
    const rp = await cli(['pay', 'remove', id, paymentId]);
    expect(rp.code).toBe(0);
    const payUndo = /xieshang undo (\S+)）/.exec(rp.out)?.[1];
    expect(payUndo).toBeDefined();
    expect((await cli(['--json', 'agreement', 'show', id])).json().agreement.progress.paid).toBe(
      '0.00',
    );
    expect((await undo(payUndo!)).out).toContain('已恢复还款记录');
    expect((await cli(['--json', 'agreement', 'show', id])).json().agreement.progress.paid).toBe(
      '250.00',
    );
    const ra = await cli(['agreement', 'remove', id]);
    expect(ra.code).toBe(0);
    const agUndo = /xieshang undo (\S+)）/.exec(ra.out)?.[1];
    expect((await cli(['--json', 'agreement', 'list'])).json().agreements).toEqual([]);
    expect((await undo(agUndo!)).out).toContain('已恢复协议');
    const back = await cli(['--json', 'agreement', 'show', id]);
    expect(back.json().agreement.progress).toMatchObject({ total: '1000.00', paid: '250.00' });
  });
});

// 助贷 loans: `debt add/edit --lender-of-record/--guarantor` store the funding lender and the
// guarantor, `debt show` prints them, and an empty value clears them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.js';

describe('debt --lender-of-record / --guarantor (助贷)', () => {
  let home: string;
  const run = async (args: string[]) => {
    const r = await runCli(args, { env: { XIESHANG_HOME: home } });
    return { ...r, json: () => r.json<Record<string, unknown>>() };
  };
  beforeEach(() => {
    home = join(mkdtempSync(join(tmpdir(), 'xieshang-cli-')), 'home');
  });

  it('stores, shows, edits and clears the lender of record and the guarantor', async () => {
    await run(['lender', 'add', '某某科技有限公司', '--brand', '某某借', '--type', '助贷']);
    const add = await run([
      '--json',
      'debt',
      'add',
      '--lender',
      '某某借',
      '--contract-number',
      'ZD-1',
      '--principal',
      '8000',
      '--lender-of-record',
      '某某银行股份有限公司',
      '--guarantor',
      '某某融资担保有限公司',
    ]);
    expect(add.code).toBe(0);
    expect(add.json()).toMatchObject({
      lenderOfRecord: '某某银行股份有限公司',
      guarantor: '某某融资担保有限公司',
    });
    const show = await run(['debt', 'show', 'ZD-1']);
    expect(show.out).toContain('资金方');
    expect(show.out).toContain('某某银行股份有限公司');
    expect(show.out).toContain('某某融资担保有限公司');
    const edit = await run([
      '--json',
      'debt',
      'edit',
      'ZD-1',
      '--lender-of-record',
      '某某消费金融有限公司',
      '--guarantor',
      '',
    ]);
    expect(edit.code).toBe(0);
    expect(edit.json()).toMatchObject({
      lenderOfRecord: '某某消费金融有限公司',
      guarantor: null,
    });
  });
});

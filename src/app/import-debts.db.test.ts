import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../test/dialects.js';
import { makeCase, makeDeps } from '../../test/factories.js';
import { createDebtRepository } from '../db/repositories/debt-repository.js';
import { createLenderRepository } from '../db/repositories/lender-repository.js';
import { decodeText, importDebtsFromFile } from './import-debts.js';

const FIXTURES = new URL('../../test/fixtures/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'xieshang-import-'));
function write(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const HEADER = '出借方,机构类型,合同编号,合同日期,合同金额,实际到账,利率,期数';

describe('decodeText', () => {
  it('reads GBK bytes (Chinese Excel) and UTF-8 with a BOM alike', () => {
    const text = '出借方,合同金额\n招联消费金融,1万\n';
    expect(decodeText(iconv.encode(text, 'gbk'))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(
      text,
    );
  });
});

forEachDialect('debt import', (getDb) => {
  it('imports the documented CSV template with its details file, in every date form', async () => {
    const c = await makeCase(getDb());
    const deps = makeDeps(getDb());
    const r = await importDebtsFromFile(deps, c.id, {
      file: join(FIXTURES, 'import-debts.csv'),
      paymentsFile: join(FIXTURES, 'import-details.csv'),
    });
    expect(r).toMatchObject({ debts: 3, fees: 1, payments: 3, lendersCreated: 2, rejected: [] });
    const debts = createDebtRepository(getDb());
    const fql = await debts.getByContractNumber(c.id, 'FQL-77');
    expect(fql).toMatchObject({
      contractOn: '2024-01-05',
      principal: 600_000,
      overdue: 105_050,
      overdueSinceOn: '2024-05-05',
      status: 'overdue',
      isCreditReported: true,
      ratePpm: 360_000,
      ratePeriod: 'year',
    });
    expect((await debts.getByContractNumber(c.id, 'FQL-78'))?.contractOn).toBe('2024-03-08');
    expect((await debts.getByContractNumber(c.id, 'JB-2024-001'))?.balance).toBe(850_000);
    expect(await debts.listPayments(c.id, fql!.id)).toMatchObject([
      { paidOn: '2024-02-05', amount: 110_000 },
    ]);
    expect(await debts.listFees(c.id, fql!.id)).toMatchObject([
      { kind: 'guarantee', timing: 'once', amount: 18_000 },
    ]);
    expect(
      (await createLenderRepository(getDb()).list(c.id)).map((l) => l.lenderType).sort(),
    ).toEqual(['consumer-finance', 'small-loan']);
  });

  it('reads a GBK-encoded CSV correctly', async () => {
    const c = await makeCase(getDb());
    const file = write(
      'gbk.csv',
      iconv.encode(
        `${HEADER}\n招联消费金融有限公司,消费金融,ZL-1,2024年2月29日,"12,345.67",12000,年化23.9%,24\n`,
        'gbk',
      ),
    );
    const r = await importDebtsFromFile(makeDeps(getDb()), c.id, { file });
    expect(r.debts).toBe(1);
    const lenders = await createLenderRepository(getDb()).list(c.id);
    expect(lenders.map((l) => l.name)).toEqual(['招联消费金融有限公司']);
    expect(await createDebtRepository(getDb()).getByContractNumber(c.id, 'ZL-1')).toMatchObject({
      principal: 1_234_567,
      contractOn: '2024-02-29',
      quotedRateText: '年化23.9%',
    });
  });

  it('rejects the whole file, naming line, column and reason for every bad row, and writes nothing', async () => {
    const c = await makeCase(getDb());
    const file = write(
      'bad.csv',
      [
        HEADER,
        '甲银行,银行,A-1,2024-01-05,1000,1000,年化10%,12',
        '乙小贷,小贷,A-2,2024-02-30,1000,1000,年化10%,12',
        '丙小贷,小贷,A-3,2024-01-05,-50,,年化10%,12',
        '丁小贷,火星,A-4,2024-01-05,1000,2000,年化99999%,0',
        '甲银行,银行,A-1,2024-01-06,1000,1000,,12',
      ].join('\n'),
    );
    const deps = makeDeps(getDb());
    const err = await importDebtsFromFile(deps, c.id, { file }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'invalid-input' });
    const rows = (err as { details: { rows: { line: number; field: string; code: string }[] } })
      .details.rows;
    expect(rows.map((r) => [r.line, r.field])).toEqual([
      [3, '合同日期'],
      [4, '合同金额'],
      [5, '机构类型'],
      [5, '实际到账'],
      [5, '利率'],
      [5, '期数'],
      [6, '合同编号'],
    ]);
    expect(rows.find((r) => r.line === 6)?.code).toBe('conflict');
    expect(await createDebtRepository(getDb()).count(c.id)).toBe(0);
    expect(await createLenderRepository(getDb()).list(c.id)).toEqual([]);
  });

  it('keeps the good rows with --skip-invalid and reports the others', async () => {
    const c = await makeCase(getDb());
    const file = write(
      'skip.csv',
      [
        HEADER,
        '甲银行,银行,S-1,2024-01-05,1000,1000,年化10%,12',
        '乙小贷,小贷,S-2,不是日期,1000,1000,年化10%,12',
      ].join('\n'),
    );
    const details = write(
      'skip-details.csv',
      '合同编号,日期,金额\nS-1,2024-02-05,100\nS-2,2024-02-05,100\nS-9,2024-02-05,100\n',
    );
    const r = await importDebtsFromFile(makeDeps(getDb()), c.id, {
      file,
      paymentsFile: details,
      skipInvalid: true,
    });
    expect(r.debts).toBe(1);
    expect(r.payments).toBe(1);
    expect(
      r.rejected.map((x) => [x.file.endsWith('skip.csv') ? 'main' : 'details', x.line, x.code]),
    ).toEqual([
      ['main', 3, 'invalid-date'],
      ['details', 3, 'invalid-input'],
      ['details', 4, 'not-found'],
    ]);
  });

  it('rejects contract numbers already in the case', async () => {
    const c = await makeCase(getDb());
    const file = write('dup1.csv', `${HEADER}\n甲银行,银行,D-1,2024-01-05,1000,1000,年化10%,12\n`);
    await importDebtsFromFile(makeDeps(getDb()), c.id, { file });
    const again = await importDebtsFromFile(makeDeps(getDb()), c.id, { file }).catch(
      (e: unknown) => e,
    );
    expect(again).toMatchObject({
      code: 'invalid-input',
      details: { rows: [{ line: 2, code: 'conflict' }] },
    });
    expect(await createDebtRepository(getDb()).count(c.id)).toBe(1);
  });

  it('refuses a file without the required columns, and a broken CSV, by name', async () => {
    const c = await makeCase(getDb());
    const noCol = write('nocol.csv', '合同编号,合同日期\nX,2024-01-01\n');
    await expect(
      importDebtsFromFile(makeDeps(getDb()), c.id, { file: noCol }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      details: { missing: ['出借方', '合同金额'] },
    });
    const broken = write('broken.csv', `${HEADER}\n"甲银行,银行,B-1,2024-01-05,1000\n`);
    await expect(
      importDebtsFromFile(makeDeps(getDb()), c.id, { file: broken }),
    ).rejects.toMatchObject({ code: 'invalid-input', field: 'file' });
    await expect(
      importDebtsFromFile(makeDeps(getDb()), c.id, { file: join(dir, 'missing.csv') }),
    ).rejects.toMatchObject({ code: 'file-not-found' });
  });

  it('imports an XLSX workbook: loans on sheet 1, payments on sheet 2, Excel dates as dates', async () => {
    const c = await makeCase(getDb());
    const wb = new ExcelJS.Workbook();
    const s1 = wb.addWorksheet('债务');
    s1.addRow(['出借方', '机构类型', '合同编号', '合同日期', '合同金额', '利率', '期数']);
    s1.addRow(['微众银行', '银行', 'WLD-1', new Date(Date.UTC(2024, 0, 5)), 20000, '日息万三', 20]);
    s1.addRow(['美团小贷', '小贷', 'MT-1', '2024/3/1', '¥5,000.50', '年化24%', 12]);
    const s2 = wb.addWorksheet('还款明细');
    s2.addRow(['合同编号', '类型', '日期', '金额']);
    s2.addRow(['WLD-1', '还款', new Date(Date.UTC(2024, 1, 5)), 1150.25]);
    const file = join(dir, 'book.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await importDebtsFromFile(makeDeps(getDb()), c.id, { file });
    expect(r).toMatchObject({ debts: 2, payments: 1, rejected: [] });
    const repo = createDebtRepository(getDb());
    const wld = await repo.getByContractNumber(c.id, 'WLD-1');
    expect(wld).toMatchObject({
      contractOn: '2024-01-05',
      principal: 2_000_000,
      ratePeriod: 'day',
      ratePpm: 300,
    });
    expect(await repo.getByContractNumber(c.id, 'MT-1')).toMatchObject({ principal: 500_050 });
    expect(await repo.listPayments(c.id, wld!.id)).toMatchObject([
      { paidOn: '2024-02-05', amount: 115_025 },
    ]);
  });
});

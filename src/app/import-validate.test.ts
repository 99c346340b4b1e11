// The validation step of the import alone: pure, so sheets built in memory are enough.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../core/dates/index.js';
import { parseCsvSheet, validateImport } from './import-debts.js';

const context = { today: '2026-11-29' as IsoDate, existing: new Set(['OLD-1', 'OLD-2']) };
const debts = parseCsvSheet(
  [
    '出借方,合同编号,合同金额,期数,颜色',
    '招联消费金融,ZL-1,1万,12,红',
    '借呗,ZL-1,5000,6,蓝',
    '微粒贷,OLD-1,3000,3,',
    '花呗,,abc,3,',
  ].join('\n'),
  'debts.csv',
);
const details = parseCsvSheet(
  [
    '合同编号,类型,日期,金额',
    'ZL-1,还款,2026-01-05,800',
    'OLD-2,还款,2026-02-05,300',
    'OLD-2,担保费,2026-02-05,50',
    'OLD-1,还款,2026-02-05,100',
    'NONE-9,还款,2026-02-05,100',
  ].join('\n'),
  'details.csv',
);

describe('validateImport', () => {
  it('keeps the good rows, links details to this file or the case, and names every problem', () => {
    const ticks: number[] = [];
    const v = validateImport({ debts, details }, context, (done) => ticks.push(done));
    expect(v.rows).toBe(9);
    expect(v.ignoredColumns).toEqual(['颜色']);
    expect(v.debts.map((d) => [d.line, d.draft.contractNumber, d.payments.length])).toEqual([
      [2, 'ZL-1', 1],
    ]);
    expect(v.forStored).toMatchObject([
      { contractNumber: 'OLD-2', payments: [{ amount: 30_000 }], fees: [{ amount: 5_000 }] },
    ]);
    expect(v.rejected.map((r) => [r.file, r.line, r.column, r.code])).toEqual([
      ['debts.csv', 3, '合同编号', 'conflict'],
      ['debts.csv', 4, '合同编号', 'conflict'],
      ['debts.csv', 5, '合同金额', 'invalid-amount'],
      ['details.csv', 5, '合同编号', 'invalid-input'], // its debt row (OLD-1, line 4) was refused
      ['details.csv', 6, '合同编号', 'not-found'],
    ]);
    expect(ticks).toEqual([]); // fewer than 500 rows: no progress ticks
  });

  it('refuses a sheet without its required columns, naming them', () => {
    const bad = parseCsvSheet('出借方,期数\n招联,12\n', 'x.csv');
    expect(() => validateImport({ debts: bad, details: null }, context)).toThrow(/合同金额/);
  });
});

// Factories with defaults you override (docs/style.md, Tests): makeDebt({ principal: cents(50_00) }).
import type { Kysely } from 'kysely';
import { cents } from '../src/core/money/index.js';
import type { Instant } from '../src/core/dates/index.js';
import type { Deps } from '../src/app/deps.js';
import { createVaultStore, nodeHost } from '../src/node/index.js';
import { createCaseRepository } from '../src/db/repositories/case-repository.js';
import { createDebtRepository } from '../src/db/repositories/debt-repository.js';
import { createLenderRepository } from '../src/db/repositories/lender-repository.js';
import type { Database } from '../src/db/schema.js';
import type { Case, CaseId, Debt, DebtId, Lender, LenderId } from '../src/db/types.js';

let counter = 0;
/** Unique per process, readable in failures: 'id-000042'. */
export function nextId(prefix = 'id'): string {
  counter += 1;
  return `${prefix}-${String(counter).padStart(6, '0')}-${process.pid}`;
}

export const FIXED_NOW = '2026-11-29T08:00:00.000Z' as Instant;

/** The real ports of a home (Node files, crypto, temp names; the vault under it). */
export function hostPorts(home: string): Pick<Deps, 'vault' | 'files' | 'crypto' | 'temp'> {
  return { vault: createVaultStore(home), ...nodeHost() };
}

/** Deps over a test database with a fixed clock and sequential ids. */
export function makeDeps(db: Kysely<Database>, opts: { now?: Instant; home?: string } = {}): Deps {
  const home = opts.home ?? '/nonexistent-home';
  return {
    db,
    clock: { now: () => opts.now ?? FIXED_NOW },
    ids: { next: () => nextId() },
    home,
    ...hostPorts(home),
  };
}

export async function makeCase(db: Kysely<Database>, title = '测试案件'): Promise<Case> {
  return createCaseRepository(db).insert({ id: nextId('case'), title, at: FIXED_NOW });
}

export function lenderData(caseId: CaseId, over: Partial<Lender> = {}): Lender {
  return {
    id: nextId('lender') as LenderId,
    caseId,
    name: `测试消费金融有限公司-${counter}`,
    brand: '测试花',
    lenderType: 'consumer-finance',
    channels: [{ kind: 'phone', value: '95188' }],
    notes: null,
    createdAt: FIXED_NOW,
    ...over,
  };
}

export async function makeLender(
  db: Kysely<Database>,
  caseId: CaseId,
  over: Partial<Lender> = {},
): Promise<Lender> {
  return createLenderRepository(db).insert(lenderData(caseId, over));
}

export function debtData(caseId: CaseId, lenderId: LenderId, over: Partial<Debt> = {}): Debt {
  return {
    id: nextId('debt') as DebtId,
    caseId,
    lenderId,
    kind: 'loan',
    contractNumber: nextId('HT'),
    contractOn: '2024-01-05' as Debt['contractOn'],
    principal: cents(10_000_00),
    received: cents(9_500_00),
    currency: 'CNY',
    quotedRateText: '日息万五',
    ratePpm: 500 as Debt['ratePpm'],
    ratePeriod: 'day',
    rateBasis: 'balance',
    scheduleMethod: 'equal-installment',
    termMonths: 12,
    firstDueOn: '2024-02-05' as Debt['firstDueOn'],
    installment: cents(920_00),
    penaltyRatePpm: null,
    penaltyRatePeriod: null,
    penaltyTerms: null,
    liquidatedDamages: null,
    isCreditReported: true,
    status: 'current',
    balance: null,
    balanceOn: null,
    overdue: cents(0),
    overdueSinceOn: null,
    collector: null,
    notes: null,
    statementDay: null,
    minimumPayment: null,
    cardInstallmentFeePpm: null,
    lenderOfRecord: null,
    guarantor: null,
    createdAt: FIXED_NOW,
    updatedAt: FIXED_NOW,
    ...over,
  };
}

export async function makeDebt(
  db: Kysely<Database>,
  caseId: CaseId,
  lenderId: LenderId,
  over: Partial<Debt> = {},
): Promise<Debt> {
  return createDebtRepository(db).insert(debtData(caseId, lenderId, over));
}

/** A large import in the documented CSV template: `debts` loans, `paymentsPerDebt` payments each. */
export function generateImportCsv(opts: {
  debts: number;
  paymentsPerDebt: number;
  prefix?: string;
}): {
  debtsCsv: string;
  paymentsCsv: string;
} {
  const p = opts.prefix ?? 'G';
  const debts = [
    '出借方,机构类型,合同编号,合同日期,合同金额,实际到账,利率,还款方式,期数,当前欠款,欠款日期',
  ];
  const pays = ['合同编号,类型,日期,金额'];
  for (let i = 0; i < opts.debts; i += 1) {
    const lender = `测试小额贷款有限公司${i % 40}`;
    const principal = 1000 + (i % 50) * 100;
    debts.push(
      `${lender},小贷,${p}-${i},2023/1/${(i % 28) + 1},"${principal.toLocaleString('en-US')}.00",${principal - 50},年化24%,等额本息,12,${principal / 2},2024-01-31`,
    );
    for (let k = 0; k < opts.paymentsPerDebt; k += 1) {
      const month = (k % 11) + 2;
      pays.push(`${p}-${i},还款,2023年${month}月${(i % 28) + 1}日,${(principal / 10).toFixed(2)}`);
    }
  }
  return { debtsCsv: `${debts.join('\n')}\n`, paymentsCsv: `${pays.join('\n')}\n` };
}

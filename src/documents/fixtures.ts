// Three example cases for tests and the sample pages (typed, built from factories), plus a
// hostile variant with markup in every free-text field.
import { cents, type Cents } from '../core/money/index.js';
import { addMonths, isoDate } from '../core/dates/index.js';
import { ratePpm } from '../core/rates/index.js';
import type { CaseInput, Concession, Debt, Plan } from './templates/types.js';

export function makeDebt(over: Partial<Debt> = {}): Debt {
  return {
    ref: 'HT2024000001',
    product: '现金借款',
    contractDate: isoDate('2024-03-15'),
    principal: cents(1_000_000),
    outstanding: cents(1_085_000),
    overdueDays: 45,
    penalty: cents(32_000),
    reportedToCredit: true,
    ...over,
  };
}

/** A plan whose last installment absorbs the remainder, so the totals agree to the fen. */
export function makePlan(
  total: Cents,
  installments: number,
  firstDueOn: string,
  concessions: Concession[],
): Plan {
  const monthly = Math.floor(total / installments);
  const last = total - monthly * (installments - 1);
  const first = isoDate(firstDueOn);
  return {
    monthlyPayment: cents(monthly),
    installments,
    firstDueOn: first,
    endOn: addMonths(first, installments - 1),
    totalPaid: total,
    ...(last !== monthly ? { lastPayment: cents(last) } : {}),
    concessions,
    walkAwayMonthly: cents(Math.floor((monthly * 13) / 10)),
    walkAwayInstallments: Math.max(1, Math.floor(installments * 0.8)),
  };
}

/** A young worker with 8 app loans; this letter goes to one small-loan company. */
export const YOUNG_WORKER: CaseInput = {
  asOf: isoDate('2026-11-29'),
  borrower: {
    name: '李明',
    idNumber: '4401**********1234',
    phone: '138****5678',
    address: '广东省广州市天河区某街道某小区',
  },
  lender: {
    name: '星河小额贷款有限公司',
    brand: '星河借',
    type: 'small-loan',
    isCreditCard: false,
  },
  debts: [
    makeDebt({
      ref: 'XH20240315001',
      principal: cents(800_000),
      outstanding: cents(712_345),
      penalty: cents(21_890),
      contractDate: isoDate('2024-03-15'),
    }),
    makeDebt({
      ref: 'XH20241102017',
      principal: cents(500_000),
      outstanding: cents(468_802),
      penalty: cents(9_876),
      overdueDays: 38,
      contractDate: isoDate('2024-11-02'),
    }),
  ],
  plan: makePlan(cents(1_181_147), 24, '2026-12-15', [
    'waive-penalty',
    'waive-fees',
    'stop-collection',
  ]),
  budget: {
    householdSize: 1,
    monthlyIncome: cents(420_000),
    priorityCosts: cents(285_000),
    otherCosts: cents(30_000),
    capacityForCreditors: cents(105_000),
    creditorCount: 8,
    totalDebt: cents(6_850_000),
  },
  legality: [
    {
      debtRef: 'XH20240315001',
      aprPpm: ratePpm(359_000),
      limitPpm: ratePpm(240_000),
      ruleId: 'fafa-2017-22-item2',
      overcharge: cents(64_218),
      recalculatedOutstanding: cents(648_127),
    },
  ],
  contacts: [
    {
      on: isoDate('2026-10-20'),
      channel: '电话',
      agent: '工号 A1023',
      summary: '要求三日内结清，拒绝分期',
    },
    {
      on: isoDate('2026-11-05'),
      channel: '电话',
      agent: '未告知',
      summary: '致电本人公司同事告知欠款',
      thirdParty: true,
    },
  ],
  hardship: {
    cause: 'unemployment',
    since: isoDate('2026-06-30'),
    description: '原工作单位裁员，本人于2026年6月30日被解除劳动合同，目前靠临时工作维持生活。',
    incomeBefore: cents(850_000),
    incomeAfter: cents(420_000),
    proofs: ['解除劳动合同通知书', '近六个月银行流水'],
    outlook: '本人正在积极求职，预计收入将在一年内逐步恢复。',
  },
  exhibits: [
    {
      no: '证据1',
      title: '借款合同截图',
      sha256: '9f2c4b1d8e7a6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170615243a',
    },
    { no: '证据2', title: '2026年11月5日催收通话录音' },
  ],
  dispute: {
    item: '星河小额贷款有限公司 账户 XH20241102017 2026年9月 还款状态“逾期”',
    reason: '本人已于2026年9月10日按期还款，有银行转账记录为证。',
    correction: '2026年9月还款状态为“正常”',
  },
  complaintFacts: '催收人员多次在晚上十点以后来电，并联系本人同事透露欠款。',
};

/** A family with credit cards and a car loan; this letter goes to the card issuer. */
export const CARD_FAMILY: CaseInput = {
  asOf: isoDate('2026-11-29'),
  borrower: {
    name: '王建国',
    idNumber: '3301**********5678',
    phone: '139****2468',
    address: '浙江省杭州市西湖区某路某号',
  },
  lender: { name: '东方商业银行股份有限公司信用卡中心', type: 'bank', isCreditCard: true },
  debts: [
    makeDebt({
      ref: '尾号 4321',
      product: '信用卡',
      principal: cents(5_000_000),
      outstanding: cents(5_623_418),
      penalty: cents(187_260),
      overdueDays: 92,
      contractDate: isoDate('2019-05-20'),
    }),
    makeDebt({
      ref: '尾号 8765',
      product: '信用卡',
      principal: cents(2_000_000),
      outstanding: cents(2_104_550),
      penalty: cents(43_120),
      overdueDays: 61,
      contractDate: isoDate('2021-08-01'),
    }),
  ],
  plan: makePlan(cents(7_727_968), 60, '2027-01-10', ['waive-penalty', 'freeze-interest']),
  budget: {
    householdSize: 4,
    monthlyIncome: cents(1_250_000),
    priorityCosts: cents(780_000),
    otherCosts: cents(120_000),
    capacityForCreditors: cents(350_000),
    creditorCount: 3,
    totalDebt: cents(16_480_000),
  },
  legality: [
    {
      debtRef: '尾号 4321',
      aprPpm: ratePpm(186_500),
      limitPpm: ratePpm(240_000),
      ruleId: 'fafa-2017-22-item2',
      overcharge: cents(0),
    },
  ],
  contacts: [
    {
      on: isoDate('2026-11-12'),
      channel: '电话',
      agent: '工号 8812',
      summary: '客服表示可申请分期，但需提交困难证明',
    },
  ],
  hardship: {
    cause: 'illness',
    since: isoDate('2026-03-01'),
    description: '妻子确诊重病住院治疗，自付医疗费用约十二万元，本人需照顾家人，收入减少。',
    incomeBefore: cents(1_800_000),
    incomeAfter: cents(1_250_000),
    proofs: ['住院病历及诊断证明', '医疗费用发票'],
  },
  exhibits: [{ no: '证据1', title: '信用卡账单（2026年8月至10月）' }],
  dispute: {
    item: '尾号 4321 信用卡 2026年5月 逾期',
    reason: '该月已按最低还款额还款',
    correction: '2026年5月状态为“正常”',
  },
};

/** A borrower with 40 loans and a negative budget: token payments only. */
export const MANY_LOANS: CaseInput = {
  asOf: isoDate('2026-11-29'),
  borrower: { name: '陈静', phone: '137****1357' },
  lender: {
    name: '长江消费金融股份有限公司',
    brand: '长江花',
    type: 'consumer-finance',
    isCreditCard: false,
  },
  debts: Array.from({ length: 5 }, (_, i) =>
    makeDebt({
      ref: `CJ2025${String(101 + i).padStart(4, '0')}`,
      principal: cents(300_000 + i * 50_000),
      outstanding: cents(318_457 + i * 53_211),
      penalty: cents(12_345 + i * 1_001),
      overdueDays: 120 + i * 7,
      contractDate: isoDate(`2025-0${1 + i}-10`),
    }),
  ),
  plan: makePlan(cents(120_000), 12, '2026-12-20', [
    'waive-penalty',
    'freeze-interest',
    'waive-fees',
  ]),
  budget: {
    householdSize: 2,
    monthlyIncome: cents(380_000),
    priorityCosts: cents(395_000),
    otherCosts: cents(0),
    capacityForCreditors: cents(-15_000),
    creditorCount: 40,
    totalDebt: cents(38_650_000),
  },
  contacts: [],
  hardship: {
    cause: 'business-failure',
    since: isoDate('2025-09-01'),
    description:
      '本人经营的小餐馆因亏损于2025年9月关闭，经营期间借款用于周转，目前收入仅够基本生活。',
    incomeBefore: cents(900_000),
    incomeAfter: cents(380_000),
    proofs: ['营业执照注销证明', '店铺租赁合同解除协议'],
  },
};

export const EXAMPLE_CASES = {
  'young-worker': YOUNG_WORKER,
  'card-family': CARD_FAMILY,
  'many-loans': MANY_LOANS,
} as const;

export const HOSTILE = '<script>alert("x")</script> & *bold* _i_ [a](http://x) # | `c`';

/** A copy of the case with markup appended to every free-text field. */
export function hostileCase(c: CaseInput): CaseInput {
  const h = (s: string) => `${s}${HOSTILE}`;
  return {
    ...c,
    borrower: { ...c.borrower, name: h(c.borrower.name), address: h(c.borrower.address ?? '') },
    lender: { ...c.lender, name: h(c.lender.name), brand: h(c.lender.brand ?? '') },
    debts: c.debts.map((d) => ({ ...d, ref: h(d.ref), product: h(d.product ?? '') })),
    contacts: (c.contacts ?? []).map((x) => ({
      ...x,
      channel: h(x.channel),
      agent: h(x.agent ?? ''),
      summary: h(x.summary),
    })),
    ...(c.hardship
      ? {
          hardship: {
            ...c.hardship,
            description: h(c.hardship.description),
            proofs: c.hardship.proofs.map(h),
            outlook: h(c.hardship.outlook ?? ''),
          },
        }
      : {}),
    exhibits: (c.exhibits ?? []).map((e) => ({ ...e, no: h(e.no), title: h(e.title) })),
    ...(c.dispute
      ? {
          dispute: {
            item: h(c.dispute.item),
            reason: h(c.dispute.reason ?? ''),
            correction: h(c.dispute.correction ?? ''),
          },
        }
      : {}),
    complaintFacts: h(c.complaintFacts ?? ''),
  };
}

// One realistic case for the escalation-ladder letters: a 助贷 loan arranged by a platform and
// funded by a bank, guaranteed by a guarantee company; collectors called at night and phoned the
// borrower's mother; a credit-report entry shows a repaid month as overdue; an agreement was
// reached; a credit dispute went unanswered. And a bare case with only what each letter needs.
import { cents } from '../../src/core/money/index.js';
import { isoDate } from '../../src/core/dates/index.js';
import type { CaseInput } from '../../src/documents/index.js';

export const LADDER: CaseInput = {
  asOf: isoDate('2026-03-02'),
  borrower: {
    name: '王芳',
    idNumber: '3301**********2468',
    phone: '139****2468',
    address: '浙江省杭州市',
  },
  lender: {
    name: '某某网络科技有限公司',
    brand: '某某借',
    type: 'guarantee-platform',
    isCreditCard: false,
  },
  debts: [
    {
      ref: 'ZD2024-00871',
      contractDate: isoDate('2024-06-18'),
      principal: cents(2_000_000),
      outstanding: cents(1_436_218),
      overdueDays: 92,
      penalty: cents(41_300),
      reportedToCredit: true,
      lenderOfRecord: '某某银行股份有限公司',
      guarantor: '某某融资担保有限公司',
    },
  ],
  contacts: [
    {
      on: isoDate('2025-12-20'),
      channel: 'phone',
      agent: '催收员 工号 A1023',
      summary: '晚上22:40来电催收，称“再不还就上门”',
    },
    {
      on: isoDate('2026-01-12'),
      channel: 'phone',
      agent: '工号 A1077',
      summary: '致电本人母亲，告知本人欠款金额',
      thirdParty: true,
    },
  ],
  exhibits: [
    {
      no: '证据1',
      title: '通话录音：2025年12月20日 22:40',
      sha256: 'a3f1c9e07b5d4e2f8a6b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f',
    },
    {
      no: '证据2',
      title: '母亲手机通话记录截图',
      sha256: '5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9d0e',
    },
  ],
  dispute: {
    item: '2025年11月还款状态“逾期1-30天”',
    correction: '2025年11月还款状态“正常”（当月已于2025年11月18日按期还款）',
    institution: '某某银行股份有限公司',
    account: 'ZD2024-00871',
    source: 'escalation:esc-dispute-1',
  },
  budgetSheet: {
    source: 'budget:bud-1',
    effectiveOn: isoDate('2026-02-20'),
    householdSize: 3,
    income: cents(820_000),
    priorityByCategory: [
      { labelZh: '住房', labelEn: 'Housing', monthly: cents(260_000) },
      { labelZh: '食品', labelEn: 'Food', monthly: cents(180_000) },
      { labelZh: '子女', labelEn: 'Children', monthly: cents(90_000) },
    ],
    priority: cents(530_000),
    fixed: cents(40_000),
    flexible: cents(60_000),
    buffer: cents(50_000),
    capacity: cents(140_000),
  },
  agreement: {
    source: 'agreement:agr-1',
    agreedOn: isoDate('2026-02-25'),
    agent: '张经理 工号 B2201',
    total: cents(1_380_000),
    installments: [
      { seq: 1, dueOn: isoDate('2026-03-15'), amount: cents(115_000) },
      { seq: 2, dueOn: isoDate('2026-04-15'), amount: cents(115_000) },
      { seq: 3, dueOn: isoDate('2026-05-15'), amount: cents(1_150_000) },
    ],
    concessions: ['waive-penalty', 'stop-collection'],
    paymentChannel: 'app',
    isConfirmedInWriting: false,
  },
  missedDeadline: {
    kind: 'escalation',
    escalation: {
      source: 'escalation:esc-dispute-1',
      channelNameZh: '中国人民银行征信中心',
      channelNameEn: 'PBOC Credit Reference Center',
      addresseeZh: '中国人民银行征信中心',
      addresseeEn: 'the PBOC Credit Reference Center',
      letterTitleZh: '个人征信异议申请书',
      letterTitleEn: 'Credit report dispute',
      sentOn: isoDate('2026-01-26'),
      reference: 'YY20260126-0042',
      chaseOn: isoDate('2026-02-15'),
      legalDays: 20,
      legalBasisId: 'credit-reporting-25',
      status: 'sent',
    },
  },
  priorDisputes: [
    {
      source: 'escalation:esc-dispute-1',
      channelNameZh: '中国人民银行征信中心',
      channelNameEn: 'PBOC Credit Reference Center',
      addresseeZh: '中国人民银行征信中心',
      addresseeEn: 'the PBOC Credit Reference Center',
      letterTitleZh: '个人征信异议申请书',
      letterTitleEn: 'Credit report dispute',
      sentOn: isoDate('2026-01-26'),
      reference: 'YY20260126-0042',
      chaseOn: isoDate('2026-02-15'),
      legalDays: 20,
      legalBasisId: 'credit-reporting-25',
      status: 'sent',
    },
  ],
};

/** Only a name and one debt with no contract number or date: every other part unknown. */
export const BARE: CaseInput = {
  asOf: isoDate('2026-03-02'),
  borrower: { name: '（请填写姓名）' },
  lender: { name: '某银行', type: 'bank', isCreditCard: true },
  debts: [
    {
      ref: '',
      principal: cents(500_000),
      outstanding: cents(500_000),
      overdueDays: 0,
      penalty: cents(0),
    },
  ],
};

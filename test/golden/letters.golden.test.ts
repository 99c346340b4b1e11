// Golden Markdown files: one realistic case per letter kind, read by a person as the lender's
// staff would read them. A change to any letter shows up as a diff here; regenerate with
// UPDATE_GOLDEN=1 npx vitest run test/golden/letters.golden.test.ts and read the diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cents } from '../../src/core/money/index.js';
import { isoDate } from '../../src/core/dates/index.js';
import { ratePpm } from '../../src/core/rates/index.js';
import {
  LETTER_TEMPLATES,
  assertEveryFactSourced,
  limitationWarnings,
  renderMarkdown,
  type CaseInput,
  type LetterKind,
} from '../../src/documents/index.js';

const DIR = dirname(fileURLToPath(import.meta.url));
const SHA_CALL = '3f9a0c5be1d24e7781c0a9d6e2f4b3a1c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2';
const SHA_CONTRACT = '9f2c4b1d8e7a6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170f6e5d4c';

/** 李明, 31, lost his job in June; two loans on one online micro-lender's app. */
const ONLINE: CaseInput = {
  asOf: isoDate('2026-11-29'),
  borrower: {
    source: 'profile:case1',
    name: '李明',
    idNumber: '4401**********1234',
    phone: '138****5678',
    address: '广州市天河区',
  },
  lender: {
    source: 'lender:L1',
    name: '星河小额贷款有限公司',
    brand: '星河借',
    type: 'small-loan',
    isCreditCard: false,
  },
  debts: [
    {
      source: 'debt:D1',
      ref: 'XH20240315001',
      product: '现金借款',
      contractDate: isoDate('2024-03-15'),
      principal: cents(8000_00),
      outstanding: cents(7123_45),
      overdueDays: 45,
      penalty: cents(356_20),
      lastPaymentOn: isoDate('2026-09-15'),
    },
    {
      source: 'debt:D2',
      ref: '',
      product: '现金借款',
      contractDate: isoDate('2024-11-02'),
      principal: cents(5000_00),
      outstanding: cents(4688_02),
      overdueDays: 38,
      penalty: cents(0),
    },
  ],
  plan: {
    source: 'plan:P1',
    strategy: 'pro-rata-balance',
    monthlyPayment: cents(492_14),
    installments: 24,
    firstDueOn: isoDate('2026-12-15'),
    endOn: isoDate('2028-11-15'),
    totalPaid: cents(11811_47),
    lastPayment: cents(492_25),
    concessions: ['waive-penalty', 'stop-collection'],
    walkAwayMonthly: cents(600_00),
  },
  budget: {
    source: 'budget:B1',
    householdSize: 1,
    monthlyIncome: cents(4200_00),
    priorityCosts: cents(2850_00),
    otherCosts: cents(300_00),
    emergencyBuffer: cents(150_00),
    capacityForCreditors: cents(900_00),
    creditorCount: 3,
    totalDebt: cents(23_811_47),
    debtSources: ['debt:D1', 'debt:D2', 'debt:D9'],
  },
  hardship: {
    source: 'profile:case1',
    cause: 'unemployment',
    since: isoDate('2026-06-30'),
    description: '原工作单位裁员，本人于2026年6月30日被解除劳动合同，目前靠临时工作维持生活。',
    incomeBefore: cents(9500_00),
    incomeAfter: cents(4200_00),
    proofs: ['解除劳动合同通知书'],
  },
  legality: [
    {
      source: 'legality:D1',
      debtRef: 'XH20240315001',
      basis: 'actual',
      aprPpm: ratePpm(359_000),
      limitPpm: ratePpm(240_000),
      ruleId: 'fafa-2017-22-item2',
      overcharge: cents(642_18),
    },
  ],
  contacts: [
    {
      source: 'contact:C1',
      on: isoDate('2026-11-05'),
      time: '22:40',
      channel: 'phone',
      direction: 'inbound',
      agent: '王某 工号A1023',
      counterpart: '0755-83XXXX21',
      whom: '母亲',
      thirdParty: true,
      summary: '称不还款就到家里和单位“上门走访”',
      evidence: [{ name: '20261105-催收录音.m4a', sha256: SHA_CALL }],
    },
    {
      source: 'contact:C2',
      on: isoDate('2026-11-20'),
      time: '10:05',
      channel: 'app-chat',
      direction: 'outbound',
      agent: '客服小星',
      counterpart: '星河借App在线客服',
      summary: '本人提出按月还款¥492.14、分24期，对方答复“只能全额结清”',
    },
  ],
  conduct: [
    {
      source: 'conduct:night:C1',
      contactSources: ['contact:C1'],
      titleZh: '22:00至次日8:00之间催收',
      titleEn: 'collection between 22:00 and 08:00',
      certainty: 'S',
      detection: 'recorded',
      provisionIds: ['nifa-collection-2024'],
    },
    {
      source: 'conduct:threat:C1',
      contactSources: ['contact:C1'],
      titleZh: '以上门相威胁',
      titleEn: 'threatening a visit',
      certainty: 'S',
      detection: 'keyword-heuristic',
      provisionIds: ['cba-collection-2026'],
    },
  ],
  exhibits: [
    { source: 'evidence:E1', no: '证据1', title: '借款合同截图', sha256: SHA_CONTRACT },
    { source: 'evidence:E2', no: '证据2', title: '2026年11月5日催收通话录音', sha256: SHA_CALL },
  ],
  ledgerHead: { seq: 12, hash: 'c0ffee12ab34cd56ef7890aa11bb22cc33dd44ee55ff66778899aabbccddeeff' },
};

/** 张芳, a bank credit card in arrears after her husband's illness. */
const CARD: CaseInput = {
  asOf: isoDate('2026-11-29'),
  borrower: { source: 'profile:case2', name: '张芳', phone: '139****2468' },
  lender: {
    source: 'lender:L2',
    name: '某某银行股份有限公司信用卡中心',
    type: 'bank',
    isCreditCard: true,
  },
  debts: [
    {
      source: 'debt:D3',
      ref: '尾号6688',
      product: '信用卡',
      principal: cents(30000_00),
      outstanding: cents(32940_55),
      overdueDays: 95,
      penalty: cents(1210_30),
    },
  ],
  plan: {
    source: 'plan:P2',
    strategy: 'pro-rata-balance',
    monthlyPayment: cents(549_01),
    installments: 60,
    firstDueOn: isoDate('2026-12-20'),
    endOn: isoDate('2031-11-20'),
    totalPaid: cents(32940_55),
    lastPayment: cents(548_96),
    concessions: ['freeze-interest', 'waive-penalty'],
  },
  hardship: {
    source: 'profile:case2',
    cause: 'illness',
    since: isoDate('2026-03-01'),
    description: '丈夫确诊重病住院，家庭收入减半，医疗支出大幅增加。',
    proofs: ['住院病历及费用清单'],
  },
  contacts: [],
};

const CASES: [LetterKind, CaseInput][] = [
  ['request', ONLINE],
  ['hardship', ONLINE],
  ['call-script', ONLINE],
  ['card-installment', CARD],
  ['penalty-waiver', CARD],
  ['ledger-request', ONLINE],
  ['stop-third-party', ONLINE],
  ['excess-interest', ONLINE],
  ['complaint', ONLINE],
];

describe('golden letters (Markdown)', () => {
  it.each(CASES)('%s matches test/golden/%s.md and passes the pre-send check', (kind, c) => {
    const doc = LETTER_TEMPLATES[kind].build(c, 'zh');
    assertEveryFactSourced(doc);
    const md = renderMarkdown(doc);
    const file = join(DIR, `${kind}.md`);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) writeFileSync(file, md);
    expect(md).toBe(readFileSync(file, 'utf8'));
  });

  it('the realistic cases raise no limitation warning (recent payments and contacts)', () => {
    expect(limitationWarnings(ONLINE)).toEqual([]);
    expect(limitationWarnings(CARD)).toEqual([]);
  });

  it('warns when three years have passed since the debt fell due with nothing on record since', () => {
    const old: CaseInput = {
      ...CARD,
      contacts: [],
      debts: [{ ...CARD.debts[0]!, overdueDays: 1200 }],
    };
    const w = limitationWarnings(old);
    expect(w).toHaveLength(1);
    expect(w[0]!.messageZh).toContain('诉讼时效可能已经届满');
    expect(w[0]!.messageZh).toContain('第195条');
  });
});

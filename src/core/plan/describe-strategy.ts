import type { Strategy } from './types.js';

const RULES: Record<Strategy, { zh: string; en: string }> = {
  'pro-rata-balance': {
    zh: '每月可还金额按各笔欠款余额的比例分配；某笔按比例分到的金额低于最低还款额时，只把这一笔补足到最低还款额，其余金额再按余额比例分给其他各笔；某笔还清后，它的份额按同样比例转给其余各笔。',
    en: "Each month's repayment money is split in proportion to each debt's balance; a debt whose proportional share is below its minimum payment is lifted to that minimum, and the rest is re-split among the others in proportion to their balances; when a debt is repaid, its share passes to the others in the same proportion.",
  },
  'pro-rata-contractual': {
    zh: '每月可还金额按各笔原合同月供的比例分配；按比例分到的金额低于最低还款额的，只把这一笔补足到最低还款额，其余金额再按月供比例分给其他各笔；某笔还清后，它的份额按同样比例转给其余各笔。',
    en: "Each month's repayment money is split in proportion to each debt's contractual installment; a share below a debt's minimum payment is lifted to that minimum, and the rest is re-split among the others in the same proportion; a repaid debt's share passes to the others.",
  },
  'highest-cost-first': {
    zh: '每笔先付最低还款额，剩余金额优先还真实年化成本最高的一笔，还清后再还下一笔。',
    en: 'Every debt gets its minimum payment; the rest goes to the debt with the highest true cost first, then the next once it is repaid.',
  },
  custom: {
    zh: '按您为每笔指定的月还款额还款（合计不超过每月可还金额）；某笔还清后，它的金额按各笔指定金额的比例转给其余各笔。',
    en: 'Each debt gets the monthly amount you set (together within the monthly capacity); when a debt is repaid, its amount passes to the others in proportion to the amounts set.',
  },
};

/** The rule a strategy shares the monthly money by, in Chinese and English, for pages and letters to quote. */
export function describeStrategy(strategy: Strategy): { zh: string; en: string } {
  return RULES[strategy];
}

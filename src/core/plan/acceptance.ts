// What lenders usually accept (docs/law.md, Usual terms), with source and certainty (the law registry is the
// only source of legal statements; a figure it does not hold is marked 'U', 待核实). A plan
// beyond these is still arithmetically feasible, but the lender will most likely refuse it, so
// the plan says so ('unlikely-accepted') with the smallest change that brings it back.
import type { DebtKind } from './types.js';

export type Certainty = 'P' | 'S' | 'U';

export interface UsualTerm {
  /** the longest plan, in months, this kind of lender usually accepts */
  maxMonths: number;
  certainty: Certainty;
  sourceZh: string;
  sourceEn: string;
}

export const USUAL_TERMS: Record<DebtKind, UsualTerm> = {
  'credit-card': {
    maxMonths: 60,
    certainty: 'S',
    sourceZh:
      '《商业银行信用卡业务监督管理办法》第70条：个性化分期还款协议最长不超过5年（60期）；银行可以协商，并非必须同意',
    sourceEn:
      'Credit-card measures art. 70: a personalised installment agreement runs at most 5 years (60 months); the bank may agree, it need not',
  },
  'online-loan': {
    maxMonths: 36,
    certainty: 'U',
    sourceZh: '网贷平台协商通常为12–36期（行业经验，待核实；暂无成文来源）',
    sourceEn:
      'Online lenders usually agree 12–36 months (industry experience, unconfirmed; no written source yet)',
  },
  'bank-loan': {
    maxMonths: 60,
    certainty: 'U',
    sourceZh: '银行贷款协商期限通常不超过5年（待核实；暂无成文来源）',
    sourceEn: 'Bank loans are usually renegotiated within 5 years (unconfirmed; no written source)',
  },
  'car-loan': {
    maxMonths: 60,
    certainty: 'U',
    sourceZh: '车贷协商期限通常不超过5年（待核实；暂无成文来源）',
    sourceEn: 'Car loans are usually renegotiated within 5 years (unconfirmed; no written source)',
  },
  other: {
    maxMonths: 36,
    certainty: 'U',
    sourceZh: '其他出借方：按网贷的通常期限（36期）估计（待核实）',
    sourceEn: 'Other lenders: judged by the online-lender usual term (36 months; unconfirmed)',
  },
};

/** The longest term a lender of this kind usually accepts, with its source and certainty. */
export function usualTermOf(kind: DebtKind): UsualTerm {
  return USUAL_TERMS[kind];
}

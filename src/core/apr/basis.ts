/**
 * What a true-cost figure was computed from, best evidence first: the money that really moved
 * (payments recorded), then the installments the borrower typed, then the contract's quoted rate,
 * then a credit card's own terms (installment fee or overdraft rate). The quoted rate is only a
 * fallback: an advertised rate says nothing about fees or what the app really debits.
 */
export const APR_BASES = ['payments', 'installments', 'contract-rate', 'card-terms'] as const;
export type AprBasis = (typeof APR_BASES)[number];

const LABELS: Record<AprBasis, { zh: string; en: string }> = {
  payments: { zh: '按您记录的实际还款计算', en: 'from the payments you recorded' },
  installments: { zh: '按您填写的每期还款计算', en: 'from the installments you entered' },
  'contract-rate': {
    zh: '按合同利率推算（没有每期还款和还款记录时才用）',
    en: 'from the contract rate (used only without installments or payments)',
  },
  'card-terms': {
    zh: '按信用卡分期手续费或透支利率推算',
    en: "from the card's installment fee or overdraft rate",
  },
};

/** The Chinese and English label of a basis, e.g. "按您填写的每期还款计算". */
export function describeAprBasis(basis: AprBasis): { zh: string; en: string } {
  return LABELS[basis];
}

import type { Cents } from '../money/index.js';
import type { IsoDate } from '../dates/index.js';
import type { FieldIssue } from '../result.js';

/** One dated cash flow: + = money the borrower received, − = money the borrower paid (fees on their real dates). */
export interface DatedFlow {
  date: IsoDate;
  amount: Cents;
}

export interface AprResult {
  /** IRR per unit period (decimal fraction). */
  periodicRate: number;
  /** Unit periods per year (12 monthly, 24 semi-monthly, 52 weekly, 365 daily, …). */
  periodsPerYear: number;
  /** periodicRate × periodsPerYear: Reg Z Appendix J actuarial method = PBOC 公告〔2021〕第3号 单利口径. */
  nominalApr: number;
  /** 复利/IRR口径: XIRR on actual/365 for dated flows; (1 + i)^ppy − 1 for periodic flows. */
  effectiveAnnualRate: number;
}

export type AprIssue =
  | { code: 'no-solution'; field: string; message: string; messageZh: string }
  | {
      code: 'ambiguous-rate';
      field: string;
      message: string;
      messageZh: string;
      /** Nominal APRs that all satisfy the flows, ascending. */
      rates: number[];
    }
  | FieldIssue;

import type { Cents } from '../money/index.js';
import type { IsoDate } from '../dates/index.js';
import type { RatePpm } from '../rates/index.js';
import type { DatedFlow } from '../apr/index.js';
import { LENDER_TYPE } from '../vocab/vocab.js';

/**
 * How sure we are of a legal fact (docs/law.md, Certainty):
 * P = read in the primary text; S = secondary sources quote or paraphrase it; U = unconfirmed.
 * A U fact is never presented as settled.
 */
export type Certainty = 'P' | 'S' | 'U';

/** values and labels live in core/vocab (one home per word) */
export type LenderType = (typeof LENDER_TYPE.values)[number];

export const LENDER_TYPES: readonly LenderType[] = LENDER_TYPE.values;

/** One citable legal provision (statute article, judicial interpretation, regulation, standard). */
export interface Provision {
  /** stable forever; templates cite by id */
  id: string;
  instrument: string;
  article: string | null;
  issuer: string;
  effective: IsoDate | null;
  gistZh: string;
  gistEn: string;
  source: string;
  certainty: Certainty;
}

export interface LprEntry {
  effective: IsoDate;
  oneYearPpm: RatePpm;
  fiveYearPpm: RatePpm;
  source: string;
  certainty: Certainty;
}

/** A legal rate line (annual, simple interest) that applies to a loan, with why. */
export interface RateLine {
  id: string;
  labelZh: string;
  labelEn: string;
  /** simple annual rate; for a line that changes over time, the rate from the latest segment */
  limitPpm: RatePpm;
  provisionIds: string[];
  certainty: Certainty;
  appliesBecauseZh: string;
  appliesBecauseEn: string;
  /**
   * The line as dated segments (each from `from` until the next segment), for rules that change
   * over the life of a loan (民间借贷规定 第31条 transition). One segment for most lines.
   */
  segments?: readonly { from: IsoDate; ppm: RatePpm }[];
}

export interface LegalityInput {
  lenderType: LenderType;
  contractDate: IsoDate;
  contractPrincipal: Cents;
  /** actual dated flows: + received by the borrower, − paid (fees on their real dates) */
  cashflows: DatedFlow[];
}

export interface Verdict {
  /** the RateLine id */
  rule: string;
  /** decimal fraction, 0.24 = 24 % */
  limit: number;
  exceeded: boolean;
  /** human citation: instrument + article */
  source: string;
  certainty: Certainty;
  noteZh: string;
  noteEn: string;
}

export interface Recalculation {
  /** the RateLine id used */
  line: string;
  /** decimal fraction of the line (latest segment) */
  limit: number;
  /** still owed under the line at asOf (principal + unpaid interest); 0 when overpaid > 0 */
  outstanding: Cents;
  /** paid beyond principal + interest at the line; 0 when outstanding > 0 */
  overpaid: Cents;
  /** total interest accrued at the line from the first draw to asOf */
  interestAtLine: Cents;
}

export interface LegalityReport {
  nominalApr: number;
  effectiveAnnualRate: number;
  principalReceived: Cents;
  upfrontDeduction: Cents;
  verdicts: Verdict[];
  recalculation: Recalculation | null;
  /** ids of the rules (rate lines) the verdicts rest on that are unconfirmed (certainty U) */
  unconfirmedRules: string[];
  /** the date the recalculation runs to (always set by checkLegality; optional for fixtures) */
  asOf?: IsoDate;
}

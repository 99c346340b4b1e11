import { addMonths, daysBetween, type IsoDate } from '../dates/index.js';
import { cents, divRound, mulDiv, type Cents } from '../money/index.js';
import { MAX_ANNUAL_PPM, PPM, ratePpm, type RatePpm } from '../rates/index.js';
import { err, ok, type FieldIssue, type Result } from '../result.js';

export interface DoNothingInput {
  asOf: IsoDate;
  /** how many months to project, 1..120 */
  months: number;
  /** overdue principal still unpaid at asOf */
  principal: Cents;
  /** charges already accrued at asOf, carried as given (judge them with checkLegality) */
  interestAccrued: Cents;
  penaltyAccrued: Cents;
  feesAccrued: Cents;
  /** contract annual rate (simple) */
  annualRatePpm: RatePpm;
  /**
   * Annual 罚息 rate on overdue principal. Default: contract rate × 1.5 (FACTS §4d: banks charge the
   * contract rate plus 30–50%; S for the practice, U for the 2003 PBOC rule).
   */
  penaltyRatePpm?: RatePpm;
  /**
   * 'replaces-contract-rate' (default, how banks quote 罚息利率: the overdue principal accrues at the
   * penalty rate instead of the contract rate; the penalty column shows the excess) or 'on-top'
   * (an app's separate 逾期罚息 charged in addition to interest).
   */
  penaltyMode?: 'replaces-contract-rate' | 'on-top';
  /** 违约金 charged each month (shown in the fees column) */
  monthlyLateFee?: Cents;
  /** the legal line (annual, simple) for the capped series; absent: no capped series */
  legalLinePpm?: RatePpm;
  /** due date of the last installment: dates the 3-year limitation note (民法典 第188、189条) */
  lastDueDate?: IsoDate;
}

export interface DoNothingMonth {
  month: number;
  date: IsoDate;
  principal: Cents;
  /** cumulative contractual interest (accrued at asOf + projected) */
  interest: Cents;
  /** cumulative 罚息 */
  penalty: Cents;
  /** cumulative fees and 违约金 */
  fees: Cents;
  total: Cents;
  /** total with the projected charges capped at the legal line; null without a line */
  totalCapped: Cents | null;
  creditReportNoteZh?: string;
  creditReportNoteEn?: string;
  limitationNoteZh?: string;
  limitationNoteEn?: string;
}

/** Data-driven notes with the provisions they rest on (all P: 征信业管理条例, 民法典). */
export const OVERDUE_NOTES = {
  creditReport: {
    provisionIds: ['credit-reporting-15', 'credit-reporting-16'],
    zh: '持牌机构通常按月向征信报送逾期记录；报送前应先通知您（征信业管理条例第15条）。不良记录自逾期结清之日起保存5年（第16条）：一直不还，记录就一直在。',
    en: 'Licensed lenders usually report overdue status to the credit bureau monthly, and must tell you before reporting (Credit Reporting Regulation art. 15). A negative record stays for 5 years from the day the overdue debt is settled (art. 16): while it stays unpaid, the record stays live.',
  },
  limitation: {
    provisionIds: ['civil-code-188', 'civil-code-189', 'civil-code-195', 'bank-card-3'],
    zh: '诉讼时效一般为3年，分期债务自最后一期到期日起算（民法典第188、189条）；但出借人催收、您同意还款或对方起诉，时效都会中断并重新计算（第195条），信用卡的催收短信、信件也会中断时效（银行卡规定第3条）。',
    en: 'The limitation period is generally 3 years, for installment debts from the last due date (Civil Code arts. 188, 189); a demand from the lender, your agreeing to pay, or a suit interrupts and restarts it (art. 195), and for cards so do collection SMS and letters (bank-card rules art. 3).',
  },
} as const;

function issue(field: string, message: string, messageZh: string): FieldIssue {
  return {
    code: 'invalid-input',
    field,
    message: `${field}: ${message}`,
    messageZh: `${field}：${messageZh}`,
  };
}

function checkRate(field: string, r: number | undefined): FieldIssue | null {
  if (r === undefined) return null;
  if (!Number.isSafeInteger(r) || r < 0 || r > MAX_ANNUAL_PPM)
    return {
      code: 'rate-out-of-range',
      field,
      message: `${field}: must be between 0 and 1000 % a year`,
      messageZh: `${field}：年利率应在 0 到 1000% 之间`,
    };
  return null;
}

function checkMoney(field: string, c: number | undefined): FieldIssue | null {
  if (c === undefined) return null;
  if (!Number.isSafeInteger(c) || c < 0)
    return {
      code: 'invalid-amount',
      field,
      message: `${field}: must be a non-negative amount`,
      messageZh: `${field}：金额不能为负`,
    };
  return null;
}

/** The figures every month of one projection shares, derived once from the input. */
interface Projection {
  input: DoNothingInput;
  contract: number;
  penaltyExtra: number;
  lateFee: number;
  accruedBefore: number;
  limitationFrom: IsoDate | null;
}

/** Validates the input and derives the shared figures (the first problem, if any). */
function startProjection(input: DoNothingInput): Result<Projection, FieldIssue> {
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > 120)
    return err(issue('months', 'must be a whole number from 1 to 120', '应为 1 到 120 之间的整数'));
  const problems = [
    checkMoney('principal', input.principal),
    checkMoney('interestAccrued', input.interestAccrued),
    checkMoney('penaltyAccrued', input.penaltyAccrued),
    checkMoney('feesAccrued', input.feesAccrued),
    checkMoney('monthlyLateFee', input.monthlyLateFee),
    checkRate('annualRatePpm', input.annualRatePpm),
    checkRate('penaltyRatePpm', input.penaltyRatePpm),
    checkRate('legalLinePpm', input.legalLinePpm),
  ].filter((x): x is FieldIssue => x !== null);
  if (problems[0]) return err(problems[0]);

  const contract = input.annualRatePpm;
  // default 罚息 rate: contract × 1.5, rounded half-up to the ppm
  const penaltyRate =
    input.penaltyRatePpm ?? ratePpm(Number(divRound(BigInt(contract) * 3n, 2n, 'halfUp')));
  const mode = input.penaltyMode ?? 'replaces-contract-rate';
  return ok({
    input,
    contract,
    penaltyExtra:
      mode === 'on-top' ? penaltyRate : penaltyRate > contract ? penaltyRate - contract : 0,
    lateFee: input.monthlyLateFee ?? 0,
    accruedBefore: input.interestAccrued + input.penaltyAccrued + input.feesAccrued,
    limitationFrom: input.lastDueDate === undefined ? null : addMonths(input.lastDueDate, 36),
  });
}

const DEN = PPM * 365;

/**
 * Month m of the projection, computed from asOf alone (never from month m − 1, so any month can be
 * computed by itself); `prev` is month m − 1's date (asOf for month 1), which places the
 * limitation note.
 */
function projectMonth(p: Projection, m: number, prev: IsoDate): DoNothingMonth {
  const { input, contract, penaltyExtra, lateFee, accruedBefore, limitationFrom } = p;
  const date = addMonths(input.asOf, m);
  const days = daysBetween(input.asOf, date);
  const newInterest = mulDiv(input.principal, contract * days, DEN, 'halfUp');
  const newPenalty = mulDiv(input.principal, penaltyExtra * days, DEN, 'halfUp');
  const newFees = lateFee * m;
  const interest = cents(input.interestAccrued + newInterest);
  const penalty = cents(input.penaltyAccrued + newPenalty);
  const fees = cents(input.feesAccrued + newFees);
  const total = cents(input.principal + interest + penalty + fees);
  let totalCapped: Cents | null = null;
  if (input.legalLinePpm !== undefined) {
    const cap = mulDiv(input.principal, input.legalLinePpm * days, DEN, 'halfUp');
    const projected = newInterest + newPenalty + newFees;
    totalCapped = cents(input.principal + accruedBefore + Math.min(projected, cap));
  }
  const row: DoNothingMonth = {
    month: m,
    date,
    principal: input.principal,
    interest,
    penalty,
    fees,
    total,
    totalCapped,
  };
  if (m === 1) {
    row.creditReportNoteZh = OVERDUE_NOTES.creditReport.zh;
    row.creditReportNoteEn = OVERDUE_NOTES.creditReport.en;
  }
  if (limitationFrom !== null && m === 1 && limitationFrom <= input.asOf) {
    row.limitationNoteZh = `最后一期到期已满3年（${limitationFrom}）。${OVERDUE_NOTES.limitation.zh}`;
    row.limitationNoteEn = `Three years since the last due date passed on ${limitationFrom}. ${OVERDUE_NOTES.limitation.en}`;
  } else if (limitationFrom !== null && limitationFrom > prev && limitationFrom <= date) {
    row.limitationNoteZh = `约在 ${limitationFrom} 满3年。${OVERDUE_NOTES.limitation.zh}`;
    row.limitationNoteEn = `Three years pass around ${limitationFrom}. ${OVERDUE_NOTES.limitation.en}`;
  }
  return row;
}

/**
 * What an unpaid loan grows to month by month if nothing is paid, for `months` months after asOf
 * (month m is dated addMonths(asOf, m), from the anchor). Contract interest and 罚息 are SIMPLE
 * interest on the principal only (no 复利 on unpaid interest), actual/365, computed cumulatively
 * from asOf and rounded half-up to the fen once per month-end figure (so the series never drifts).
 * Fees: feesAccrued + m × monthlyLateFee. The capped series (民间借贷规定 第29条 for private lenders;
 * the 24% total of 法发〔2017〕22号 item 2 for licensed ones): the charges projected after asOf
 * (interest + 罚息 + fees) never exceed principal × line × days/365 (half-up); charges accrued
 * before asOf are carried as given. So totalCapped ≤ total, and both never fall.
 */
export function projectDoNothing(input: DoNothingInput): Result<DoNothingMonth[], FieldIssue> {
  const started = startProjection(input);
  if (!started.ok) return started;
  const rows: DoNothingMonth[] = [];
  let prev = input.asOf;
  for (let m = 1; m <= input.months; m++) {
    const row = projectMonth(started.value, m, prev);
    rows.push(row);
    prev = row.date;
  }
  return ok(rows);
}

/**
 * The last month of projectDoNothing(input) alone, the same figures and notes without the months
 * before it (what the plan's "saving vs doing nothing" needs, once per debt).
 */
export function projectDoNothingAt(input: DoNothingInput): Result<DoNothingMonth, FieldIssue> {
  const started = startProjection(input);
  if (!started.ok) return started;
  const m = input.months;
  return ok(projectMonth(started.value, m, m === 1 ? input.asOf : addMonths(input.asOf, m - 1)));
}

import { daysBetween, parseIsoDate, type IsoDate } from '../dates/index.js';
import { cents, formatYuan, MAX_AMOUNT_CENTS, MAX_DERIVED_CENTS, mulDiv } from '../money/index.js';
import { MAX_ANNUAL_PPM, PPM } from '../rates/index.js';
import { err, fieldIssue, ok, type FieldIssue, type Result } from '../result.js';
import { MAX_PERIODS } from './build-schedule.js';
import { withTotals } from './totals.js';
import type { CustomScheduleInput, Schedule, ScheduleRow } from './types.js';

/**
 * Builds an irregular schedule from dated payments. Interest is simple, actual/365, on the
 * outstanding principal only: principal × annual × days / 365 since the previous date (the first
 * from startDate), rounded to the fen half-up (`halfUp`). Each payment goes to interest first,
 * then principal. Decisions:
 * - a payment below the interest due pays what it can; the unpaid interest carries forward to
 *   the next payment but is never capitalized (no interest on interest), so such a payment is
 *   accepted — it just repays no principal;
 * - the LAST row absorbs the residue: it pays exactly the remaining principal plus interest due,
 *   whatever its given amount (so rounding and rate differences never leave a balance);
 * - rejected: a payment before the last that would pay more than everything owed
 *   (`payment-exceeds-balance`), and payments whose total does not even reach the principal,
 *   i.e. a plan that never repays (`payments-do-not-repay`).
 */
export function buildCustomSchedule(input: CustomScheduleInput): Result<Schedule, FieldIssue> {
  const bad = validateCustomInput(input);
  if (bad) return err(bad);
  const { principal, annualRatePpm, payments } = input;
  const rows: ScheduleRow[] = [];
  let balance: number = principal;
  let unpaidInterest = 0;
  let prev: IsoDate = input.startDate;
  for (let i = 0; i < payments.length; i++) {
    const p = payments[i]!;
    const accrued = mulDiv(
      balance,
      BigInt(annualRatePpm) * BigInt(daysBetween(prev, p.dueDate)),
      365n * BigInt(PPM),
      'halfUp',
    );
    const interestDue = unpaidInterest + accrued;
    const isLast = i === payments.length - 1;
    let interest: number;
    let part: number;
    if (isLast) {
      interest = interestDue;
      part = balance;
    } else {
      if (p.amount > interestDue + balance)
        return err(
          fieldIssue(
            'payment-exceeds-balance',
            `payments[${i}].amount`,
            `payments[${i}].amount: ${formatYuan(p.amount)} is more than everything owed on ${p.dueDate} (${formatYuan(cents(interestDue + balance))}); the loan would be repaid before the last payment`,
            `payments[${i}].amount：${formatYuan(p.amount)} 超过 ${p.dueDate} 的全部欠款 ${formatYuan(cents(interestDue + balance))}，借款会在最后一笔之前还清`,
          ),
        );
      interest = Math.min(p.amount, interestDue);
      part = p.amount - interest;
    }
    unpaidInterest = interestDue - interest;
    balance -= part;
    rows.push({
      period: i + 1,
      dueDate: p.dueDate,
      payment: cents(interest + part),
      principal: cents(part),
      interest: cents(interest),
      fee: cents(0),
      balance: cents(balance),
    });
    prev = p.dueDate;
  }
  return ok(withTotals(rows));
}

function validateCustomInput(input: CustomScheduleInput): FieldIssue | null {
  const { principal, annualRatePpm, payments } = input;
  if (
    typeof principal !== 'number' ||
    !Number.isSafeInteger(principal) ||
    principal <= 0 ||
    principal > MAX_AMOUNT_CENTS
  )
    return fieldIssue(
      'invalid-amount',
      'principal',
      `principal: must be more than 0 and at most ${formatYuan(cents(MAX_AMOUNT_CENTS))}`,
      'principal：本金必须大于 0',
    );
  const start = parseIsoDate(input.startDate, 'startDate');
  if (!start.ok) return start.error;
  if (
    typeof annualRatePpm !== 'number' ||
    !Number.isSafeInteger(annualRatePpm) ||
    annualRatePpm < 0 ||
    annualRatePpm > MAX_ANNUAL_PPM
  )
    return fieldIssue(
      annualRatePpm > MAX_ANNUAL_PPM ? 'rate-out-of-range' : 'invalid-rate',
      'annualRate',
      `annualRate: must be from 0 to 1000 % a year, got ${String(annualRatePpm)} millionths`,
      'annualRate：年利率必须在 0 到 1000% 之间',
    );
  if (!Array.isArray(payments) || payments.length === 0 || payments.length > MAX_PERIODS)
    return fieldIssue(
      'invalid-input',
      'payments',
      `payments: need 1 to ${MAX_PERIODS} dated payments`,
      `payments：需要 1 到 ${MAX_PERIODS} 笔带日期的还款`,
    );
  const walked = walkPayments(payments, start.value);
  if (!walked.ok) return walked.error;
  const { last: prev, total } = walked.value;
  const days = BigInt(daysBetween(start.value, prev));
  if (
    total > MAX_DERIVED_CENTS ||
    BigInt(principal) + (BigInt(principal) * BigInt(annualRatePpm) * days) / (365n * BigInt(PPM)) >
      BigInt(MAX_DERIVED_CENTS)
  )
    return fieldIssue(
      'invalid-amount',
      'payments',
      'payments: the amounts involved would exceed ¥10 trillion',
      'payments：涉及金额将超过 10 万亿元',
    );
  if (total < principal)
    return fieldIssue(
      'payments-do-not-repay',
      'payments',
      `payments: they add up to ${formatYuan(cents(total))}, less than the principal ${formatYuan(principal)}, so the loan is never repaid`,
      `payments：还款合计 ${formatYuan(cents(total))} 少于本金 ${formatYuan(principal)}，永远还不清`,
    );
  return null;
}

/** Each payment dated after the one before (the first after startDate) with a usable amount. */
function walkPayments(
  payments: CustomScheduleInput['payments'],
  start: IsoDate,
): Result<{ last: IsoDate; total: number }, FieldIssue> {
  let prev: IsoDate = start;
  let total = 0;
  for (let i = 0; i < payments.length; i++) {
    const p = payments[i]!;
    const d = parseIsoDate(p.dueDate, `payments[${i}].dueDate`);
    if (!d.ok) return d;
    if (d.value <= prev)
      return err(
        fieldIssue(
          'invalid-date',
          `payments[${i}].dueDate`,
          `payments[${i}].dueDate: ${d.value} must be after ${i === 0 ? `startDate ${prev}` : `the previous payment (${prev})`}`,
          `payments[${i}].dueDate：${d.value} 必须晚于${i === 0 ? `放款日 ${prev}` : `上一笔还款日 ${prev}`}`,
        ),
      );
    if (
      typeof p.amount !== 'number' ||
      !Number.isSafeInteger(p.amount) ||
      p.amount <= 0 ||
      p.amount > MAX_AMOUNT_CENTS
    )
      return err(
        fieldIssue(
          'invalid-amount',
          `payments[${i}].amount`,
          `payments[${i}].amount: must be more than 0`,
          `payments[${i}].amount：还款金额必须大于 0`,
        ),
      );
    total += p.amount;
    prev = d.value;
  }
  return ok({ last: prev, total });
}

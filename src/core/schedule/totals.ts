import { cents } from '../money/index.js';
import type { Schedule, ScheduleRow } from './types.js';

/** Sums the money columns of the rows (exact integer fen). */
export function withTotals(rows: ScheduleRow[]): Schedule {
  let payment = 0;
  let principal = 0;
  let interest = 0;
  let fee = 0;
  for (const r of rows) {
    payment += r.payment;
    principal += r.principal;
    interest += r.interest;
    fee += r.fee;
  }
  return {
    rows,
    totals: {
      payment: cents(payment),
      principal: cents(principal),
      interest: cents(interest),
      fee: cents(fee),
    },
  };
}

import { cents } from '../money/index.js';
import type { ScheduleFlow, Schedule } from './types.js';

/**
 * The borrower's dated cash flows for core/apr: + the amount received on its date, − each row's
 * payment on its due date, − each extra fee (given as a positive amount paid) on its date.
 * Zero amounts are left out; the result is ordered by date (received first on a shared date);
 * flows on one date are not merged.
 */
export function scheduleToFlows(
  s: Schedule,
  received: ScheduleFlow,
  extraFees: ScheduleFlow[] = [],
): ScheduleFlow[] {
  const flows: ScheduleFlow[] = [{ date: received.date, amount: received.amount }];
  for (const f of extraFees) flows.push({ date: f.date, amount: cents(-f.amount) });
  for (const r of s.rows) flows.push({ date: r.dueDate, amount: cents(-r.payment) });
  return flows
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.amount !== 0)
    .sort((a, b) => (a.f.date < b.f.date ? -1 : a.f.date > b.f.date ? 1 : a.i - b.i))
    .map(({ f }) => f);
}

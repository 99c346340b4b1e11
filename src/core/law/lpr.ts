import { compareDates, type IsoDate } from '../dates/index.js';
import { err, ok, type FieldIssue, type Result } from '../result.js';
import type { RatePpm } from '../rates/index.js';
import type { LprEntry } from './types.js';

// One-year / five-year LPR change points since the 2019-08-20 reform (docs/law.md, Price lines: the LPR table).
// Every row is S: three independent code datasets agree; no PBOC/chinamoney page was read directly.

/** The last LPR announcement our sources checked. Quotes after the next publication are unknown. */
export const LPR_CHECKED_THROUGH = '2026-08-20' as IsoDate;
/** The last day the 2026-08-20 quote certainly held (the 2026-09 quote was published 2026-09-21). */
export const LPR_KNOWN_UNTIL = '2026-09-20' as IsoDate;
/** The first LPR quote under the reform; before it there is no LPR (the old 基准利率 regime). */
export const LPR_FIRST_DATE = '2019-08-20' as IsoDate;

const SX3 = 'secondary x3 (code datasets; docs/law.md, Price lines)';

const row = (
  effective: string,
  oneYearPct: number,
  fiveYearPct: number,
  source = SX3,
): LprEntry => ({
  effective: effective as IsoDate,
  // pct × 10_000 in integers: 4.25 % → 42_500 ppm (the table has two decimals, so this is exact)
  oneYearPpm: Math.round(oneYearPct * 10_000) as RatePpm,
  fiveYearPpm: Math.round(fiveYearPct * 10_000) as RatePpm,
  source,
  certainty: 'S',
});

export const LPR_TABLE: readonly LprEntry[] = [
  row(
    '2019-08-20',
    4.25,
    4.85,
    `${SX3}; chinamoney announcement 20190820 quoted in a test fixture`,
  ),
  row('2019-09-20', 4.2, 4.85),
  row('2019-11-20', 4.15, 4.8),
  row('2020-02-20', 4.05, 4.75),
  row('2020-04-20', 3.85, 4.65),
  row('2021-12-20', 3.8, 4.65),
  row('2022-01-20', 3.7, 4.6),
  row('2022-05-20', 3.7, 4.45),
  row('2022-08-22', 3.65, 4.3),
  row('2023-06-20', 3.55, 4.2),
  row('2023-08-21', 3.45, 4.2),
  row('2024-02-20', 3.45, 3.95),
  row('2024-07-22', 3.35, 3.85),
  row('2024-10-21', 3.1, 3.6),
  row(
    '2025-05-20',
    3.0,
    3.5,
    `${SX3}; unchanged through the 2026-08-20 announcement (chinamoney /chinese/rdgz/20260820/3399885.html as quoted); later months not checked`,
  ),
];

/**
 * The LPR quote in force on `date` (each quote holds from its publication until the next).
 * Before 2019-08-20 there is no LPR: an issue on `field`. After LPR_KNOWN_UNTIL the last known
 * quote is returned with certainty U, since later announcements were not checked.
 */
export function lprOn(date: IsoDate, field = 'contractDate'): Result<LprEntry, FieldIssue> {
  if (compareDates(date, LPR_FIRST_DATE) < 0) {
    return err({
      code: 'no-lpr',
      field,
      message: `${field}: ${date} is before 2019-08-20, when the LPR was first published; the pre-reform rules apply`,
      messageZh: `${field}：${date} 早于 2019-08-20 首次公布 LPR 的日期，适用改革前的规则`,
    });
  }
  let found = LPR_TABLE[0]!;
  for (const e of LPR_TABLE) if (compareDates(e.effective, date) <= 0) found = e;
  if (compareDates(date, LPR_KNOWN_UNTIL) > 0) {
    return ok({
      ...found,
      certainty: 'U',
      source: `${found.source}; NOT checked for ${date}: our table ends with the ${LPR_CHECKED_THROUGH} announcement`,
    });
  }
  return ok(found);
}

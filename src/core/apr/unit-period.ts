// Reg Z Appendix J (12 CFR 1026, App. J (b)(3)–(b)(5)): choose the unit-period of a dated flow
// schedule and express every flow date as whole unit-periods n plus a fraction f from the start of
// the term. Pure calendar arithmetic; no floats except the final fractions.
import { dayOf, monthOf, yearOf, type IsoDate } from '../dates/index.js';

/** A standard interval of time (App. J (b)(3)(iii)); weeks and months carry their multiple. */
export type UnitPeriod =
  | { kind: 'day' }
  | { kind: 'week'; weeks: number }
  | { kind: 'semimonth' }
  | { kind: 'month'; months: number }
  /** single advance, single payment shorter than a year: the term itself (App. J (b)(5)(vi)–(vii)) */
  | { kind: 'term'; periodsPerYear: number };

/** Unit-periods per year (App. J (b)(5)(ii)–(vii)). */
export function periodsPerYearOf(u: UnitPeriod): number {
  switch (u.kind) {
    case 'day':
      return 365;
    case 'week':
      return 52 / u.weeks;
    case 'semimonth':
      return 24;
    case 'month':
      return 12 / u.months;
    case 'term':
      return u.periodsPerYear;
    default: {
      const never: never = u;
      return never;
    }
  }
}

/** Nominal length in days, used only to rank and average periods (App. J (b)(4)(i)(A)–(B)). */
function nominalDays(u: UnitPeriod): number {
  return 365 / periodsPerYearOf(u);
}

function key(u: UnitPeriod): string {
  switch (u.kind) {
    case 'week':
      return `week${u.weeks}`;
    case 'month':
      return `month${u.months}`;
    default:
      return u.kind;
  }
}

/**
 * A calendar date parsed once: year, month (1–12), day, days since 1970-01-01 and whether it is
 * its month's last day. The dated solver works on these so no date string is parsed twice.
 */
export interface CalDate {
  y: number;
  m: number;
  d: number;
  dn: number;
  end: boolean;
}

function monthLength(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian y-m-d (integer arithmetic, any year). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The parsed form of y-m-d (already known to exist on the calendar). */
export function calDateOf(y: number, m: number, d: number): CalDate {
  return { y, m, d, dn: dayNumber(y, m, d), end: d === monthLength(y, m) };
}

/** Parses a valid IsoDate once. */
export function calDate(d: IsoDate): CalDate {
  return calDateOf(yearOf(d), monthOf(d), dayOf(d));
}

/**
 * How a payment series names its day of the month, for counting whole months back (App. J
 * (b)(3)(iv)): a series on month ends is measured month end to month end; a series on the 29th–31st
 * uses the month's last day where that day does not exist.
 */
export interface MonthRule {
  monthEnd: boolean;
  anchorDay: number;
}

export function monthRuleOf(dates: readonly IsoDate[]): MonthRule {
  return monthRuleOfCal(dates.map(calDate));
}

/** {@link monthRuleOf} on parsed dates. */
export function monthRuleOfCal(dates: readonly CalDate[]): MonthRule {
  if (dates.length === 0) return { monthEnd: false, anchorDay: 1 };
  let ends = 0;
  const counts = new Map<number, number>();
  for (const c of dates) {
    if (c.end) ends++;
    counts.set(c.d, (counts.get(c.d) ?? 0) + 1);
  }
  let anchorDay = 1;
  let best = -1;
  for (const [day, n] of counts) {
    if (n > best || (n === best && day > anchorDay)) {
      best = n;
      anchorDay = day;
    }
  }
  return { monthEnd: ends * 2 > dates.length, anchorDay };
}

/** Day number of the date `months` whole months before `c` under the series' month rule. */
function monthsBackDn(c: CalDate, months: number, rule: MonthRule): number {
  const total = c.y * 12 + (c.m - 1) - months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const dim = monthLength(y, m);
  if (rule.monthEnd && c.end) return dayNumber(y, m, dim);
  const day = c.end && rule.anchorDay > c.d ? rule.anchorDay : c.d;
  return dayNumber(y, m, Math.min(day, dim));
}

/** Whole months from `start` to `d` counted back from `d`, and the days left over at the start. */
export function wholeMonthsBack(
  start: IsoDate,
  d: IsoDate,
  rule: MonthRule,
): { months: number; days: number } {
  return wholeMonthsBackCal(calDate(start), calDate(d), rule);
}

function wholeMonthsBackCal(
  start: CalDate,
  d: CalDate,
  rule: MonthRule,
): { months: number; days: number } {
  let months = (d.y - start.y) * 12 + (d.m - start.m);
  while (months > 0 && monthsBackDn(d, months, rule) < start.dn) months--;
  if (months < 0) months = 0;
  return { months, days: monthsBackDn(d, months, rule) - start.dn };
}

/** The standard intervals an interval between two dates equals (a 28-day February is also 4 weeks). */
function classify(a: CalDate, b: CalDate, rule: MonthRule): UnitPeriod[] {
  const days = b.dn - a.dn;
  const out: UnitPeriod[] = [];
  if (days === 1) out.push({ kind: 'day' });
  if (days % 7 === 0 && days / 7 <= 52) out.push({ kind: 'week', weeks: days / 7 });
  if (days >= 13 && days <= 17) out.push({ kind: 'semimonth' });
  const wm = wholeMonthsBackCal(a, b, rule);
  if (wm.days === 0 && wm.months >= 1 && wm.months <= 12)
    out.push({ kind: 'month', months: wm.months });
  return out;
}

/** Standard intervals for the average rule, shortest first. */
const STANDARD: UnitPeriod[] = [
  { kind: 'day' },
  { kind: 'week', weeks: 1 },
  { kind: 'week', weeks: 2 },
  { kind: 'semimonth' },
  { kind: 'week', weeks: 3 },
  { kind: 'week', weeks: 4 },
  { kind: 'month', months: 1 },
  ...Array.from({ length: 11 }, (_, k) => ({ kind: 'month' as const, months: k + 2 })),
];

/**
 * Picks the unit-period for flows dated `dates` (ascending, distinct) with the term starting at
 * dates[0]. App. J (b)(4)(i): the common period (one occurring more than once) that occurs most
 * often; ties go to the shorter (A); with no common period, the standard interval nearest the
 * average period, the shorter on a tie (B). Periods are the intervals between successive advances
 * and between successive payments, each series starting from the beginning of the term (b)(3)(i).
 */
export function chooseUnitPeriod(input: {
  start: IsoDate;
  advances: readonly IsoDate[];
  payments: readonly IsoDate[];
}): UnitPeriod {
  return chooseUnitPeriodCal({
    start: calDate(input.start),
    advances: input.advances.map(calDate),
    payments: input.payments.map(calDate),
  });
}

/** {@link chooseUnitPeriod} on parsed dates. */
export function chooseUnitPeriodCal(input: {
  start: CalDate;
  advances: readonly CalDate[];
  payments: readonly CalDate[];
}): UnitPeriod {
  const { start, advances, payments } = input;
  const rule = monthRuleOfCal(payments);
  const counts = new Map<string, { u: UnitPeriod; n: number }>();
  let total = 0;
  let intervals = 0;
  for (const series of [advances, payments]) {
    let prev = start;
    for (const d of series) {
      if (d.dn > prev.dn) {
        intervals++;
        total += d.dn - prev.dn;
        for (const u of classify(prev, d, rule)) {
          const k = key(u);
          const e = counts.get(k);
          if (e) e.n++;
          else counts.set(k, { u, n: 1 });
        }
      }
      prev = d;
    }
  }
  let best: { u: UnitPeriod; n: number } | undefined;
  for (const e of counts.values()) {
    if (e.n < 2) continue;
    if (!best || e.n > best.n || (e.n === best.n && nominalDays(e.u) < nominalDays(best.u)))
      best = e;
  }
  if (best) return best.u;
  const avg = intervals === 0 ? 1 : total / intervals;
  let pick = STANDARD[0]!;
  for (const u of STANDARD) {
    if (Math.abs(nominalDays(u) - avg) < Math.abs(nominalDays(pick) - avg)) pick = u;
  }
  return pick;
}

/** Whole unit-periods n and the fraction f ∈ [0, 1) from the start of the term to `d`. */
export interface UnitTime {
  n: number;
  f: number;
}

/**
 * App. J (b)(5): days for day/week units; for semimonth and month multiples, 30 × whole months
 * counted back from `d` plus the odd days, divided by 15 or 30 × months; for a year, whole years
 * plus months/12 when the rest is whole months, else days/365.
 */
export function unitTimeOf(input: {
  unit: UnitPeriod;
  start: IsoDate;
  date: IsoDate;
  rule: MonthRule;
}): UnitTime {
  return unitTimeOfCal(input.unit, calDate(input.start), calDate(input.date), input.rule);
}

/** {@link unitTimeOf} on parsed dates. */
export function unitTimeOfCal(
  unit: UnitPeriod,
  start: CalDate,
  date: CalDate,
  rule: MonthRule,
): UnitTime {
  const split = (q: number, den: number): UnitTime => {
    const n = Math.floor(q / den);
    return { n, f: (q - n * den) / den };
  };
  switch (unit.kind) {
    case 'day':
      return { n: date.dn - start.dn, f: 0 };
    case 'week':
      return split(date.dn - start.dn, 7 * unit.weeks);
    case 'term':
      return { n: date.dn > start.dn ? 1 : 0, f: 0 };
    case 'semimonth': {
      const wm = wholeMonthsBackCal(start, date, rule);
      return split(30 * wm.months + wm.days, 15);
    }
    case 'month': {
      const wm = wholeMonthsBackCal(start, date, rule);
      if (unit.months < 12) return split(30 * wm.months + wm.days, 30 * unit.months);
      const years = Math.floor(wm.months / 12);
      const restMonths = wm.months - years * 12;
      if (wm.days === 0) return { n: years, f: restMonths / 12 };
      const f = (monthsBackDn(date, years * 12, rule) - start.dn) / 365;
      return f >= 1 ? { n: years + 1, f: f - 1 } : { n: years, f };
    }
    default: {
      const never: never = unit;
      return never;
    }
  }
}

/**
 * App. J (b)(5)(vi)–(vii) and (c)(5): a single advance and a single payment. Under a year the unit
 * is the term (12 ÷ months when whole months, else 365 ÷ days); from a year on, the unit is a year.
 */
export function singlePaymentUnit(start: IsoDate, end: IsoDate): UnitPeriod {
  return singlePaymentUnitCal(calDate(start), calDate(end));
}

/** {@link singlePaymentUnit} on parsed dates. */
export function singlePaymentUnitCal(start: CalDate, end: CalDate): UnitPeriod {
  const wm = wholeMonthsBackCal(start, end, { monthEnd: false, anchorDay: start.d });
  if (wm.months >= 12) return { kind: 'month', months: 12 };
  if (wm.days === 0 && wm.months > 0) return { kind: 'term', periodsPerYear: 12 / wm.months };
  return { kind: 'term', periodsPerYear: 365 / (end.dn - start.dn) };
}

import { err, ok, type FieldIssue, type Result, fail } from '../result.js';

/** A calendar date 'YYYY-MM-DD' with no time zone. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };
/** An instant: ISO-8601 UTC with 'Z', e.g. '2026-11-29T08:00:00.000Z'. */
export type Instant = string & { readonly __brand: 'Instant' };

const MS_PER_DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month1: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month1 - 1]!;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

function makeDate(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` as IsoDate;
}

/** The years every date must fall in: far wider than any loan, narrow enough for day arithmetic. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

function validYmd(y: number, m: number, d: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Why y-m-d is refused: out of the supported years (an honest range message) or not on the calendar. */
function dateIssue(field: string, text: string, y: number): FieldIssue {
  if (y < MIN_YEAR || y > MAX_YEAR)
    return {
      code: 'invalid-date',
      field,
      message: `${field}: ${text} is outside the supported range ${MIN_YEAR}-01-01 to ${MAX_YEAR}-12-31`,
      messageZh: `${field}：日期超出支持范围（${MIN_YEAR}-01-01 至 ${MAX_YEAR}-12-31）：${text}`,
    };
  return {
    code: 'invalid-date',
    field,
    message: `${field}: ${text} does not exist on the calendar`,
    messageZh: `${field}：日历上没有 ${text} 这一天`,
  };
}

const DASH = 45;
const DIGIT_0 = 48;

/** The decimal number in s[from, to), or −1 if any character there is not an ASCII digit. */
function digitsAt(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - DIGIT_0;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Parses a strict 'YYYY-MM-DD' that exists on the calendar (1900–2200). */
export function parseIsoDate(text: unknown, field = 'date'): Result<IsoDate, FieldIssue> {
  // the common case without the regex (hot in the APR solver): ten characters, two dashes, digits
  if (typeof text === 'string' && text.length === 10) {
    const y = digitsAt(text, 0, 4);
    const mo = digitsAt(text, 5, 7);
    const d = digitsAt(text, 8, 10);
    if (text.charCodeAt(4) === DASH && text.charCodeAt(7) === DASH && y >= 0 && mo >= 0 && d >= 0) {
      if (!validYmd(y, mo, d)) return err(dateIssue(field, text, y));
      return ok(text as IsoDate);
    }
  }
  const m = typeof text === 'string' ? ISO.exec(text) : null;
  if (!m) {
    return err({
      code: 'invalid-date',
      field,
      message: `${field}: "${String(text)}" is not a date in YYYY-MM-DD form`,
      messageZh: `${field}：“${String(text)}”不是 YYYY-MM-DD 格式的日期`,
    });
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!validYmd(y, mo, d)) return err(dateIssue(field, String(text), y));
  return ok(makeDate(y, mo, d));
}

/**
 * Parses the date forms people and Chinese spreadsheets use: '2024-01-05', '2024/1/5', '2024.1.5',
 * '2024年1月5日', '20240105'.
 */
export function parseDateInput(text: unknown, field = 'date'): Result<IsoDate, FieldIssue> {
  if (typeof text !== 'string') return parseIsoDate(text, field);
  const s = text.trim();
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s) ??
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]\d{1,2}:\d{2}(?::\d{2})?$/.exec(s);
  if (!m) return parseIsoDate(text, field);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!validYmd(y, mo, d)) return err(dateIssue(field, text, y));
  return ok(makeDate(y, mo, d));
}

/** Brands a known-good literal; throws on a bad one (for code and tests, not user input). */
export function isoDate(text: string): IsoDate {
  const r = parseIsoDate(text);
  if (!r.ok) fail(r.error.message);
  return r.value;
}

/** Days since 1970-01-01 (UTC calendar arithmetic; no local time involved). */
export function toDayNumber(d: IsoDate): number {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  const day = Number(d.slice(8, 10));
  return Date.UTC(y, m - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(n: number): IsoDate {
  const dt = new Date(n * MS_PER_DAY);
  return makeDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** Whole days from a to b (b − a); negative when b is earlier. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * The date n months after `anchor`, keeping the anchor's day and clamping to the month's end
 * (Jan 31 + 1 → Feb 28/29, + 2 → Mar 31). Always compute from the anchor, never chain.
 */
export function addMonths(anchor: IsoDate, n: number): IsoDate {
  const y = Number(anchor.slice(0, 4));
  const m = Number(anchor.slice(5, 7));
  const d = Number(anchor.slice(8, 10));
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return makeDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(d: IsoDate): number {
  const w = new Date(toDayNumber(d) * MS_PER_DAY).getUTCDay();
  return w === 0 ? 7 : w;
}

export function yearOf(d: IsoDate): number {
  return Number(d.slice(0, 4));
}

export function monthOf(d: IsoDate): number {
  return Number(d.slice(5, 7));
}

export function dayOf(d: IsoDate): number {
  return Number(d.slice(8, 10));
}

/** Whole calendar months from a to b, counting a month only once its day is reached. */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  let months = (yearOf(b) - yearOf(a)) * 12 + (monthOf(b) - monthOf(a));
  if (addMonths(a, months) > b) months -= 1;
  return months;
}

/** Parses an ISO-8601 instant with a zone and normalizes it to UTC 'Z' form. */
export function parseInstant(text: unknown, field = 'time'): Result<Instant, FieldIssue> {
  if (
    typeof text !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)
  ) {
    return err({
      code: 'invalid-time',
      field,
      message: `${field}: "${String(text)}" is not an ISO-8601 time with a zone (e.g. 2026-11-29T21:30:00+08:00)`,
      messageZh: `${field}：“${String(text)}”不是带时区的时间（例如 2026-11-29T21:30:00+08:00）`,
    });
  }
  const dateOk = parseIsoDate(text.slice(0, 10), field);
  if (!dateOk.ok) return dateOk;
  const t = Date.parse(text);
  if (Number.isNaN(t)) {
    return err({
      code: 'invalid-time',
      field,
      message: `${field}: "${text}" is not a valid time`,
      messageZh: `${field}：“${text}”不是有效时间`,
    });
  }
  return ok(new Date(t).toISOString() as Instant);
}

/** China Standard Time (Asia/Shanghai): UTC+8 all year, no DST. */
export const CHINA_UTC_OFFSET_MINUTES = 480;

/**
 * The calendar date an instant falls on at a fixed UTC offset (default Asia/Shanghai): the
 * borrower's "today" is their local day, not the server's UTC day (23:30 UTC is tomorrow in Beijing).
 */
export function localDateOf(
  instant: Instant | string,
  utcOffsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): IsoDate {
  return new Date(Date.parse(instant) + utcOffsetMinutes * 60_000)
    .toISOString()
    .slice(0, 10) as IsoDate;
}

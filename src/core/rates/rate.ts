import { err, ok, type FieldIssue, type Result, assert } from '../result.js';

/** A rate in millionths per its period (19.99 % = 199_900). Exact, comparable, fit for mulDiv. */
export type RatePpm = number & { readonly __brand: 'RatePpm' };

export const PPM = 1_000_000;
/** Quoted annualized rates above 1000 % are treated as typing mistakes, not as prices. */
export const MAX_ANNUAL_PPM = 10 * PPM;

export function ratePpm(n: number): RatePpm {
  assert(
    Number.isSafeInteger(n) && n >= 0,
    () => `ratePpm must be a non-negative integer, got ${n}`,
  );
  return n as RatePpm;
}

export type RatePeriod = 'year' | 'month' | 'day';
/** 'balance': charged on the outstanding balance; 'original-principal': a flat fee (月费率) on the amount borrowed. */
export type RateBasis = 'balance' | 'original-principal';

export interface QuotedRate {
  ppm: RatePpm;
  per: RatePeriod;
  basis: RateBasis;
}

function tooPrecise(field: string, text: string): FieldIssue {
  return {
    code: 'invalid-rate',
    field,
    message: `${field}: "${text}" is more precise than 0.0001 % (one part per million)`,
    messageZh: `${field}：“${text}”精度超过百万分之一`,
  };
}

function notARate(field: string, text: string): FieldIssue {
  return {
    code: 'invalid-rate',
    field,
    message: `${field}: "${text}" is not a rate (e.g. "0.18", "18%", "月息1%", "日息万五")`,
    messageZh: `${field}：“${text}”不是有效的利率（例如 "0.18"、"18%"、"月息1%"、"日息万五"）`,
  };
}

/** Exact decimal string × 10^shift as an integer, or null when it does not come out whole. */
function decimalToInt(text: string, shift: number): number | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > shift && /[1-9]/.test(frac.slice(shift))) return null;
  const v = BigInt(m[1]! + frac.slice(0, shift).padEnd(shift, '0'));
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(v);
}

/** Parses a decimal fraction ("0.049" = 4.9 %) to ppm. */
export function parseRateFraction(text: unknown, field = 'rate'): Result<RatePpm, FieldIssue> {
  if (typeof text !== 'string' || !/^\d+(\.\d+)?$/.test(text.trim()))
    return err(notARate(field, String(text)));
  const v = decimalToInt(text.trim(), 6);
  if (v === null) return err(tooPrecise(field, text));
  return ok(ratePpm(v));
}

/** Parses a percentage ("19.99" or "19.99%") to ppm. */
export function parsePercent(text: unknown, field = 'rate'): Result<RatePpm, FieldIssue> {
  const s = typeof text === 'string' ? text.trim().replace(/[%％]$/, '') : '';
  if (!/^\d+(\.\d+)?$/.test(s)) return err(notARate(field, String(text)));
  const v = decimalToInt(s, 4);
  if (v === null) return err(tooPrecise(field, String(text)));
  return ok(ratePpm(v));
}

const CN_DIGITS: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  点: '.',
};

function cnToDecimal(s: string): string {
  return [...s].map((ch) => CN_DIGITS[ch] ?? ch).join('');
}

/**
 * Parses the ways Chinese lenders quote a price:
 * - annual: "0.18" (fraction), "18%", "年化18%", "年利率 18%";
 * - monthly on balance: "月息1%", "月利率1%";
 * - monthly flat fee on the original principal: "月费率0.6%", "每期手续费0.6%";
 * - daily: "日息万五", "日利率0.05%", "万分之5", "万5", "0.05%/天".
 */
export function parseQuotedRate(text: unknown, field = 'rate'): Result<QuotedRate, FieldIssue> {
  if (typeof text !== 'string') return err(notARate(field, String(text)));
  const s = text.trim().replace(/\s+/g, '').replace(/％/g, '%');
  let per: RatePeriod = 'year';
  let basis: RateBasis = 'balance';
  let body = s;
  if (/^(年化|年利率|年息|年费率|APR)/i.test(body)) {
    body = body.replace(/^(年化利率|年化|年利率|年息|年费率|APR)[:：]?/i, '');
  } else if (/^(月费率|月手续费率?|每期手续费率?|每期费率|分期费率)/.test(body)) {
    per = 'month';
    basis = 'original-principal';
    body = body.replace(/^(月费率|月手续费率?|每期手续费率?|每期费率|分期费率)[:：]?/, '');
  } else if (/^(月息|月利率)/.test(body)) {
    per = 'month';
    body = body.replace(/^(月息|月利率)[:：]?/, '');
  } else if (/^(日息|日利率|日费率)/.test(body)) {
    per = 'day';
    body = body.replace(/^(日息|日利率|日费率)[:：]?/, '');
  }
  if (/(\/天|\/日|每天|每日)$/.test(body)) {
    per = 'day';
    body = body.replace(/(\/天|\/日|每天|每日)$/, '');
  } else if (/(\/月|每月)$/.test(body)) {
    per = 'month';
    body = body.replace(/(\/月|每月)$/, '');
  } else if (/(\/年|每年)$/.test(body)) {
    body = body.replace(/(\/年|每年)$/, '');
  }
  // 万分之五 / 万五 / 万分之0.5: parts per ten thousand, always daily unless said otherwise
  const wan = /^(?:万分之|万)(.+)$/.exec(body);
  let ppm: number | null;
  if (wan) {
    if (per === 'year' && !/^(年)/.test(s)) per = 'day';
    const dec = cnToDecimal(wan[1]!);
    if (!/^\d+(\.\d+)?$/.test(dec)) return err(notARate(field, text));
    ppm = decimalToInt(dec, 2);
    if (ppm === null) return err(tooPrecise(field, text));
  } else if (body.endsWith('%')) {
    const r = parsePercent(body, field);
    if (!r.ok)
      return err(
        r.error.code === 'invalid-rate' && /precise/.test(r.error.message)
          ? tooPrecise(field, text)
          : notARate(field, text),
      );
    ppm = r.value;
  } else if (/^\d+(\.\d+)?$/.test(body) && per === 'year' && body === s) {
    const r = parseRateFraction(body, field);
    if (!r.ok) return err(r.error);
    ppm = r.value;
  } else {
    return err(notARate(field, text));
  }
  const quoted: QuotedRate = { ppm: ratePpm(ppm), per, basis };
  if (annualizeSimple(quoted) > MAX_ANNUAL_PPM) {
    return err({
      code: 'rate-out-of-range',
      field,
      message: `${field}: "${text}" is above 1000 % a year; check for a typing mistake`,
      messageZh: `${field}：“${text}”年化超过 1000%，请检查是否输入有误`,
    });
  }
  return ok(quoted);
}

/**
 * The simple (单利口径) annual rate of a quote: monthly × 12, daily × daysPerYear (365 by default,
 * the way 借呗 turns 日利率0.05% into 年化18.25%). Flat fees on the original principal are NOT
 * comparable to a balance rate; their true annual cost needs the IRR (core/apr).
 */
export function annualizeSimple(q: QuotedRate, daysPerYear: 360 | 365 = 365): RatePpm {
  switch (q.per) {
    case 'year':
      return q.ppm;
    case 'month':
      return ratePpm(q.ppm * 12);
    case 'day':
      return ratePpm(q.ppm * daysPerYear);
    default: {
      const never: never = q.per;
      throw new Error(`unknown period ${String(never)}`);
    }
  }
}

/** ppm as a decimal fraction string with up to six decimals ("0.049"). */
export function formatRateFraction(r: RatePpm): string {
  const whole = Math.trunc(r / PPM);
  const frac = String(r % PPM)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** ppm as a percentage for people, trimmed ("18.25%", "4.9%"); `digits` caps the decimals. */
export function formatPercent(r: RatePpm, digits = 4): string {
  const scaled = Math.round((r / 10_000) * 10 ** digits) / 10 ** digits;
  return `${scaled.toFixed(digits).replace(/\.?0+$/, '')}%`;
}

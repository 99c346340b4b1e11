// Input helpers for JSON-in use cases (the calculators, the CLI's apr): each names the first bad
// field in an AppError, so both edges print it in zh/en without a stack trace.
import type { DatedFlow } from '../core/apr/index.js';
import { parseIsoDate } from '../core/dates/index.js';
import { parseCents } from '../core/money/index.js';
import type { FieldIssue, Result } from '../core/result.js';
import { AppError } from './errors.js';

export function fail(issue: FieldIssue): never {
  throw AppError.fromIssue(issue);
}

export function unwrap<T>(r: Result<T, FieldIssue>): T {
  if (!r.ok) fail(r.error);
  return r.value;
}

/** An invalid-input error whose message starts with the field, in both languages. */
export function bad(field: string, message: string, messageZh: string): never {
  throw new AppError('invalid-input', `${field}: ${message}`, {
    field,
    messageZh: `${field}：${messageZh}`,
  });
}

/** The top-level input must be a JSON object (not an array or null). */
export function expectObject(
  raw: unknown,
  message = 'expected a JSON object',
  messageZh = '应为 JSON 对象',
): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    bad('input', message, messageZh);
  return raw as Record<string, unknown>;
}

/** `{date, amount}` of one cash flow already known to be an object; errors name `${field}.date` etc. */
export function readDatedFlow(r: Record<string, unknown>, field: string): DatedFlow {
  const date = parseIsoDate(r['date'], `${field}.date`);
  if (!date.ok) fail(date.error);
  const amount = parseCents(r['amount'] as string, `${field}.amount`);
  if (!amount.ok) fail(amount.error);
  return { date: date.value, amount: amount.value };
}

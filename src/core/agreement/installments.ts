import { err, ok, type FieldIssue, type IssueCode, type Result } from '../result.js';
import { cents, formatMoney, type Cents } from '../money/index.js';
import { addMonths, type IsoDate } from '../dates/index.js';
import type { Installment, InstallmentSegment } from './types.js';

/** Most installments one agreement may hold (10 years of months, with room for irregular ones). */
export const MAX_INSTALLMENTS = 240;

function issue(code: IssueCode, field: string, en: string, zh: string): FieldIssue {
  return { code, field, message: `${field}: ${en}`, messageZh: `${field}：${zh}` };
}

/**
 * Expands runs of equal monthly installments ("3 × ¥200 then 33 × ¥980") into a list. Dates come
 * from one anchor per run (`addMonths(anchor, n)`, month-end clamped), never chained; a run
 * without `firstDueOn` continues the previous run's anchor.
 */
export function expandSegments(
  segments: readonly InstallmentSegment[],
  field = 'segments',
): Result<Installment[], FieldIssue> {
  if (segments.length === 0)
    return err(issue('invalid-input', field, 'needs at least one run', '至少需要一段分期'));
  const out: Installment[] = [];
  let anchor: IsoDate | null = null;
  let offset = 0;
  for (const [i, s] of segments.entries()) {
    const f = `${field}[${i}]`;
    if (!Number.isInteger(s.count) || s.count < 1 || s.count > MAX_INSTALLMENTS)
      return err(
        issue(
          'invalid-input',
          `${f}.count`,
          `must be a whole number from 1 to ${MAX_INSTALLMENTS}`,
          `应为 1 到 ${MAX_INSTALLMENTS} 的整数`,
        ),
      );
    if (s.firstDueOn !== null) {
      anchor = s.firstDueOn;
      offset = 0;
    }
    if (anchor === null)
      return err(
        issue(
          'invalid-input',
          `${f}.firstDueOn`,
          'the first run needs a date',
          '第一段必须给出首期日期',
        ),
      );
    for (let k = 0; k < s.count; k++) {
      out.push({ seq: out.length + 1, dueOn: addMonths(anchor, offset + k), amount: s.amount });
    }
    offset += s.count;
  }
  return ok(out);
}

/**
 * Checks an agreed installment list: positive amounts, due dates after the agreement date and in
 * order, at most MAX_INSTALLMENTS, and — when the agreed total is given — an exact sum (rejects,
 * saying by how much it differs). Returns the list renumbered 1..n.
 */
export function validateInstallments(input: {
  agreedOn: IsoDate;
  total: Cents | null;
  installments: readonly { dueOn: IsoDate; amount: Cents }[];
  field?: string;
}): Result<Installment[], FieldIssue> {
  const field = input.field ?? 'installments';
  const list = input.installments;
  if (list.length === 0)
    return err(issue('invalid-input', field, 'needs at least one installment', '至少需要一期'));
  if (list.length > MAX_INSTALLMENTS)
    return err(
      issue(
        'invalid-input',
        field,
        `has ${list.length} installments; at most ${MAX_INSTALLMENTS}`,
        `共 ${list.length} 期，最多 ${MAX_INSTALLMENTS} 期`,
      ),
    );
  let sum = 0;
  for (const [i, x] of list.entries()) {
    if (x.amount <= 0)
      return err(
        issue(
          'invalid-amount',
          `${field}[${i}].amount`,
          `must be above zero (got ${formatMoney(x.amount)})`,
          `必须大于 0（现为 ${formatMoney(x.amount)}）`,
        ),
      );
    if (x.dueOn <= input.agreedOn)
      return err(
        issue(
          'invalid-date',
          `${field}[${i}].dueOn`,
          `${x.dueOn} is not after the agreement date ${input.agreedOn}`,
          `${x.dueOn} 不晚于协议日期 ${input.agreedOn}`,
        ),
      );
    if (i > 0 && x.dueOn < list[i - 1]!.dueOn)
      return err(
        issue(
          'invalid-date',
          `${field}[${i}].dueOn`,
          `${x.dueOn} is before the previous installment (${list[i - 1]!.dueOn}); list them in date order`,
          `${x.dueOn} 早于上一期（${list[i - 1]!.dueOn}），请按日期顺序填写`,
        ),
      );
    sum += x.amount;
  }
  if (input.total !== null && sum !== input.total) {
    const diff = cents(Math.abs(sum - input.total));
    return err(
      issue(
        'installments-do-not-add-up',
        field,
        `the installments add up to ${formatMoney(cents(sum))}, ${formatMoney(diff)} ${sum > input.total ? 'more' : 'less'} than the agreed total ${formatMoney(input.total)}`,
        `各期合计 ${formatMoney(cents(sum))}，比约定总额 ${formatMoney(input.total)} ${sum > input.total ? '多' : '少'} ${formatMoney(diff)}`,
      ),
    );
  }
  return ok(list.map((x, i) => ({ seq: i + 1, dueOn: x.dueOn, amount: x.amount })));
}

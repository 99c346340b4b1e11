// Limitation check before a letter that acknowledges a debt. 民法典第188条 (P): three years from
// when the creditor could claim; 第189条 (P): installments run from the last due date; 第195条 (P):
// a demand by the creditor or the debtor's agreement to pay restarts the clock; 第192条 (P): after
// expiry a voluntary payment cannot be reclaimed. A letter that admits the debt can restart it, so
// the borrower is warned (outside the letter) when the period may have run.
import { addDays, addMonths, maxDate, type IsoDate } from '../core/dates/index.js';
import type { CaseInput } from './templates/types.js';

export interface LimitationWarning {
  code: 'limitation-may-have-run';
  debtRef: string;
  /** when the three years (may) have ended */
  expiresOn: IsoDate;
  messageZh: string;
  message: string;
}

/** Warn this long before the three years end too: the letter may take weeks to arrive. */
const MARGIN_DAYS = 90;

/** The date the creditor could first claim the debt, when the record shows one is past. */
function claimableFrom(d: CaseInput['debts'][number], asOf: IsoDate): IsoDate | undefined {
  const starts: IsoDate[] = [];
  if (d.dueOn !== undefined && d.dueOn <= asOf) starts.push(d.dueOn);
  if (d.overdueDays > 0) starts.push(addDays(asOf, -d.overdueDays));
  return starts.length === 0 ? undefined : starts.reduce((a, b) => maxDate(a, b));
}

export function limitationWarnings(c: CaseInput): LimitationWarning[] {
  const contacts = (c.contacts ?? []).map((x) => x.on).filter((on) => on <= c.asOf);
  const lastContact = contacts.length === 0 ? undefined : contacts.reduce((a, b) => maxDate(a, b));
  const out: LimitationWarning[] = [];
  for (const d of c.debts) {
    const start = claimableFrom(d, c.asOf);
    if (start === undefined) continue;
    // the latest event on record that restarts the clock: a payment or a logged contact
    let from = start;
    if (d.lastPaymentOn !== undefined) from = maxDate(from, d.lastPaymentOn);
    if (lastContact !== undefined) from = maxDate(from, lastContact);
    const expiresOn = addMonths(from, 36);
    if (addDays(expiresOn, -MARGIN_DAYS) > c.asOf) continue;
    const ref = d.ref.trim() === '' ? '（未填编号）' : d.ref;
    const past = expiresOn <= c.asOf;
    out.push({
      code: 'limitation-may-have-run',
      debtRef: d.ref,
      expiresOn,
      messageZh: `注意：借款 ${ref} 自可以追讨之日或最近一次还款/联系记录起已${past ? '超过' : '接近'}3年（约${expiresOn}届满），诉讼时效可能已经届满（《民法典》第188条）。寄出承认欠款的信件、同意还款或还一部分钱，都可能让时效重新计算（第195条）；时效届满后自愿还的钱也不能要回（第192条）。寄出前请先咨询律师或拨打 12348。`,
      message: `Warning: on debt ${d.ref || '(no number)'} three years have ${past ? 'passed' : 'nearly passed'} (about ${expiresOn}) since it could first be claimed or since the last payment or contact on record, so the limitation period may have run (Civil Code Art. 188). A letter admitting the debt, agreeing to pay or paying part can restart it (Art. 195), and money paid voluntarily after expiry cannot be reclaimed (Art. 192). Ask a lawyer or call 12348 before sending.`,
    });
  }
  return out;
}

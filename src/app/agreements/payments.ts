// Use cases for the payments made under an agreement (F11): record one (validated, its receipt in
// the vault, matched to the installments with the others) and list them.
import type { IsoDate } from '../../core/dates/index.js';
import { formatMoney, type Cents } from '../../core/money/index.js';
import {
  createAgreementRepository,
  type Agreement,
  type AgreementPayment,
} from '../../db/repositories/agreements-repository.js';
import { createEventRepository } from '../../db/repositories/event-repository.js';
import type { CaseId } from '../../db/types.js';
import { writeWithinCaseTotal } from '../case-limits.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { addEvidence } from '../evidence/evidence.js';
import { checkEvidence, findAgreement, reportOf, type AgreementReport } from './agreements.js';
import { rematchAgreement } from './edit.js';
import { parseDateField, parsePaymentChannel, parsePositiveMoney } from './input.js';

export interface PaymentInput {
  agreement?: string;
  lender?: string;
  amount: string;
  /** default: asOf */
  date?: string;
  channel?: string;
  /** a receipt file to add to the evidence vault */
  receiptFile?: string;
  /** an evidence id already in the vault */
  receiptEvidenceId?: string;
  note?: string;
  asOf: IsoDate;
}

export async function listAgreementPayments(
  deps: Deps,
  caseId: CaseId,
  agreementId: string,
): Promise<AgreementPayment[]> {
  return createAgreementRepository(deps.db).listPayments(caseId, agreementId);
}

/**
 * Records a payment: validates amount (> 0), date (on or after the agreement date, not after
 * asOf) and the agreement first; then adds the receipt to the vault (if a file is given), and in
 * one transaction stores the payment, re-matches all the agreement's payments (allocations are
 * derived data) and marks the agreement completed once fully paid.
 */
export async function recordPayment(
  deps: Deps,
  caseId: CaseId,
  input: PaymentInput,
): Promise<{ payment: AgreementPayment; report: AgreementReport }> {
  const { a, amount, paidOn, channel } = await validatePayment(deps, caseId, input);
  const receiptId = await receiptOf(deps, caseId, input, { a, amount, paidOn });
  const payment: AgreementPayment = {
    id: deps.ids.next(),
    caseId,
    agreementId: a.id,
    paidOn,
    amount,
    channel: channel ?? a.paymentChannel,
    receiptEvidenceId: receiptId,
    note: input.note ?? null,
    createdAt: deps.clock.now(),
  };
  return writeWithinCaseTotal(deps.db, caseId, 'amount', async (trx) => {
    await createAgreementRepository(trx).insertPayment(payment);
    // allocations are derived data: every payment is matched again, the status follows
    const payments = await rematchAgreement(trx, deps, caseId, a.id, input.asOf);
    const report = reportOf(a, payments, { asOf: input.asOf });
    if (report.progress.isComplete && a.status === 'active')
      report.agreement = { ...a, status: 'completed' };
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId,
      at: payment.createdAt,
      actor: 'user',
      action: 'agreement.pay',
      subject: payment.id,
      details: { agreementId: a.id, amount: formatMoney(amount), paidOn },
    });
    return { payment, report };
  });
}

/** The payment's amount, date and channel, and the agreement it pays; refuses a date outside it. */
async function validatePayment(
  deps: Deps,
  caseId: CaseId,
  input: PaymentInput,
): Promise<{ a: Agreement; amount: Cents; paidOn: IsoDate; channel: Agreement['paymentChannel'] }> {
  const amount = parsePositiveMoney(input.amount, 'amount');
  const paidOn = input.date === undefined ? input.asOf : parseDateField(input.date, 'date');
  const channel =
    input.channel === undefined ? null : parsePaymentChannel(input.channel, 'channel');
  const a = await findAgreement(deps, caseId, input);
  if (paidOn < a.agreedOn)
    throw new AppError(
      'invalid-date',
      `date: ${paidOn} is before the agreement date ${a.agreedOn}`,
      {
        field: 'date',
        messageZh: `date：${paidOn} 早于协议日期 ${a.agreedOn}`,
      },
    );
  if (paidOn > input.asOf)
    throw new AppError(
      'invalid-date',
      `date: ${paidOn} is in the future (today is ${input.asOf})`,
      {
        field: 'date',
        messageZh: `date：${paidOn} 是将来的日期（今天是 ${input.asOf}）`,
      },
    );
  return { a, amount, paidOn, channel };
}

/** The receipt's evidence id: the one given (checked), else the file added to the vault now. */
async function receiptOf(
  deps: Deps,
  caseId: CaseId,
  input: PaymentInput,
  paid: { a: Agreement; amount: Cents; paidOn: IsoDate },
): Promise<string | null> {
  let receiptId = input.receiptEvidenceId ?? null;
  await checkEvidence(deps, caseId, receiptId, 'receipt');
  if (input.receiptFile !== undefined) {
    const added = await addEvidence(deps, {
      caseId,
      file: input.receiptFile,
      kind: 'receipt',
      lender: paid.a.lenderId,
      note: `还款凭证 ${paid.paidOn} ${formatMoney(paid.amount)}`,
    });
    receiptId = added.item.id;
  }
  return receiptId;
}

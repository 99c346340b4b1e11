// The stored terms and the recorded payments of an agreement as the API shows them (money as yuan
// strings), so an edit form starts from what is stored and each payment can be edited or deleted.
import { formatYuan } from '../../core/money/index.js';
import type { AgreementReport } from './agreements.js';

export interface AgreementTermsJson {
  payments: {
    id: string;
    paidDate: string;
    amount: string;
    channel: string | null;
    note: string | null;
  }[];
  firstDueDate: string;
  monthlyAmount: string;
  count: number;
  agentName: string | null;
  paymentChannel: string | null;
  notes: string | null;
}

/** The level terms are read from the first installment (an agreement from the web is level). */
export function agreementTermsJson(r: AgreementReport): AgreementTermsJson {
  const a = r.agreement;
  const first = a.installments[0];
  return {
    payments: r.payments.map((p) => ({
      id: p.id,
      paidDate: p.paidOn,
      amount: formatYuan(p.amount),
      channel: p.channel,
      note: p.note,
    })),
    firstDueDate: first?.dueOn ?? a.agreedOn,
    monthlyAmount: first === undefined ? '0.00' : formatYuan(first.amount),
    count: a.installments.length,
    agentName: a.agentName,
    paymentChannel: a.paymentChannel,
    notes: a.notes,
  };
}

// Agreements as JSON, one presenter for both edges: `agreementJson` is the whole record the CLI
// prints with --json (`agreement add|list|show`, `pay`), and `agreementView` — the API's
// AgreementView (contracts/case.ts) — is a projection of that same JSON (`toAgreementView`), so the
// two can never disagree about one agreement. Money as yuan strings, dates YYYY-MM-DD.
import type { AgreementView } from '../../contracts/index.js';
import type { Progress } from '../../core/agreement/index.js';
import { addMonths } from '../../core/dates/index.js';
import { formatYuan } from '../../core/money/index.js';
import type { AgreementReport } from './agreements.js';

/** The CLI's --json shape of one agreement: terms, installments, matched payments, progress. */
export function agreementJson(r: AgreementReport) {
  const a = r.agreement;
  const stored = new Map(r.payments.map((p) => [p.id, p]));
  return {
    id: a.id,
    lender: { id: a.lenderId, name: a.lenderName, brand: a.lenderBrand },
    agreedOn: a.agreedOn,
    total: formatYuan(a.total),
    status: a.status,
    paymentChannel: a.paymentChannel,
    payToAccount: a.payToAccount,
    agent: { name: a.agentName, number: a.agentNumber },
    concessions: a.concessions,
    confirmedInWriting: a.isConfirmedInWriting,
    documentEvidenceId: a.documentEvidenceId,
    confirmationEvidenceId: a.confirmationEvidenceId,
    notes: a.notes,
    installments: r.status.installments.map((s) => ({
      seq: s.seq,
      dueOn: s.dueOn,
      amount: formatYuan(s.amount),
      paid: formatYuan(s.paid),
      remaining: formatYuan(s.remaining),
      status: s.status,
      paidOn: s.paidOn,
      daysLate: s.daysLate,
    })),
    payments: r.status.payments.map((p) => ({
      id: p.paymentId,
      paidOn: p.paidOn,
      amount: formatYuan(p.amount),
      channel: stored.get(p.paymentId)?.channel ?? null,
      note: stored.get(p.paymentId)?.note ?? null,
      allocations: p.allocations.map((x) => ({ seq: x.seq, amount: formatYuan(x.amount) })),
      carriedForward: formatYuan(p.carriedForward),
      unapplied: formatYuan(p.unapplied),
      receiptEvidenceId: stored.get(p.paymentId)?.receiptEvidenceId ?? null,
    })),
    recorded: formatYuan(r.status.recorded),
    matched: formatYuan(r.status.matched),
    unapplied: formatYuan(r.status.unapplied),
    progress: progressJson(r.progress),
    warnings: r.warnings,
  };
}

export type AgreementJson = ReturnType<typeof agreementJson>;

/** Progress of one agreement, or of all of them (`overall` has no next installment). */
export function progressJson(p: Omit<Progress, 'nextDue'> & { nextDue?: Progress['nextDue'] }) {
  return {
    total: formatYuan(p.total),
    paid: formatYuan(p.paid),
    remaining: formatYuan(p.remaining),
    arrears: formatYuan(p.arrears),
    installmentsPaid: p.installmentsPaid,
    installmentsTotal: p.installmentsTotal,
    scheduledEndOn: p.scheduledEndOn,
    projectedEndOn: p.projectedEndOn,
    onTrack: p.isOnTrack,
    complete: p.isComplete,
    ...(p.nextDue === undefined
      ? {}
      : {
          nextDue:
            p.nextDue === null
              ? null
              : {
                  seq: p.nextDue.seq,
                  dueOn: p.nextDue.dueOn,
                  remaining: formatYuan(p.nextDue.remaining),
                },
        }),
  };
}

/**
 * The terms as the API's form enters them (count × amount monthly from the first due date), when
 * the installments are exactly that; an agreement of several segments has no such form.
 */
function levelTerms(
  j: AgreementJson,
): Pick<AgreementView, 'firstDueDate' | 'monthlyAmount' | 'count'> {
  const [first] = j.installments;
  if (first === undefined) return {};
  const level = j.installments.every(
    (s, i) => s.amount === first.amount && s.dueOn === addMonths(first.dueOn, i),
  );
  return level
    ? { firstDueDate: first.dueOn, monthlyAmount: first.amount, count: j.installments.length }
    : {};
}

/** The API's AgreementView, read off the CLI's JSON of the same record. */
export function toAgreementView(j: AgreementJson): AgreementView {
  return {
    id: j.id,
    lenderId: j.lender.id,
    lender: j.lender.brand ?? j.lender.name,
    agreedDate: j.agreedOn,
    total: j.progress.total,
    paid: j.progress.paid,
    isConfirmedInWriting: j.confirmedInWriting,
    status: j.status,
    installments: j.installments.map((s) => ({
      seq: s.seq,
      dueDate: s.dueOn,
      amount: s.amount,
      paid: s.paid,
      status: s.status,
    })),
    payments: j.payments.map((p) => ({
      id: p.id,
      paidDate: p.paidOn,
      amount: p.amount,
      channel: p.channel,
      note: p.note,
    })),
    ...levelTerms(j),
    agentName: j.agent.name,
    paymentChannel: j.paymentChannel,
    notes: j.notes,
  };
}

/** `GET /api/agreements` and the replies of the agreement writes. */
export function agreementView(r: AgreementReport): AgreementView {
  return toAgreementView(agreementJson(r));
}

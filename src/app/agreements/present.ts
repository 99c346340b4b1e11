// Agreements as JSON, one presenter for both edges: `agreementJson` is the whole record the CLI
// prints with --json (`agreement add|list|show`, `pay`), and `agreementView` — the API's
// AgreementView (contracts/case.ts) — is a projection of that same JSON (`toAgreementView`), so the
// two can never disagree about one agreement. Money as yuan strings, dates YYYY-MM-DD.
import type { AgreementView, ReplanView } from '../../contracts/index.js';
import type { Progress } from '../../core/agreement/index.js';
import { addMonths } from '../../core/dates/index.js';
import { formatYuan, type Cents } from '../../core/money/index.js';
import { fail } from '../../core/result.js';

const y = (c: Cents) => formatYuan(c);
import type { AgreementReport } from './agreements.js';
import type { ReplanInputs } from './replan-input.js';
import type { ReplanResult } from './replan.js';

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

/** `xieshang agreement replan --json`: the affected agreements, the asks and the letters written. */
export function replanJson(r: ReplanResult, lang: 'zh' | 'en', letters: readonly string[]) {
  return {
    asOf: r.asOf,
    affected: r.affected.map((a) => ({ ...a, arrears: formatYuan(a.arrears) })),
    summary: lang === 'en' ? r.summary.en : r.summary.zh,
    // (the plan builder's `changes` are left out: they compare against a level
    // "previous plan" on one due day, which is not what the agreements said)
    // the same ask as the letter
    proposals: r.asks.map((a) => ({
      id: a.agreementId,
      creditor: a.lender,
      monthly: formatYuan(a.monthly),
      term: a.installments,
      firstDueOn: a.firstDueOn,
      endOn: a.endOn,
      last: formatYuan(a.last),
      total: formatYuan(a.total),
      agreementEndOn: a.agreementEndOn,
    })),
    letters,
  };
}

function letterUrl(i: ReplanInputs, agreementId: string): string {
  const q = new URLSearchParams({ agreementId, asOf: i.asOf, lang: i.lang, format: 'docx' });
  if (i.lenderIds.length > 0) q.set('lenderIds', i.lenderIds.join(','));
  if (i.capacity !== undefined) q.set('capacity', i.capacity);
  return `/api/agreements/replan/letter?${q.toString()}`;
}

export function letterFileName(
  lang: 'zh' | 'en',
  lender: string,
  asOf: string,
  format: string,
): string {
  const safe = lender.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
  return `${lang === 'en' ? 'Renegotiation request' : '重新协商还款申请书'}-${safe}-${asOf}.${format}`;
}

/** The app's result on the wire: per affected agreement the level ask as dated installments. */
export function replanView(i: ReplanInputs, r: ReplanResult): ReplanView {
  const decoder = new TextDecoder();
  return {
    asOf: r.asOf,
    lang: i.lang,
    capacity: { before: y(r.replan.previous.capacity), after: y(r.replan.plan.capacity) },
    // asks, summary lines and letters come in the same order (one per affected agreement with an ask)
    plans: r.asks.map((a, k) => {
      const affected = r.affected.find((x) => x.agreementId === a.agreementId)!;
      const letter = r.letters[k];
      if (letter === undefined || letter.lender !== a.lender)
        fail(`no letter for the ask to ${a.lender}`);
      return {
        agreementId: a.agreementId,
        lenderId: affected.lenderId,
        lender: a.lender,
        reasons: affected.reasons,
        arrears: y(affected.arrears),
        agreementEndDate: a.agreementEndOn,
        monthly: y(a.monthly),
        count: a.installments,
        last: y(a.last),
        total: y(a.total),
        firstDueDate: a.firstDueOn,
        endDate: a.endOn,
        installments: Array.from({ length: a.installments }, (_, n) => ({
          seq: n + 1,
          dueDate: addMonths(a.firstDueOn, n),
          amount: y(n === a.installments - 1 ? a.last : a.monthly),
        })),
        ask: { zh: r.summary.zh[k] ?? '', en: r.summary.en[k] ?? '' },
        letter: {
          text: decoder.decode(letter.bytes),
          fileName: letterFileName(i.lang, a.lender, r.asOf, 'docx'),
          downloadUrl: letterUrl(i, a.agreementId),
        },
      };
    }),
  };
}

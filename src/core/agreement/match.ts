import { cents, type Cents } from '../money/index.js';
import { addMonths, daysBetween, type IsoDate } from '../dates/index.js';
import type {
  AgreementStatus,
  Allocation,
  Installment,
  InstallmentState,
  InstallmentStatus,
  Payment,
  PaymentOutcome,
  Progress,
  StatusOptions,
} from './types.js';

/**
 * Matches payments to installments: payments in date order (ties keep input order), each filling
 * the oldest open installment first, whatever its due date (so a late payment clears arrears first
 * and an early one prepays). Money beyond that installment is carried as credit to the next ones
 * (`carriedForward`); money beyond the last installment is `unapplied`.
 * Invariant (tested): sum of payments = sum of allocations + unapplied.
 */
export function matchPayments(
  installments: readonly Installment[],
  payments: readonly Payment[],
): {
  outcomes: PaymentOutcome[];
  paidBySeq: Map<number, { paid: number; paidOn: IsoDate | null }>;
} {
  const order = [...installments].sort((a, b) => a.seq - b.seq);
  const state = new Map(order.map((i) => [i.seq, { paid: 0, paidOn: null as IsoDate | null }]));
  const sorted = payments
    .map((p, idx) => ({ p, idx }))
    .sort((a, b) => (a.p.paidOn === b.p.paidOn ? a.idx - b.idx : a.p.paidOn < b.p.paidOn ? -1 : 1))
    .map((x) => x.p);
  let cursor = 0;
  const outcomes: PaymentOutcome[] = [];
  for (const p of sorted) {
    let left: number = p.amount;
    const allocations: Allocation[] = [];
    let first = true;
    let carried = 0;
    while (left > 0 && cursor < order.length) {
      const inst = order[cursor]!;
      const st = state.get(inst.seq)!;
      const take = Math.min(left, inst.amount - st.paid);
      st.paid += take;
      left -= take;
      allocations.push({ paymentId: p.id, seq: inst.seq, amount: cents(take) });
      if (!first) carried += take;
      first = false;
      if (st.paid === inst.amount) {
        st.paidOn = p.paidOn;
        cursor += 1;
      }
    }
    outcomes.push({
      paymentId: p.id,
      paidOn: p.paidOn,
      amount: p.amount,
      allocations,
      carriedForward: cents(carried),
      unapplied: cents(left),
    });
  }
  return { outcomes, paidBySeq: state };
}

function statusOf(
  inst: Installment,
  paid: number,
  paidOn: IsoDate | null,
  o: StatusOptions,
): { status: InstallmentStatus; daysLate: number } {
  if (paid >= inst.amount) {
    return { status: 'paid', daysLate: Math.max(0, daysBetween(inst.dueOn, paidOn ?? inst.dueOn)) };
  }
  const overdue = daysBetween(inst.dueOn, o.asOf);
  if (overdue > 0) return { status: overdue <= o.graceDays ? 'late' : 'missed', daysLate: overdue };
  if (paid > 0) return { status: 'partially-paid', daysLate: 0 };
  return { status: -overdue <= o.dueSoonDays ? 'due-soon' : 'upcoming', daysLate: 0 };
}

/**
 * Each installment's state as of `asOf`, counting only payments made on or before it.
 * Statuses: paid; not yet due → partially-paid (something paid), due-soon (due within
 * `dueSoonDays`, today included) or upcoming; past due and not fully paid → late within
 * `graceDays` after the due date, missed after that.
 */
export function agreementStatus(
  installments: readonly Installment[],
  payments: readonly Payment[],
  o: StatusOptions,
): AgreementStatus {
  const counted = payments.filter((p) => p.paidOn <= o.asOf);
  const { outcomes, paidBySeq } = matchPayments(installments, counted);
  const states: InstallmentState[] = [...installments]
    .sort((a, b) => a.seq - b.seq)
    .map((inst) => {
      const st = paidBySeq.get(inst.seq)!;
      const s = statusOf(inst, st.paid, st.paidOn, o);
      return {
        ...inst,
        paid: cents(st.paid),
        remaining: cents(inst.amount - st.paid),
        status: s.status,
        paidOn: st.paid >= inst.amount ? st.paidOn : null,
        daysLate: s.daysLate,
      };
    });
  let recorded = 0;
  let unapplied = 0;
  for (const x of outcomes) {
    recorded += x.amount;
    unapplied += x.unapplied;
  }
  return {
    installments: states,
    payments: outcomes,
    recorded: cents(recorded),
    matched: cents(recorded - unapplied),
    unapplied: cents(unapplied),
  };
}

/**
 * Paid vs remaining, arrears, and the projected end: the last due date when nothing past due is
 * unpaid; otherwise one month later for each past-due installment still unpaid (assumes they are
 * caught up after the schedule, one a month). On track = no arrears.
 */
export function agreementProgress(status: AgreementStatus, asOf: IsoDate): Progress {
  const list = status.installments;
  let total = 0;
  let paid = 0;
  let arrears = 0;
  let behind = 0;
  let paidCount = 0;
  for (const s of list) {
    total += s.amount;
    paid += s.paid;
    if (s.status === 'paid') paidCount += 1;
    if (s.remaining > 0 && s.dueOn < asOf) {
      arrears += s.remaining;
      behind += 1;
    }
  }
  const last = list.length === 0 ? null : list[list.length - 1]!.dueOn;
  const isComplete = paid >= total && list.length > 0;
  const lastPaid = [...list].reverse().find((s) => s.paidOn !== null)?.paidOn ?? null;
  return {
    total: cents(total),
    paid: cents(paid),
    remaining: cents(total - paid),
    arrears: cents(arrears),
    installmentsPaid: paidCount,
    installmentsTotal: list.length,
    nextDue: list.find((s) => s.remaining > 0) ?? null,
    scheduledEndOn: last,
    projectedEndOn: isComplete ? lastPaid : last === null ? null : addMonths(last, behind),
    isOnTrack: arrears === 0,
    isComplete,
  };
}

/** Sums progress across agreements (same currency assumed); ends at the latest projected end. */
export function overallProgress(items: readonly Progress[]): Omit<Progress, 'nextDue'> & {
  agreements: number;
  onTrack: number;
} {
  const sum = (f: (p: Progress) => Cents): Cents => cents(items.reduce((s, p) => s + f(p), 0));
  const maxDate = (f: (p: Progress) => IsoDate | null): IsoDate | null =>
    items.reduce<IsoDate | null>((m, p) => {
      const d = f(p);
      return d !== null && (m === null || d > m) ? d : m;
    }, null);
  return {
    agreements: items.length,
    onTrack: items.filter((p) => p.isOnTrack).length,
    total: sum((p) => p.total),
    paid: sum((p) => p.paid),
    remaining: sum((p) => p.remaining),
    arrears: sum((p) => p.arrears),
    installmentsPaid: items.reduce((s, p) => s + p.installmentsPaid, 0),
    installmentsTotal: items.reduce((s, p) => s + p.installmentsTotal, 0),
    projectedEndOn: maxDate((p) => p.projectedEndOn),
    scheduledEndOn: maxDate((p) => p.scheduledEndOn),
    isOnTrack: items.every((p) => p.isOnTrack),
    isComplete: items.length > 0 && items.every((p) => p.isComplete),
  };
}

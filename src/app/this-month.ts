// 本月要还 (issue 13, item 5): every amount due in the next 30 days — agreement installments,
// contract dues of debts without an agreement, overdue balances — with what is already paid, and
// one standing per lender derived from the log: 已结清 > 投诉中 > 已达成 > 协商中 > 未联系.
import { addDays, type IsoDate } from '../core/dates/index.js';
import type { Cents } from '../core/money/index.js';
import { LENDER_STANDING } from '../core/vocab/index.js';
import { createDebtRepository } from '../db/repositories/debt-repository.js';
import { createLenderRepository } from '../db/repositories/lender-repository.js';
import type { CaseId } from '../db/types.js';
import { agreementReports } from './agreements/agreements.js';
import { listContacts } from './contacts.js';
import type { Deps } from './deps.js';
import { listEscalations } from './escalations.js';
import { contractDues } from './forecast.js';

export type LenderStanding = (typeof LENDER_STANDING.values)[number];

export interface ThisMonthItem {
  lenderId: string;
  lender: string;
  source: 'agreement' | 'contract' | 'overdue';
  /** the agreement's or debt's id */
  refId: string;
  seq: number;
  dueOn: IsoDate;
  amount: Cents;
  paid: Cents;
  remaining: Cents;
  isOverdue: boolean;
}

export interface ThisMonthLender {
  lenderId: string;
  lender: string;
  standing: LenderStanding;
  labelZh: string;
  labelEn: string;
  due: Cents;
  paid: Cents;
}

export interface ThisMonth {
  asOf: IsoDate;
  endOn: IsoDate;
  items: ThisMonthItem[];
  lenders: ThisMonthLender[];
}

export const THIS_MONTH_DAYS = 30;

/** Standing of one lender from its debts, agreements, escalations and contacts (first match wins). */
export function standingOf(x: {
  isSettled: boolean;
  hasOpenEscalation: boolean;
  hasActiveAgreement: boolean;
  hasContact: boolean;
}): LenderStanding {
  if (x.isSettled) return 'settled';
  if (x.hasOpenEscalation) return 'complaining';
  if (x.hasActiveAgreement) return 'agreed';
  if (x.hasContact) return 'negotiating';
  return 'not-contacted';
}

export async function thisMonth(deps: Deps, caseId: CaseId, asOf: IsoDate): Promise<ThisMonth> {
  const endOn = addDays(asOf, THIS_MONTH_DAYS - 1);
  const lenders = await createLenderRepository(deps.db).list(caseId);
  const debts = await createDebtRepository(deps.db).list(caseId);
  const { reports } = await agreementReports(deps, caseId, { asOf });
  const contacts = await listContacts(deps, caseId);
  const escalations = await listEscalations(deps, { caseId, asOf });
  const name = new Map(lenders.map((l) => [l.id as string, l.brand ?? l.name]));
  const items: ThisMonthItem[] = [];
  for (const r of reports) {
    if (r.agreement.status !== 'active') continue;
    for (const s of r.status.installments) {
      if (s.dueOn > endOn) continue;
      if (s.dueOn < asOf && s.remaining <= 0) continue; // paid in the past: not this month's
      items.push({
        lenderId: r.agreement.lenderId,
        lender: name.get(r.agreement.lenderId) ?? '',
        source: 'agreement',
        refId: r.agreement.id,
        seq: s.seq,
        dueOn: s.dueOn,
        amount: s.amount,
        paid: s.paid,
        remaining: s.remaining,
        isOverdue: s.dueOn < asOf && s.remaining > 0,
      });
    }
  }
  const agreed = new Set(
    reports.filter((r) => r.agreement.status === 'active').map((r) => r.agreement.lenderId),
  );
  for (const d of await contractDues(deps, caseId, asOf, THIS_MONTH_DAYS, agreed)) {
    const debtId = d.agreementId.replace(/^debt:/, '');
    const debt = debts.find((x) => x.id === debtId);
    const lenderId = debt?.lenderId ?? '';
    items.push({
      lenderId,
      lender: d.lender,
      source: d.seq === 0 ? 'overdue' : 'contract',
      refId: debtId,
      seq: d.seq,
      dueOn: d.dueOn,
      amount: d.amount,
      paid: 0 as Cents,
      remaining: d.amount,
      isOverdue: d.seq === 0,
    });
  }
  items.sort((a, b) =>
    a.dueOn === b.dueOn ? a.lender.localeCompare(b.lender) : a.dueOn < b.dueOn ? -1 : 1,
  );
  const out: ThisMonthLender[] = lenders.map((l) => {
    const own = debts.filter((d) => d.lenderId === l.id);
    const ownAgreements = reports.filter((r) => r.agreement.lenderId === l.id);
    const isSettled =
      (own.length > 0 && own.every((d) => d.status === 'settled' || d.status === 'written-off')) ||
      (ownAgreements.length > 0 && ownAgreements.every((r) => r.agreement.status === 'completed'));
    const standing = standingOf({
      isSettled,
      hasOpenEscalation: escalations.some((e) => e.lenderId === l.id && e.isOpen),
      hasActiveAgreement: agreed.has(l.id),
      hasContact: contacts.some((c) => c.lenderId === l.id),
    });
    const mine = items.filter((i) => i.lenderId === l.id);
    return {
      lenderId: l.id,
      lender: l.brand ?? l.name,
      standing,
      labelZh: LENDER_STANDING.labels[standing][0],
      labelEn: LENDER_STANDING.labels[standing][1],
      due: mine.reduce((s, i) => s + i.amount, 0) as Cents,
      paid: mine.reduce((s, i) => s + i.paid, 0) as Cents,
    };
  });
  return { asOf, endOn, items, lenders: out };
}

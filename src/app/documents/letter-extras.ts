// Use case: the parts of a letter's case the escalation ladder and agreement letters need beyond
// loadLetterCase — each debt's 助贷 parties, the saved budget as a 家庭收支情况表, the lender's
// latest agreement, a promised deadline that has passed, earlier credit disputes — every part
// tagged with the record it comes from.
import { daysBetween, localDateOf, type IsoDate } from '../../core/dates/index.js';
import { cents } from '../../core/money/index.js';
import { PRIORITY_CATEGORIES } from '../../core/budget/index.js';
import { createAgreementRepository } from '../../db/repositories/agreements-repository.js';
import { createContactRepository } from '../../db/repositories/contacts-repository.js';
import { createDebtRepository } from '../../db/repositories/debt-repository.js';
import {
  createEscalationRepository,
  type Escalation,
} from '../../db/repositories/escalations-repository.js';
import {
  CHANNELS,
  LETTER_TEMPLATES,
  isChannelId,
  type BudgetSheet,
  type CaseInput,
  type EscalationFacts,
  type MissedDeadline,
} from '../../documents/index.js';
import { loadLatestBudget } from '../budgets.js';
import { resolveCase } from '../cases.js';
import { findLender, loadLetterCase } from './case.js';
import type { Deps } from '../deps.js';

const CATEGORY_WORDS: Record<string, [string, string]> = {
  housing: ['住房', 'Housing'],
  utilities: ['水电燃气', 'Utilities'],
  food: ['食品', 'Food'],
  transport: ['上班交通', 'Transport to work'],
  children: ['子女', 'Children'],
  medical: ['医疗', 'Medical'],
  insurance: ['保险', 'Insurance'],
};

/** The letter kind of each channel: its own document (the regulators share the complaint). */
export function channelLetterKind(channel: string): keyof typeof LETTER_TEMPLATES {
  switch (channel) {
    case 'lender-complaint':
      return 'lender-complaint';
    case 'credit-dispute':
      return 'credit-dispute';
    case 'pboc-complaint':
      return 'pboc-complaint';
    case 'market-12315':
      return 'market-complaint';
    case 'police-110':
      return 'police-report';
    case 'pipl-request':
      return 'pipl-request';
    case 'mediation':
      return 'mediation';
    case 'legal-aid-12348':
      return 'legal-aid';
    default:
      // nfra-12378, nifa, local-regulator: a complaint to the regulator
      return 'complaint';
  }
}

/** How a later letter refers to a recorded escalation. */
export function escalationFacts(e: Escalation): EscalationFacts {
  const ch = isChannelId(e.channel) ? CHANNELS[e.channel] : undefined;
  const t = LETTER_TEMPLATES[channelLetterKind(e.channel)];
  return {
    source: `escalation:${e.id}`,
    channelNameZh: ch?.nameZh ?? e.channel,
    channelNameEn: ch?.nameEn ?? e.channel,
    addresseeZh: ch?.addresseeZh ?? e.channel,
    addresseeEn: ch?.addresseeEn ?? e.channel,
    letterTitleZh: e.channel === 'police-110' ? '报案材料' : t.titleZh,
    letterTitleEn: e.channel === 'police-110' ? 'Police Report' : t.titleEn,
    ...(e.sentOn === null ? {} : { sentOn: e.sentOn }),
    ...(e.reference === null ? {} : { reference: e.reference }),
    ...(e.chaseOn === null ? {} : { chaseOn: e.chaseOn }),
    ...(ch?.deadlineBasis ? { legalDays: ch.followUpDays, legalBasisId: ch.deadlineBasis } : {}),
    status: e.status,
  };
}

/** An open escalation whose follow-up date is before `asOf`: it may be chased. */
export function isOverdue(e: Escalation, asOf: IsoDate): boolean {
  const open = e.status === 'sent' || e.status === 'acknowledged' || e.status === 'draft';
  return open && e.chaseOn !== null && daysBetween(e.chaseOn, asOf) > 0;
}

/**
 * Adds the stored parts the ladder letters use to a case built by loadLetterCase for this
 * lender. `escalation` is the one the letter belongs to (its dispute; its deadline to chase).
 */
export async function enrichLetterCase(
  deps: Deps,
  c: CaseInput,
  opts: { caseId: string; lenderId: string; escalation?: Escalation },
): Promise<CaseInput> {
  const { caseId, lenderId } = opts;
  const debts = await createDebtRepository(deps.db).list(caseId as never, {
    lenderId: lenderId as never,
  });
  const out: CaseInput = {
    ...c,
    debts: c.debts.map((d, i) => {
      const s = debts[i];
      if (s === undefined) return d;
      return {
        ...d,
        ...(s.lenderOfRecord ? { lenderOfRecord: s.lenderOfRecord } : {}),
        ...(s.guarantor ? { guarantor: s.guarantor } : {}),
      };
    }),
  };
  const sheet = await budgetSheet(deps, caseId);
  if (sheet !== undefined) out.budgetSheet = sheet;

  const agreements = (await createAgreementRepository(deps.db).list(caseId, { lenderId })).filter(
    (a) => a.status === 'active',
  );
  const a = agreements.sort((x, y) => (x.agreedOn < y.agreedOn ? 1 : -1))[0];
  if (a !== undefined) {
    const agent = [a.agentName, a.agentNumber].filter(Boolean).join(' ');
    out.agreement = {
      source: `agreement:${a.id}`,
      agreedOn: a.agreedOn,
      ...(agent ? { agent } : {}),
      total: a.total,
      installments: a.installments.map((i) => ({ seq: i.seq, dueOn: i.dueOn, amount: i.amount })),
      concessions: a.concessions,
      ...(a.paymentChannel ? { paymentChannel: a.paymentChannel } : {}),
      ...(a.payToAccount ? { payToAccount: a.payToAccount } : {}),
      isConfirmedInWriting: a.isConfirmedInWriting,
    };
  }

  const escalations = await createEscalationRepository(deps.db).list(caseId, { lenderId });
  const prior = escalations.filter(
    (e) => e.channel === 'credit-dispute' && e.id !== opts.escalation?.id,
  );
  if (prior.length > 0) out.priorDisputes = prior.map(escalationFacts);

  const e = opts.escalation;
  const dispute =
    e?.dispute ?? [...prior].reverse().find((x) => x.dispute?.wrong)?.dispute ?? undefined;
  const disputeOwner = e?.dispute ? e : [...prior].reverse().find((x) => x.dispute?.wrong);
  if (dispute?.wrong && disputeOwner !== undefined)
    out.dispute = {
      item: dispute.wrong,
      ...(dispute.correct ? { correction: dispute.correct } : {}),
      ...(dispute.institution ? { institution: dispute.institution } : {}),
      ...(dispute.account ? { account: dispute.account } : {}),
      source: `escalation:${disputeOwner.id}`,
    };

  const missed = await missedDeadline(deps, { caseId, lenderId, asOf: c.asOf, escalation: e });
  if (missed !== undefined) out.missedDeadline = missed;
  return out;
}

async function missedDeadline(
  deps: Deps,
  o: { caseId: string; lenderId: string; asOf: IsoDate; escalation: Escalation | undefined },
): Promise<MissedDeadline | undefined> {
  if (o.escalation !== undefined)
    return isOverdue(o.escalation, o.asOf)
      ? { kind: 'escalation', escalation: escalationFacts(o.escalation) }
      : undefined;
  // the latest logged promise whose deadline has passed
  const contacts = await createContactRepository(deps.db).list(o.caseId, { lenderId: o.lenderId });
  const promised = contacts
    .filter((x) => x.deadlineOn !== null && daysBetween(x.deadlineOn, o.asOf) > 0)
    .filter((x) => (x.promises ?? '').trim() !== '')
    .sort((x, y) => (x.deadlineOn! < y.deadlineOn! ? 1 : -1))[0];
  if (promised === undefined) return undefined;
  const agent = [promised.agentName, promised.agentNumber].filter(Boolean).join(' ');
  return {
    kind: 'promise',
    source: `contact:${promised.id}`,
    promisedOn: localDateOf(promised.occurredAt),
    ...(agent ? { agent } : {}),
    promise: promised.promises!.trim(),
    deadline: promised.deadlineOn!,
  };
}

/** The latest saved budget by group, reconciling exactly to its capacity. */
async function budgetSheet(deps: Deps, caseId: string): Promise<BudgetSheet | undefined> {
  const saved = await loadLatestBudget(deps, caseId as never);
  if (saved === undefined) return undefined;
  const b = saved.budget;
  const byCat = new Map<string, number>();
  for (const x of b.expenditure)
    if (x.group === 'priority') byCat.set(x.category, (byCat.get(x.category) ?? 0) + x.monthly);
  const cs = b.creditorSummary;
  return {
    source: `budget:${saved.stored.id}`,
    effectiveOn: saved.stored.effectiveOn,
    householdSize: cs.adults + cs.children + cs.dependants,
    income: b.totals.income,
    priorityByCategory: PRIORITY_CATEGORIES.filter((k) => (byCat.get(k) ?? 0) !== 0).map((k) => ({
      labelZh: CATEGORY_WORDS[k]?.[0] ?? k,
      labelEn: CATEGORY_WORDS[k]?.[1] ?? k,
      monthly: cents(byCat.get(k)!),
    })),
    priority: b.totals.priority,
    fixed: b.totals.fixed,
    flexible: b.totals.flexible,
    buffer: b.totals.emergencyBuffer,
    capacity: b.capacity,
  };
}

/** loadLetterCase plus enrichLetterCase: what the `letter` command and GET /api/letters use. */
export async function loadFullLetterCase(
  deps: Deps,
  opts: { caseId?: string; lender?: string; asOf?: string },
): Promise<CaseInput> {
  const kase = await resolveCase(deps, opts.caseId);
  const lender = await findLender(deps, kase.id, opts.lender);
  const c = await loadLetterCase(deps, { ...opts, caseId: kase.id, lender: lender.id });
  return enrichLetterCase(deps, c, { caseId: kase.id, lenderId: lender.id });
}

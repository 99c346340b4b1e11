// Use case: assemble a letter's case from the store — the borrower profile, one lender, its
// debts, the latest saved budget (totals only), the latest plan's proposal for this lender, the
// legality verdicts and recalculation of its debts (core/law via the case summary), the
// evidence exhibits for this lender and the contact history.
import { daysBetween, localDateOf, parseDateInput, type IsoDate } from '../../core/dates/index.js';
import { recalculationLine } from '../../core/law/index.js';
import { cents, isWithinAmountLimit, MAX_AMOUNT_TEXT, type Cents } from '../../core/money/index.js';
import { ratePpm } from '../../core/rates/index.js';
import {
  createContactRepository,
  type Contact as StoredContact,
} from '../../db/repositories/contacts-repository.js';
import { createDebtRepository } from '../../db/repositories/debt-repository.js';
import {
  createPlanRepository,
  type StoredProposal,
} from '../../db/repositories/plan-repository.js';
import { createProfileRepository } from '../../db/repositories/profile-repository.js';
import { createLenderRepository } from '../../db/repositories/lender-repository.js';
import type { CaseId, Debt as StoredDebt, Lender as StoredLender } from '../../db/types.js';
import {
  CONCESSIONS,
  HARDSHIP_CAUSES,
  type CaseInput,
  type Concession,
  type ConductFinding,
  type Contact as LetterContact,
  type Budget as LetterBudget,
  type Exhibit,
  type HardshipCause,
  type LegalityFinding,
  type Plan,
  type PlanStrategy,
} from '../../documents/index.js';
import { createLedgerRepository } from '../../db/repositories/ledger-repository.js';
import { checkCaseConduct } from '../contacts.js';
import { loadLatestBudget } from '../budgets.js';
import { resolveCase } from '../cases.js';
import { EVIDENCE_KIND_ZH, listEvidence } from '../evidence/evidence.js';
import { isStanding } from '../evidence/withdraw.js';
import { hasAmountOverLimit, summarizeCase, type DebtSummary } from '../summary.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { todayIn } from '../today.js';

export async function findLender(
  deps: Deps,
  caseId: CaseId,
  ref: string | undefined,
): Promise<StoredLender> {
  const lenders = await createLenderRepository(deps.db).list(caseId);
  if (ref === undefined) {
    if (lenders.length === 1) return lenders[0]!;
    throw new AppError(
      'invalid-input',
      `--lender is required (${lenders.length} lenders in this case)`,
      {
        field: 'lender',
        messageZh: `请用 --lender 指定债权人（本案共有 ${lenders.length} 家）`,
      },
    );
  }
  const r = ref.trim();
  const hit =
    lenders.find((l) => l.id === r) ??
    lenders.find((l) => l.name === r || l.brand === r) ??
    lenders.find((l) => l.name.includes(r) || (l.brand ?? '').includes(r));
  if (hit === undefined)
    throw new AppError('not-found', `no lender "${r}" in this case`, {
      field: 'lender',
      messageZh: `本案中没有债权人“${r}”`,
    });
  return hit;
}

const CAUSE_ALIASES: Record<string, HardshipCause> = {
  unemployed: 'unemployment',
  sick: 'illness',
};

function toCause(s: string | null): HardshipCause {
  if (s === null) return 'other';
  if ((HARDSHIP_CAUSES as readonly string[]).includes(s)) return s as HardshipCause;
  return CAUSE_ALIASES[s] ?? 'other';
}

/**
 * The ask to one lender from the plan's proposals for its debts: the month-by-month sums of their
 * schedules (so several loans at one lender become one table), the concessions of any of them.
 */
export function combineProposals(ps: StoredProposal[]): Plan {
  const byDate = new Map<string, number>();
  for (const p of ps)
    for (const r of p.schedule) byDate.set(r.dueOn, (byDate.get(r.dueOn) ?? 0) + r.amountCents);
  const dates = [...byDate.keys()].sort();
  const first = ps.map((p) => p.startOn).sort()[0]!;
  const end = ps
    .map((p) => p.endOn)
    .sort()
    .at(-1)!;
  const monthly = dates.length > 0 ? byDate.get(dates[0]!)! : ps.reduce((s, p) => s + p.monthly, 0);
  const last = dates.length > 0 ? byDate.get(dates.at(-1)!)! : monthly;
  const concessions = [...new Set(ps.flatMap((p) => p.concessions))].filter((x): x is Concession =>
    (CONCESSIONS as readonly string[]).includes(x),
  );
  return {
    monthlyPayment: cents(monthly),
    installments: dates.length > 0 ? dates.length : Math.max(...ps.map((p) => p.termMonths)),
    firstDueOn: dates[0] === undefined ? first : (dates[0] as IsoDate),
    endOn: dates.at(-1) === undefined ? end : (dates.at(-1) as IsoDate),
    totalPaid: cents(ps.reduce((s, p) => s + p.total, 0)),
    ...(last !== monthly ? { lastPayment: cents(last) } : {}),
    ...(dates.length > 0
      ? { schedule: dates.map((d) => ({ dueOn: d as IsoDate, amount: cents(byDate.get(d)!) })) }
      : {}),
    concessions,
  };
}

/**
 * A finding for a debt whose true cost exceeds the line a court would recalculate with. The
 * summary's cash flows end with the lender's claimed balance as if paid, so the recalculation's
 * overpayment is exactly the excess claimed, and the balance at the line is the claim less it.
 */
export function toFinding(d: DebtSummary, debtRef: string, asOf: IsoDate): LegalityFinding[] {
  const f = toFindingBare(d, debtRef, asOf);
  return f.map((x) => ({
    ...x,
    source: `legality:${d.debtId}`,
    basis: d.aprBasis === 'payments' ? ('actual' as const) : ('contract' as const),
  }));
}

function toFindingBare(d: DebtSummary, debtRef: string, asOf: IsoDate): LegalityFinding[] {
  const r = d.legality?.recalculation;
  if (d.legality === null || r === null || r === undefined || d.contractOn === null) return [];
  const verdict = d.legality.verdicts.find((v) => v.rule === r.line);
  if (verdict === undefined || !verdict.exceeded) return [];
  const line = recalculationLine(d.lenderType, d.contractOn, asOf);
  const ruleId = line.provisionIds[0];
  if (ruleId === undefined) return [];
  const claimIncluded =
    d.aprBasis === 'payments' && d.status !== 'settled' && d.balance !== null && d.balance > 0;
  const recalculated = claimIncluded
    ? cents(Math.max(0, d.balance! - r.overpaid) + r.outstanding)
    : d.aprBasis === 'payments'
      ? r.outstanding
      : undefined;
  return [
    {
      debtRef,
      aprPpm: ratePpm(Math.round(d.legality.nominalApr * 1e6)),
      limitPpm: line.limitPpm,
      ruleId,
      overcharge: r.overpaid,
      ...(recalculated === undefined ? {} : { recalculatedOutstanding: recalculated }),
    },
  ];
}

/** The contract number, or a card's tail; never an internal id (the letter prints a blank). */
const debtRef = (d: { contractNumber: string | null }): string => d.contractNumber ?? '';

/**
 * The lender's debts a letter states. A loan above the money limit (stored before it existed) is
 * left out, as from every total; none left is a refusal unless the letter rests on dealings only.
 */
async function letterDebts(
  deps: Deps,
  caseId: CaseId,
  lender: StoredLender,
  allowNoDebts: boolean | undefined,
): Promise<StoredDebt[]> {
  const all = await createDebtRepository(deps.db).list(caseId, { lenderId: lender.id });
  const debts = all.filter((d) => !hasAmountOverLimit(d, [], []));
  if (debts.length === 0 && all.length > 0)
    throw new AppError(
      'amount-over-limit',
      `every debt recorded for ${lender.name} has an amount above the limit of ¥${MAX_AMOUNT_TEXT}; edit or delete them first`,
      {
        field: 'lender',
        messageZh: `“${lender.name}”名下的债务金额都超过单项上限 ¥${MAX_AMOUNT_TEXT}，请先修改或删除`,
      },
    );
  if (debts.length === 0 && allowNoDebts !== true)
    throw new AppError('not-found', `no debts recorded for ${lender.name}`, {
      field: 'lender',
      messageZh: `尚未录入“${lender.name}”的借款`,
    });
  return debts;
}

/** The borrower's profile row, and the ID tail and proofs kept beside it. */
async function readProfile(deps: Deps, caseId: CaseId) {
  const row = await deps.db
    .selectFrom('profiles')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  // ID tail and proofs have no profiles column (profile-repository.ts keeps them beside it)
  const stored = await createProfileRepository(deps.db).get(caseId);
  return { row, stored };
}

type StoredProfile = Awaited<ReturnType<typeof readProfile>>;

/**
 * The ask to this lender from the latest plan, with the most the plan allows it: its own amount
 * plus the capacity no creditor got.
 */
async function planFor(
  deps: Deps,
  caseId: CaseId,
  lender: StoredLender,
): Promise<Plan | undefined> {
  const latestPlan = await createPlanRepository(deps.db).latest(caseId);
  const proposals = (latestPlan?.proposals ?? []).filter((p) => p.lenderId === lender.id);
  const plan = proposals.length === 0 ? undefined : combineProposals(proposals);
  if (plan === undefined || latestPlan === null || latestPlan === undefined) return plan;
  const allocated = latestPlan.proposals.reduce(
    (s, x) => s + (x.schedule[0]?.amountCents ?? x.monthly),
    0,
  );
  const slack = Math.max(0, latestPlan.capacity - allocated);
  return {
    ...plan,
    source: `plan:${latestPlan.id}`,
    ...(STRATEGY_IDS.includes(latestPlan.strategy as PlanStrategy)
      ? { strategy: latestPlan.strategy as PlanStrategy }
      : {}),
    ...(slack > 0 ? { walkAwayMonthly: cents(plan.monthlyPayment + slack) } : {}),
  };
}

/** The latest saved budget, totals only; creditors, balances and counts from the case. */
async function budgetFor(deps: Deps, caseId: CaseId): Promise<LetterBudget | undefined> {
  // creditors, balances and counts come from the case, never from the budget file's own list
  // a legacy loan stored above the per-amount limit is left out, as the summary leaves it out
  const caseDebts = (await createDebtRepository(deps.db).list(caseId)).filter(
    (d) =>
      d.status !== 'settled' &&
      isWithinAmountLimit(d.principal) &&
      isWithinAmountLimit(d.balance ?? d.principal),
  );
  const saved = await loadLatestBudget(deps, caseId);
  if (saved === undefined) return undefined;
  const cs = saved.budget.creditorSummary;
  return {
    source: `budget:${saved.stored.id}`,
    householdSize: cs.adults + cs.children + cs.dependants,
    monthlyIncome: cs.monthlyIncome,
    priorityCosts: cs.priorityCosts,
    otherCosts: cents(cs.otherFixedCosts + cs.flexibleCosts),
    emergencyBuffer: cs.emergencyBuffer,
    capacityForCreditors: cs.capacity,
    creditorCount: new Set(caseDebts.map((d) => d.lenderId)).size,
    totalDebt: cents(caseDebts.reduce((s, d) => s + (d.balance ?? d.principal), 0)),
    debtSources: caseDebts.map((d) => `debt:${d.id}`),
  };
}

/** The standing evidence for this lender as numbered exhibits, with the ledger head behind them. */
async function exhibitsFor(deps: Deps, caseId: CaseId, lender: StoredLender) {
  // withdrawn evidence stays in the vault and the ledger but is no longer offered as proof
  const evidence = (await listEvidence(deps, caseId, { lender: lender.id })).filter(isStanding);
  const exhibits: Exhibit[] = evidence.map((e, i) => ({
    source: `evidence:${e.id}`,
    no: `证据${i + 1}`,
    title: `${EVIDENCE_KIND_ZH[e.kind]}：${e.description ?? e.originalName}`,
    sha256: e.sha256,
  }));
  const head = evidence.length > 0 ? await createLedgerRepository(deps.db).head(caseId) : null;
  return { evidence, exhibits, head };
}

/** The day of each debt's latest payment. */
async function lastPaymentDays(deps: Deps, caseId: CaseId): Promise<Map<string, IsoDate>> {
  const lastPaid = new Map<string, IsoDate>();
  for (const p of await createDebtRepository(deps.db).listPayments(caseId)) {
    const was = lastPaid.get(p.debtId);
    if (was === undefined || p.paidOn > was) lastPaid.set(p.debtId, p.paidOn);
  }
  return lastPaid;
}

/** The conduct checker's flags on this lender's contacts, as the letter cites them. */
async function conductFor(
  deps: Deps,
  caseId: CaseId,
  lender: StoredLender,
): Promise<ConductFinding[]> {
  const flags = await checkCaseConduct(deps, caseId, { lender: lender.id });
  return flags.map((f) => ({
    source: `conduct:${f.rule}:${f.contactIds.join(',')}`,
    contactSources: f.contactIds.map((id) => `contact:${id}`),
    titleZh: f.titleZh,
    titleEn: f.titleEn,
    certainty: f.certainty,
    detection: f.detection,
    provisionIds: f.sources.flatMap((x) => (x.id === null ? [] : [x.id])),
  }));
}

function borrowerOf(caseId: CaseId, { row, stored }: StoredProfile): CaseInput['borrower'] {
  return {
    source: `profile:${caseId}`,
    name: row?.full_name ?? '',
    ...(stored?.idTail ? { idNumber: '*'.repeat(18 - stored.idTail.length) + stored.idTail } : {}),
    ...(row?.phone ? { phone: row.phone } : {}),
    ...(row?.city ? { address: row.city } : {}),
  };
}

/** The hardship the profile records, when it says since when. */
function hardshipOf(caseId: CaseId, { row, stored }: StoredProfile): CaseInput['hardship'] {
  const since = row?.hardship_since_on
    ? (String(row.hardship_since_on).slice(0, 10) as IsoDate)
    : undefined;
  if (!since) return undefined;
  return {
    source: `profile:${caseId}`,
    cause: toCause(row?.hardship_cause ?? null),
    since,
    description: row?.notes ?? '',
    proofs: stored?.proofs ?? [],
  };
}

function letterDebt(
  d: StoredDebt,
  lastPaid: ReadonlyMap<string, IsoDate>,
  asOf: IsoDate,
): CaseInput['debts'][number] {
  return {
    source: `debt:${d.id}`,
    ref: debtRef(d),
    ...(lastPaid.has(d.id) ? { lastPaymentOn: lastPaid.get(d.id)! } : {}),
    ...(d.kind === 'credit-card' ? { product: '信用卡' } : {}),
    ...(d.contractOn ? { contractDate: d.contractOn } : {}),
    principal: d.principal,
    outstanding: d.balance ?? d.principal,
    overdueDays: d.overdueSinceOn ? Math.max(0, daysBetween(d.overdueSinceOn, asOf)) : 0,
    penalty: d.liquidatedDamages ?? (0 as Cents),
    reportedToCredit: d.isCreditReported,
  };
}

/**
 * A letter's case from the store, as of a day (default today): the borrower, one lender and its
 * debts, the plan's ask, the budget, legality findings, exhibits, conduct findings, the ledger
 * head, the hardship and the contact history.
 */
export async function loadLetterCase(
  deps: Deps,
  opts: {
    caseId?: string;
    lender?: string;
    asOf?: string;
    /**
     * A party the borrower owes nothing to (a paid "debt optimisation" intermediary, 12315): its
     * letter rests on the logged dealings only, so no debts is not a refusal. The case then has
     * an empty debt list and no debt table or amounts can appear.
     */
    allowNoDebts?: boolean;
  },
): Promise<CaseInput> {
  const kase = await resolveCase(deps, opts.caseId);
  let asOf = todayIn(deps);
  if (opts.asOf !== undefined) {
    const d = parseDateInput(opts.asOf, 'as-of');
    if (!d.ok) throw AppError.fromIssue(d.error);
    asOf = d.value;
  }
  const lender = await findLender(deps, kase.id, opts.lender);
  const debts = await letterDebts(deps, kase.id, lender, opts.allowNoDebts);
  const profile = await readProfile(deps, kase.id);
  const plan = await planFor(deps, kase.id, lender);
  const contacts = await createContactRepository(deps.db).list(kase.id, { lenderId: lender.id });
  const budget = await budgetFor(deps, kase.id);
  const legality = (await summarizeCase(deps, kase.id, asOf)).debts
    .filter((d) => d.lenderId === lender.id)
    .flatMap((d) => toFinding(d, debtRef(d), asOf));
  const { evidence, exhibits, head } = await exhibitsFor(deps, kase.id, lender);
  const lastPaid = await lastPaymentDays(deps, kase.id);
  const conduct = await conductFor(deps, kase.id, lender);
  const hardship = hardshipOf(kase.id, profile);
  return {
    asOf,
    borrower: borrowerOf(kase.id, profile),
    lender: {
      source: `lender:${lender.id}`,
      name: lender.name,
      ...(lender.brand ? { brand: lender.brand } : {}),
      type: lender.lenderType,
      isCreditCard: debts.some((d) => d.kind === 'credit-card'),
    },
    debts: debts.map((d) => letterDebt(d, lastPaid, asOf)),
    ...(plan ? { plan } : {}),
    ...(budget ? { budget } : {}),
    ...(legality.length > 0 ? { legality } : {}),
    ...(exhibits.length > 0 ? { exhibits } : {}),
    ...(conduct.length > 0 ? { conduct } : {}),
    ...(head !== null ? { ledgerHead: { seq: head.seq, hash: head.hash } } : {}),
    ...(hardship ? { hardship } : {}),
    contacts: contacts.map((x) => toLetterContact(x, evidence)),
  };
}

const STRATEGY_IDS: readonly PlanStrategy[] = [
  'pro-rata-balance',
  'pro-rata-contractual',
  'highest-cost-first',
  'custom',
];

const RELATION_ZH: Record<string, string> = {
  family: '家人',
  spouse: '配偶',
  employer: '工作单位',
  colleague: '同事',
  'contacts-list': '通讯录联系人',
  friend: '朋友',
  other: '其他第三人',
};

/** The Beijing 'HH:MM' of an instant. */
export function beijingTime(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(11, 16);
}

/**
 * One logged contact as the letter states it. The borrower's own notes go in only when the
 * borrower marked them for letters (tag 'note-in-letters'): notes may hold admissions.
 */
export function toLetterContact(
  x: StoredContact,
  evidence: readonly { contactId: string | null; originalName: string; sha256: string }[],
): LetterContact {
  const includeNote = (x.tags as readonly string[]).includes('note-in-letters');
  const said = [x.asked, x.offered, x.promises, includeNote ? x.notes : null].filter(
    (t): t is string => t !== null && t.trim() !== '',
  );
  const linked = evidence.filter((e) => e.contactId === x.id);
  const agent = [x.agentName, x.agentNumber ? `工号${x.agentNumber}` : null].filter(Boolean);
  return {
    source: `contact:${x.id}`,
    on: localDateOf(x.occurredAt),
    time: beijingTime(x.occurredAt),
    channel: x.channel,
    direction: x.direction,
    ...(agent.length > 0 ? { agent: agent.join(' ') } : {}),
    ...(x.counterpart ? { counterpart: x.counterpart } : {}),
    ...(x.thirdParty
      ? {
          thirdParty: true,
          whom: [RELATION_ZH[x.thirdParty.relation] ?? x.thirdParty.relation, x.thirdParty.detail]
            .filter(Boolean)
            .join('：'),
        }
      : {}),
    summary: said.join('；') || '（未记录具体内容）',
    ...(linked.length > 0
      ? { evidence: linked.map((e) => ({ name: e.originalName, sha256: e.sha256 })) }
      : {}),
  };
}

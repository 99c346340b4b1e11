import type { Kysely, Selectable } from 'kysely';
import type { Instant, IsoDate } from '../../core/dates/index.js';
import type { Cents } from '../../core/money/index.js';
import { toCents, toCentsOrNull, toInstant, toIsoDate } from '../rows.js';
import type { Database, PlanProposalsTable, PlansTable } from '../schema.js';

export interface StoredProposal {
  id: string;
  lenderId: string;
  debtId: string | null;
  monthly: Cents;
  termMonths: number;
  concessions: string[];
  startOn: IsoDate;
  endOn: IsoDate;
  total: Cents;
  savingVsContract: Cents | null;
  savingVsNothing: Cents | null;
  schedule: { dueOn: IsoDate; amountCents: number }[];
}

export interface StoredPlan {
  id: string;
  caseId: string;
  budgetId: string | null;
  strategy: string;
  capacity: Cents;
  startOn: IsoDate;
  status: string;
  /** the plan input and anything needed to rebuild it (JSON object) */
  params: Record<string, unknown>;
  note: string | null;
  createdAt: Instant;
  proposals: StoredProposal[];
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Marks earlier plans superseded and inserts this one as active. Call inside a transaction. */
async function insertActivePlan(
  db: Kysely<Database>,
  p: Omit<StoredPlan, 'status'>,
): Promise<StoredPlan> {
  await db
    .updateTable('plans')
    .set({ status: 'superseded' })
    .where('case_id', '=', p.caseId)
    .where('status', '!=', 'superseded')
    .execute();
  await db
    .insertInto('plans')
    .values({
      id: p.id,
      case_id: p.caseId,
      budget_id: p.budgetId,
      strategy: p.strategy,
      capacity_cents: p.capacity,
      start_on: p.startOn,
      status: 'active',
      params_json: JSON.stringify(p.params),
      note: p.note,
      created_at: p.createdAt,
    })
    .execute();
  for (const x of p.proposals)
    await db.insertInto('plan_proposals').values(fromProposal(p, x)).execute();
  return { ...p, status: 'active' };
}

function fromProposal(p: Pick<StoredPlan, 'id' | 'caseId'>, x: StoredProposal) {
  return {
    id: x.id,
    case_id: p.caseId,
    plan_id: p.id,
    lender_id: x.lenderId,
    debt_id: x.debtId,
    monthly_cents: x.monthly,
    term_months: x.termMonths,
    concessions_json: JSON.stringify(x.concessions),
    start_on: x.startOn,
    end_on: x.endOn,
    total_cents: x.total,
    saving_vs_contract_cents: x.savingVsContract,
    saving_vs_nothing_cents: x.savingVsNothing,
    schedule_json: JSON.stringify(x.schedule),
  };
}

function toProposal(r: Selectable<PlanProposalsTable>): StoredProposal {
  return {
    id: r.id,
    lenderId: r.lender_id,
    debtId: r.debt_id,
    monthly: toCents(r.monthly_cents),
    termMonths: Number(r.term_months),
    concessions: parseJson<string[]>(r.concessions_json, []),
    startOn: toIsoDate(r.start_on),
    endOn: toIsoDate(r.end_on),
    total: toCents(r.total_cents),
    savingVsContract: toCentsOrNull(r.saving_vs_contract_cents),
    savingVsNothing: toCentsOrNull(r.saving_vs_nothing_cents),
    schedule: parseJson<{ dueOn: IsoDate; amountCents: number }[]>(r.schedule_json, []),
  };
}

function toPlan(p: Selectable<PlansTable>, proposals: StoredProposal[]): StoredPlan {
  return {
    id: p.id,
    caseId: p.case_id,
    budgetId: p.budget_id,
    strategy: p.strategy,
    capacity: toCents(p.capacity_cents),
    startOn: toIsoDate(p.start_on),
    status: p.status,
    params: parseJson<Record<string, unknown>>(p.params_json, {}),
    note: p.note,
    createdAt: toInstant(p.created_at),
    proposals,
  };
}

async function latestPlan(db: Kysely<Database>, caseId: string): Promise<StoredPlan | undefined> {
  // created_at ties (same instant) fall back to id order, so the answer is deterministic
  const p = await db
    .selectFrom('plans')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '!=', 'superseded')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (p === undefined) return undefined;
  const rows = await db
    .selectFrom('plan_proposals')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('plan_id', '=', p.id)
    .execute();
  // insertion order is not guaranteed by either engine: keep the plan's own debt order
  const order = (parseJson<{ order?: string[] }>(p.params_json, {}).order ?? []) as string[];
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  rows.sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return toPlan(p, rows.map(toProposal));
}

/** Plans of a case with one proposal per debt; the newest active plan wins. */
export function createPlanRepository(db: Kysely<Database>) {
  return {
    /** Marks earlier plans superseded and inserts this one as active. Call inside a transaction. */
    insertActive: (p: Omit<StoredPlan, 'status'>) => insertActivePlan(db, p),
    latest: (caseId: string) => latestPlan(db, caseId),
  };
}

// Use case: assemble a letter's case from the store — the borrower profile, one lender, its
// debts, the latest plan proposal for it and the contact history. Budget and legality findings
// are not yet read from the store; pass them with `letter --input` when needed.
import { daysBetween, parseDateInput, type IsoDate } from '../core/dates/index.js';
import { cents, type Cents } from '../core/money/index.js';
import { createContactRepository } from '../db/repositories/contacts-repository.js';
import { createDebtRepository } from '../db/repositories/debt-repository.js';
import { createLenderRepository } from '../db/repositories/lender-repository.js';
import type { CaseId, Lender as StoredLender } from '../db/types.js';
import {
  CONCESSIONS,
  HARDSHIP_CAUSES,
  type CaseInput,
  type Concession,
  type HardshipCause,
  type Plan,
} from '../documents/index.js';
import { resolveCase } from './cases.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';

/** The user's calendar date (Beijing time, UTC+8, no DST) of an instant. */
export function beijingDate(instant: string): IsoDate {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10) as IsoDate;
}

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

function parseJsonArray(text: string): unknown[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

export async function loadLetterCase(
  deps: Deps,
  opts: { caseId?: string; lender?: string; asOf?: string },
): Promise<CaseInput> {
  const kase = await resolveCase(deps, opts.caseId);
  let asOf = beijingDate(deps.clock.now());
  if (opts.asOf !== undefined) {
    const d = parseDateInput(opts.asOf, 'as-of');
    if (!d.ok) throw AppError.fromIssue(d.error);
    asOf = d.value;
  }
  const lender = await findLender(deps, kase.id, opts.lender);
  const debts = await createDebtRepository(deps.db).list(kase.id, { lenderId: lender.id });
  if (debts.length === 0)
    throw new AppError('not-found', `no debts recorded for ${lender.name}`, {
      field: 'lender',
      messageZh: `尚未录入“${lender.name}”的借款`,
    });
  const profile = await deps.db
    .selectFrom('profiles')
    .selectAll()
    .where('case_id', '=', kase.id)
    .executeTakeFirst();
  const proposal = await deps.db
    .selectFrom('plan_proposals')
    .innerJoin('plans', 'plans.id', 'plan_proposals.plan_id')
    .selectAll('plan_proposals')
    .where('plan_proposals.case_id', '=', kase.id)
    .where('plan_proposals.lender_id', '=', lender.id)
    .where('plans.status', '!=', 'superseded')
    .orderBy('plans.created_at', 'desc')
    .executeTakeFirst();
  const contacts = await createContactRepository(deps.db).list(kase.id, { lenderId: lender.id });

  let plan: Plan | undefined;
  if (proposal !== undefined) {
    const concessions = parseJsonArray(proposal.concessions_json).filter((x): x is Concession =>
      (CONCESSIONS as readonly unknown[]).includes(x),
    );
    const schedule = parseJsonArray(proposal.schedule_json) as { amountCents?: unknown }[];
    const last = schedule.at(-1)?.amountCents;
    plan = {
      monthlyPayment: cents(Number(proposal.monthly_cents)),
      installments: proposal.term_months,
      firstDueOn: String(proposal.start_on).slice(0, 10) as IsoDate,
      endOn: String(proposal.end_on).slice(0, 10) as IsoDate,
      totalPaid: cents(Number(proposal.total_cents)),
      ...(typeof last === 'number' && last !== Number(proposal.monthly_cents)
        ? { lastPayment: cents(last) }
        : {}),
      concessions,
    };
  }
  const since = profile?.hardship_since_on
    ? (String(profile.hardship_since_on).slice(0, 10) as IsoDate)
    : undefined;
  return {
    asOf,
    borrower: {
      name: profile?.full_name ?? '（请填写姓名）',
      ...(profile?.phone ? { phone: profile.phone } : {}),
      ...(profile?.city ? { address: profile.city } : {}),
    },
    lender: {
      name: lender.name,
      ...(lender.brand ? { brand: lender.brand } : {}),
      type: lender.lenderType,
      isCreditCard: debts.some((d) => d.kind === 'credit-card'),
    },
    debts: debts.map((d) => ({
      ref: d.contractNumber ?? `#${d.id.slice(0, 8)}`,
      ...(d.kind === 'credit-card' ? { product: '信用卡' } : {}),
      ...(d.contractOn ? { contractDate: d.contractOn } : {}),
      principal: d.principal,
      outstanding: d.balance ?? d.principal,
      overdueDays: d.overdueSinceOn ? Math.max(0, daysBetween(d.overdueSinceOn, asOf)) : 0,
      penalty: d.liquidatedDamages ?? (0 as Cents),
      reportedToCredit: d.isCreditReported,
    })),
    ...(plan ? { plan } : {}),
    ...(since
      ? {
          hardship: {
            cause: toCause(profile?.hardship_cause ?? null),
            since,
            description: profile?.notes ?? '',
            proofs: [],
          },
        }
      : {}),
    contacts: contacts.map((x) => ({
      on: beijingDate(x.occurredAt),
      channel: x.channel,
      ...(x.agentName || x.agentNumber
        ? { agent: [x.agentName, x.agentNumber].filter(Boolean).join(' ') }
        : {}),
      summary: [x.asked, x.offered, x.promises, x.notes].filter(Boolean).join('；') || '—',
      ...(x.thirdParty ? { thirdParty: true } : {}),
    })),
  };
}

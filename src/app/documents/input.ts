// The JSON form of a letter case (`xieshang letter <kind> --input case.json`): money as yuan
// strings ("1234.56"), dates as YYYY-MM-DD, rates as percent strings ("35.9"). Parsed with zod
// plus the core parsers, so every bad field is named.
import { z } from 'zod';
import { cents, formatYuan, parseCents, type Cents } from '../../core/money/index.js';
import { parseIsoDate, type IsoDate } from '../../core/dates/index.js';
import { formatRateFraction, parsePercent, ratePpm, type RatePpm } from '../../core/rates/index.js';
import type { FieldIssue, Result } from '../../core/result.js';
import {
  CONCESSIONS,
  HARDSHIP_CAUSES,
  LENDER_TYPES,
  type CaseInput,
} from '../../documents/index.js';
import { AppError } from '../errors.js';

function refined<T>(parse: (s: string, field: string) => Result<T, FieldIssue>) {
  return z.string().transform((s, ctx) => {
    const r = parse(s, 'value');
    if (r.ok) return r.value;
    const strip = (m: string | undefined) => (m ?? '').replace(/^value[:：]\s*/, '');
    ctx.addIssue({
      code: 'custom',
      message: strip(r.error.message),
      params: { zh: strip(r.error.messageZh ?? r.error.message) },
    });
    return z.NEVER;
  });
}

/** signed: a budget's capacity can be negative */
const money = refined<Cents>(parseCents);
const amount = money.refine((c) => c >= 0, {
  message: 'must not be negative',
  params: { zh: '金额不能为负数' },
});
const date = refined<IsoDate>(parseIsoDate);
const percent = refined<RatePpm>(parsePercent);
const text = (max = 2000) => z.string().trim().min(1).max(max);
const optText = (max = 2000) => z.string().trim().max(max).optional();

const source = z.string().max(300).optional();
const sources = z.array(z.string().max(300)).max(10_000).optional();

const debtSchema = z.object({
  source,
  /** empty when unknown: the letter prints a blank */
  ref: z.string().trim().max(200),
  dueOn: date.optional(),
  lastPaymentOn: date.optional(),
  product: optText(200),
  contractDate: date.optional(),
  principal: amount,
  outstanding: amount,
  overdueDays: z.number().int().min(0).max(100_000).default(0),
  penalty: amount.default(cents(0)),
  reportedToCredit: z.boolean().optional(),
});

export const caseInputSchema = z.object({
  asOf: date,
  borrower: z.object({
    source,
    /** empty when unknown: the letter prints a blank */
    name: z.string().trim().max(100),
    idNumber: optText(40),
    phone: optText(40),
    address: optText(300),
  }),
  lender: z.object({
    source,
    name: text(200),
    brand: optText(100),
    type: z.enum(LENDER_TYPES as unknown as [string, ...string[]]),
    isCreditCard: z.boolean().default(false),
  }),
  debts: z.array(debtSchema).min(1).max(500),
  plan: z
    .object({
      source,
      strategy: z
        .enum(['pro-rata-balance', 'pro-rata-contractual', 'highest-cost-first', 'custom'])
        .optional(),
      schedule: z
        .array(z.object({ dueOn: date, amount: money }))
        .max(600)
        .optional(),
      monthlyPayment: amount,
      installments: z.number().int().min(1).max(600),
      firstDueOn: date,
      endOn: date,
      totalPaid: amount,
      lastPayment: money.optional(),
      concessions: z.array(z.enum(CONCESSIONS)).default([]),
      walkAwayMonthly: money.optional(),
      walkAwayInstallments: z.number().int().min(1).max(600).optional(),
    })
    .optional(),
  budget: z
    .object({
      source,
      emergencyBuffer: amount.optional(),
      debtSources: sources,
      householdSize: z.number().int().min(1).max(50),
      monthlyIncome: money,
      priorityCosts: money,
      otherCosts: money,
      capacityForCreditors: money,
      creditorCount: z.number().int().min(0).max(10_000),
      totalDebt: money,
    })
    .optional(),
  legality: z
    .array(
      z.object({
        source,
        basis: z.enum(['contract', 'actual']).optional(),
        debtRef: z.string().trim().max(200),
        aprPercent: percent,
        limitPercent: percent,
        ruleId: text(100),
        overcharge: amount,
        recalculatedOutstanding: money.optional(),
      }),
    )
    .optional(),
  contacts: z
    .array(
      z.object({
        source,
        on: date,
        time: z
          .string()
          .regex(/^\d{2}:\d{2}$/)
          .optional(),
        channel: text(50),
        direction: z.enum(['inbound', 'outbound']).optional(),
        agent: optText(100),
        counterpart: optText(100),
        whom: optText(200),
        summary: text(2000),
        thirdParty: z.boolean().optional(),
        evidence: z
          .array(z.object({ name: text(300), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
          .optional(),
      }),
    )
    .optional(),
  hardship: z
    .object({
      source,
      cause: z.enum(HARDSHIP_CAUSES),
      since: date,
      description: text(4000),
      incomeBefore: money.optional(),
      incomeAfter: money.optional(),
      proofs: z.array(text(300)).default([]),
      outlook: optText(2000),
    })
    .optional(),
  exhibits: z
    .array(
      z.object({
        source,
        no: text(50),
        title: text(300),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
      }),
    )
    .optional(),
  dispute: z.object({ item: text(500), reason: text(2000), correction: text(500) }).optional(),
  complaintFacts: optText(4000),
  conduct: z
    .array(
      z.object({
        source,
        contactSources: z.array(z.string().max(300)).max(1000),
        titleZh: text(300),
        titleEn: text(300),
        certainty: z.enum(['P', 'S', 'U']),
        detection: z.enum(['recorded', 'user-tagged', 'keyword-heuristic']),
        provisionIds: z.array(text(100)).max(50),
      }),
    )
    .optional(),
  ledgerHead: z
    .object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) })
    .optional(),
});

type Json = z.input<typeof caseInputSchema>;

/** Drops keys whose value is undefined (exactOptionalPropertyTypes). */
function clean<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clean) as T;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = clean(x);
    return out as T;
  }
  return v;
}

/** Parses the JSON case; throws AppError('invalid-input') naming the first bad field. */
export function parseCaseInput(json: unknown): CaseInput {
  const r = caseInputSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const field = issue.path.join('.') || 'input';
    const zh = (issue as { params?: { zh?: string } }).params?.zh;
    throw new AppError('invalid-input', `${field}: ${issue.message}`, {
      field,
      messageZh: `${field}：${zh ?? issue.message}`,
      details: {
        issues: r.error.issues
          .slice(0, 20)
          .map((i) => ({ field: i.path.join('.'), message: i.message })),
      },
    });
  }
  const v = r.data;
  const { legality, ...rest } = v;
  const out = {
    ...rest,
    ...(legality
      ? {
          legality: legality.map(({ aprPercent, limitPercent, ...f }) => ({
            ...f,
            aprPpm: aprPercent,
            limitPpm: limitPercent,
          })),
        }
      : {}),
  };
  return clean(out) as CaseInput;
}

/** The JSON form of a case (inverse of parseCaseInput), for example files. */
export function caseInputToJson(c: CaseInput): Json {
  const y = (x: Cents) => formatYuan(x);
  const pct = (r: RatePpm) => formatRateFraction(ratePpm(r * 100)).replace(/(\.\d*?)0+$/, '$1');
  return clean({
    ...c,
    debts: c.debts.map((d) => ({
      ...d,
      principal: y(d.principal),
      outstanding: y(d.outstanding),
      penalty: y(d.penalty),
    })),
    plan: c.plan && {
      ...c.plan,
      monthlyPayment: y(c.plan.monthlyPayment),
      totalPaid: y(c.plan.totalPaid),
      lastPayment: c.plan.lastPayment === undefined ? undefined : y(c.plan.lastPayment),
      walkAwayMonthly: c.plan.walkAwayMonthly === undefined ? undefined : y(c.plan.walkAwayMonthly),
      schedule: c.plan.schedule?.map((r) => ({ dueOn: r.dueOn, amount: y(r.amount) })),
    },
    budget: c.budget && {
      ...c.budget,
      monthlyIncome: y(c.budget.monthlyIncome),
      priorityCosts: y(c.budget.priorityCosts),
      otherCosts: y(c.budget.otherCosts),
      capacityForCreditors: y(c.budget.capacityForCreditors),
      emergencyBuffer:
        c.budget.emergencyBuffer === undefined ? undefined : y(c.budget.emergencyBuffer),
      totalDebt: y(c.budget.totalDebt),
    },
    legality: c.legality?.map(({ aprPpm, limitPpm, ...f }) => ({
      ...f,
      aprPercent: pct(aprPpm),
      limitPercent: pct(limitPpm),
      overcharge: y(f.overcharge),
      recalculatedOutstanding:
        f.recalculatedOutstanding === undefined ? undefined : y(f.recalculatedOutstanding),
    })),
    hardship: c.hardship && {
      ...c.hardship,
      incomeBefore: c.hardship.incomeBefore === undefined ? undefined : y(c.hardship.incomeBefore),
      incomeAfter: c.hardship.incomeAfter === undefined ? undefined : y(c.hardship.incomeAfter),
    },
  } as unknown as Json);
}

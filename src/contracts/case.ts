// Shapes of the case resources (inventory, budget, plan, contacts, evidence, agreements) on the wire.
import { z } from 'zod';
import { APR_BASES } from '../core/apr/basis.js';
import {
  BUDGET_KINDS,
  CHANNELS,
  CONCESSIONS,
  DEBT_METHODS,
  DIRECTIONS,
  EVIDENCE_KINDS,
  LENDER_TYPES,
  PLAN_STRATEGIES,
} from './enums.js';
import { Id, IsoDateString, LongText, MoneyNonNegative, ShortText } from './common.js';

export const LenderTypeSchema = z.enum(LENDER_TYPES);
export type LenderTypeName = (typeof LENDER_TYPES)[number];

const opt = <T extends z.ZodType>(s: T) => s.optional().nullable();

export const LenderCreate = z.object({
  name: ShortText,
  brand: opt(z.string().trim().max(100)),
  lenderType: LenderTypeSchema,
});
export type LenderCreate = z.infer<typeof LenderCreate>;

export const LenderView = z.object({
  id: Id,
  name: z.string(),
  brand: z.string().nullable(),
  lenderType: z.string(),
});
export type LenderView = z.infer<typeof LenderView>;

export const DebtCreate = z.object({
  /** an existing lender id, or a new lender by name */
  lenderId: opt(Id),
  lenderName: opt(z.string().trim().min(1).max(200)),
  lenderType: LenderTypeSchema.default('unknown'),
  contractNumber: opt(z.string().trim().max(100)),
  contractDate: opt(IsoDateString),
  principal: MoneyNonNegative,
  received: opt(MoneyNonNegative),
  /** the rate as quoted: "日息万五", "月费率0.6%", "年化18%" */
  rateText: opt(z.string().trim().max(60)),
  termMonths: opt(z.number().int().min(1).max(600)),
  method: opt(z.enum(DEBT_METHODS)),
  firstDueDate: opt(IsoDateString),
  installment: opt(MoneyNonNegative),
  balance: opt(MoneyNonNegative),
  overdue: opt(MoneyNonNegative),
  isCreditReported: opt(z.boolean()),
  notes: opt(LongText),
  /** 'loan' | 'credit-card' (信用卡 gets the card-shaped fields below) */
  kind: opt(z.enum(['loan', 'credit-card'])),
  /** credit cards: 账单日 */
  statementDay: opt(z.number().int().min(1).max(31)),
  /** credit cards: 最低还款 */
  minimumPayment: opt(MoneyNonNegative),
  /** credit cards: 分期手续费 per month, e.g. "0.6%" */
  cardInstallmentFee: opt(z.string().trim().max(20)),
  /** 助贷: the funding bank or consumer-finance company the contract names (资金方) */
  lenderOfRecord: opt(z.string().trim().max(200)),
  /** 助贷: the guarantor / credit-enhancement company (担保方) */
  guarantor: opt(z.string().trim().max(200)),
});
export type DebtCreate = z.input<typeof DebtCreate>;

/**
 * A change to a debt: only the fields present change; `null` (or an empty string) clears an
 * optional field. Same rules per field as DebtCreate.
 */
export const DebtPatch = DebtCreate.omit({ lenderType: true, principal: true })
  .extend({ lenderType: LenderTypeSchema.optional(), principal: MoneyNonNegative.optional() })
  .strict();
export type DebtPatch = z.input<typeof DebtPatch>;

export const Verdict = z.object({
  /** ok: within every line; exceeds: above at least one; unknown: not enough data */
  level: z.enum(['ok', 'exceeds', 'unknown']),
  lineZh: z.string().nullable(),
  lineEn: z.string().nullable(),
  limit: z.number().nullable(),
  certainty: z.string().nullable(),
  overcharge: z.string().nullable(),
});
export type Verdict = z.infer<typeof Verdict>;

export const DebtView = z.object({
  id: Id,
  lenderId: Id,
  lender: z.string(),
  lenderType: z.string(),
  contractNumber: z.string().nullable(),
  principal: z.string(),
  received: z.string().nullable(),
  balance: z.string().nullable(),
  overdue: z.string(),
  status: z.string(),
  rateText: z.string().nullable(),
  termMonths: z.number().nullable(),
  contractDate: z.string().nullable(),
  method: z.string().nullable(),
  firstDueDate: z.string().nullable(),
  installment: z.string().nullable(),
  isCreditReported: z.boolean(),
  notes: z.string().nullable(),
  lenderOfRecord: z.string().nullable(),
  guarantor: z.string().nullable(),
  /** 'loan' | 'credit-card', with the card's terms (absent from older servers) */
  kind: z.enum(['loan', 'credit-card']).optional(),
  statementDay: z.number().nullable().optional(),
  minimumPayment: z.string().nullable().optional(),
  /** per month, as typed back into the form: "0.6%" */
  cardInstallmentFee: z.string().nullable().optional(),
  nominalApr: z.number().nullable(),
  effectiveAnnualRate: z.number().nullable(),
  /** what the true APR was computed from (core/apr APR_BASES), with its label; null: not computed */
  aprBasis: z.enum(APR_BASES).nullable().optional(),
  aprBasisLabel: z.object({ zh: z.string(), en: z.string() }).nullable().optional(),
  /** why the true APR is missing, in words (e.g. a card without its installment fee) */
  aprNote: z
    .object({ code: z.string(), message: z.string(), messageZh: z.string() })
    .nullable()
    .optional(),
  verdict: Verdict,
});
export type DebtView = z.infer<typeof DebtView>;

/**
 * The case at a glance (the home screen): totals and one line per lender. Each debt's own line
 * (true APR, verdict) is GET /api/debts; a 60-debt case is 60 lines there, not here.
 */
export const Summary = z.object({
  asOf: z.string(),
  totals: z.object({
    debts: z.number(),
    balance: z.string(),
    overdue: z.string(),
    principal: z.string(),
    paid: z.string(),
    /** debts with no balance from the lender yet (left out of `balance`) */
    debtsWithoutBalance: z.number(),
    overdueDebts: z.number(),
    /** debts whose true cost is above a legal line */
    aboveLegalLine: z.number(),
    /** debts whose cost could not be judged (missing terms or dates) */
    unknownVerdict: z.number(),
    /** sum of what a court-style recalculation says was overpaid */
    overcharge: z.string(),
  }),
  lenders: z.array(
    z.object({
      id: Id,
      name: z.string(),
      lenderType: z.string(),
      /** known balances only: see debtsWithoutBalance ("未填" when it equals debts) */
      balance: z.string(),
      overdue: z.string(),
      debts: z.number(),
      debtsWithoutBalance: z.number().optional(),
      aboveLegalLine: z.number(),
      /** the bases of this lender's true-APR figures (core/apr APR_BASES), distinct */
      aprBases: z.array(z.enum(APR_BASES)).optional(),
    }),
  ),
});
export type Summary = z.infer<typeof Summary>;

export const BudgetLine = z.object({
  kind: z.enum(BUDGET_KINDS),
  label: ShortText,
  monthly: MoneyNonNegative,
  dayOfMonth: opt(z.number().int().min(1).max(31)),
  note: opt(z.string().max(1000)),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const BudgetSave = z.object({
  lines: z.array(BudgetLine).min(1).max(500),
  buffer: MoneyNonNegative.default('0.00'),
  adults: z.number().int().min(1).max(20).default(1),
  children: z.number().int().min(0).max(20).default(0),
  note: opt(z.string().max(2000)),
});
export type BudgetSave = z.input<typeof BudgetSave>;

export const Warning = z.object({ code: z.string(), message: z.string(), messageZh: z.string() });
export type Warning = z.infer<typeof Warning>;

export const BudgetView = z.object({
  id: Id,
  version: z.number(),
  lines: z.array(BudgetLine),
  buffer: z.string(),
  income: z.string(),
  priority: z.string(),
  fixed: z.string(),
  flexible: z.string(),
  capacity: z.string(),
  warnings: z.array(Warning),
});
export type BudgetView = z.infer<typeof BudgetView>;

export const PlanBuild = z.object({
  strategy: z.enum(PLAN_STRATEGIES).default('pro-rata-balance'),
  capacity: opt(MoneyNonNegative),
  concession: z.enum(CONCESSIONS).default('none'),
  maxTerm: z.number().int().min(1).max(120).default(36),
  asOf: opt(IsoDateString),
});
export type PlanBuild = z.input<typeof PlanBuild>;

export const ProposalView = z.object({
  debtId: z.string(),
  lender: z.string(),
  monthlyPayment: z.string(),
  term: z.number().nullable(),
  endDate: z.string().nullable(),
  totalPaid: z.string(),
  savingVsContract: z.string().nullable(),
  savingVsNothing: z.string().nullable(),
  concession: z.string(),
  /** the longest term this kind of lender usually accepts, its source and certainty (U = 待核实) */
  usualTerm: z
    .object({
      maxMonths: z.number(),
      certainty: z.string(),
      sourceZh: z.string(),
      sourceEn: z.string(),
    })
    .optional(),
  withinUsualTerm: z.boolean().optional(),
  /** remaining balance after each month (yuan strings) for the chart */
  schedule: z.array(z.object({ dueDate: z.string(), payment: z.string(), balance: z.string() })),
});
export type ProposalView = z.infer<typeof ProposalView>;

export const PlanView = z.object({
  id: z.string().nullable(),
  feasible: z.boolean(),
  /** core/plan PLAN_STATUSES: 'unlikely-accepted' = 可行但对方大概率不会接受 */
  status: z.enum(['feasible', 'unlikely-accepted', 'infeasible']).optional(),
  /** the smallest change that brings an 'unlikely-accepted' plan back within the usual terms */
  acceptanceFix: z
    .object({
      ids: z.array(z.string()),
      monthlyNeeded: z.string(),
      extraMonthly: z.string(),
      messageZh: z.string(),
      message: z.string(),
    })
    .nullable()
    .optional(),
  /** what the plan assumed for lack of data, e.g. 利率未知，按0%假设 */
  assumptions: z
    .array(
      z.object({
        code: z.string(),
        id: z.string(),
        creditor: z.string(),
        messageZh: z.string(),
        message: z.string(),
      }),
    )
    .optional(),
  /** the rule the strategy shares the money by (core/plan describeStrategy) */
  strategyRule: z.object({ zh: z.string(), en: z.string() }).optional(),
  /** the settings this saved plan was built with */
  settings: z
    .object({
      strategy: z.string(),
      concession: z.string(),
      maxTerm: z.number(),
      capacity: z.string(),
    })
    .optional(),
  /** the latest budget against the plan's own: changed since the plan was saved? */
  budget: z
    .object({ latestCapacity: z.string().nullable(), changedSincePlan: z.boolean() })
    .optional(),
  capacity: z.string(),
  monthlyTotal: z.string(),
  proposals: z.array(ProposalView),
  shortfall: z
    .object({
      monthly: z.string(),
      suggestions: z.array(z.object({ message: z.string(), messageZh: z.string() })),
    })
    .nullable(),
});
export type PlanView = z.infer<typeof PlanView>;

export const ContactCreate = z.object({
  lenderId: opt(Id),
  occurredAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: 'expected a time like 2026-11-29T20:30+08:00',
    }),
  channel: z.enum(CHANNELS),
  direction: z.enum(DIRECTIONS),
  agentName: opt(z.string().trim().max(100)),
  agentNumber: opt(z.string().trim().max(100)),
  counterpart: opt(z.string().trim().max(100)),
  asked: opt(z.string().max(5000)),
  offered: opt(z.string().max(5000)),
  promises: opt(z.string().max(5000)),
  deadlineDate: opt(IsoDateString),
  nextStep: opt(z.string().max(2000)),
  thirdParty: opt(z.string().max(500)),
  notes: opt(LongText),
  /** quote the notes in letters (off by default: notes may hold admissions) */
  includeNoteInLetters: z.boolean().optional(),
});
export type ContactCreate = z.input<typeof ContactCreate>;

/** Edit a contact: any subset of the create fields; `null` clears an optional one. */
export const ContactPatch = ContactCreate.partial()
  .extend({ lenderId: Id.nullable().optional() })
  .strict();
export type ContactPatch = z.input<typeof ContactPatch>;

export const ContactView = z.object({
  id: z.string(),
  lenderId: z.string().nullable(),
  lender: z.string().nullable(),
  occurredAt: z.string(),
  channel: z.string(),
  direction: z.string(),
  agentName: z.string().nullable(),
  asked: z.string().nullable(),
  offered: z.string().nullable(),
  notes: z.string().nullable(),
  // the rest of what was logged, so an edit form starts from the stored values
  agentNumber: z.string().nullable().optional(),
  counterpart: z.string().nullable().optional(),
  promises: z.string().nullable().optional(),
  deadlineDate: z.string().nullable().optional(),
  nextStep: z.string().nullable().optional(),
  thirdParty: z.string().nullable().optional(),
  includeNoteInLetters: z.boolean().optional(),
});
export type ContactView = z.infer<typeof ContactView>;

export const EvidenceFields = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  lenderId: opt(Id),
  contactId: opt(Id),
  capturedAt: opt(z.string().max(40)),
  description: opt(z.string().max(2000)),
});
export type EvidenceFields = z.input<typeof EvidenceFields>;

export const EvidenceView = z.object({
  id: z.string(),
  kind: z.string(),
  sha256: z.string(),
  originalName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  lenderId: z.string().nullable(),
  addedAt: z.string(),
  description: z.string().nullable(),
  /** evidence is never erased: a withdrawn item stays in the ledger with the reason */
  withdrawnAt: z.string().nullable().optional(),
  withdrawReason: z.string().nullable().optional(),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

export const ConductFlag = z.object({
  contactId: z.string().nullable(),
  rule: z.string(),
  messageZh: z.string(),
  message: z.string(),
  source: z.string().nullable(),
  certainty: z.string().nullable(),
});
export type ConductFlag = z.infer<typeof ConductFlag>;

export const AgreementCreate = z.object({
  lenderId: Id,
  agreedDate: IsoDateString,
  firstDueDate: IsoDateString,
  monthlyAmount: MoneyNonNegative,
  count: z.number().int().min(1).max(120),
  agentName: opt(z.string().max(100)),
  paymentChannel: opt(z.enum(['app', 'online-banking', 'counter', 'third-party'])),
  isConfirmedInWriting: z.boolean().default(false),
  notes: opt(LongText),
});
export type AgreementCreate = z.input<typeof AgreementCreate>;

export const PaymentCreate = z.object({
  paidDate: IsoDateString,
  amount: MoneyNonNegative,
  channel: opt(z.string().max(40)),
  note: opt(z.string().max(1000)),
});
export type PaymentCreate = z.input<typeof PaymentCreate>;

/** Edit a recorded payment: any subset of its fields; the installments are matched again. */
export const PaymentPatch = PaymentCreate.partial().strict();
export type PaymentPatch = z.input<typeof PaymentPatch>;

export const PaymentView = z.object({
  id: z.string(),
  paidDate: z.string(),
  amount: z.string(),
  channel: z.string().nullable(),
  note: z.string().nullable(),
});
export type PaymentView = z.infer<typeof PaymentView>;

/** Edit an agreement's terms; the installments are rebuilt and the payments matched again. */
export const AgreementPatch = AgreementCreate.omit({ lenderId: true })
  .partial()
  .extend({ isConfirmedInWriting: z.boolean().optional() })
  .strict();
export type AgreementPatch = z.input<typeof AgreementPatch>;

/** What a delete answers: the id to pass to `POST /api/undo/:undoId` to bring the record back. */
export const Removed = z.object({ ok: z.literal(true), undoId: z.string() });
export type Removed = z.infer<typeof Removed>;

export const UndoResult = z.object({ ok: z.literal(true), kind: z.string(), id: z.string() });
export type UndoResult = z.infer<typeof UndoResult>;

export const EvidenceWithdraw = z.object({ reason: z.string().trim().min(1).max(500) });
export type EvidenceWithdraw = z.input<typeof EvidenceWithdraw>;

export const InstallmentView = z.object({
  seq: z.number(),
  dueDate: z.string(),
  amount: z.string(),
  paid: z.string(),
  status: z.string(),
});
export const AgreementView = z.object({
  id: z.string(),
  lenderId: z.string(),
  lender: z.string(),
  agreedDate: z.string(),
  total: z.string(),
  paid: z.string(),
  isConfirmedInWriting: z.boolean(),
  status: z.string(),
  installments: z.array(InstallmentView),
  payments: z.array(PaymentView).optional(),
  /** the stored terms, so an edit form starts from them */
  firstDueDate: z.string().optional(),
  monthlyAmount: z.string().optional(),
  count: z.number().optional(),
  agentName: z.string().nullable().optional(),
  paymentChannel: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
});
export type AgreementView = z.infer<typeof AgreementView>;

export const DueItem = z.object({
  agreementId: z.string(),
  lender: z.string(),
  dueDate: z.string(),
  amount: z.string(),
  status: z.string(),
});
export type DueItem = z.infer<typeof DueItem>;

export const ForecastQuery = z.object({
  balance: MoneyNonNegative,
  days: z.coerce.number().int().min(1).max(366).default(90),
  /** 'DAY:AMOUNT[:LABEL]', e.g. '10:6000.00:工资' */
  payday: z.string().max(100).optional(),
});
export const ForecastView = z.object({
  asOf: z.string(),
  days: z.array(z.object({ date: z.string(), balance: z.string() })),
  warnings: z.array(
    z.object({
      dueDate: z.string(),
      actBy: z.string(),
      lender: z.string(),
      amount: z.string(),
      shortBy: z.string(),
      messageZh: z.string(),
      message: z.string(),
    }),
  ),
  /** the first day the balance goes below zero and the repayment at risk (null: never) */
  firstBelowZero: z
    .object({
      date: z.string(),
      balance: z.string(),
      cause: z.string(),
      atRisk: z.object({ lender: z.string(), amount: z.string(), dueDate: z.string() }).nullable(),
      messageZh: z.string(),
      message: z.string(),
    })
    .nullable()
    .optional(),
  /** budget lines saved without a day of the month, placed on a cautious default day */
  assumedDays: z.array(z.string()).optional(),
});
export type ForecastView = z.infer<typeof ForecastView>;

/** The plan the browser holds, for letters that need one (request, call script). */
export const LetterPlan = z.object({
  monthlyPayment: MoneyNonNegative,
  installments: z.number().int().min(1).max(600),
  firstDueOn: IsoDateString,
  endOn: IsoDateString,
  totalPaid: MoneyNonNegative,
  concessions: z.array(z.string().max(40)).max(10).default([]),
});
export type LetterPlan = z.input<typeof LetterPlan>;

export const LetterQuery = z.object({
  lenderId: Id,
  /** JSON of LetterPlan */
  plan: z.string().max(4000).optional(),
  format: z.enum(['docx', 'html', 'md']).default('docx'),
  lang: z.enum(['zh', 'en']).default('zh'),
});

/** GET /api/this-month (本月要还): what is due in the next 30 days and where each lender stands. */
export const ThisMonthView = z.object({
  asOf: z.string(),
  endDate: z.string(),
  items: z.array(
    z.object({
      lenderId: z.string(),
      lender: z.string(),
      source: z.enum(['agreement', 'contract', 'overdue']),
      refId: z.string(),
      seq: z.number(),
      dueDate: z.string(),
      amount: z.string(),
      paid: z.string(),
      remaining: z.string(),
      isOverdue: z.boolean(),
    }),
  ),
  lenders: z.array(
    z.object({
      lenderId: z.string(),
      lender: z.string(),
      standing: z.string(),
      labelZh: z.string(),
      labelEn: z.string(),
      due: z.string(),
      paid: z.string(),
    }),
  ),
  totals: z.object({ due: z.string(), paid: z.string(), remaining: z.string() }),
});
export type ThisMonthView = z.infer<typeof ThisMonthView>;

// Requests for the pure calculators (same JSON shapes as `xieshang apr|schedule|check|budget|plan --json`).
import { z } from 'zod';
import { IsoDateString, Money, MoneyNonNegative, RateFraction } from './common.js';

export const DatedFlowJson = z.object({ date: IsoDateString, amount: Money });

export const AprRequest = z.union([
  z.object({ cashflows: z.array(DatedFlowJson).min(2).max(10_000) }),
  z.object({
    periodsPerYear: z.number().int().min(1).max(366),
    cashflows: z.array(Money).min(2).max(10_000),
  }),
]);
export type AprRequest = z.infer<typeof AprRequest>;

export const AprResponse = z.object({
  periodicRate: z.number(),
  periodsPerYear: z.number(),
  nominalApr: z.number(),
  effectiveAnnualRate: z.number(),
});
export type AprResponse = z.infer<typeof AprResponse>;

export const ScheduleMethod = z.enum([
  'equal-installment',
  'equal-principal',
  'interest-only',
  'bullet',
  'flat-fee',
  'interest-free',
]);

export const ScheduleRequest = z.object({
  principal: MoneyNonNegative,
  annualRate: RateFraction.optional(),
  periods: z.number().int().min(1).max(600),
  method: ScheduleMethod,
  startDate: IsoDateString,
  feeRatePerPeriod: RateFraction.optional(),
});
export type ScheduleRequest = z.infer<typeof ScheduleRequest>;

export const LenderType = z.enum([
  'bank',
  'consumer-finance',
  'small-loan',
  'guarantee-platform',
  'private',
  'unknown',
]);

export const CheckRequest = z.object({
  lenderType: z.string().min(1).max(40),
  contractDate: IsoDateString,
  contractPrincipal: MoneyNonNegative,
  cashflows: z.array(DatedFlowJson).min(2).max(10_000),
});
export type CheckRequest = z.infer<typeof CheckRequest>;

/** Budget and plan inputs are validated in full by core; the contract checks the envelope. */
export const BudgetRequest = z.record(z.string(), z.unknown());
export type BudgetRequest = z.infer<typeof BudgetRequest>;

export const PlanConcession = z.enum([
  'none',
  'waive-penalty',
  'freeze-interest',
  'reduce-rate',
  'extend-term',
]);

export const PlanDebtJson = z.object({
  id: z.string().min(1).max(100),
  creditor: z.string().min(1).max(200),
  balance: Money,
  annualRate: RateFraction.optional(),
  contractualPayment: Money.optional(),
  penaltyAccrued: Money.optional(),
  minPayment: Money.optional(),
  maxTerm: z.number().int().min(1).max(600).optional(),
  concession: PlanConcession.optional(),
  reducedRate: RateFraction.optional(),
});

export const PlanRequest = z
  .object({
    asOf: IsoDateString,
    capacity: Money,
    strategy: z.string().min(1).max(40),
    debts: z.array(PlanDebtJson).min(1).max(10_000),
  })
  .passthrough();
export type PlanRequest = z.infer<typeof PlanRequest>;

/** Calculator outputs are the CLI's JSON; typed loosely here so the web can read them defensively. */
export const JsonObject = z.record(z.string(), z.unknown());

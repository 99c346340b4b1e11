import type { Cents } from '../money/index.js';

export const FREQUENCIES = ['weekly', 'monthly', 'yearly', 'one-off'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Priority costs are paid before any creditor (housing, utilities, food, transport to work, children, medical, insurance). */
export const PRIORITY_CATEGORIES = [
  'housing',
  'utilities',
  'food',
  'transport',
  'children',
  'medical',
  'insurance',
] as const;
export const FIXED_CATEGORIES = ['phone', 'education', 'support', 'other-fixed'] as const;
export const FLEXIBLE_CATEGORIES = [
  'clothing',
  'personal',
  'leisure',
  'gifts',
  'other-flexible',
] as const;
export const CATEGORIES = [
  ...PRIORITY_CATEGORIES,
  ...FIXED_CATEGORIES,
  ...FLEXIBLE_CATEGORIES,
] as const;
export type Category = (typeof CATEGORIES)[number];
export type CostGroup = 'priority' | 'fixed' | 'flexible';

export interface Household {
  adults: number;
  children: number;
  dependants: number;
  city: string | null;
  note: string | null;
}

export interface IncomeLine {
  label: string;
  amount: Cents;
  frequency: Frequency;
  note: string | null;
  /** payday or due day of month (1–31) for the cash-flow forecast; absent when not given */
  dayOfMonth?: number;
}

export interface ExpenseLine extends IncomeLine {
  category: Category;
}

export interface BudgetDebt {
  creditor: string;
  balance: Cents;
  contractualPayment: Cents;
}

export interface BudgetInput {
  household: Household;
  income: IncomeLine[];
  expenditure: ExpenseLine[];
  /** money kept back every month for emergencies, before creditors */
  emergencyBuffer: Cents;
  debts: BudgetDebt[];
}

export interface NormalizedIncome extends IncomeLine {
  monthly: Cents;
}
export interface NormalizedExpense extends ExpenseLine {
  group: CostGroup;
  monthly: Cents;
}

export type BudgetWarningCode =
  'negative-capacity' | 'no-capacity' | 'food-zero' | 'flexible-outlier' | 'no-income';

export interface BudgetWarning {
  code: BudgetWarningCode;
  field: string;
  message: string;
  messageZh: string;
  /** true when the user already wrote a note that explains it */
  noted: boolean;
}

/** What a lender may see: totals and the capacity, never the lines. */
export interface CreditorSummary {
  adults: number;
  children: number;
  dependants: number;
  monthlyIncome: Cents;
  priorityCosts: Cents;
  otherFixedCosts: Cents;
  flexibleCosts: Cents;
  emergencyBuffer: Cents;
  capacity: Cents;
  creditors: number;
  totalOwed: Cents;
  contractualPayments: Cents;
}

export interface Budget {
  household: Household;
  income: NormalizedIncome[];
  expenditure: NormalizedExpense[];
  totals: {
    income: Cents;
    priority: Cents;
    fixed: Cents;
    flexible: Cents;
    expenditure: Cents;
    emergencyBuffer: Cents;
  };
  /** income − all costs − emergency buffer, per month; may be negative */
  capacity: Cents;
  warnings: BudgetWarning[];
  creditorSummary: CreditorSummary;
  conventions: { zh: string[]; en: string[] };
}

// Use case: the cash-flow forecast from the store. Sources, in order: the newest budget in the
// store (income lines with a day of month become paydays; priority/fixed lines with a day become
// outgoings), then an optional JSON file, then --payday / --outgoing flags; open installments
// come from the recorded agreements. See src/core/forecast for the conventions.
import {
  WEEKEND_RULES,
  forecastCashFlow,
  validateForecastInput,
  type DueInstallment,
  type FixedOutgoing,
  type Forecast,
  type IncomeSource,
  type WeekendRule,
} from '../core/forecast/index.js';
import { addDays, addMonths, type IsoDate } from '../core/dates/index.js';
import { createDebtRepository } from '../db/repositories/debt-repository.js';
import { createLenderRepository } from '../db/repositories/lender-repository.js';
import { cents, type Cents } from '../core/money/index.js';
import { createAgreementRepository } from '../db/repositories/agreements-repository.js';
import type { CaseId } from '../db/types.js';
import { parseMoneyField, parsePositiveMoney } from './agreements/input.js';
import { agreementReports } from './agreements/agreements.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';

export interface ForecastRequest {
  asOf: IsoDate;
  days?: number;
  /** account balance now (yuan text); required unless the JSON file gives it */
  balance?: string;
  /** --payday DAY:AMOUNT[:LABEL] */
  paydays?: string[];
  /** --outgoing DAY:AMOUNT[:LABEL] */
  outgoings?: string[];
  weekendRule?: string;
  buffer?: string;
  actLeadDays?: number;
  /** the parsed JSON file, when given */
  file?: unknown;
  useBudget?: boolean;
}

export interface ForecastResult {
  forecast: Forecast;
  /**
   * unplaced: lines not in the forecast (none since every line counts); assumedDays: budget lines
   * without a day of the month, placed on DEFAULT_INCOME_DAY / DEFAULT_EXPENSE_DAY
   */
  sources: { budgetId: string | null; unplaced: string[]; assumedDays: string[] };
}

/**
 * A budget line saved without a day of the month is placed the cautious way: money in on the
 * month's last day (31 → last day), money out on the 1st. Set the day on the budget to be exact.
 */
export const DEFAULT_INCOME_DAY = 31;
export const DEFAULT_EXPENSE_DAY = 1;

/**
 * Contract dues of every open debt whose lender has no active agreement (an agreement replaces the
 * contract's schedule): installment × the months from firstDueOn within the window, and the overdue
 * amount as due today. Debts without an installment and first due date add nothing but overdue.
 */
export async function contractDues(
  deps: Deps,
  caseId: CaseId,
  asOf: IsoDate,
  days: number,
  agreedLenders: ReadonlySet<string>,
): Promise<DueInstallment[]> {
  const endOn = addDays(asOf, days - 1);
  const lenders = new Map(
    (await createLenderRepository(deps.db).list(caseId)).map((l) => [l.id as string, l]),
  );
  const out: DueInstallment[] = [];
  for (const d of await createDebtRepository(deps.db).list(caseId)) {
    if (d.status === 'settled' || d.status === 'written-off') continue;
    if (agreedLenders.has(d.lenderId)) continue;
    const l = lenders.get(d.lenderId);
    const lender = l?.brand ?? l?.name ?? '';
    if (d.overdue > 0)
      out.push({ agreementId: `debt:${d.id}`, lender, seq: 0, dueOn: asOf, amount: d.overdue });
    if (d.installment === null || d.installment <= 0 || d.firstDueOn === null) continue;
    const term = d.termMonths ?? 600;
    for (let n = 0; n < term; n++) {
      const due = addMonths(d.firstDueOn, n);
      if (due > endOn) break;
      if (due < asOf) continue; // past dues are in `overdue` (or were paid)
      out.push({
        agreementId: `debt:${d.id}`,
        lender,
        seq: n + 1,
        dueOn: due,
        amount: d.installment,
      });
    }
  }
  return out;
}

function bad(field: string, en: string, zh: string): AppError {
  return new AppError('invalid-input', `${field}: ${en}`, { field, messageZh: `${field}：${zh}` });
}

function parseRule(v: unknown, field: string): WeekendRule {
  if (typeof v === 'string' && (WEEKEND_RULES as readonly string[]).includes(v))
    return v as WeekendRule;
  throw bad(
    field,
    `must be one of ${WEEKEND_RULES.join(', ')}`,
    `只能是 ${WEEKEND_RULES.join('、')}`,
  );
}

function parseDay(v: unknown, field: string): number {
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 31)
    throw bad(field, 'day of month must be 1 to 31', '每月几号应为 1 到 31');
  return n;
}

/** Parses 'DAY:AMOUNT[:LABEL]', e.g. '10:6000:工资'. */
export function parseDayAmount(
  text: string,
  field: string,
  fallbackLabel: string,
): { dayOfMonth: number; amount: Cents; label: string } {
  const [day, amount, ...rest] = text.split(':');
  if (day === undefined || amount === undefined)
    throw bad(
      field,
      `"${text}" is not DAY:AMOUNT[:LABEL] (e.g. 10:6000:工资)`,
      `“${text}”应为 日:金额[:名称]（例如 10:6000:工资）`,
    );
  return {
    dayOfMonth: parseDay(day, field),
    amount: parsePositiveMoney(amount, field),
    label: rest.join(':').trim() || fallbackLabel,
  };
}

function parseLines(
  v: unknown,
  field: string,
): { label: string; amount: Cents; dayOfMonth: number; weekendRule?: WeekendRule }[] {
  if (v === undefined) return [];
  if (!Array.isArray(v))
    throw bad(
      field,
      'must be a list of { label, amount, dayOfMonth }',
      '应为 { label, amount, dayOfMonth } 列表',
    );
  return v.map((x: unknown, i: number) => {
    const o = (x ?? {}) as Record<string, unknown>;
    const f = `${field}[${i}]`;
    return {
      label:
        typeof o['label'] === 'string' && o['label'].trim() !== ''
          ? o['label'].trim()
          : `${field} ${i + 1}`,
      amount: parsePositiveMoney(o['amount'], `${f}.amount`),
      dayOfMonth: parseDay(o['dayOfMonth'], `${f}.dayOfMonth`),
      ...(o['weekendRule'] === undefined
        ? {}
        : { weekendRule: parseRule(o['weekendRule'], `${f}.weekendRule`) }),
    };
  });
}

/** Builds the forecast input from the store, the file and the flags, then runs the pure core. */
export async function runForecast(
  deps: Deps,
  caseId: CaseId,
  req: ForecastRequest,
): Promise<ForecastResult> {
  const file = (req.file ?? {}) as Record<string, unknown>;
  if (
    req.file !== undefined &&
    (typeof req.file !== 'object' || req.file === null || Array.isArray(req.file))
  )
    throw bad('input', 'expected a JSON object', '应为 JSON 对象');
  const balanceText = req.balance ?? file['balance'];
  if (balanceText === undefined)
    throw bad(
      'balance',
      'required: the current balance of the account you pay from (--balance 1234.56)',
      '必填：还款账户当前余额（--balance 1234.56）',
    );
  const openingBalance = parseMoneyField(balanceText, 'balance');
  const budget =
    req.useBudget !== false && file['useBudget'] !== false
      ? await budgetSource(deps, caseId, req.paydays ?? [])
      : noBudget();
  const { budgetId, incomes, outgoings, assumedDays } = budget;
  incomes.push(...parseLines(file['incomes'], 'incomes'));
  outgoings.push(
    ...parseLines(file['outgoings'], 'outgoings').map(({ label, amount, dayOfMonth }) => ({
      label,
      amount,
      dayOfMonth,
    })),
  );
  for (const [i, p] of (req.paydays ?? []).entries())
    incomes.push(parseDayAmount(p, `payday[${i}]`, '收入'));
  for (const [i, p] of (req.outgoings ?? []).entries())
    outgoings.push(parseDayAmount(p, `outgoing[${i}]`, '固定支出'));
  const bufferText = req.buffer ?? file['buffer'];
  const buffer = bufferText === undefined ? budget.buffer : parseMoneyField(bufferText, 'buffer');
  const weekendRule = parseRule(
    req.weekendRule ?? file['weekendRule'] ?? 'previous-business-day',
    'weekend',
  );
  const days = req.days ?? (typeof file['days'] === 'number' ? file['days'] : 90);
  const actLeadDays =
    req.actLeadDays ?? (typeof file['actLeadDays'] === 'number' ? file['actLeadDays'] : 3);
  const installments = await dueInstallments(deps, caseId, req.asOf, days);
  const input = validateForecastInput({
    asOf: req.asOf,
    days,
    openingBalance,
    incomes,
    outgoings,
    installments,
    weekendRule,
    actLeadDays,
    buffer,
  });
  if (!input.ok) throw AppError.fromIssue(input.error);
  return {
    forecast: forecastCashFlow(input.value),
    sources: { budgetId, unplaced: [], assumedDays },
  };
}

/** The lines and buffer a forecast takes from the budget in the store. */
interface BudgetSource {
  budgetId: string | null;
  buffer: Cents;
  incomes: IncomeSource[];
  outgoings: FixedOutgoing[];
  assumedDays: string[];
}

function noBudget(): BudgetSource {
  return { budgetId: null, buffer: cents(0), incomes: [], outgoings: [], assumedDays: [] };
}

/**
 * The newest budget's lines as paydays and outgoings, and its buffer. Every line counts: one
 * without a day is placed the cautious way (DEFAULT_*_DAY) and named in `assumedDays`, never left
 * out (issue 13: rent and food were dropped).
 */
async function budgetSource(deps: Deps, caseId: CaseId, paydays: string[]): Promise<BudgetSource> {
  const b = await createAgreementRepository(deps.db).latestBudgetLines(caseId);
  if (b === undefined) return noBudget();
  const { incomes, outgoings, assumedDays } = noBudget();
  for (const l of b.lines) {
    if (l.monthly <= 0) continue;
    const isIncome = l.kind === 'income';
    // a payday given with the request (the page's 发薪日) says when the money comes: it
    // replaces budget income whose day is unknown
    if (isIncome && l.dayOfMonth === null && paydays.length > 0) continue;
    if (l.dayOfMonth === null) assumedDays.push(l.label);
    const dayOfMonth = l.dayOfMonth ?? (isIncome ? DEFAULT_INCOME_DAY : DEFAULT_EXPENSE_DAY);
    if (isIncome) incomes.push({ label: l.label, amount: l.monthly, dayOfMonth });
    else outgoings.push({ label: l.label, amount: l.monthly, dayOfMonth });
  }
  return { budgetId: b.budgetId, buffer: b.buffer, incomes, outgoings, assumedDays };
}

/**
 * What falls due: the open installments of every agreement, and the contract dues of the debts
 * whose lender has no active agreement (contractDues).
 */
async function dueInstallments(
  deps: Deps,
  caseId: CaseId,
  asOf: IsoDate,
  days: number,
): Promise<DueInstallment[]> {
  const { reports } = await agreementReports(deps, caseId, { asOf });
  const installments = await contractDues(
    deps,
    caseId,
    asOf,
    days,
    new Set(
      reports.filter((r) => r.agreement.status === 'active').map((r) => r.agreement.lenderId),
    ),
  );
  for (const r of reports)
    for (const s of r.status.installments)
      if (s.remaining > 0)
        installments.push({
          agreementId: r.agreement.id,
          lender: r.agreement.lenderBrand ?? r.agreement.lenderName,
          seq: s.seq,
          dueOn: s.dueOn,
          amount: s.remaining,
        });
  return installments;
}

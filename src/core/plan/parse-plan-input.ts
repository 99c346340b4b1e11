import { err, ok, type FieldIssue, type IssueCode, type Result } from '../result.js';
import {
  MAX_CASE_TOTAL_CENTS,
  MAX_CASE_TOTAL_TEXT,
  parseCents,
  type Cents,
} from '../money/index.js';
import { parseIsoDate, type IsoDate } from '../dates/index.js';
import { MAX_ANNUAL_PPM, parseRateFraction, type RatePpm } from '../rates/index.js';
import {
  CONCESSIONS,
  DEBT_KINDS,
  MAX_INPUT_TERM,
  STRATEGIES,
  type Concession,
  type DebtKind,
  type PlanDebt,
  type PlanInput,
  type Strategy,
} from './types.js';

/** Most debts one plan accepts (the benchmark plans 6,000). */
export const MAX_PLAN_DEBTS = 10_000;

function issue(code: IssueCode, field: string, message: string, messageZh: string): FieldIssue {
  return { code, field, message: `${field}: ${message}`, messageZh: `${field}：${messageZh}` };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-negative yuan amount; `undefined` gives `fallback` when one is allowed. */
function amount(
  obj: Record<string, unknown>,
  key: string,
  field: string,
  fallback?: Cents,
): Result<Cents, FieldIssue> {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (fallback !== undefined) return ok(fallback);
    return err(issue('missing-field', field, 'is required', '必填'));
  }
  const r = parseCents(typeof v === 'number' ? String(v) : (v as string), field);
  if (!r.ok) return r;
  if (r.value < 0)
    return err(issue('negative-amount', field, 'must not be negative', '不能为负数'));
  return r;
}

function rate(v: unknown, field: string): Result<RatePpm, FieldIssue> {
  const r = parseRateFraction(typeof v === 'number' ? String(v) : v, field);
  if (!r.ok) return r;
  if (r.value > MAX_ANNUAL_PPM)
    return err(
      issue('rate-out-of-range', field, 'is above 1000 % a year', '年利率超过 1000%，请检查'),
    );
  return r;
}

function oneOf<T extends string>(
  v: unknown,
  allowed: readonly T[],
  field: string,
  code: IssueCode,
  fallback?: T,
): Result<T, FieldIssue> {
  if (v === undefined && fallback !== undefined) return ok(fallback);
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return ok(v as T);
  return err(
    issue(
      code,
      field,
      `"${String(v)}" is not one of ${allowed.join(', ')}`,
      `“${String(v)}”无效，可选值：${allowed.join('、')}`,
    ),
  );
}

function text(
  obj: Record<string, unknown>,
  key: string,
  field: string,
): Result<string, FieldIssue> {
  const v = obj[key];
  if (typeof v !== 'string' || v.trim() === '')
    return err(issue('missing-field', field, 'must be a non-empty string', '必须是非空文字'));
  if (v.length > 200)
    return err(issue('invalid-input', field, 'is longer than 200 characters', '超过 200 字'));
  return ok(v.trim());
}

function parseDebt(raw: unknown, i: number, strategy: Strategy): Result<PlanDebt, FieldIssue> {
  const at = `debts[${i}]`;
  if (!isRecord(raw)) return err(issue('invalid-input', at, 'must be an object', '必须是对象'));
  const id = text(raw, 'id', `${at}.id`);
  if (!id.ok) return id;
  const creditor = text(raw, 'creditor', `${at}.creditor`);
  if (!creditor.ok) return creditor;
  const kind = oneOf<DebtKind>(raw['kind'], DEBT_KINDS, `${at}.kind`, 'invalid-input', 'other');
  if (!kind.ok) return kind;
  const balance = amount(raw, 'balance', `${at}.balance`);
  if (!balance.ok) return balance;
  const annual = annualRate(raw, at);
  if (!annual.ok) return annual;
  const contractual = amount(raw, 'contractualPayment', `${at}.contractualPayment`, 0 as Cents);
  if (!contractual.ok) return contractual;
  const penalty = amount(raw, 'penaltyAccrued', `${at}.penaltyAccrued`, 0 as Cents);
  if (!penalty.ok) return penalty;
  const interest = amount(raw, 'interestAccrued', `${at}.interestAccrued`, 0 as Cents);
  if (!interest.ok) return interest;
  const minPayment = amount(raw, 'minPayment', `${at}.minPayment`, 0 as Cents);
  if (!minPayment.ok) return minPayment;
  const mt = maxTerm(raw, at);
  if (!mt.ok) return mt;
  const concession = oneOf<Concession>(
    raw['concession'],
    CONCESSIONS,
    `${at}.concession`,
    'unknown-concession',
    'none',
  );
  if (!concession.ok) return concession;
  const reduced = reducedRate(raw, at, concession.value, annual.value.ppm);
  if (!reduced.ok) return reduced;
  const penaltyRate = optionalRate(raw, 'penaltyRate', `${at}.penaltyRate`);
  if (!penaltyRate.ok) return penaltyRate;
  const legalLine = optionalRate(raw, 'legalLine', `${at}.legalLine`);
  if (!legalLine.ok) return legalLine;
  const custom = customPayment(raw, at, strategy, minPayment.value);
  if (!custom.ok) return custom;
  return ok({
    id: id.value,
    creditor: creditor.value,
    kind: kind.value,
    balance: balance.value,
    annualRatePpm: annual.value.ppm,
    contractualPayment: contractual.value,
    penaltyAccrued: penalty.value,
    interestAccrued: interest.value,
    minPayment: minPayment.value,
    maxTerm: mt.value,
    concession: concession.value,
    reducedRatePpm: reduced.value,
    customPayment: custom.value,
    penaltyRatePpm: penaltyRate.value,
    legalLinePpm: legalLine.value,
    ...(annual.value.known ? {} : { rateKnown: false }),
  });
}

/** The contract rate: required, but null says it is unknown. */
function annualRate(
  raw: Record<string, unknown>,
  at: string,
): Result<{ ppm: RatePpm; known: boolean }, FieldIssue> {
  if (raw['annualRate'] === undefined)
    return err(
      issue(
        'missing-field',
        `${at}.annualRate`,
        'is required (e.g. "0.18")',
        '必填（例如 "0.18"）',
      ),
    );
  // null: the rate is unknown; planned at 0 % and listed as an assumption (never guessed upward)
  if (raw['annualRate'] === null) return ok({ ppm: 0 as RatePpm, known: false });
  const r = rate(raw['annualRate'], `${at}.annualRate`);
  if (!r.ok) return r;
  return ok({ ppm: r.value, known: true });
}

function maxTerm(raw: Record<string, unknown>, at: string): Result<number, FieldIssue> {
  const mt = raw['maxTerm'] ?? 60;
  if (typeof mt !== 'number' || !Number.isInteger(mt) || mt < 1 || mt > MAX_INPUT_TERM)
    return err(
      issue(
        'invalid-input',
        `${at}.maxTerm`,
        `must be a whole number of months from 1 to ${MAX_INPUT_TERM}`,
        `必须是 1 到 ${MAX_INPUT_TERM} 之间的整数（月）`,
      ),
    );
  return ok(mt);
}

/** The asked-for rate: required with reduce-rate (and not above the contract), refused otherwise. */
function reducedRate(
  raw: Record<string, unknown>,
  at: string,
  concession: Concession,
  annual: RatePpm,
): Result<RatePpm | null, FieldIssue> {
  if (concession !== 'reduce-rate') {
    if (raw['reducedRate'] === undefined) return ok(null);
    return err(
      issue(
        'invalid-input',
        `${at}.reducedRate`,
        'only applies when concession is "reduce-rate"',
        '仅在 concession 为 "reduce-rate" 时适用',
      ),
    );
  }
  if (raw['reducedRate'] === undefined)
    return err(
      issue(
        'missing-field',
        `${at}.reducedRate`,
        'is required when concession is reduce-rate',
        '申请降息（reduce-rate）时必须填写目标利率',
      ),
    );
  const r = rate(raw['reducedRate'], `${at}.reducedRate`);
  if (!r.ok) return r;
  if (r.value > annual)
    return err(
      issue(
        'invalid-input',
        `${at}.reducedRate`,
        'is above the contract rate (annualRate)',
        '高于合同利率（annualRate），不是降息',
      ),
    );
  return r;
}

function optionalRate(
  raw: Record<string, unknown>,
  key: string,
  field: string,
): Result<RatePpm | null, FieldIssue> {
  if (raw[key] === undefined) return ok(null);
  return rate(raw[key], field);
}

/** The custom strategy's payment: required, and not below the debt's floor. */
function customPayment(
  raw: Record<string, unknown>,
  at: string,
  strategy: Strategy,
  minPayment: Cents,
): Result<Cents | null, FieldIssue> {
  if (strategy !== 'custom') return ok(null);
  const c = amount(raw, 'customPayment', `${at}.customPayment`);
  if (!c.ok) return c;
  if (c.value < minPayment)
    return err(
      issue(
        'invalid-input',
        `${at}.customPayment`,
        "is below this debt's minPayment",
        '低于该笔债务的最低还款额（minPayment）',
      ),
    );
  return c;
}

/**
 * Validates the `xieshang plan` JSON (see src/core/plan/README.md) into a PlanInput. The first
 * problem found is returned, naming its field; nothing is partially accepted.
 */
export function parsePlanInput(raw: unknown): Result<PlanInput, FieldIssue> {
  if (!isRecord(raw))
    return err(issue('invalid-input', 'input', 'must be a JSON object', '必须是 JSON 对象'));
  const asOf = parseIsoDate(raw['asOf'], 'asOf');
  if (!asOf.ok) return asOf;
  const capacity = parseCapacity(raw);
  if (!capacity.ok) return capacity;
  const strategy = oneOf<Strategy>(
    raw['strategy'],
    STRATEGIES,
    'strategy',
    'unknown-strategy',
    'pro-rata-balance',
  );
  if (!strategy.ok) return strategy;
  const debts = parseDebts(raw['debts'], strategy.value, capacity.value);
  if (!debts.ok) return debts;
  return ok({
    asOf: asOf.value,
    capacity: capacity.value,
    strategy: strategy.value,
    debts: debts.value,
  });
}

function parseCapacity(raw: Record<string, unknown>): Result<Cents, FieldIssue> {
  const capacity = parseCents(
    typeof raw['capacity'] === 'number' ? String(raw['capacity']) : (raw['capacity'] as string),
    'capacity',
  );
  if (!capacity.ok) return capacity;
  if (capacity.value <= 0)
    return err(
      issue(
        'capacity-not-positive',
        'capacity',
        'must be above zero (see the budget: with nothing to offer, ask for a breathing space first)',
        '每月可还金额必须大于 0（若预算无余力，请先申请暂缓/停催，而不是提出还款计划）',
      ),
    );
  return capacity;
}

/** The debt list: non-empty, not too long, unique ids, each floor and the sums within limits. */
function parseDebts(
  debtsRaw: unknown,
  strategy: Strategy,
  capacity: Cents,
): Result<PlanDebt[], FieldIssue> {
  if (!Array.isArray(debtsRaw) || debtsRaw.length === 0)
    return err(issue('invalid-input', 'debts', 'must be a non-empty array', '必须是非空数组'));
  if (debtsRaw.length > MAX_PLAN_DEBTS)
    return err(
      issue(
        'input-too-large',
        'debts',
        `more than ${MAX_PLAN_DEBTS} debts`,
        `债务超过 ${MAX_PLAN_DEBTS} 笔`,
      ),
    );
  const debts: PlanDebt[] = [];
  const seen = new Map<string, number>();
  let customSum = 0;
  let owedSum = 0;
  for (let i = 0; i < debtsRaw.length; i++) {
    const d = parseDebt(debtsRaw[i], i, strategy);
    if (!d.ok) return d;
    const prev = seen.get(d.value.id);
    if (prev !== undefined)
      return err(
        issue(
          'duplicate-id',
          `debts[${i}].id`,
          `"${d.value.id}" is already used by debts[${prev}]`,
          `“${d.value.id}”与 debts[${prev}] 重复`,
        ),
      );
    seen.set(d.value.id, i);
    if (d.value.minPayment > capacity)
      return err(
        issue(
          'floor-above-capacity',
          `debts[${i}].minPayment`,
          'is above the whole monthly capacity',
          '最低还款额高于每月全部可还金额',
        ),
      );
    customSum += d.value.customPayment ?? 0;
    owedSum += d.value.balance + d.value.penaltyAccrued + d.value.interestAccrued;
    // keeps every sum the engine forms exact in a double
    if (owedSum > MAX_CASE_TOTAL_CENTS)
      return err(
        issue(
          'case-total-over-limit',
          `debts[${i}]`,
          `the debts add up to more than ¥${MAX_CASE_TOTAL_TEXT}`,
          `债务合计超过 ¥${MAX_CASE_TOTAL_TEXT}`,
        ),
      );
    debts.push(d.value);
  }
  if (strategy === 'custom' && customSum > capacity)
    return err(
      issue(
        'custom-above-capacity',
        'debts[].customPayment',
        'the custom payments add up to more than the capacity',
        '自定义还款额合计超过每月可还金额',
      ),
    );
  return ok(debts);
}

/** The re-plan update file: `{"asOf","newCapacity","paymentsMade":[{"debtId","date","amount"}]}`. */
export interface ReplanUpdate {
  asOf: IsoDate;
  newCapacity: Cents;
  paymentsMade: { debtId: string; date: IsoDate; amount: Cents }[];
}

export function parseReplanUpdate(raw: unknown): Result<ReplanUpdate, FieldIssue> {
  if (!isRecord(raw))
    return err(issue('invalid-input', 'input', 'must be a JSON object', '必须是 JSON 对象'));
  const asOf = parseIsoDate(raw['asOf'], 'asOf');
  if (!asOf.ok) return asOf;
  const cap = amount(raw, 'newCapacity', 'newCapacity');
  if (!cap.ok) return cap;
  if (cap.value <= 0)
    return err(issue('capacity-not-positive', 'newCapacity', 'must be above zero', '必须大于 0'));
  const list = raw['paymentsMade'] ?? [];
  if (!Array.isArray(list))
    return err(issue('invalid-input', 'paymentsMade', 'must be an array', '必须是数组'));
  if (list.length > 100_000)
    return err(
      issue('input-too-large', 'paymentsMade', 'more than 100000 payments', '超过 100000 笔'),
    );
  const paymentsMade: ReplanUpdate['paymentsMade'] = [];
  for (const [i, p] of list.entries()) {
    const at = `paymentsMade[${i}]`;
    if (!isRecord(p)) return err(issue('invalid-input', at, 'must be an object', '必须是对象'));
    const id = text(p, 'debtId', `${at}.debtId`);
    if (!id.ok) return id;
    const date = parseIsoDate(p['date'], `${at}.date`);
    if (!date.ok) return date;
    const a = amount(p, 'amount', `${at}.amount`);
    if (!a.ok) return a;
    paymentsMade.push({ debtId: id.value, date: date.value, amount: a.value });
  }
  return ok({ asOf: asOf.value, newCapacity: cap.value, paymentsMade });
}

import { err, ok, type FieldIssue, type IssueCode, type Result } from '../result.js';
import { parseCents, type Cents } from '../money/index.js';
import {
  CATEGORIES,
  FREQUENCIES,
  type BudgetDebt,
  type BudgetInput,
  type Category,
  type ExpenseLine,
  type Frequency,
  type Household,
  type IncomeLine,
} from './types.js';

const MAX_LINES = 500;

function issue(code: IssueCode, field: string, message: string, messageZh: string): FieldIssue {
  return { code, field, message: `${field}: ${message}`, messageZh: `${field}：${messageZh}` };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function amount(v: unknown, field: string, fallback?: Cents): Result<Cents, FieldIssue> {
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

function optText(v: unknown, field: string): Result<string | null, FieldIssue> {
  if (v === undefined || v === null) return ok(null);
  if (typeof v !== 'string')
    return err(issue('invalid-input', field, 'must be text', '必须是文字'));
  if (v.length > 2000)
    return err(issue('invalid-input', field, 'is longer than 2000 characters', '超过 2000 字'));
  return ok(v.trim() === '' ? null : v.trim());
}

function label(v: unknown, field: string): Result<string, FieldIssue> {
  if (typeof v !== 'string' || v.trim() === '')
    return err(issue('missing-field', field, 'must be a non-empty string', '必须是非空文字'));
  if (v.length > 200)
    return err(issue('invalid-input', field, 'is longer than 200 characters', '超过 200 字'));
  return ok(v.trim());
}

function count(v: unknown, field: string, min: number): Result<number, FieldIssue> {
  const x = v ?? min;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > 50)
    return err(
      issue(
        'invalid-input',
        field,
        `must be a whole number from ${min} to 50`,
        `必须是 ${min} 到 50 的整数`,
      ),
    );
  return ok(x);
}

function line(raw: unknown, field: string): Result<IncomeLine, FieldIssue> {
  if (!isRecord(raw)) return err(issue('invalid-input', field, 'must be an object', '必须是对象'));
  const l = label(raw['label'], `${field}.label`);
  if (!l.ok) return l;
  const a = amount(raw['amount'], `${field}.amount`);
  if (!a.ok) return a;
  const f = raw['frequency'] ?? 'monthly';
  if (typeof f !== 'string' || !(FREQUENCIES as readonly string[]).includes(f))
    return err(
      issue(
        'invalid-input',
        `${field}.frequency`,
        `"${String(f)}" is not one of ${FREQUENCIES.join(', ')}`,
        `“${String(f)}”无效，可选值：${FREQUENCIES.join('、')}`,
      ),
    );
  const note = optText(raw['note'], `${field}.note`);
  if (!note.ok) return note;
  const d = raw['dayOfMonth'];
  if (
    d !== undefined &&
    d !== null &&
    (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > 31)
  )
    return err(
      issue(
        'invalid-input',
        `${field}.dayOfMonth`,
        'must be a whole number from 1 to 31',
        '每月几号应为 1 到 31 的整数',
      ),
    );
  return ok({
    label: l.value,
    amount: a.value,
    frequency: f as Frequency,
    note: note.value,
    ...(typeof d === 'number' ? { dayOfMonth: d } : {}),
  });
}

function lines(v: unknown, field: string): Result<unknown[], FieldIssue> {
  if (v === undefined) return ok([]);
  if (!Array.isArray(v))
    return err(issue('invalid-input', field, 'must be an array', '必须是数组'));
  if (v.length > MAX_LINES)
    return err(
      issue('input-too-large', field, `more than ${MAX_LINES} lines`, `超过 ${MAX_LINES} 行`),
    );
  return ok(v);
}

/** Validates the `xieshang budget` JSON (see src/core/budget/README.md); the first problem names its field. */
export function parseBudgetInput(raw: unknown): Result<BudgetInput, FieldIssue> {
  if (!isRecord(raw))
    return err(issue('invalid-input', 'input', 'must be a JSON object', '必须是 JSON 对象'));
  const h = raw['household'] ?? {};
  if (!isRecord(h))
    return err(issue('invalid-input', 'household', 'must be an object', '必须是对象'));
  const adults = count(h['adults'], 'household.adults', 1);
  if (!adults.ok) return adults;
  const children = count(h['children'], 'household.children', 0);
  if (!children.ok) return children;
  const dependants = count(h['dependants'], 'household.dependants', 0);
  if (!dependants.ok) return dependants;
  const city = optText(h['city'], 'household.city');
  if (!city.ok) return city;
  const hNote = optText(h['note'], 'household.note');
  if (!hNote.ok) return hNote;
  const household: Household = {
    adults: adults.value,
    children: children.value,
    dependants: dependants.value,
    city: city.value,
    note: hNote.value,
  };

  const incRaw = lines(raw['income'], 'income');
  if (!incRaw.ok) return incRaw;
  const income: IncomeLine[] = [];
  for (const [i, r] of incRaw.value.entries()) {
    const l = line(r, `income[${i}]`);
    if (!l.ok) return l;
    income.push(l.value);
  }
  const expRaw = lines(raw['expenditure'], 'expenditure');
  if (!expRaw.ok) return expRaw;
  const expenditure: ExpenseLine[] = [];
  for (const [i, r] of expRaw.value.entries()) {
    const l = line(r, `expenditure[${i}]`);
    if (!l.ok) return l;
    const c = (r as Record<string, unknown>)['category'];
    if (c === undefined || c === null || c === '')
      return err(
        issue(
          'invalid-input',
          `expenditure[${i}].category`,
          `is required: one of ${CATEGORIES.join(', ')}`,
          `必须填写类别，可选值：${CATEGORIES.join('、')}`,
        ),
      );
    if (typeof c !== 'string' || !(CATEGORIES as readonly string[]).includes(c))
      return err(
        issue(
          'invalid-input',
          `expenditure[${i}].category`,
          `"${String(c)}" is not one of ${CATEGORIES.join(', ')}`,
          `“${String(c)}”无效，可选值：${CATEGORIES.join('、')}`,
        ),
      );
    expenditure.push({ ...l.value, category: c as Category });
  }
  const buffer = amount(raw['emergencyBuffer'], 'emergencyBuffer', 0 as Cents);
  if (!buffer.ok) return buffer;

  const debtsRaw = lines(raw['debts'], 'debts');
  if (!debtsRaw.ok) return debtsRaw;
  const debts: BudgetDebt[] = [];
  for (const [i, r] of debtsRaw.value.entries()) {
    const at = `debts[${i}]`;
    if (!isRecord(r)) return err(issue('invalid-input', at, 'must be an object', '必须是对象'));
    const cr = label(r['creditor'], `${at}.creditor`);
    if (!cr.ok) return cr;
    const b = amount(r['balance'], `${at}.balance`);
    if (!b.ok) return b;
    const cp = amount(r['contractualPayment'], `${at}.contractualPayment`, 0 as Cents);
    if (!cp.ok) return cp;
    debts.push({ creditor: cr.value, balance: b.value, contractualPayment: cp.value });
  }
  return ok({ household, income, expenditure, emergencyBuffer: buffer.value, debts });
}

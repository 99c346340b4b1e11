// The budget form's lines: one row per income or cost, grouped as the budget groups them, and
// the lines a new budget starts with.
import { BUDGET_GROUPS } from '../../../contracts/enums.js';
import type { BudgetLine, BudgetView } from '../../../contracts/index.js';
import { checkInt, checkMoney, checkText } from '../../validate.js';

export type Kind = BudgetLine['kind'];
export type Group = 'income' | keyof typeof BUDGET_GROUPS;

export interface Row {
  kind: Kind;
  label: string;
  monthly: string;
  /** the day of the month it comes in or goes out (1–31, the forecast's payday / due day); '' unknown */
  day: string;
}

export const GROUPS: Group[] = ['income', 'priority', 'fixed', 'flexible'];
export const groupOf = (k: Kind): Group =>
  k === 'income'
    ? 'income'
    : (Object.keys(BUDGET_GROUPS) as (keyof typeof BUDGET_GROUPS)[]).find((g) =>
        (BUDGET_GROUPS[g] as readonly string[]).includes(k),
      )!;
export const kindsOf = (g: Group): readonly Kind[] =>
  g === 'income' ? ['income'] : BUDGET_GROUPS[g];

export const STARTER: Row[] = [
  { kind: 'income', label: '工资', monthly: '', day: '' },
  { kind: 'housing', label: '房租', monthly: '', day: '' },
  { kind: 'food', label: '吃饭', monthly: '', day: '' },
  { kind: 'utilities', label: '水电燃气', monthly: '', day: '' },
  { kind: 'transport', label: '上班交通', monthly: '', day: '' },
  { kind: 'phone', label: '电话网络', monthly: '', day: '' },
  { kind: 'personal', label: '日用', monthly: '', day: '' },
];

/** The saved budget's lines as rows to edit. */
export const fromSaved = (b: BudgetView): Row[] =>
  b.lines.map((l) => ({
    kind: l.kind,
    label: l.label,
    monthly: l.monthly,
    day: l.dayOfMonth ? String(l.dayOfMonth) : '',
  }));

/** A row's errors as you type: an item name is required, an amount and a day may be blank. */
export const rowError = (r: Row, lang: 'zh' | 'en') => ({
  label: checkText(r.label, lang, 200, true).error,
  monthly: r.monthly === '' ? undefined : checkMoney(r.monthly, lang).error,
  day: checkInt(r.day, lang, 1, 31).error,
});

/** The filled-in rows as the lines the server stores (a row without an amount is left out). */
export const toLines = (rows: Row[], lang: 'zh' | 'en') =>
  rows
    .filter((r) => r.monthly.trim() !== '')
    .map((r) => ({
      kind: r.kind,
      label: r.label.trim(),
      monthly: checkMoney(r.monthly, lang).value!,
      ...(r.day.trim() !== '' ? { dayOfMonth: checkInt(r.day, lang, 1, 31).value! } : {}),
    }));

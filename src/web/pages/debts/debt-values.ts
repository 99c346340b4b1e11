// The debt form's values: empty, from a stored debt, checked as typed, and turned into the API's
// create or patch body. No money is computed here: the core parsers in validate.ts normalize it.
import type { DebtCreate, DebtPatch, DebtView } from '../../../contracts/index.js';
import type { Lang } from '../../i18n.js';
import { checkDate, checkInt, checkMoney, checkText } from '../../validate.js';

export type DebtKind = 'loan' | 'credit-card';

export type DebtValues = {
  lenderName: string;
  lenderType: string;
  kind: string;
  principal: string;
  received: string;
  contractDate: string;
  termMonths: string;
  installment: string;
  method: string;
  firstDueDate: string;
  rateText: string;
  balance: string;
  overdue: string;
  statementDay: string;
  minimumPayment: string;
  cardInstallmentFee: string;
  lenderOfRecord: string;
  guarantor: string;
};

export const EMPTY_DEBT: DebtValues = {
  lenderName: '',
  lenderType: 'unknown',
  kind: 'loan',
  principal: '',
  received: '',
  contractDate: '',
  termMonths: '',
  installment: '',
  method: 'equal-installment',
  firstDueDate: '',
  rateText: '',
  balance: '',
  overdue: '',
  statementDay: '',
  minimumPayment: '',
  cardInstallmentFee: '',
  lenderOfRecord: '',
  guarantor: '',
};

export const isCard = (v: { kind?: string | undefined }) => v.kind === 'credit-card';

/** A stored debt as form values (what the edit form starts from). */
export function valuesOf(d: DebtView): DebtValues {
  return {
    lenderName: d.lender,
    lenderType: d.lenderType,
    kind: d.kind ?? 'loan',
    principal: d.principal,
    received: d.received ?? '',
    contractDate: d.contractDate ?? '',
    termMonths: d.termMonths === null ? '' : String(d.termMonths),
    installment: d.installment ?? '',
    method: d.method ?? 'equal-installment',
    firstDueDate: d.firstDueDate ?? '',
    rateText: d.rateText ?? '',
    balance: d.balance ?? '',
    overdue: d.overdue === '0.00' ? '' : d.overdue,
    statementDay: d.statementDay == null ? '' : String(d.statementDay),
    minimumPayment: d.minimumPayment ?? '',
    cardInstallmentFee: d.cardInstallmentFee ?? '',
    lenderOfRecord: d.lenderOfRecord ?? '',
    guarantor: d.guarantor ?? '',
  };
}

type T = (zh: string, en: string) => string;

/** Errors as you type, with the same core parsers the server uses. */
export function checkDebt(v: DebtValues, lang: Lang, t: T) {
  return {
    lenderName: checkText(v.lenderName, lang, 200, true).error,
    principal: checkMoney(v.principal, lang, {
      required: true,
      label: isCard(v) ? t('欠款本金', 'Amount owed') : t('借款金额', 'Amount borrowed'),
    }).error,
    received: checkMoney(v.received, lang).error,
    // a card has no contract date to copy: it is optional there
    contractDate: checkDate(v.contractDate, lang, {
      required: !isCard(v),
      label: t('借款日期', 'Contract date'),
    }).error,
    termMonths: checkInt(v.termMonths, lang, 1, 600).error,
    installment: checkMoney(v.installment, lang).error,
    firstDueDate: checkDate(v.firstDueDate, lang).error,
    rateText: checkText(v.rateText, lang, 60).error,
    balance: checkMoney(v.balance, lang).error,
    overdue: checkMoney(v.overdue, lang).error,
    statementDay: checkInt(v.statementDay, lang, 1, 31).error,
    minimumPayment: checkMoney(v.minimumPayment, lang).error,
    cardInstallmentFee: checkText(v.cardInstallmentFee, lang, 20).error,
    lenderOfRecord: checkText(v.lenderOfRecord, lang, 200).error,
    guarantor: checkText(v.guarantor, lang, 200).error,
  };
}

/** Every field as the API takes it (null when empty); fields of the other kind are left out. */
function fieldsOf(v: DebtValues, lang: Lang) {
  const card = isCard(v);
  const loanOnly = <X>(x: X) => (card ? undefined : x);
  const cardOnly = <X>(x: X) => (card ? x : undefined);
  return {
    lenderName: v.lenderName.trim(),
    lenderType: v.lenderType as DebtCreate['lenderType'],
    kind: v.kind as DebtKind,
    principal: checkMoney(v.principal, lang).value ?? '0.00',
    contractDate: checkDate(v.contractDate, lang).value ?? null,
    received: loanOnly(checkMoney(v.received, lang).value ?? null),
    // a card's 分期期数 too: with its fee it prices the installments ('card-terms')
    termMonths: checkInt(v.termMonths, lang, 1, 600).value ?? null,
    installment: loanOnly(checkMoney(v.installment, lang).value ?? null),
    method: loanOnly((v.method || null) as DebtCreate['method']),
    firstDueDate: loanOnly(checkDate(v.firstDueDate, lang).value ?? null),
    rateText: loanOnly(v.rateText.trim() || null),
    balance: checkMoney(v.balance, lang).value ?? null,
    overdue: checkMoney(v.overdue, lang).value ?? null,
    statementDay: cardOnly(checkInt(v.statementDay, lang, 1, 31).value ?? null),
    minimumPayment: cardOnly(checkMoney(v.minimumPayment, lang).value ?? null),
    cardInstallmentFee: cardOnly(v.cardInstallmentFee.trim() || null),
    lenderOfRecord: loanOnly(v.lenderOfRecord.trim() || null),
    guarantor: loanOnly(v.guarantor.trim() || null),
  };
}

const dropUndefined = <O extends object>(o: O) =>
  Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as Partial<O>;

/** The body of POST /api/debts. */
export function toCreate(v: DebtValues, lang: Lang): DebtCreate {
  const f = fieldsOf(v, lang);
  return { ...dropUndefined(f), principal: f.principal, lenderType: f.lenderType };
}

/** Only what changed since `before`; a field emptied on the form is cleared (null). */
export function toPatch(before: DebtValues, v: DebtValues, lang: Lang): DebtPatch {
  const now = fieldsOf(v, lang);
  const patch: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(now)) {
    const key = k as keyof DebtValues;
    if (x === undefined || v[key].trim() === before[key].trim()) continue;
    // a cleared overdue amount is zero, not unknown
    patch[k] = k === 'overdue' && x === null ? '0.00' : x;
  }
  return patch as DebtPatch;
}

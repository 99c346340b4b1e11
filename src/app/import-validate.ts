import type { FieldIssue, IssueCode } from '../core/result.js';
import type { IsoDate } from '../core/dates/index.js';
import {
  parseDebtInput,
  parseFee,
  parsePayment,
  type DebtDraft,
  type RawInput,
} from './debt-input.js';
import { issueMessageZh } from './errors.js';
import { inputError, type ImportSheets, type Sheet } from './import-sheets.js';

/**
 * The validate step of the spreadsheet import (docs/import.md): pure, every problem collected
 * with its line and column.
 */

/** Chinese (and English) column headers → debt input keys. */
export const DEBT_COLUMNS: Record<string, string> = {
  出借方: 'lender',
  出借机构: 'lender',
  机构名称: 'lender',
  机构类型: 'lenderType',
  品牌: 'lenderBrand',
  App: 'lenderBrand',
  '品牌/App': 'lenderBrand',
  平台: 'lenderBrand',
  债务类型: 'kind',
  合同编号: 'contractNumber',
  借据号: 'contractNumber',
  合同日期: 'contractDate',
  借款日期: 'contractDate',
  放款日期: 'contractDate',
  合同金额: 'principal',
  借款金额: 'principal',
  实际到账: 'received',
  到账金额: 'received',
  币种: 'currency',
  利率: 'rate',
  合同利率: 'rate',
  还款方式: 'scheduleMethod',
  期数: 'termMonths',
  首期还款日: 'firstDueDate',
  每期应还: 'installment',
  罚息利率: 'penaltyRate',
  违约条款: 'penaltyTerms',
  罚息条款: 'penaltyTerms',
  违约金: 'liquidatedDamages',
  是否上征信: 'creditReported',
  上征信: 'creditReported',
  状态: 'status',
  当前欠款: 'balance',
  剩余欠款: 'balance',
  欠款日期: 'balanceDate',
  逾期金额: 'overdue',
  逾期开始日: 'overdueSince',
  催收方: 'collector',
  备注: 'notes',
};

export const DETAIL_COLUMNS: Record<string, string> = {
  合同编号: 'contractNumber',
  借据号: 'contractNumber',
  类型: 'type',
  日期: 'date',
  金额: 'amount',
  收取方式: 'timing',
  备注: 'note',
};

const PAYMENT_WORDS = new Set(['还款', '已还', '还款金额', 'payment']);

export interface RejectedRow {
  file: string;
  /** 1-based line (CSV) or row (XLSX) number */
  line: number;
  /** the column header as written in the file, or '' for the whole row */
  column: string;
  field: string;
  code: string;
  message: string;
  messageZh: string;
}

function mapColumns(
  sheet: Sheet,
  columns: Record<string, string>,
  required: string[],
): { keyOf: Map<string, string>; ignored: string[] } {
  const keyOf = new Map<string, string>();
  const ignored: string[] = [];
  const known = new Set(Object.values(columns));
  for (const h of sheet.headers) {
    if (h === '' || h === undefined) continue;
    const key = columns[h] ?? (known.has(h) ? h : undefined);
    if (key === undefined) ignored.push(h);
    else keyOf.set(h, key);
  }
  const have = new Set(keyOf.values());
  const missing = required.filter((k) => !have.has(k));
  if (missing.length > 0) {
    const names = missing.map((k) => Object.entries(columns).find(([, v]) => v === k)?.[0] ?? k);
    throw inputError(
      'file',
      `${sheet.file}: missing column(s) ${names.join(', ')} (see docs/import.md)`,
      `${sheet.file}：缺少列 ${names.join('、')}（见 docs/import.md）`,
      { missing: names },
    );
  }
  return { keyOf, ignored };
}

function toRejected(
  sheet: Sheet,
  line: number,
  keyOf: Map<string, string>,
  i: FieldIssue,
): RejectedRow {
  const base = i.field.replace(/^.*\./, '').replace(/\[\d+\]$/, '');
  let column = '';
  for (const [h, k] of keyOf) if (k === base) column = h;
  return {
    file: sheet.file,
    line,
    column,
    field: i.field,
    code: i.code,
    message: i.message,
    messageZh: issueMessageZh(i),
  };
}

type FeeDraft = NonNullable<DebtDraft['fees']>[number];
type PaymentDraft = NonNullable<DebtDraft['payments']>[number];

export interface ValidDebtRow {
  line: number;
  draft: DebtDraft;
  fees: FeeDraft[];
  payments: PaymentDraft[];
}

/** What passed validation, ready to write; `rejected` lists every problem found. */
export interface ValidatedImport {
  debts: ValidDebtRow[];
  /** fees and payments for debts already in the case, by contract number */
  forStored: { contractNumber: string; fees: FeeDraft[]; payments: PaymentDraft[] }[];
  rejected: RejectedRow[];
  ignoredColumns: string[];
  /** rows read, both sheets */
  rows: number;
}

/** What validation needs to know about the case: the contract numbers already in it. */
export interface ImportContext {
  today: IsoDate;
  existing: ReadonlySet<string>;
}

function conflict(message: string, messageZh: string): FieldIssue {
  return { code: 'conflict', field: 'contractNumber', message, messageZh };
}

/**
 * Validates every row of both sheets (pure: no IO). A debt row must parse and carry a contract
 * number seen neither earlier in the file nor in the case; a detail row must parse and name a
 * debt of this file that passed, or one already stored. `tick(done, total)` every 500 rows.
 */
export function validateImport(
  sheets: ImportSheets,
  context: ImportContext,
  tick: (done: number, total: number) => void = () => undefined,
): ValidatedImport {
  const debtCols = mapColumns(sheets.debts, DEBT_COLUMNS, ['lender', 'principal']);
  const detailCols =
    sheets.details === null
      ? null
      : mapColumns(sheets.details, DETAIL_COLUMNS, ['contractNumber', 'date', 'amount']);
  const rows = sheets.debts.rows.length + (sheets.details?.rows.length ?? 0);
  let done = 0;
  const counted = () => {
    done += 1;
    if (done % 500 === 0) tick(done, rows);
  };
  const debts = validateDebtRows(sheets.debts, debtCols.keyOf, context, counted);
  const details =
    sheets.details === null || detailCols === null
      ? { forStored: [], rejected: [] }
      : validateDetailRows(sheets.details, detailCols.keyOf, debts, context, counted);
  return {
    debts: debts.valid,
    forStored: details.forStored,
    rejected: [...debts.rejected, ...details.rejected],
    ignoredColumns: [...debtCols.ignored, ...(detailCols?.ignored ?? [])],
    rows,
  };
}

interface DebtRowsChecked {
  valid: ValidDebtRow[];
  rejected: RejectedRow[];
  byContract: Map<string, ValidDebtRow>;
  /** contract number → the line of its rejected debt row */
  badContracts: Map<string, number>;
}

function validateDebtRows(
  sheet: Sheet,
  keyOf: Map<string, string>,
  context: ImportContext,
  counted: () => void,
): DebtRowsChecked {
  const out: DebtRowsChecked = {
    valid: [],
    rejected: [],
    byContract: new Map(),
    badContracts: new Map(),
  };
  const seenLine = new Map<string, number>();
  for (const row of sheet.rows) {
    counted();
    const raw: RawInput = {};
    for (const [h, k] of keyOf)
      if (row.values[h] !== undefined && row.values[h] !== '') raw[k] = row.values[h];
    const { draft, issues } = parseDebtInput(raw, { mode: 'create', today: context.today });
    const cn = draft.contractNumber ?? null;
    if (cn !== null) {
      const prev = seenLine.get(cn);
      if (prev !== undefined)
        issues.push(
          conflict(
            `contractNumber: "${cn}" repeats line ${prev}`,
            `合同编号“${cn}”与第 ${prev} 行重复`,
          ),
        );
      else if (context.existing.has(cn))
        issues.push(
          conflict(
            `contractNumber: "${cn}" is already in this case`,
            `合同编号“${cn}”已在本案件中`,
          ),
        );
      else seenLine.set(cn, row.line);
    }
    if (issues.length > 0) {
      for (const i of issues) out.rejected.push(toRejected(sheet, row.line, keyOf, i));
      if (cn !== null && !out.badContracts.has(cn)) out.badContracts.set(cn, row.line);
      continue;
    }
    const v: ValidDebtRow = { line: row.line, draft, fees: [], payments: [] };
    out.valid.push(v);
    if (cn !== null) out.byContract.set(cn, v);
  }
  return out;
}

/** Details link by contract number to a debt row of this import or a debt already stored. */
function validateDetailRows(
  sheet: Sheet,
  keyOf: Map<string, string>,
  debts: DebtRowsChecked,
  context: ImportContext,
  counted: () => void,
): Pick<ValidatedImport, 'forStored' | 'rejected'> {
  const rejected: RejectedRow[] = [];
  const stored = new Map<string, ValidatedImport['forStored'][number]>();
  const storedDebt = (contractNumber: string) => {
    let s = stored.get(contractNumber);
    if (s === undefined)
      stored.set(contractNumber, (s = { contractNumber, fees: [], payments: [] }));
    return s;
  };
  for (const row of sheet.rows) {
    counted();
    const get = (k: string) => {
      for (const [h, key] of keyOf) if (key === k) return row.values[h] ?? '';
      return '';
    };
    const issues: FieldIssue[] = [];
    const cn = get('contractNumber');
    const type = get('type');
    const isPayment = type === '' || PAYMENT_WORDS.has(type);
    const fields = { amount: get('amount'), date: get('date'), note: get('note') };
    const parsed = isPayment
      ? parsePayment(fields, 'payment', issues, context.today)
      : parseFee({ ...fields, kind: type, timing: get('timing') }, 'fee', issues, context.today);
    const target = linkDetail(cn, debts, context, issues);
    if (issues.length > 0 || parsed === undefined || target === undefined) {
      for (const i of issues)
        rejected.push(
          toRejected(sheet, row.line, keyOf, {
            ...i,
            field: i.field.replace(/^(payment|fee)\./, ''),
          }),
        );
      continue;
    }
    const owner = target === 'stored' ? storedDebt(cn) : target;
    if (isPayment) owner.payments.push(parsed as PaymentDraft);
    else owner.fees.push(parsed as FeeDraft);
  }
  return { forStored: [...stored.values()], rejected };
}

/** The debt a detail row belongs to: a row of this import, 'stored', or undefined (issue added). */
function linkDetail(
  cn: string,
  debts: DebtRowsChecked,
  context: ImportContext,
  issues: FieldIssue[],
): ValidDebtRow | 'stored' | undefined {
  const issue = (code: IssueCode, message: string, messageZh: string) => {
    issues.push({ code, field: 'contractNumber', message, messageZh });
    return undefined;
  };
  if (cn === '') return issue('invalid-input', 'contractNumber: is required', '合同编号：必填');
  const target = debts.byContract.get(cn);
  if (target !== undefined) return target;
  const bad = debts.badContracts.get(cn);
  if (bad !== undefined)
    return issue(
      'invalid-input',
      `contractNumber: its debt (line ${bad}) was rejected`,
      `合同编号对应的债务（第 ${bad} 行）未通过校验`,
    );
  if (context.existing.has(cn)) return 'stored';
  return issue(
    'not-found',
    `contractNumber: "${cn}" is not a debt in this file or case`,
    `合同编号“${cn}”不在本文件或本案件中`,
  );
}

// The web's debt form as use cases (`POST /api/debts`, `PATCH /api/debts/:id`): the form's field
// names become the debt input of debt-input.ts, and a debt always names its lender — required
// when one is added, never cleared by an edit. The routes only parse, call these and present.
import type { z } from 'zod';
import type { DebtCreate, DebtPatch } from '../contracts/index.js';
import { resolveCase } from './cases.js';
import type { RawInput } from './debt-input.js';
import { addDebt, editDebt, type DebtDetails } from './debts.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';

type DebtForm = z.output<typeof DebtCreate>;
type DebtPatchForm = z.output<typeof DebtPatch>;

/** The debt input's key ← the form's field, in the input's order (after the lender). */
const INPUT_KEYS: readonly (readonly [string, keyof DebtForm & keyof DebtPatchForm])[] = [
  ['lenderType', 'lenderType'],
  ['contractNumber', 'contractNumber'],
  ['contractDate', 'contractDate'],
  ['principal', 'principal'],
  ['received', 'received'],
  ['rate', 'rateText'],
  ['scheduleMethod', 'method'],
  ['termMonths', 'termMonths'],
  ['firstDueDate', 'firstDueDate'],
  ['installment', 'installment'],
  ['balance', 'balance'],
  ['overdue', 'overdue'],
  ['creditReported', 'isCreditReported'],
  ['notes', 'notes'],
  ['kind', 'kind'],
  ['statementDay', 'statementDay'],
  ['minimumPayment', 'minimumPayment'],
  ['cardInstallmentFee', 'cardInstallmentFee'],
  ['lenderOfRecord', 'lenderOfRecord'],
  ['guarantor', 'guarantor'],
];

/** A new debt's input: its lender (an id, or a name) is required; absent fields are left out. */
export function debtFormInput(b: DebtForm): RawInput {
  const lender = b.lenderId ?? b.lenderName;
  if (!lender)
    throw new AppError('invalid-input', 'lenderName: required (or give lenderId)', {
      field: 'lenderName',
      messageZh: '请填写平台或机构名称',
    });
  const raw: Record<string, unknown> = { lender };
  for (const [key, name] of INPUT_KEYS) {
    const v = b[name];
    if (v !== null && v !== undefined) raw[key] = v;
  }
  return raw;
}

/**
 * A change's input: only the fields sent, `null` clearing an optional one (the input's empty
 * string). The lender cannot be cleared, and a change must change something.
 */
export function debtPatchFormInput(b: DebtPatchForm): RawInput {
  const raw: Record<string, unknown> = {};
  const put = (key: string, v: unknown) => {
    if (v !== undefined) raw[key] = v === null ? '' : v;
  };
  put('lender', b.lenderId ?? b.lenderName);
  for (const [key, name] of INPUT_KEYS) put(key, b[name]);
  if (raw['lender'] === '')
    throw new AppError('invalid-input', 'lenderName: cannot be cleared', {
      field: 'lenderName',
      messageZh: '平台或机构名称不能为空',
    });
  if (Object.keys(raw).length === 0)
    throw new AppError('invalid-input', 'nothing to change: send at least one field', {
      field: 'body',
      messageZh: '没有要修改的内容',
    });
  return raw;
}

/** Adds the form's debt to the case (the home's one case unless named), checked first. */
export async function addDebtForm(
  deps: Deps,
  form: DebtForm,
  caseId?: string,
): Promise<DebtDetails> {
  const raw = debtFormInput(form);
  return addDebt(deps, (await resolveCase(deps, caseId)).id, raw);
}

/** Changes one debt (by id or contract number) by the form's fields, checked first. */
export async function editDebtForm(
  deps: Deps,
  ref: string,
  form: DebtPatchForm,
  caseId?: string,
): Promise<DebtDetails> {
  const raw = debtPatchFormInput(form);
  return editDebt(deps, (await resolveCase(deps, caseId)).id, ref, raw);
}

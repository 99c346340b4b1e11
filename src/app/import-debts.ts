import type { Kysely } from 'kysely';
import type { Instant } from '../core/dates/index.js';
import { createDebtRepository } from '../db/repositories/debt-repository.js';
import { createEventRepository } from '../db/repositories/event-repository.js';
import { createLenderRepository } from '../db/repositories/lender-repository.js';
import type { Database } from '../db/schema.js';
import type { CaseId, Debt, DebtFee, DebtPayment, Lender } from '../db/types.js';
import type { Deps } from './deps.js';
import type { DebtDraft } from './debt-input.js';
import { draftToDebt } from './debts.js';
import { todayIn } from './today.js';
import { AppError } from './errors.js';
import { findLender } from './lenders.js';
import { writeWithinCaseTotal } from './case-limits.js';
import { readImportSheets, type ImportSheets, type ReadSheetsOptions } from './import-sheets.js';
import {
  validateImport,
  type ImportContext,
  type RejectedRow,
  type ValidatedImport,
  type ValidDebtRow,
} from './import-validate.js';

/**
 * Spreadsheet import (docs/import.md): sheet 1 / the main CSV has one row per loan; sheet 2 / the
 * --payments CSV has one row per dated fee or payment, linked by 合同编号. Three steps, each its
 * own function: read the sheets (`readImportSheets` in import-sheets.ts: CSV or XLSX into rows
 * keyed by header), validate the rows (`validateImport` in import-validate.ts: pure, every
 * problem collected with its line and column), write what passed (`writeImport` here: one
 * transaction, one batch writer). All-or-nothing unless skipInvalid.
 */

export {
  MAX_IMPORT_BYTES,
  MAX_XLSX_EXPANDED_BYTES,
  decodeText,
  parseCsvSheet,
  readImportSheets,
  type ImportSheets,
} from './import-sheets.js';
export {
  DEBT_COLUMNS,
  DETAIL_COLUMNS,
  validateImport,
  type ImportContext,
  type RejectedRow,
  type ValidatedImport,
} from './import-validate.js';

export interface ImportProgress {
  phase: 'read' | 'validate' | 'write' | 'done';
  done: number;
  total: number;
}

export interface ImportResult {
  debts: number;
  fees: number;
  payments: number;
  lendersCreated: number;
  rejected: RejectedRow[];
  ignoredColumns: string[];
}

export interface ImportOptions extends ReadSheetsOptions {
  skipInvalid?: boolean;
  onProgress?: (p: ImportProgress) => void;
}

/** Validates and writes an import; see the module comment. Never writes anything on rejection unless skipInvalid. */
export async function importDebtsFromFile(
  deps: Deps,
  caseId: CaseId,
  opts: ImportOptions,
): Promise<ImportResult> {
  const progress = opts.onProgress ?? (() => undefined);
  progress({ phase: 'read', done: 0, total: 1 });
  const sheets = await readImportSheets(deps.files, opts);
  return importDebtSheets(deps, caseId, sheets, opts);
}

/** Validates read sheets against the case, refuses (or with skipInvalid skips) bad rows, writes. */
export async function importDebtSheets(
  deps: Deps,
  caseId: CaseId,
  sheets: ImportSheets,
  opts: Pick<ImportOptions, 'skipInvalid' | 'onProgress'>,
): Promise<ImportResult> {
  const progress = opts.onProgress ?? (() => undefined);
  const context: ImportContext = {
    today: todayIn(deps),
    existing: await createDebtRepository(deps.db).contractNumbers(caseId),
  };
  const valid = validateImport(sheets, context, (done, total) =>
    progress({ phase: 'validate', done, total }),
  );
  if (valid.rejected.length > 0 && opts.skipInvalid !== true) throw refusal(valid.rejected);
  const written = await writeImport(deps, caseId, valid, (done, total) =>
    progress({ phase: 'write', done, total }),
  );
  progress({ phase: 'done', done: valid.rows, total: valid.rows });
  return { ...written, rejected: valid.rejected, ignoredColumns: valid.ignoredColumns };
}

function refusal(rejected: RejectedRow[]): AppError {
  const rows = rejected.map((r) => ({
    line: r.line,
    field: r.column || r.field,
    message: r.message,
    messageZh: r.messageZh,
    file: r.file,
    code: r.code,
  }));
  return new AppError(
    'invalid-input',
    `${rejected.length} problem(s) in the import; nothing was imported`,
    {
      field: 'file',
      messageZh: `导入文件有 ${rejected.length} 处问题，未导入任何数据（--skip-invalid 可跳过问题行）`,
      details: { rows },
    },
  );
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH_ROWS = 2000;

/**
 * Writes a validated import in ONE transaction (within the case's money limit): lenders found or
 * created, then debts, fees and payments through one batch writer, then the event.
 * `onWritten(done, total)` after each batch.
 */
async function writeImport(
  deps: Deps,
  caseId: CaseId,
  valid: ValidatedImport,
  onWritten: (done: number, total: number) => void,
): Promise<Pick<ImportResult, 'debts' | 'fees' | 'payments' | 'lendersCreated'>> {
  const now = deps.clock.now();
  const counts = { debts: 0, fees: 0, payments: 0, lendersCreated: 0 };
  onWritten(0, valid.debts.length);
  await writeWithinCaseTotal(deps.db, caseId, 'case', async (trx) => {
    const lenders = await lenderCache(trx, caseId);
    const debts: Debt[] = [];
    const fees: DebtFee[] = [];
    const payments: DebtPayment[] = [];
    const attach = (debtId: Debt['id'], v: Pick<ValidDebtRow, 'fees' | 'payments'>) => {
      for (const f of v.fees) fees.push({ id: deps.ids.next(), caseId, debtId, ...f });
      for (const p of v.payments)
        payments.push({ id: deps.ids.next(), caseId, debtId, ...p, createdAt: now });
    };
    for (const v of valid.debts) {
      const lender = await lenders.resolve(deps, v.draft, now, () => (counts.lendersCreated += 1));
      const debt = draftToDebt(v.draft, { id: deps.ids.next(), caseId, lenderId: lender.id, now });
      debts.push(debt);
      attach(debt.id, v);
    }
    const repo = createDebtRepository(trx);
    for (const s of valid.forStored) {
      // looked up inside the transaction: the debt the validation saw is the one written to
      const debt = await repo.getByContractNumber(caseId, s.contractNumber);
      if (debt !== undefined) attach(debt.id, s);
    }
    const writer = batchWriter(debts.length + fees.length + payments.length, onWritten);
    await writer.write(debts, (b) => repo.insertMany(b));
    await writer.write(fees, (b) => repo.insertFees(b));
    await writer.write(payments, (b) => repo.insertPayments(b));
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId,
      at: now,
      actor: 'user',
      action: 'debt.import',
      subject: null,
      details: {
        debts: debts.length,
        fees: fees.length,
        payments: payments.length,
        rejected: valid.rejected.length,
      },
    });
    Object.assign(counts, { debts: debts.length, fees: fees.length, payments: payments.length });
  });
  return counts;
}

/** Inserts rows in BATCH_ROWS batches, reporting the running count over all tables. */
function batchWriter(total: number, onWritten: (done: number, total: number) => void) {
  let done = 0;
  return {
    async write<T>(rows: T[], insert: (batch: T[]) => Promise<void>): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH_ROWS) {
        const batch = rows.slice(i, i + BATCH_ROWS);
        await insert(batch);
        done += batch.length;
        onWritten(done, total);
      }
    },
  };
}

/** Finds lenders by name/brand once per import; creates missing ones (type from the row, else 'unknown'). */
async function lenderCache(trx: Kysely<Database>, caseId: CaseId) {
  const cache = new Map<string, Lender>();
  const repo = createLenderRepository(trx);
  return {
    async resolve(deps: Deps, d: DebtDraft, now: Instant, onCreate: () => void): Promise<Lender> {
      const name = d.lender!;
      const hit = cache.get(name);
      if (hit !== undefined) return hit;
      let lender = await findLender(trx, caseId, name);
      if (lender === undefined) {
        lender = await repo.insert({
          id: deps.ids.next(),
          caseId,
          name,
          brand: d.lenderBrand ?? null,
          lenderType: d.lenderType ?? 'unknown',
          channels: [],
          notes: null,
          createdAt: now,
        });
        onCreate();
      }
      cache.set(name, lender);
      return lender;
    },
  };
}

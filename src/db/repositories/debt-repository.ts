import type { Kysely } from 'kysely';
import { guard } from '../errors.js';
import { sortBy } from '../order.js';
import {
  fromDebt,
  fromDebtFee,
  fromDebtPayment,
  fromScheduleRow,
  toDebt,
  toDebtFee,
  toDebtPayment,
  toScheduleRow,
} from '../rows.js';
import type { Database } from '../schema.js';
import type {
  CaseId,
  Debt,
  DebtFee,
  DebtId,
  DebtPayment,
  LenderId,
  ScheduleRow,
} from '../types.js';

/** Rows per INSERT: 32 columns × 500 stays under both engines' bound-parameter limits. */
const BATCH = 500;

async function insertBatched<R>(rows: R[], run: (chunk: R[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await run(rows.slice(i, i + BATCH));
}

export type DebtPatch = Partial<Omit<Debt, 'id' | 'caseId' | 'createdAt'>>;

function debtLabel(d: Pick<Debt, 'contractNumber'>): string {
  return d.contractNumber === null ? 'debt' : `debt with contract number "${d.contractNumber}"`;
}

async function insertDebt(db: Kysely<Database>, d: Debt): Promise<Debt> {
  await guard(debtLabel(d), () => db.insertInto('debts').values(fromDebt(d)).execute());
  return d;
}

async function insertDebts(db: Kysely<Database>, debts: Debt[]): Promise<void> {
  await insertBatched(debts, (chunk) =>
    guard('debt (a contract number is repeated)', () =>
      db.insertInto('debts').values(chunk.map(fromDebt)).execute(),
    ),
  );
}

async function getDebt(
  db: Kysely<Database>,
  caseId: CaseId,
  id: string,
): Promise<Debt | undefined> {
  const r = await db
    .selectFrom('debts')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r === undefined ? undefined : toDebt(r);
}

async function getDebtByContractNumber(
  db: Kysely<Database>,
  caseId: CaseId,
  contractNumber: string,
): Promise<Debt | undefined> {
  const r = await db
    .selectFrom('debts')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('contract_number', '=', contractNumber)
    .executeTakeFirst();
  return r === undefined ? undefined : toDebt(r);
}

async function contractNumbers(db: Kysely<Database>, caseId: CaseId): Promise<Set<string>> {
  const rows = await db
    .selectFrom('debts')
    .select('contract_number')
    .where('case_id', '=', caseId)
    .where('contract_number', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.contract_number!));
}

async function listDebts(
  db: Kysely<Database>,
  caseId: CaseId,
  opts: { lenderId?: LenderId },
): Promise<Debt[]> {
  let q = db.selectFrom('debts').selectAll().where('case_id', '=', caseId);
  if (opts.lenderId !== undefined) q = q.where('lender_id', '=', opts.lenderId);
  const rows = await q.execute();
  return sortBy(rows.map(toDebt), (d) => [d.contractOn, d.createdAt, d.id]);
}

async function countDebts(db: Kysely<Database>, caseId: CaseId): Promise<number> {
  const r = await db
    .selectFrom('debts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function updateDebt(
  db: Kysely<Database>,
  caseId: CaseId,
  id: DebtId,
  patch: DebtPatch,
): Promise<Debt | undefined> {
  const current = await getDebt(db, caseId, id);
  if (current === undefined) return undefined;
  const next: Debt = { ...current, ...patch };
  const { id: _id, case_id: _c, created_at: _ca, ...values } = fromDebt(next);
  await guard(debtLabel(next), () =>
    db
      .updateTable('debts')
      .set(values)
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .execute(),
  );
  return next;
}

async function removeDebt(db: Kysely<Database>, caseId: CaseId, id: DebtId): Promise<boolean> {
  const r = await guard('debt', () =>
    db.deleteFrom('debts').where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst(),
  );
  return Number(r.numDeletedRows) > 0;
}

/** Deletes one debt's rows in a child table (before they are replaced). */
async function deleteDebtRows(
  db: Kysely<Database>,
  table: 'debt_fees' | 'debt_schedule_rows',
  caseId: CaseId,
  debtId: DebtId,
): Promise<void> {
  await db.deleteFrom(table).where('case_id', '=', caseId).where('debt_id', '=', debtId).execute();
}

async function insertFees(db: Kysely<Database>, fees: DebtFee[]): Promise<void> {
  await insertBatched(fees, (chunk) =>
    guard('fee', () => db.insertInto('debt_fees').values(chunk.map(fromDebtFee)).execute()),
  );
}

async function listFees(db: Kysely<Database>, caseId: CaseId, debtId?: DebtId): Promise<DebtFee[]> {
  let q = db.selectFrom('debt_fees').selectAll().where('case_id', '=', caseId);
  if (debtId !== undefined) q = q.where('debt_id', '=', debtId);
  const rows = await q.execute();
  return sortBy(rows.map(toDebtFee), (f) => [f.debtId, f.chargedOn, f.id]);
}

async function insertPayments(db: Kysely<Database>, payments: DebtPayment[]): Promise<void> {
  await insertBatched(payments, (chunk) =>
    guard('payment', () =>
      db.insertInto('debt_payments').values(chunk.map(fromDebtPayment)).execute(),
    ),
  );
}

async function listPayments(
  db: Kysely<Database>,
  caseId: CaseId,
  debtId?: DebtId,
): Promise<DebtPayment[]> {
  let q = db.selectFrom('debt_payments').selectAll().where('case_id', '=', caseId);
  if (debtId !== undefined) q = q.where('debt_id', '=', debtId);
  const rows = await q.execute();
  return sortBy(rows.map(toDebtPayment), (p) => [p.debtId, p.paidOn, p.id]);
}

async function insertScheduleRows(db: Kysely<Database>, rows: ScheduleRow[]): Promise<void> {
  await insertBatched(rows, (chunk) =>
    guard('schedule row', () =>
      db.insertInto('debt_schedule_rows').values(chunk.map(fromScheduleRow)).execute(),
    ),
  );
}

async function listScheduleRows(
  db: Kysely<Database>,
  caseId: CaseId,
  debtId?: DebtId,
): Promise<ScheduleRow[]> {
  let q = db.selectFrom('debt_schedule_rows').selectAll().where('case_id', '=', caseId);
  if (debtId !== undefined) q = q.where('debt_id', '=', debtId);
  const rows = await q.orderBy('debt_id').orderBy('seq').execute();
  return rows.map(toScheduleRow);
}

/** Debts with their fees, payments and contracted schedule. Pass `db` or a transaction. */
export function createDebtRepository(db: Kysely<Database>) {
  return {
    insert: (d: Debt) => insertDebt(db, d),
    /** Many debts in batched INSERTs; call inside a transaction for all-or-nothing. */
    insertMany: (debts: Debt[]) => insertDebts(db, debts),
    get: (caseId: CaseId, id: string) => getDebt(db, caseId, id),
    getByContractNumber: (caseId: CaseId, contractNumber: string) =>
      getDebtByContractNumber(db, caseId, contractNumber),
    /** Contract numbers already used in the case (for import duplicate checks). */
    contractNumbers: (caseId: CaseId) => contractNumbers(db, caseId),
    list: (caseId: CaseId, opts: { lenderId?: LenderId } = {}) => listDebts(db, caseId, opts),
    count: (caseId: CaseId) => countDebts(db, caseId),
    /** Applies the patch and returns the debt as stored, or undefined when it does not exist. */
    update: (caseId: CaseId, id: DebtId, patch: DebtPatch) => updateDebt(db, caseId, id, patch),
    /** Deletes a debt and (by cascade) its fees, payments and schedule; false if absent. */
    remove: (caseId: CaseId, id: DebtId) => removeDebt(db, caseId, id),

    insertFees: (fees: DebtFee[]) => insertFees(db, fees),
    listFees: (caseId: CaseId, debtId?: DebtId) => listFees(db, caseId, debtId),
    async replaceFees(caseId: CaseId, debtId: DebtId, fees: DebtFee[]): Promise<void> {
      await deleteDebtRows(db, 'debt_fees', caseId, debtId);
      await insertFees(db, fees);
    },

    insertPayments: (payments: DebtPayment[]) => insertPayments(db, payments),
    listPayments: (caseId: CaseId, debtId?: DebtId) => listPayments(db, caseId, debtId),

    insertScheduleRows: (rows: ScheduleRow[]) => insertScheduleRows(db, rows),
    listScheduleRows: (caseId: CaseId, debtId?: DebtId) => listScheduleRows(db, caseId, debtId),
    async replaceScheduleRows(caseId: CaseId, debtId: DebtId, rows: ScheduleRow[]): Promise<void> {
      await deleteDebtRows(db, 'debt_schedule_rows', caseId, debtId);
      await insertScheduleRows(db, rows);
    },
  };
}
export type DebtRepository = ReturnType<typeof createDebtRepository>;

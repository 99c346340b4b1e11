import type { Kysely } from 'kysely';

// Frozen in time: never edit after release; add a new dated migration instead.
// escalations: the disputed credit-report entry a 征信异议申请 is about (征信业管理条例 第25条), so
// the letter can be rebuilt from the store; debts: a 助贷 loan's lender of record (the funding
// bank or consumer-finance company) and its guarantor, so complaints go to the right regulator.
const ESCALATION_COLUMNS = [
  'dispute_institution',
  'dispute_account',
  'dispute_wrong',
  'dispute_correct',
] as const;
const DEBT_COLUMNS = ['lender_of_record', 'guarantor'] as const;

// oxlint-disable-next-line no-explicit-any -- migrations are typed Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  for (const col of ESCALATION_COLUMNS)
    await db.schema.alterTable('escalations').addColumn(col, 'text').execute();
  for (const col of DEBT_COLUMNS)
    await db.schema.alterTable('debts').addColumn(col, 'text').execute();
}

// oxlint-disable-next-line no-explicit-any -- migrations are typed Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const col of DEBT_COLUMNS) await db.schema.alterTable('debts').dropColumn(col).execute();
  for (const col of ESCALATION_COLUMNS)
    await db.schema.alterTable('escalations').dropColumn(col).execute();
}

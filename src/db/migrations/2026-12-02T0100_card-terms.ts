import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * Credit-card terms on a debt (issue 13 item 1): 账单日, 最低还款 and 分期手续费, so a card without a
 * contract date or schedule still gets a true cost. Nullable, additive: existing rows keep null.
 */
// oxlint-disable-next-line no-explicit-any -- migrations are typed Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  const { money } = columnTypes(db);
  await db.schema.alterTable('debts').addColumn('statement_day', 'integer').execute();
  await db.schema.alterTable('debts').addColumn('minimum_payment_cents', money).execute();
  await db.schema.alterTable('debts').addColumn('card_installment_fee_ppm', money).execute();
}

// oxlint-disable-next-line no-explicit-any -- migrations are typed Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('debts').dropColumn('card_installment_fee_ppm').execute();
  await db.schema.alterTable('debts').dropColumn('minimum_payment_cents').execute();
  await db.schema.alterTable('debts').dropColumn('statement_day').execute();
}

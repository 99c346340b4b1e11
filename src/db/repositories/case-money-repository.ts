import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The sum of every amount recorded in a case (app/case-limits.ts holds it under
 * MAX_CASE_TOTAL_CENTS): debts' principal, received, installment, liquidated damages, balance and
 * overdue; debt fees and payments; agreement totals and agreement payments. Summed by the engine
 * and read back as text, so a case already beyond a safe integer is still measured exactly.
 */
export async function caseRecordedTotal(db: Kysely<Database>, caseId: string): Promise<bigint> {
  // sum() of integers in SQLite, numeric in PostgreSQL; coalesce for an empty case; text so the
  // pg int8/numeric parsers (which refuse unsafe integers) are not involved
  const total = (expr: string) => sql<string>`cast(coalesce(sum(${sql.raw(expr)}), 0) as text)`;
  const debts = await db
    .selectFrom('debts')
    .where('case_id', '=', caseId)
    .select(
      total(
        'principal_cents + coalesce(received_cents, 0) + coalesce(installment_cents, 0) + coalesce(liquidated_damages_cents, 0) + coalesce(balance_cents, 0) + overdue_cents',
      ).as('t'),
    )
    .executeTakeFirstOrThrow();
  const one = async (
    table: 'debt_fees' | 'debt_payments' | 'agreements' | 'agreement_payments',
    column: 'amount_cents' | 'total_cents',
  ) =>
    (
      await db
        .selectFrom(table)
        .where('case_id', '=', caseId)
        .select(total(column).as('t'))
        .executeTakeFirstOrThrow()
    ).t;
  const parts = [
    debts.t,
    await one('debt_fees', 'amount_cents'),
    await one('debt_payments', 'amount_cents'),
    await one('agreements', 'total_cents'),
    await one('agreement_payments', 'amount_cents'),
  ];
  return parts.reduce((a, t) => a + BigInt(String(t).replace(/\.0+$/, '')), 0n);
}

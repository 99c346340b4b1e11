import { sql, type Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

// Frozen in time: never edit after release; add a new dated migration instead.
// oxlint-disable-next-line no-explicit-any -- migrations are typed Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const { money, date, instant, bool } = t;

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('archived_at', instant)
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('is_disabled', bool, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_members')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('case_members_pk', ['case_id', 'user_id'])
    .addCheckConstraint('case_members_role', sql`role in ('counsellor', 'supervisor', 'client')`)
    .execute();

  await db.schema
    .createTable('profiles')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
    .addColumn('full_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('city', 'text')
    .addColumn('hardship_cause', 'text')
    .addColumn('hardship_since_on', date)
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
    .addColumn('notes', 'text')
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('household_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('birth_year', 'integer')
    .addColumn('is_dependent', bool, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('monthly_income_cents', money)
    .addColumn('notes', 'text')
    .execute();

  await db.schema
    .createTable('lenders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('brand', 'text')
    .addColumn('lender_type', 'text', (c) => c.notNull())
    .addColumn('channels_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addUniqueConstraint('lenders_case_name', ['case_id', 'name'])
    .addCheckConstraint(
      'lenders_type',
      sql`lender_type in ('bank', 'consumer-finance', 'small-loan', 'guarantee-platform', 'private', 'unknown')`,
    )
    .execute();

  await db.schema
    .createTable('debts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('lender_id', 'text', (c) => c.notNull().references('lenders.id'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('loan'))
    .addColumn('contract_number', 'text')
    .addColumn('contract_on', date)
    .addColumn('principal_cents', money, (c) => c.notNull())
    .addColumn('received_cents', money)
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('quoted_rate_text', 'text')
    .addColumn('rate_ppm', money)
    .addColumn('rate_period', 'text')
    .addColumn('rate_basis', 'text')
    .addColumn('schedule_method', 'text')
    .addColumn('term_months', 'integer')
    .addColumn('first_due_on', date)
    .addColumn('installment_cents', money)
    .addColumn('penalty_rate_ppm', money)
    .addColumn('penalty_rate_period', 'text')
    .addColumn('penalty_terms', 'text')
    .addColumn('liquidated_damages_cents', money)
    .addColumn('is_credit_reported', bool, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('current'))
    .addColumn('balance_cents', money)
    .addColumn('balance_on', date)
    .addColumn('overdue_cents', money, (c) => c.notNull().defaultTo(0))
    .addColumn('overdue_since_on', date)
    .addColumn('collector', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    // NULL contract numbers do not collide (both engines treat NULLs as distinct).
    .addUniqueConstraint('debts_case_contract_number', ['case_id', 'contract_number'])
    .addCheckConstraint('debts_principal_positive', sql`principal_cents > 0`)
    .addCheckConstraint('debts_received_nonneg', sql`received_cents is null or received_cents >= 0`)
    .addCheckConstraint('debts_overdue_nonneg', sql`overdue_cents >= 0`)
    .addCheckConstraint('debts_term_positive', sql`term_months is null or term_months > 0`)
    .addCheckConstraint(
      'debts_status',
      sql`status in ('current', 'overdue', 'settled', 'written-off', 'disputed')`,
    )
    .execute();
  await db.schema.createIndex('debts_lender').on('debts').column('lender_id').execute();

  await db.schema
    .createTable('debt_fees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('debt_id', 'text', (c) => c.notNull().references('debts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('timing', 'text', (c) => c.notNull())
    .addColumn('amount_cents', money, (c) => c.notNull())
    .addColumn('charged_on', date)
    .addColumn('note', 'text')
    .addCheckConstraint('debt_fees_amount_nonneg', sql`amount_cents >= 0`)
    .execute();
  await db.schema.createIndex('debt_fees_debt').on('debt_fees').column('debt_id').execute();

  await db.schema
    .createTable('debt_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('debt_id', 'text', (c) => c.notNull().references('debts.id').onDelete('cascade'))
    .addColumn('paid_on', date, (c) => c.notNull())
    .addColumn('amount_cents', money, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addCheckConstraint('debt_payments_amount_positive', sql`amount_cents > 0`)
    .execute();
  await db.schema
    .createIndex('debt_payments_debt')
    .on('debt_payments')
    .columns(['debt_id', 'paid_on'])
    .execute();

  await db.schema
    .createTable('debt_schedule_rows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('debt_id', 'text', (c) => c.notNull().references('debts.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('due_on', date, (c) => c.notNull())
    .addColumn('principal_cents', money, (c) => c.notNull())
    .addColumn('interest_cents', money, (c) => c.notNull())
    .addColumn('fee_cents', money, (c) => c.notNull())
    .addColumn('total_cents', money, (c) => c.notNull())
    .addUniqueConstraint('debt_schedule_rows_seq', ['debt_id', 'seq'])
    .execute();

  await db.schema
    .createTable('budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('effective_on', date, (c) => c.notNull())
    .addColumn('buffer_cents', money, (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addUniqueConstraint('budgets_case_version', ['case_id', 'version'])
    .execute();

  await db.schema
    .createTable('budget_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('budget_id', 'text', (c) => c.notNull().references('budgets.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('monthly_cents', money, (c) => c.notNull())
    .addColumn('day_of_month', 'integer')
    .addColumn('note', 'text')
    .addCheckConstraint(
      'budget_lines_day',
      sql`day_of_month is null or (day_of_month >= 1 and day_of_month <= 31)`,
    )
    .execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('budget_id', 'text', (c) => c.references('budgets.id').onDelete('set null'))
    .addColumn('strategy', 'text', (c) => c.notNull())
    .addColumn('capacity_cents', money, (c) => c.notNull())
    .addColumn('start_on', date, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('params_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('note', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('lender_id', 'text', (c) => c.notNull().references('lenders.id'))
    .addColumn('debt_id', 'text', (c) => c.references('debts.id').onDelete('set null'))
    .addColumn('monthly_cents', money, (c) => c.notNull())
    .addColumn('term_months', 'integer', (c) => c.notNull())
    .addColumn('concessions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('start_on', date, (c) => c.notNull())
    .addColumn('end_on', date, (c) => c.notNull())
    .addColumn('total_cents', money, (c) => c.notNull())
    .addColumn('saving_vs_contract_cents', money)
    .addColumn('saving_vs_nothing_cents', money)
    .addColumn('schedule_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('lender_id', 'text', (c) => c.references('lenders.id'))
    .addColumn('occurred_at', instant, (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('agent_name', 'text')
    .addColumn('agent_number', 'text')
    .addColumn('counterpart', 'text')
    .addColumn('asked', 'text')
    .addColumn('offered', 'text')
    .addColumn('promises', 'text')
    .addColumn('deadline_on', date)
    .addColumn('next_step', 'text')
    .addColumn('third_party', 'text')
    .addColumn('flags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contacts_case_time')
    .on('contacts')
    .columns(['case_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('negotiation_states')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('lender_id', 'text', (c) => c.notNull().references('lenders.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('negotiation_states_pk', ['case_id', 'lender_id'])
    .execute();

  await db.schema
    .createTable('evidence_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lender_id', 'text', (c) => c.references('lenders.id'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('captured_at', instant)
    .addColumn('added_at', instant, (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', money, (c) => c.notNull())
    .addColumn('description', 'text')
    .execute();
  await db.schema
    .createIndex('evidence_items_sha256')
    .on('evidence_items')
    .columns(['case_id', 'sha256'])
    .execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', instant, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('object_hash', 'text')
    .addColumn('meta_json', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('entry_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_entries_pk', ['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lender_id', 'text', (c) => c.references('lenders.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', money, (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('lender_id', 'text', (c) => c.notNull().references('lenders.id'))
    .addColumn('debt_id', 'text', (c) => c.references('debts.id').onDelete('set null'))
    .addColumn('plan_proposal_id', 'text', (c) =>
      c.references('plan_proposals.id').onDelete('set null'),
    )
    .addColumn('agreed_on', date, (c) => c.notNull())
    .addColumn('agent_name', 'text')
    .addColumn('agent_number', 'text')
    .addColumn('total_cents', money, (c) => c.notNull())
    .addColumn('concessions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('payment_channel', 'text')
    .addColumn('pay_to_account', 'text')
    .addColumn('is_confirmed_in_writing', bool, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('document_evidence_id', 'text', (c) => c.references('evidence_items.id'))
    .addColumn('confirmation_evidence_id', 'text', (c) => c.references('evidence_items.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('notes', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agreement_installments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('due_on', date, (c) => c.notNull())
    .addColumn('amount_cents', money, (c) => c.notNull())
    .addUniqueConstraint('agreement_installments_seq', ['agreement_id', 'seq'])
    .addCheckConstraint('agreement_installments_amount', sql`amount_cents > 0`)
    .execute();

  await db.schema
    .createTable('agreement_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade'),
    )
    .addColumn('paid_on', date, (c) => c.notNull())
    .addColumn('amount_cents', money, (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('receipt_evidence_id', 'text', (c) => c.references('evidence_items.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addCheckConstraint('agreement_payments_amount', sql`amount_cents > 0`)
    .execute();

  await db.schema
    .createTable('agreement_allocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('payment_id', 'text', (c) =>
      c.notNull().references('agreement_payments.id').onDelete('cascade'),
    )
    .addColumn('installment_id', 'text', (c) =>
      c.notNull().references('agreement_installments.id').onDelete('cascade'),
    )
    .addColumn('amount_cents', money, (c) => c.notNull())
    .addCheckConstraint('agreement_allocations_amount', sql`amount_cents > 0`)
    .execute();

  await db.schema
    .createTable('escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('lender_id', 'text', (c) => c.references('lenders.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('sent_on', date)
    .addColumn('reference', 'text')
    .addColumn('chase_on', date)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('document_id', 'text', (c) => c.references('documents.id').onDelete('set null'))
    .addColumn('notes', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.references('cases.id').onDelete('cascade'))
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('details_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('events_case_at').on('events').columns(['case_id', 'at']).execute();

  await db.schema
    .createTable('case_settings')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('case_settings_pk', ['case_id', 'key'])
    .execute();
}

// oxlint-disable-next-line no-explicit-any -- migrations are typed Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'case_settings',
    'events',
    'escalations',
    'agreement_allocations',
    'agreement_payments',
    'agreement_installments',
    'agreements',
    'documents',
    'ledger_entries',
    'evidence_items',
    'negotiation_states',
    'contacts',
    'plan_proposals',
    'plans',
    'budget_lines',
    'budgets',
    'debt_schedule_rows',
    'debt_payments',
    'debt_fees',
    'debts',
    'lenders',
    'household_members',
    'profiles',
    'case_members',
    'users',
    'cases',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

import type { Kysely } from 'kysely';
import type { Instant, IsoDate } from '../../core/dates/index.js';
import type { Cents } from '../../core/money/index.js';
import { toCents, toInstant, toIsoDate } from '../rows.js';
import type { Database } from '../schema.js';

/** income | priority | fixed | flexible (the cost group; the forecast reads it) */
export type BudgetLineKind = 'income' | 'priority' | 'fixed' | 'flexible';

export interface StoredBudgetLine {
  id: string;
  kind: BudgetLineKind;
  /** a core/budget category, or 'income' */
  category: string;
  label: string;
  monthly: Cents;
  dayOfMonth: number | null;
  note: string | null;
}

export interface StoredBudget {
  id: string;
  caseId: string;
  version: number;
  effectiveOn: IsoDate;
  buffer: Cents;
  /** free text; the app keeps a small JSON envelope here (see app/budgets.ts) */
  note: string | null;
  createdAt: Instant;
  lines: StoredBudgetLine[];
}

export type NewBudget = Omit<StoredBudget, 'version'>;

/** Budget versions of a case: every save is a new version, the highest version wins. */
export function createBudgetRepository(db: Kysely<Database>) {
  return {
    /** Inserts the budget as version max+1 with its lines. Call inside a transaction. */
    async insertVersion(b: NewBudget): Promise<StoredBudget> {
      const top = await db
        .selectFrom('budgets')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('case_id', '=', b.caseId)
        .executeTakeFirst();
      const version = Number(top?.v ?? 0) + 1;
      await db
        .insertInto('budgets')
        .values({
          id: b.id,
          case_id: b.caseId,
          version,
          effective_on: b.effectiveOn,
          buffer_cents: b.buffer,
          note: b.note,
          created_at: b.createdAt,
        })
        .execute();
      if (b.lines.length > 0)
        await db
          .insertInto('budget_lines')
          .values(
            b.lines.map((l, seq) => ({
              id: l.id,
              case_id: b.caseId,
              budget_id: b.id,
              seq,
              kind: l.kind,
              category: l.category,
              label: l.label,
              monthly_cents: l.monthly,
              day_of_month: l.dayOfMonth,
              note: l.note,
            })),
          )
          .execute();
      return { ...b, version };
    },

    async latest(caseId: string): Promise<StoredBudget | undefined> {
      const b = await db
        .selectFrom('budgets')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('version', 'desc')
        .executeTakeFirst();
      if (b === undefined) return undefined;
      const lines = await db
        .selectFrom('budget_lines')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('budget_id', '=', b.id)
        .orderBy('seq')
        .execute();
      return {
        id: b.id,
        caseId: b.case_id,
        version: Number(b.version),
        effectiveOn: toIsoDate(b.effective_on),
        buffer: toCents(b.buffer_cents),
        note: b.note,
        createdAt: toInstant(b.created_at),
        lines: lines.map((l) => ({
          id: l.id,
          kind: l.kind as BudgetLineKind,
          category: l.category,
          label: l.label,
          monthly: toCents(l.monthly_cents),
          dayOfMonth: l.day_of_month === null ? null : Number(l.day_of_month),
          note: l.note,
        })),
      };
    },
  };
}

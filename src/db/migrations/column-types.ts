import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * The dialect differences migrations need (docs/style.md, Persistence), kept beside them so
 * migrations stay frozen in time and never import app code.
 */
export interface ColumnTypes {
  isPostgres: boolean;
  /** Cents, RatePpm and other integers that may exceed 2^31 */
  money: 'bigint' | 'integer';
  date: 'date' | 'text';
  instant: 'timestamptz' | 'text';
  bool: 'boolean' | 'integer';
  falseValue: RawBuilder<unknown>;
  trueValue: RawBuilder<unknown>;
}

// oxlint-disable-next-line no-explicit-any -- migrations are typed Kysely<any> by design
export function columnTypes(db: Kysely<any>): ColumnTypes {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    isPostgres,
    money: isPostgres ? 'bigint' : 'integer',
    date: isPostgres ? 'date' : 'text',
    instant: isPostgres ? 'timestamptz' : 'text',
    bool: isPostgres ? 'boolean' : 'integer',
    falseValue: isPostgres ? sql`false` : sql`0`,
    trueValue: isPostgres ? sql`true` : sql`1`,
  };
}

import { parseIsoDate } from '../core/dates/index.js';
import { isSha256Hex } from '../core/ledger/index.js';
import { MAX_CENTS } from '../core/money/index.js';
import { createDb, migrateToLatest } from '../db/connect.js';
import {
  DEBT_KINDS,
  DEBT_STATUSES,
  FEE_KINDS,
  FEE_TIMINGS,
  LENDER_TYPES,
  MEMBER_ROLES,
  RATE_PERIODS,
  SCHEDULE_METHODS,
} from '../db/schema.js';

/** A backup's rows checked against this version's schema, one column value at a time. */

/** One thing wrong, in both languages. */
export type Problem = { en: string; zh: string };

export interface ColumnSpec {
  name: string;
  /** 'integer' | 'text' | … as SQLite declares it in the migrations */
  dataType: string;
  isNullable: boolean;
  hasDefaultValue: boolean;
}

let referenceSchema: Promise<Map<string, ColumnSpec[]>> | undefined;

/**
 * This code's schema, read from a throw-away in-memory SQLite database migrated to the latest
 * version: the same migrations define the target, so rows are checked against what will hold them.
 */
export function schemaForValidation(): Promise<Map<string, ColumnSpec[]>> {
  referenceSchema ??= (async () => {
    const db = createDb({ kind: 'sqlite', file: ':memory:' });
    try {
      await migrateToLatest(db);
      const tables = await db.introspection.getTables();
      return new Map(
        tables
          .filter((t) => !t.name.startsWith('kysely_'))
          .map((t) => [
            t.name,
            t.columns.map((c) => ({
              name: c.name,
              dataType: c.dataType.toLowerCase(),
              isNullable: c.isNullable,
              hasDefaultValue: c.hasDefaultValue,
            })),
          ]),
      );
    } finally {
      await db.destroy();
    }
  })();
  return referenceSchema;
}

/** Closed lists a column must come from (db/schema.ts is their one home). */
const CLOSED: Record<string, readonly string[]> = {
  'debts.status': DEBT_STATUSES,
  'debts.kind': DEBT_KINDS,
  'debts.schedule_method': SCHEDULE_METHODS,
  'debts.rate_period': RATE_PERIODS,
  'debts.penalty_rate_period': RATE_PERIODS,
  'lenders.lender_type': LENDER_TYPES,
  'debt_fees.kind': FEE_KINDS,
  'debt_fees.timing': FEE_TIMINGS,
  'case_members.role': MEMBER_ROLES,
};
const HASH_COLUMNS = new Set(['sha256', 'entry_hash', 'prev_hash', 'object_hash']);
/** rates are stored per period; 1000 % a year is the most any input accepts */
const MAX_PPM = 10_000_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** The one thing wrong with a value for this column, or null. */
function checkValue(table: string, c: ColumnSpec, v: unknown): Problem | null {
  const n = c.name;
  if (v === null || v === undefined)
    return c.isNullable || (v === undefined && c.hasDefaultValue)
      ? null
      : { en: `${n} is missing`, zh: `${n} 缺失` };
  const closed = CLOSED[`${table}.${n}`];
  if (closed !== undefined)
    return typeof v === 'string' && closed.includes(v)
      ? null
      : {
          en: `${n} ${show(v)} is not one of ${closed.join(', ')}`,
          zh: `${n} 的值 ${show(v)} 不在 ${closed.join('、')} 之中`,
        };
  if (n.startsWith('is_'))
    return v === 0 || v === 1 || typeof v === 'boolean'
      ? null
      : { en: `${n} ${show(v)} is not 0 or 1`, zh: `${n} 的值 ${show(v)} 不是 0 或 1` };
  if (n.endsWith('_cents'))
    return Number.isSafeInteger(v) && Math.abs(v as number) <= MAX_CENTS
      ? null
      : {
          en: `${n} ${show(v)} is not a whole number of fen within ±${MAX_CENTS}`,
          zh: `${n} 的值 ${show(v)} 不是 ±${MAX_CENTS} 分以内的整数（金额超出上限或不是数字）`,
        };
  if (n.endsWith('_ppm'))
    return Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= MAX_PPM
      ? null
      : {
          en: `${n} ${show(v)} is not a rate from 0 to ${MAX_PPM} ppm`,
          zh: `${n} 的值 ${show(v)} 不是 0–${MAX_PPM} 百万分之一的利率`,
        };
  if (n.endsWith('_on'))
    return parseIsoDate(v, n).ok
      ? null
      : {
          en: `${n} ${show(v)} is not a date (YYYY-MM-DD, 1900–2200)`,
          zh: `${n} 的值 ${show(v)} 不是有效日期（YYYY-MM-DD，1900–2200 年）`,
        };
  if (n.endsWith('_at') || (table === 'events' && n === 'at'))
    return typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v))
      ? null
      : {
          en: `${n} ${show(v)} is not an ISO-8601 time`,
          zh: `${n} 的值 ${show(v)} 不是 ISO-8601 时间`,
        };
  if (n.endsWith('_json')) {
    if (typeof v === 'string')
      try {
        JSON.parse(v);
        return null;
      } catch {
        // fall through
      }
    return { en: `${n} is not JSON text`, zh: `${n} 不是 JSON 文本` };
  }
  if (HASH_COLUMNS.has(n))
    return isSha256Hex(v)
      ? null
      : {
          en: `${n} ${show(v)} is not a SHA-256 (64 hex)`,
          zh: `${n} 的值 ${show(v)} 不是 SHA-256（64 位十六进制）`,
        };
  if (c.dataType.includes('int'))
    return Number.isSafeInteger(v) && (v as number) >= 0
      ? null
      : {
          en: `${n} ${show(v)} is not a whole number ≥ 0`,
          zh: `${n} 的值 ${show(v)} 不是非负整数`,
        };
  if (typeof v !== 'string')
    return { en: `${n} ${show(v)} is not text`, zh: `${n} 的值 ${show(v)} 不是文本` };
  if ((n === 'id' || n.endsWith('_id')) && (v.length === 0 || v.length > 200))
    return { en: `${n} is not an id (1–200 characters)`, zh: `${n} 不是有效编号（1–200 个字符）` };
  return null;
}

export function checkRow(table: string, columns: ColumnSpec[], row: unknown): Problem | null {
  if (row === null || typeof row !== 'object' || Array.isArray(row))
    return { en: 'not a JSON object', zh: '不是 JSON 对象' };
  const r = row as Record<string, unknown>;
  for (const c of columns) {
    const p = checkValue(table, c, r[c.name]);
    if (p !== null) return p;
  }
  return null;
}

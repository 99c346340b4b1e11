import type { Kysely } from 'kysely';
import { createLenderRepository } from '../db/repositories/lender-repository.js';
import { createEventRepository } from '../db/repositories/event-repository.js';
import type { Database, LenderType } from '../db/schema.js';
import type { CaseId, Lender, LenderChannel } from '../db/types.js';
import type { Deps } from './deps.js';
import { parseLenderType } from './debt-input.js';
import { AppError } from './errors.js';
import { writeTransaction } from '../db/transaction.js';

export interface LenderInput {
  name: unknown;
  brand?: unknown;
  lenderType?: unknown;
  channels?: unknown;
  notes?: unknown;
}

function invalid(field: string, en: string, zh: string): AppError {
  return new AppError('invalid-input', `${field}: ${en}`, { field, messageZh: `${field}：${zh}` });
}

function optionalText(v: unknown, field: string, max: number): string | null {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
  if (typeof v !== 'string') throw invalid(field, 'must be text', '应为文本');
  if (v.trim().length > max)
    throw invalid(field, `is longer than ${max} characters`, `超过 ${max} 个字符`);
  return v.trim();
}

function parseChannels(v: unknown): LenderChannel[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v))
    throw invalid('channels', 'must be a list of { kind, value }', '应为 { kind, value } 列表');
  return v.map((c, i) => {
    const o = c as Record<string, unknown> | null;
    if (
      typeof o !== 'object' ||
      o === null ||
      typeof o['kind'] !== 'string' ||
      typeof o['value'] !== 'string'
    )
      throw invalid(`channels[${i}]`, 'must be { kind, value }', '应为 { kind, value }');
    return typeof o['note'] === 'string'
      ? { kind: o['kind'], value: o['value'], note: o['note'] }
      : { kind: o['kind'], value: o['value'] };
  });
}

/** Adds a lender to the case; a name already used in the case is a 'conflict'. */
export async function addLender(deps: Deps, caseId: CaseId, input: LenderInput): Promise<Lender> {
  const name = optionalText(input.name, 'name', 200);
  if (name === null) throw invalid('name', 'is required', '必填');
  let lenderType: LenderType = 'unknown';
  if (input.lenderType !== undefined && input.lenderType !== null && input.lenderType !== '') {
    const t = parseLenderType(input.lenderType, 'lenderType');
    if (t.value === undefined) throw AppError.fromIssue(t.issues[0]!);
    lenderType = t.value;
  }
  const lender = {
    id: deps.ids.next(),
    caseId,
    name,
    brand: optionalText(input.brand, 'brand', 200),
    lenderType,
    channels: parseChannels(input.channels),
    notes: optionalText(input.notes, 'notes', 20_000),
    createdAt: deps.clock.now(),
  };
  return writeTransaction(deps.db, async (trx) => {
    const saved = await createLenderRepository(trx).insert(lender);
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId,
      at: lender.createdAt,
      actor: 'user',
      action: 'lender.add',
      subject: saved.id,
      details: { name },
    });
    return saved;
  });
}

export async function listLenders(deps: Deps, caseId: CaseId): Promise<Lender[]> {
  return createLenderRepository(deps.db).list(caseId);
}

/** Finds a lender by id, legal name or brand; ambiguous or missing names are user errors. */
export async function findLender(
  db: Kysely<Database>,
  caseId: CaseId,
  ref: string,
): Promise<Lender | undefined> {
  const repo = createLenderRepository(db);
  const byId = await repo.get(caseId, ref);
  if (byId !== undefined) return byId;
  const byName = await repo.findByName(caseId, ref);
  const exact = byName.filter((l) => l.name === ref);
  if (exact.length === 1) return exact[0];
  if (byName.length > 1)
    throw new AppError(
      'invalid-input',
      `lender: "${ref}" matches ${byName.length} lenders; use the legal name or id`,
      {
        field: 'lender',
        messageZh: `出借方：“${ref}”对应 ${byName.length} 个出借方，请使用全称或编号`,
        details: { matches: byName.map((l) => ({ id: l.id, name: l.name })) },
      },
    );
  return byName[0];
}

export function lenderNotFound(ref: string): AppError {
  return new AppError(
    'not-found',
    `lender "${ref}" is not in this case; add it with "lender add" or give its type`,
    {
      field: 'lender',
      messageZh: `本案件中没有出借方“${ref}”；请先用 "lender add" 添加，或同时给出机构类型`,
    },
  );
}

/**
 * The lender a page picked, by id only (`lenderId`): a page offers the case's own lenders, so
 * a name or a brand there is a mistake — the name matching of findLender is for the CLI.
 */
export async function requireLenderById(
  deps: Deps,
  caseId: CaseId,
  lenderId: string,
): Promise<Lender> {
  const found = await createLenderRepository(deps.db).get(caseId, lenderId);
  if (found === undefined)
    throw new AppError('not-found', `no lender "${lenderId}" in this case`, {
      field: 'lenderId',
      messageZh: '本案中没有这个债权人，请先在“我的债务”中添加',
    });
  return found;
}

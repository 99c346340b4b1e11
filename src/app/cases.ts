import { createCaseRepository } from '../db/repositories/case-repository.js';
import type { Case, CaseId } from '../db/types.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';
import { writeTransaction } from '../db/transaction.js';

/**
 * The case a command works on: the named one, or in single-user mode the home's only case
 * (created on first use, so a fresh home just works).
 */
export async function resolveCase(deps: Deps, caseId?: string): Promise<Case> {
  const cases = createCaseRepository(deps.db);
  if (caseId !== undefined) {
    const c = await cases.get(caseId);
    if (c === undefined)
      throw new AppError('not-found', `case ${caseId} does not exist`, {
        field: 'case',
        messageZh: `案件 ${caseId} 不存在`,
      });
    return c;
  }
  const all = await cases.list();
  if (all.length > 0) return all[0]!;
  return writeTransaction(deps.db, async (trx) => {
    const again = await createCaseRepository(trx).list();
    if (again.length > 0) return again[0]!;
    return createCaseRepository(trx).insert({
      id: deps.ids.next(),
      title: '我的案件',
      at: deps.clock.now(),
    });
  });
}

export async function createCase(deps: Deps, title: string): Promise<Case> {
  return writeTransaction(deps.db, (trx) =>
    createCaseRepository(trx).insert({ id: deps.ids.next(), title, at: deps.clock.now() }),
  );
}

export async function listCases(deps: Deps): Promise<Case[]> {
  return createCaseRepository(deps.db).list();
}

export type { CaseId };

// Withdrawing evidence (issue 13 item 4). Evidence is append-only: a withdrawn item keeps its
// file, its row and its 'evidence-added' ledger entry; it gains the time and the reason, and the
// ledger gains an 'evidence-withdrawn' entry, so `evidence verify` can tell a withdrawal made
// here from a row edited behind the product's back. Letters leave withdrawn items out; the
// export bundle lists them as withdrawn with the reason.
import type { Instant } from '../../core/dates/index.js';
import type { LedgerEntry } from '../../core/ledger/index.js';
import {
  createEvidenceRepository,
  type EvidenceItem,
} from '../../db/repositories/evidence-repository.js';
import type { CaseId } from '../../db/types.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { withLedgerEntry } from './common.js';

/** The longest reason kept (the API's EvidenceWithdraw allows the same). */
export const MAX_WITHDRAW_REASON = 500;

function alreadyWithdrawn(item: EvidenceItem): AppError {
  return new AppError('conflict', `evidence ${item.id} was withdrawn already`, {
    field: 'id',
    messageZh: `这份证据已于 ${item.withdrawnAt ?? ''} 撤回（原因：${item.withdrawReason ?? ''}），不能重复撤回`,
  });
}

/** Whether an item still counts as evidence (letters, exhibit lists). */
export function isStanding(item: { withdrawnAt?: string | null }): boolean {
  return item.withdrawnAt === undefined || item.withdrawnAt === null;
}

/**
 * Marks an item withdrawn with `reason` (required, at most MAX_WITHDRAW_REASON characters).
 * Refused with 'not-found' for an item not in the case and 'conflict' when withdrawn already;
 * bad input writes nothing.
 */
export async function withdrawEvidence(
  deps: Deps,
  caseId: CaseId,
  id: string,
  reason: string,
): Promise<{ item: EvidenceItem; entry: LedgerEntry }> {
  const why = reason.trim();
  if (why === '' || why.length > MAX_WITHDRAW_REASON)
    throw new AppError(
      'invalid-input',
      why === ''
        ? 'reason: say why the evidence is withdrawn'
        : `reason: at most ${MAX_WITHDRAW_REASON} characters`,
      {
        field: 'reason',
        messageZh:
          why === ''
            ? '撤回原因：请写明为什么撤回这份证据'
            : `撤回原因：最多 ${MAX_WITHDRAW_REASON} 个字`,
      },
    );
  const item = await createEvidenceRepository(deps.db).get(caseId, id);
  if (item === null)
    throw new AppError('not-found', `evidence "${id}" is not in this case`, {
      field: 'id',
      messageZh: '没有这份证据',
    });
  if (item.withdrawnAt) throw alreadyWithdrawn(item);
  // one normal form (ms, Z), the same string in the row and in the hashed ledger entry
  const at = new Date(deps.clock.now()).toISOString() as Instant;
  const { entry } = await withLedgerEntry(deps, caseId, async (trx) => {
    // the update only touches a standing row: a concurrent withdrawal loses cleanly
    if (!(await createEvidenceRepository(trx).withdraw(caseId, id, at, why)))
      throw alreadyWithdrawn(item);
    return {
      result: null,
      entry: {
        objectHash: null,
        kind: 'evidence-withdrawn',
        meta: { evidenceId: id, withdrawnAt: at, reason: why },
      },
    };
  });
  return { item: { ...item, withdrawnAt: at, withdrawReason: why }, entry };
}

// Correcting the contact log: edit a logged contact (validated like a new one, one
// 'contact-edited' ledger entry) and remove one with undo ('contact-removed').
import { checkConduct } from '../core/conduct/index.js';
import {
  createContactRepository,
  formatThirdParty,
  type Contact,
} from '../db/repositories/contacts-repository.js';
import { createEvidenceRepository } from '../db/repositories/evidence-repository.js';
import type { CaseId } from '../db/types.js';
import {
  WRITTEN_CHANNELS,
  contactMeta,
  toConductContact,
  validateContactFields,
  type LogContactInput,
  type LogContactResult,
} from './contacts.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';
import { recordRemoval, takeSnapshot } from './undo.js';
import { withLedgerEntry } from './evidence/common.js';

/** Edit a contact: any subset of what logging takes; `null` clears an optional field. */
export type ContactEdit = Partial<
  Omit<LogContactInput, 'caseId' | 'evidenceIds' | 'state' | 'tags'>
>;

function contactNotFound(id: string): AppError {
  return new AppError('not-found', `contact ${id} is not in this case`, {
    field: 'id',
    messageZh: '没有这条联系记录',
  });
}

async function findContact(deps: Deps, caseId: CaseId, id: string): Promise<Contact> {
  const c = await createContactRepository(deps.db).get(caseId, id);
  if (c === null) throw contactNotFound(id);
  return c;
}

/** A stored contact as the input logging would take, so an edit is validated like an add. */
function toInput(c: Contact): Omit<LogContactInput, 'evidenceIds' | 'state'> {
  return {
    caseId: c.caseId as CaseId,
    at: c.occurredAt,
    lender: c.lenderId,
    channel: c.channel,
    direction: c.direction,
    agentName: c.agentName,
    agentNumber: c.agentNumber,
    counterpart: c.counterpart,
    asked: c.asked,
    offered: c.offered,
    promises: c.promises,
    deadline: c.deadlineOn,
    nextStep: c.nextStep,
    thirdParty: formatThirdParty(c.thirdParty),
    tags: c.tags.filter((t) => t !== 'note-in-letters'),
    notes: c.notes,
    includeNoteInLetters: c.tags.includes('note-in-letters'),
  };
}

/**
 * A contact that moved its lender to 'agreed' proved it in writing (a written channel or linked
 * evidence); an edit may not take that proof away.
 */
async function assertStillInWriting(
  trx: Parameters<Parameters<typeof withLedgerEntry>[2]>[0],
  caseId: CaseId,
  was: Contact,
  now: Contact,
): Promise<void> {
  if (was.lenderId === null || WRITTEN_CHANNELS.has(now.channel)) return;
  const s = await createContactRepository(trx).state(caseId, was.lenderId);
  if (s?.contactId !== was.id || s.state !== 'agreed') return;
  const linked = await createEvidenceRepository(trx).list(caseId, { contactId: was.id });
  if (linked.length > 0) return;
  throw new AppError(
    'transition-not-allowed',
    'channel: this contact recorded the written agreement; a spoken channel would leave it unproven',
    {
      field: 'channel',
      messageZh:
        '这条记录是“已书面达成”的依据：改成电话等口头方式后就没有书面证明了；请先关联协议截图等证据',
    },
  );
}

/**
 * Corrects a logged contact. The merged record passes the same checks as a new one (a future
 * time is refused); the change is one ledger entry ('contact-edited', the whole new record), so
 * `evidence verify` compares the row with the latest recorded version. Conduct flags are derived
 * from the log, so they follow. A contact that moved a lender's negotiation state keeps its
 * lender: the state history would otherwise point at another lender's contact.
 */
export async function editContact(
  deps: Deps,
  caseId: CaseId,
  id: string,
  patch: ContactEdit,
): Promise<LogContactResult> {
  const was = await findContact(deps, caseId, id);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const { fields, lender } = await validateContactFields(deps, { ...toInput(was), ...defined });
  const contact: Contact = { ...was, ...fields };
  const { result, entry } = await withLedgerEntry(deps, caseId, async (trx) => {
    const repo = createContactRepository(trx);
    if (contact.lenderId !== was.lenderId && was.lenderId !== null) {
      const s = await repo.state(caseId, was.lenderId);
      if (s?.contactId === id)
        throw new AppError('conflict', 'lenderId: this contact set the negotiation state', {
          field: 'lenderId',
          messageZh: '这条联系记录改变过该机构的协商状态，不能改成别的机构；请删除后重新记录',
        });
    }
    await assertStillInWriting(trx, caseId, was, contact);
    if (!(await repo.update(contact))) throw contactNotFound(id);
    const state = lender === null ? null : ((await repo.state(caseId, lender.id))?.state ?? null);
    return {
      result: state,
      entry: {
        objectHash: null,
        kind: 'contact-edited',
        meta: { contact: contactMeta(contact) },
      },
    };
  });
  const flags = checkConduct([toConductContact(contact, lender)]);
  return { contact, stateBefore: result, stateAfter: result, entry, flags };
}

/**
 * Deletes a contact. Its evidence links and the negotiation state that points at it are nulled by
 * the database; all three are kept in the 'contact.remove' event so `undoRemoval` (undo.ts) puts
 * them back. The ledger records the removal ('contact-removed'): what was logged stays in it.
 */
export async function removeContact(
  deps: Deps,
  caseId: CaseId,
  id: string,
): Promise<{ contact: Contact; undoId: string }> {
  const contact = await findContact(deps, caseId, id);
  const { result } = await withLedgerEntry(deps, caseId, async (trx) => {
    const snapshot = await takeSnapshot(
      trx,
      caseId,
      [{ table: 'contacts', column: 'id', values: [id] }],
      [
        { table: 'negotiation_states', column: 'contact_id', value: id, key: 'lender_id' },
        { table: 'evidence_items', column: 'contact_id', value: id },
      ],
    );
    if (snapshot.rows.length === 0) throw contactNotFound(id);
    await createContactRepository(trx).remove(caseId, id);
    const undoId = await recordRemoval(trx, deps, caseId, {
      action: 'contact.remove',
      subject: id,
      summary: { lenderId: contact.lenderId, occurredAt: contact.occurredAt },
      snapshot,
    });
    return {
      result: undoId,
      entry: { objectHash: null, kind: 'contact-removed', meta: { contactId: id } },
    };
  });
  return { contact, undoId: result };
}

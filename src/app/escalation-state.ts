// A lender's negotiation state around its escalations. Recording one moves the lender to
// 'escalated' and keeps, in the 'escalation.add' event, the state it left; removing the lender's
// last escalation (a complaint recorded by mistake) puts that state back, and undoing the removal
// moves it to 'escalated' again. Escalations recorded before the state was kept leave it as it is:
// what it was cannot be known.
import type { Transaction } from 'kysely';
import type { Instant } from '../core/dates/index.js';
import {
  createContactRepository,
  type NegotiationStatus,
} from '../db/repositories/contacts-repository.js';
import { createEscalationRepository } from '../db/repositories/escalations-repository.js';
import type { Database } from '../db/schema.js';
import type { CaseId } from '../db/types.js';

type Trx = Transaction<Database>;

/** What the event of a new escalation keeps: the state row it replaced (null: none yet). */
export interface PreviousState {
  previousState: { state: string; contactId: string | null; updatedAt: string } | null;
}

/** Reads the lender's state before an escalation moves it to 'escalated'. */
export async function previousStateOf(
  trx: Trx,
  caseId: CaseId,
  lenderId: string,
): Promise<PreviousState> {
  const s = await createContactRepository(trx).state(caseId, lenderId);
  return {
    previousState:
      s === null ? null : { state: s.state, contactId: s.contactId, updatedAt: s.updatedAt },
  };
}

/**
 * Before escalation `id` of `lenderId` is removed: when no other escalation of that lender is left
 * and it still stands at 'escalated', puts back the state kept with the escalation and answers the
 * state it replaced (for undo); otherwise changes nothing and answers null.
 */
export async function restoreStateBefore(
  trx: Trx,
  caseId: CaseId,
  e: { id: string; lenderId: string | null },
  at: Instant,
): Promise<NegotiationStatus | null> {
  if (e.lenderId === null) return null;
  const lenderId = e.lenderId;
  const others = await createEscalationRepository(trx).list(caseId, { lenderId });
  if (others.some((x) => x.id !== e.id)) return null;
  const repo = createContactRepository(trx);
  const now = await repo.state(caseId, lenderId);
  if (now === null || now.state !== 'escalated') return null;
  const ev = await trx
    .selectFrom('events')
    .select('details_json')
    .where('case_id', '=', caseId)
    .where('action', '=', 'escalation.add')
    .where('subject', '=', e.id)
    .executeTakeFirst();
  const kept = ev === undefined ? {} : (JSON.parse(ev.details_json) as Partial<PreviousState>);
  if (kept.previousState === undefined) return null;
  const before = kept.previousState;
  await repo.setState(caseId, {
    lenderId,
    state: (before?.state ?? 'not-contacted') as NegotiationStatus['state'],
    contactId: before?.contactId ?? null,
    updatedAt: before === null ? at : (before.updatedAt as Instant),
  });
  return now;
}

/** Undo of a removal that restored a state: the lender stands at what it was at removal again. */
export async function reapplyState(trx: Trx, caseId: CaseId, s: NegotiationStatus): Promise<void> {
  await createContactRepository(trx).setState(caseId, s);
}

// Contacts and conduct flags as JSON, one module for both edges: `contactJson` is the whole record
// `xieshang contact log|list --json` prints; `contactView` (the API's ContactView, contracts/case.ts)
// is read off that same JSON, so the two agree about one contact.
import type { ConductFlag as ConductFlagView, ContactView } from '../contracts/index.js';
import type { ConductFlag } from '../core/conduct/index.js';
import { formatThirdParty, type Contact } from '../db/repositories/contacts-repository.js';

/** The stored contact, every field (instants as ISO strings). */
export function contactJson(c: Contact) {
  return {
    id: c.id,
    caseId: c.caseId,
    lenderId: c.lenderId,
    occurredAt: c.occurredAt,
    channel: c.channel,
    direction: c.direction,
    agentName: c.agentName,
    agentNumber: c.agentNumber,
    counterpart: c.counterpart,
    asked: c.asked,
    offered: c.offered,
    promises: c.promises,
    deadlineOn: c.deadlineOn,
    nextStep: c.nextStep,
    thirdParty: c.thirdParty,
    tags: c.tags,
    notes: c.notes,
    createdAt: c.createdAt,
  };
}

export type ContactJson = ReturnType<typeof contactJson>;

/** `GET /api/contacts` and the reply to a write: the contact with its lender's display name. */
export function contactView(c: ContactJson, lender: string | null): ContactView {
  return {
    id: c.id,
    lenderId: c.lenderId,
    lender,
    occurredAt: c.occurredAt,
    channel: c.channel,
    direction: c.direction,
    agentName: c.agentName,
    asked: c.asked,
    offered: c.offered,
    notes: c.notes,
    agentNumber: c.agentNumber,
    counterpart: c.counterpart,
    promises: c.promises,
    deadlineDate: c.deadlineOn,
    nextStep: c.nextStep,
    thirdParty: formatThirdParty(c.thirdParty),
    includeNoteInLetters: c.tags.includes('note-in-letters'),
  };
}

/** `GET /api/conduct`: one line per flag, its first contact and its first source. */
export function conductFlagView(f: ConductFlag): ConductFlagView {
  return {
    contactId: f.contactIds[0] ?? null,
    rule: f.rule,
    messageZh: f.messageZh,
    message: f.messageEn,
    source: f.sources[0]?.citeZh ?? null,
    certainty: f.certainty,
  };
}

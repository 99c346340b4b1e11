import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Instant, IsoDate } from '../../core/dates/index.js';
import type {
  ContactChannel,
  ContactDirection,
  ContactTag,
  ThirdPartyRelation,
} from '../../core/conduct/index.js';
import type { ContactsTable, Database, NegotiationStatesTable } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Per-lender negotiation state (schema.ts NegotiationStatesTable), moved only by contact log entries. */
export const NEGOTIATION_STATES = [
  'not-contacted',
  'proposed',
  'counter-offer',
  'agreed',
  'refused',
  'escalated',
] as const;
export type NegotiationState = (typeof NEGOTIATION_STATES)[number];

export interface ThirdParty {
  relation: ThirdPartyRelation;
  detail: string | null;
}

export interface Contact {
  id: string;
  caseId: string;
  lenderId: string | null;
  occurredAt: Instant;
  channel: ContactChannel;
  direction: ContactDirection;
  agentName: string | null;
  agentNumber: string | null;
  /** the number or account the other side used */
  counterpart: string | null;
  asked: string | null;
  offered: string | null;
  promises: string | null;
  deadlineOn: IsoDate | null;
  nextStep: string | null;
  thirdParty: ThirdParty | null;
  tags: ContactTag[];
  notes: string | null;
  createdAt: Instant;
}

export interface NegotiationStatus {
  lenderId: string;
  state: NegotiationState;
  contactId: string | null;
  updatedAt: Instant;
}

function toInstant(v: string | Date): Instant {
  return new Date(v).toISOString() as Instant;
}

/** third_party column: 'relation' or 'relation:detail'. */
export function formatThirdParty(t: ThirdParty | null): string | null {
  if (t === null) return null;
  return t.detail === null ? t.relation : `${t.relation}:${t.detail}`;
}

export function parseThirdPartyColumn(v: string | null): ThirdParty | null {
  if (v === null || v === '') return null;
  const i = v.indexOf(':');
  const relation = (i < 0 ? v : v.slice(0, i)) as ThirdPartyRelation;
  return { relation, detail: i < 0 ? null : v.slice(i + 1) };
}

function toContact(r: Selectable<ContactsTable>): Contact {
  let tags: ContactTag[] = [];
  try {
    const v = JSON.parse(r.flags_json) as unknown;
    if (Array.isArray(v)) tags = v.filter((x): x is ContactTag => typeof x === 'string');
  } catch {
    tags = [];
  }
  return {
    id: r.id,
    caseId: r.case_id,
    lenderId: r.lender_id,
    occurredAt: toInstant(r.occurred_at),
    channel: r.channel as ContactChannel,
    direction: r.direction as ContactDirection,
    agentName: r.agent_name,
    agentNumber: r.agent_number,
    counterpart: r.counterpart,
    asked: r.asked,
    offered: r.offered,
    promises: r.promises,
    deadlineOn: r.deadline_on === null ? null : (String(r.deadline_on).slice(0, 10) as IsoDate),
    nextStep: r.next_step,
    thirdParty: parseThirdPartyColumn(r.third_party),
    tags,
    notes: r.notes,
    createdAt: toInstant(r.created_at),
  };
}

function toStatus(r: Selectable<NegotiationStatesTable>): NegotiationStatus {
  return {
    lenderId: r.lender_id,
    state: r.state as NegotiationState,
    contactId: r.contact_id,
    updatedAt: toInstant(r.updated_at),
  };
}

/** What a contact says: the columns insert and update both write, in the same order. */
function contactColumns(c: Contact) {
  return {
    lender_id: c.lenderId,
    occurred_at: c.occurredAt,
    channel: c.channel,
    direction: c.direction,
    agent_name: c.agentName,
    agent_number: c.agentNumber,
    counterpart: c.counterpart,
    asked: c.asked,
    offered: c.offered,
    promises: c.promises,
    deadline_on: c.deadlineOn,
    next_step: c.nextStep,
    third_party: formatThirdParty(c.thirdParty),
    flags_json: JSON.stringify(c.tags),
    notes: c.notes,
  };
}

async function insertContact(db: Db, c: Contact): Promise<void> {
  await db
    .insertInto('contacts')
    .values({ id: c.id, case_id: c.caseId, ...contactColumns(c), created_at: c.createdAt })
    .execute();
}

async function updateContact(db: Db, c: Contact): Promise<boolean> {
  const r = await db
    .updateTable('contacts')
    .set(contactColumns(c))
    .where('case_id', '=', c.caseId)
    .where('id', '=', c.id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

async function getContact(db: Db, caseId: string, id: string): Promise<Contact | null> {
  const r = await db
    .selectFrom('contacts')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r === undefined ? null : toContact(r);
}

async function listContacts(db: Db, caseId: string, f: { lenderId?: string }): Promise<Contact[]> {
  let q = db.selectFrom('contacts').selectAll().where('case_id', '=', caseId);
  if (f.lenderId !== undefined) q = q.where('lender_id', '=', f.lenderId);
  const rows = await q.orderBy('occurred_at', 'asc').orderBy('id', 'asc').execute();
  return rows.map(toContact);
}

async function getNegotiationState(
  db: Db,
  caseId: string,
  lenderId: string,
): Promise<NegotiationStatus | null> {
  const r = await db
    .selectFrom('negotiation_states')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('lender_id', '=', lenderId)
    .executeTakeFirst();
  return r === undefined ? null : toStatus(r);
}

async function listNegotiationStates(db: Db, caseId: string): Promise<NegotiationStatus[]> {
  const rows = await db
    .selectFrom('negotiation_states')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('lender_id')
    .execute();
  return rows.map(toStatus);
}

/** Updates the lender's state row, or inserts it when there is none yet. */
async function setNegotiationState(db: Db, caseId: string, s: NegotiationStatus): Promise<void> {
  const n = await db
    .updateTable('negotiation_states')
    .set({ state: s.state, contact_id: s.contactId, updated_at: s.updatedAt })
    .where('case_id', '=', caseId)
    .where('lender_id', '=', s.lenderId)
    .executeTakeFirst();
  if (Number(n.numUpdatedRows) > 0) return;
  await db
    .insertInto('negotiation_states')
    .values({
      case_id: caseId,
      lender_id: s.lenderId,
      state: s.state,
      contact_id: s.contactId,
      updated_at: s.updatedAt,
    })
    .execute();
}

/** Contact log entries and the per-lender negotiation state. Pass `db` or a transaction. */
export function createContactRepository(db: Db) {
  return {
    insert: (c: Contact) => insertContact(db, c),
    /** Rewrites what a contact says (id, case and created_at stay); returns whether it existed. */
    update: (c: Contact) => updateContact(db, c),
    /** Deletes a contact; the database nulls the evidence links and state pointers to it. */
    async remove(caseId: string, id: string): Promise<void> {
      await db.deleteFrom('contacts').where('case_id', '=', caseId).where('id', '=', id).execute();
    },
    get: (caseId: string, id: string) => getContact(db, caseId, id),
    /** Oldest first. */
    list: (caseId: string, f: { lenderId?: string } = {}) => listContacts(db, caseId, f),
    state: (caseId: string, lenderId: string) => getNegotiationState(db, caseId, lenderId),
    states: (caseId: string) => listNegotiationStates(db, caseId),
    setState: (caseId: string, s: NegotiationStatus) => setNegotiationState(db, caseId, s),
  };
}

export type ContactRepository = ReturnType<typeof createContactRepository>;

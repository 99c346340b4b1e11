// Contact log use cases: log a contact (with a ledger entry and, optionally, a negotiation-state
// move), list contacts and states, and run the conduct checker over the log. Editing and
// removing a logged contact are contacts-edit.ts.
import {
  CONTACT_CHANNELS,
  CONTACT_DIRECTIONS,
  CONTACT_TAGS,
  THIRD_PARTY_RELATIONS,
  checkConduct,
  type ConductContact,
  type ConductFlag,
  type ContactChannel,
  type ContactDirection,
  type ContactTag,
  type ThirdPartyRelation,
} from '../core/conduct/index.js';
import { parseDateInput, type IsoDate } from '../core/dates/index.js';
import type { JsonValue, LedgerEntry } from '../core/ledger/index.js';
import {
  NEGOTIATION_STATES,
  createContactRepository,
  type Contact,
  type NegotiationState,
  type NegotiationStatus,
  type ThirdParty,
} from '../db/repositories/contacts-repository.js';
import { createEvidenceRepository } from '../db/repositories/evidence-repository.js';
import { createLenderRepository } from '../db/repositories/lender-repository.js';
import type { CaseId, Lender } from '../db/types.js';
import type { Deps } from './deps.js';
import { AppError } from './errors.js';
import {
  assertNotFuture,
  json,
  parseWhen,
  resolveLender,
  withLedgerEntry,
} from './evidence/common.js';

export {
  CONTACT_CHANNELS,
  CONTACT_DIRECTIONS,
  CONTACT_TAGS,
  NEGOTIATION_STATES,
  THIRD_PARTY_RELATIONS,
  type Contact,
  type NegotiationState,
  type NegotiationStatus,
};

export const NEGOTIATION_STATE_ZH: Readonly<Record<NegotiationState, string>> = {
  'not-contacted': '未协商',
  proposed: '已提交方案',
  'counter-offer': '对方还价',
  agreed: '已书面达成',
  refused: '被拒绝',
  escalated: '已投诉/升级',
};

export const CHANNEL_ZH: Readonly<Record<ContactChannel, string>> = {
  phone: '电话',
  'app-chat': 'App客服',
  sms: '短信',
  wechat: '微信',
  email: '邮件',
  letter: '信函',
  visit: '上门/面谈',
};

/** Which moves the log may make (a state can also be repeated, e.g. a second proposal). */
const ALLOWED: Readonly<Record<NegotiationState, readonly NegotiationState[]>> = {
  'not-contacted': ['proposed', 'counter-offer', 'refused', 'escalated'],
  proposed: ['proposed', 'counter-offer', 'agreed', 'refused', 'escalated'],
  'counter-offer': ['proposed', 'counter-offer', 'agreed', 'refused', 'escalated'],
  agreed: ['proposed', 'escalated'],
  refused: ['proposed', 'counter-offer', 'escalated'],
  escalated: ['proposed', 'counter-offer', 'agreed', 'refused', 'escalated'],
};

/** Channels that leave a written record (an agreement logged on one is in writing). */
export const WRITTEN_CHANNELS: ReadonlySet<ContactChannel> = new Set([
  'app-chat',
  'sms',
  'wechat',
  'email',
  'letter',
]);

export interface LogContactInput {
  caseId: CaseId;
  /** when: ISO with zone, 'YYYY-MM-DD HH:MM' Beijing time, or a date */
  at: string;
  lender?: string | null;
  channel: string;
  direction: string;
  agentName?: string | null;
  agentNumber?: string | null;
  counterpart?: string | null;
  asked?: string | null;
  offered?: string | null;
  promises?: string | null;
  deadline?: string | null;
  nextStep?: string | null;
  /** 'family', 'employer:某公司人事', … */
  thirdParty?: string | null;
  tags?: readonly string[];
  notes?: string | null;
  /** quote the notes in letters (stored as the tag 'note-in-letters'); off by default */
  includeNoteInLetters?: boolean;
  evidenceIds?: readonly string[];
  /** the negotiation state this contact moves the lender to */
  state?: string | null;
}

export interface LogContactResult {
  contact: Contact;
  stateBefore: NegotiationState | null;
  stateAfter: NegotiationState | null;
  entry: LedgerEntry;
  /** conduct flags this contact raised on its own (frequency needs the whole day: see conduct check) */
  flags: ConductFlag[];
}

function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  field: string,
  zh: string,
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AppError('invalid-input', `${field}: "${value}" is not one of ${allowed.join(', ')}`, {
    field,
    messageZh: `${zh}“${value}”无效，可选：${allowed.join('、')}`,
  });
}

export function parseThirdParty(text: string): ThirdParty {
  const i = text.indexOf(':');
  const rel = (i < 0 ? text : text.slice(0, i)).trim();
  const relation = oneOf<ThirdPartyRelation>(
    rel,
    THIRD_PARTY_RELATIONS,
    'third-party',
    '第三人关系',
  );
  const detail = i < 0 ? '' : text.slice(i + 1).trim();
  return { relation, detail: detail === '' ? null : detail };
}

const text = (v: string | null | undefined): string | null =>
  v === undefined || v === null || v.trim() === '' ? null : v.trim();

/** What the ledger records about a contact: every stored field (verify compares the row). */
export function contactMeta(c: Contact): { [key: string]: JsonValue } {
  return {
    id: c.id,
    lenderId: json(c.lenderId),
    occurredAt: c.occurredAt,
    channel: c.channel,
    direction: c.direction,
    agentName: json(c.agentName),
    agentNumber: json(c.agentNumber),
    counterpart: json(c.counterpart),
    asked: json(c.asked),
    offered: json(c.offered),
    promises: json(c.promises),
    deadlineOn: json(c.deadlineOn),
    nextStep: json(c.nextStep),
    thirdParty:
      c.thirdParty === null
        ? null
        : { relation: c.thirdParty.relation, detail: json(c.thirdParty.detail) },
    tags: [...c.tags],
    notes: json(c.notes),
  };
}

type ContactFields = Omit<Contact, 'id' | 'caseId' | 'createdAt'>;

/**
 * Validates what a contact says (the same rules for logging and editing): the time is real and
 * not in the future, channel, direction and tags are known words, the lender is in the case.
 */
export async function validateContactFields(
  deps: Deps,
  input: Omit<LogContactInput, 'evidenceIds' | 'state'>,
): Promise<{ fields: ContactFields; lender: Lender | null }> {
  const when = parseWhen(input.at, 'at');
  assertNotFuture(deps, when, 'at', input.at);
  const channel = oneOf<ContactChannel>(input.channel, CONTACT_CHANNELS, 'channel', '渠道');
  const direction = oneOf<ContactDirection>(
    input.direction,
    CONTACT_DIRECTIONS,
    'direction',
    '方向',
  );
  const lender =
    text(input.lender) === null
      ? null
      : await resolveLender(deps, input.caseId, input.lender!.trim());
  const tags = [
    ...new Set([...(input.tags ?? []), ...(input.includeNoteInLetters ? ['note-in-letters'] : [])]),
  ].map((t) => oneOf<ContactTag>(t, CONTACT_TAGS, 'tag', '标记'));
  let deadlineOn: IsoDate | null = null;
  if (text(input.deadline) !== null) {
    const d = parseDateInput(input.deadline!.trim(), 'deadline');
    if (!d.ok) throw AppError.fromIssue(d.error);
    deadlineOn = d.value;
  }
  const thirdParty = text(input.thirdParty) === null ? null : parseThirdParty(input.thirdParty!);
  const fields: ContactFields = {
    lenderId: lender?.id ?? null,
    occurredAt: when.at,
    channel,
    direction,
    agentName: text(input.agentName),
    agentNumber: text(input.agentNumber),
    counterpart: text(input.counterpart),
    asked: text(input.asked),
    offered: text(input.offered),
    promises: text(input.promises),
    deadlineOn,
    nextStep: text(input.nextStep),
    thirdParty,
    tags,
    notes: text(input.notes),
  };
  return { fields, lender };
}

/** Every evidence item to link is in the case. */
async function assertEvidenceInCase(
  deps: Deps,
  caseId: CaseId,
  evidenceIds: readonly string[],
): Promise<void> {
  const evidenceRepo = createEvidenceRepository(deps.db);
  for (const id of evidenceIds) {
    const e = await evidenceRepo.get(caseId, id);
    if (e === null)
      throw new AppError('not-found', `evidence ${id} is not in this case`, {
        field: 'evidence',
        messageZh: `本案件中没有证据 ${id}`,
      });
  }
}

/**
 * The negotiation state a contact moves its lender to (null: none): never back to
 * 'not-contacted', only with a lender, and 'agreed' only in writing.
 */
function parseTargetState(
  state: string | null | undefined,
  lender: Lender | null,
  channel: ContactChannel,
  evidenceIds: readonly string[],
): NegotiationState | null {
  if (text(state) === null) return null;
  const target = oneOf<NegotiationState>(state!.trim(), NEGOTIATION_STATES, 'state', '协商状态');
  if (target === 'not-contacted')
    throw new AppError(
      'transition-not-allowed',
      'state: a contact cannot move a lender back to not-contacted',
      {
        field: 'state',
        messageZh: '协商状态不能退回“未协商”',
      },
    );
  if (lender === null)
    throw new AppError('invalid-input', 'state: a negotiation state needs --lender', {
      field: 'lender',
      messageZh: '记录协商状态需要指定出借机构（--lender）',
    });
  if (target === 'agreed' && !WRITTEN_CHANNELS.has(channel) && evidenceIds.length === 0)
    throw new AppError(
      'transition-not-allowed',
      'state: "agreed" means agreed in writing; link the written proof with --evidence (add it first with: xieshang evidence add), or log the written message itself',
      {
        field: 'state',
        messageZh:
          '“已书面达成”需要书面证明：请先用 xieshang evidence add 添加协议、邮件或截图，再用 --evidence 关联；口头同意不算',
      },
    );
  return target;
}

/**
 * Inside the log's transaction: the lender's state before the contact and, when the contact
 * names a target, the move to it (refused when ALLOWED does not list it).
 */
async function moveState(
  repo: ReturnType<typeof createContactRepository>,
  caseId: CaseId,
  contact: Contact,
  lender: Lender | null,
  target: NegotiationState | null,
): Promise<{ before: NegotiationState | null; after: NegotiationState | null }> {
  let before: NegotiationState | null = null;
  if (lender !== null) before = (await repo.state(caseId, lender.id))?.state ?? 'not-contacted';
  if (target !== null && before !== null) {
    if (!ALLOWED[before].includes(target))
      throw new AppError(
        'transition-not-allowed',
        `state: cannot move from ${before} to ${target}`,
        {
          field: 'state',
          messageZh: `协商状态不能从“${NEGOTIATION_STATE_ZH[before]}”变为“${NEGOTIATION_STATE_ZH[target]}”`,
          details: { from: before, to: target, allowed: ALLOWED[before] },
        },
      );
    await repo.setState(caseId, {
      lenderId: lender!.id,
      state: target,
      contactId: contact.id,
      updatedAt: contact.createdAt,
    });
  }
  return { before, after: target ?? before };
}

/**
 * Logs one contact. Validates everything first; the contact, the evidence links, the state move
 * and the ledger entry are one transaction. Moving to 'agreed' needs it in writing: a written
 * channel or linked evidence.
 */
export async function logContact(deps: Deps, input: LogContactInput): Promise<LogContactResult> {
  const { fields, lender } = await validateContactFields(deps, input);
  const evidenceIds = [...new Set(input.evidenceIds ?? [])];
  await assertEvidenceInCase(deps, input.caseId, evidenceIds);
  const target = parseTargetState(input.state, lender, fields.channel, evidenceIds);
  const contact: Contact = {
    id: deps.ids.next(),
    caseId: input.caseId,
    ...fields,
    createdAt: deps.clock.now(),
  };
  const { result, entry } = await withLedgerEntry(deps, input.caseId, async (trx) => {
    const repo = createContactRepository(trx);
    await repo.insert(contact);
    for (const id of evidenceIds)
      await createEvidenceRepository(trx).linkContact(input.caseId, id, contact.id);
    const { before, after } = await moveState(repo, input.caseId, contact, lender, target);
    return {
      result: { before, after },
      entry: {
        objectHash: null,
        kind: 'contact-logged',
        meta: {
          contact: contactMeta(contact),
          evidenceIds,
          stateBefore: before,
          stateAfter: after,
        },
      },
    };
  });

  const flags = checkConduct([toConductContact(contact, lender)]);
  return { contact, stateBefore: result.before, stateAfter: result.after, entry, flags };
}

export async function listContacts(
  deps: Deps,
  caseId: CaseId,
  filter: { lender?: string } = {},
): Promise<Contact[]> {
  const lenderId = filter.lender
    ? (await resolveLender(deps, caseId, filter.lender)).id
    : undefined;
  return createContactRepository(deps.db).list(caseId, lenderId === undefined ? {} : { lenderId });
}

export interface LenderNegotiation {
  lender: Lender;
  state: NegotiationState;
  since: string | null;
  contactId: string | null;
}

/**
 * Every lender of the case (or the one named: id, name or brand) with its negotiation state
 * ('not-contacted' when none logged).
 */
export async function listNegotiationStates(
  deps: Deps,
  caseId: CaseId,
  filter: { lender?: string } = {},
): Promise<LenderNegotiation[]> {
  const lenders =
    filter.lender === undefined
      ? await createLenderRepository(deps.db).list(caseId)
      : [await resolveLender(deps, caseId, filter.lender)];
  const states = new Map(
    (await createContactRepository(deps.db).states(caseId)).map((s) => [s.lenderId, s]),
  );
  return lenders.map((l) => {
    const s = states.get(l.id);
    return {
      lender: l,
      state: s?.state ?? 'not-contacted',
      since: s?.updatedAt ?? null,
      contactId: s?.contactId ?? null,
    };
  });
}

export function toConductContact(c: Contact, lender: Lender | null | undefined): ConductContact {
  return {
    id: c.id,
    lenderId: c.lenderId,
    lenderName: lender ? (lender.brand ?? lender.name) : null,
    lenderType: lender?.lenderType ?? 'unknown',
    occurredAt: c.occurredAt,
    channel: c.channel,
    direction: c.direction,
    thirdParty: c.thirdParty,
    tags: c.tags,
    text: [c.asked, c.offered, c.promises, c.notes].filter((x) => x !== null).join('\n'),
  };
}

/** Runs the conduct checker over the whole contact log of a case (or one lender's). */
export async function checkCaseConduct(
  deps: Deps,
  caseId: CaseId,
  filter: { lender?: string } = {},
): Promise<ConductFlag[]> {
  const contacts = await listContacts(deps, caseId, filter);
  const lenders = new Map(
    (await createLenderRepository(deps.db).list(caseId)).map((l) => [l.id as string, l]),
  );
  return checkConduct(
    contacts.map((c) => toConductContact(c, c.lenderId === null ? null : lenders.get(c.lenderId))),
  );
}

// Use cases for escalation (F10): record a complaint / dispute / mediation / legal-aid request
// with its follow-up date and its letter, list what is due, edit and remove. The channel guide
// and a recorded escalation's letter are escalation-letters.ts.
import { addDays, daysBetween, parseDateInput, type IsoDate } from '../core/dates/index.js';
import { createContactRepository } from '../db/repositories/contacts-repository.js';
import {
  ESCALATION_STATUSES,
  createEscalationRepository,
  type Escalation,
  type EscalationDispute,
  type EscalationStatus,
} from '../db/repositories/escalations-repository.js';
import { createEventRepository } from '../db/repositories/event-repository.js';
import { createLenderRepository } from '../db/repositories/lender-repository.js';
import {
  CHANNELS,
  isChannelId,
  missingFor,
  type CaseInput,
  type ChannelId,
  type DocFormat,
  type Lang,
} from '../documents/index.js';
import type { CaseId } from '../db/types.js';
import { resolveCase } from './cases.js';
import { letterKindFor, NO_DEBTS_OK } from './escalation-letters.js';
import type { Deps } from './deps.js';
import { findLender, loadLetterCase } from './documents/case.js';
import { todayIn } from './today.js';
import {
  parseChannel,
  parseDocFormat,
  renderLetter,
  type RenderedLetter,
} from './documents/documents.js';
import { AppError, isAppError } from './errors.js';
import { writeTransaction } from '../db/transaction.js';
import { enrichLetterCase } from './documents/letter-extras.js';
import { recordRemoval, takeSnapshot } from './undo.js';
import { previousStateOf, restoreStateBefore } from './escalation-state.js';

export { ESCALATION_STATUSES, type Escalation, type EscalationStatus };

/** The disputed credit-report entry as typed (CLI flags or the web form); all optional. */
export interface DisputeInput {
  institution?: string | null | undefined;
  account?: string | null | undefined;
  wrong?: string | null | undefined;
  correct?: string | null | undefined;
}

/** Channels whose letter is about a disputed credit-report entry and says nothing without it. */
// (a PBOC complaint may instead rest on a credit dispute already recorded for the lender)
const NEEDS_DISPUTE: readonly ChannelId[] = ['credit-dispute'];

function parseDispute(d: DisputeInput | undefined): EscalationDispute | null {
  if (d === undefined) return null;
  const clean = (v: string | null | undefined, field: string, zh: string, max: number) => {
    const t = v?.trim() ?? '';
    if (t.length > max)
      throw new AppError('invalid-input', `${field}: at most ${max} characters`, {
        field,
        messageZh: `${zh}最多 ${max} 个字`,
      });
    return t === '' ? null : t;
  };
  const r = {
    institution: clean(d.institution, 'dispute-institution', '数据报送机构', 200),
    account: clean(d.account, 'dispute-account', '账户', 100),
    wrong: clean(d.wrong, 'dispute-wrong', '错误记载', 1000),
    correct: clean(d.correct, 'dispute-correct', '应记载为', 1000),
  };
  return Object.values(r).every((v) => v === null) ? null : r;
}

export interface RecordEscalationInput {
  caseId?: string;
  lender: string;
  channel: string;
  sentOn?: string;
  reference?: string;
  notes?: string;
  /** the disputed credit-report entry (credit-dispute, pboc-complaint) */
  dispute?: DisputeInput;
  /** render the letter too (default true) */
  letter?: { format: string; lang: Lang } | null;
  /** who did it, for the event log ('cli' / 'web') */
  actor?: string;
}

export interface RecordedEscalation {
  escalation: Escalation;
  letter: RenderedLetter | null;
  sha256: string | null;
}

/** An escalation being recorded: its lender, channel, sent date and dispute are known. */
type NewEscalation = Escalation & {
  caseId: CaseId;
  lenderId: string;
  channel: ChannelId;
  sentOn: IsoDate;
  dispute: EscalationDispute | null;
};

/** The day it was sent: today when not given, never in the future. */
function parseSentOn(text: string | undefined, today: IsoDate): IsoDate {
  let sentOn: IsoDate = today;
  if (text !== undefined) {
    const d = parseDateInput(text, 'sent-on');
    if (!d.ok) throw AppError.fromIssue(d.error);
    sentOn = d.value;
  }
  if (daysBetween(today, sentOn) > 0)
    throw new AppError('invalid-date', `sent-on ${sentOn} is in the future`, {
      field: 'sent-on',
      messageZh: `发送日期 ${sentOn} 晚于今天`,
    });
  return sentOn;
}

/** A credit dispute must say what the report wrongly records. */
function assertDisputeGiven(channel: ChannelId, dispute: EscalationDispute | null): void {
  if (NEEDS_DISPUTE.includes(channel) && !dispute?.wrong)
    throw new AppError(
      'invalid-input',
      'dispute-wrong: say what the credit report wrongly records (e.g. --dispute-wrong "2026年9月 逾期"); a dispute with nothing disputed cannot be written',
      {
        field: 'dispute-wrong',
        messageZh:
          '请先写明征信报告中哪条记载有误（--dispute-wrong，网页“报告中的错误记载”），最好同时填写数据报送机构、账户和应记载为；没有异议内容无法生成异议申请',
      },
    );
}

/**
 * The channel's letter for the draft, checked before anything is written: a letter with nothing
 * to say is refused even when only recording (the web asks for the letter later). Null when no
 * letter is wanted now; a lender with no debts recorded may then still be recorded.
 */
async function draftLetter(
  deps: Deps,
  draft: NewEscalation,
  letter: { format: DocFormat | null; lang: Lang },
): Promise<RenderedLetter | null> {
  const { channel } = draft;
  let full: CaseInput | undefined;
  try {
    const c = await loadLetterCase(deps, {
      caseId: draft.caseId,
      lender: draft.lenderId,
      asOf: draft.sentOn,
      allowNoDebts: NO_DEBTS_OK.includes(channel),
    });
    full = await enrichLetterCase(deps, c, {
      caseId: draft.caseId,
      lenderId: draft.lenderId,
      escalation: draft,
    });
  } catch (e) {
    // only recording (no letter now) is allowed for a lender with no debts recorded
    if (letter.format !== null || !isAppError(e) || e.code !== 'not-found') throw e;
  }
  const kind = letterKindFor(channel);
  if (full !== undefined && missingFor(kind, full).length > 0)
    // same refusal as renderLetter, also when only recording (the web asks for the letter later)
    await renderLetter(full, { kind, format: 'md', lang: letter.lang, channel });
  if (letter.format === null || full === undefined) return null;
  return renderLetter(full, { kind, format: letter.format, lang: letter.lang, channel });
}

/**
 * One transaction: the letter's document row (when rendered), the escalation, the lender's
 * negotiation state 'escalated' and the 'escalation.add' event.
 */
async function writeEscalation(
  deps: Deps,
  escalation: NewEscalation,
  letter: RenderedLetter | null,
  sha256: string | null,
  actor: string | undefined,
): Promise<void> {
  const now = escalation.createdAt;
  await writeTransaction(deps.db, async (trx) => {
    if (letter !== null && sha256 !== null) {
      escalation.documentId = deps.ids.next();
      await trx
        .insertInto('documents')
        .values({
          id: escalation.documentId,
          case_id: escalation.caseId,
          kind: letter.kind,
          lender_id: escalation.lenderId,
          format: letter.format,
          lang: letter.doc.lang,
          file_name: `${letter.doc.title}.${letter.format}`,
          sha256,
          size_bytes: letter.bytes.length,
          created_at: now,
        })
        .execute();
    }
    await createEscalationRepository(trx).insert(escalation);
    // the state it leaves is kept with the event, so removing the escalation can put it back
    const previous = await previousStateOf(trx, escalation.caseId, escalation.lenderId);
    await createContactRepository(trx).setState(escalation.caseId, {
      lenderId: escalation.lenderId,
      state: 'escalated',
      contactId: null,
      updatedAt: now,
    });
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId: escalation.caseId,
      at: now,
      actor: actor ?? 'cli',
      action: 'escalation.add',
      subject: escalation.id,
      details: {
        channel: escalation.channel,
        lenderId: escalation.lenderId,
        sentOn: escalation.sentOn,
        chaseOn: escalation.chaseOn,
        ...(escalation.dispute === null ? {} : { dispute: escalation.dispute }),
        ...previous,
      },
    });
  });
}

/**
 * Records the escalation (status 'sent', chase date = sent date + the channel's follow-up days),
 * marks the lender 'escalated', and renders the channel's letter. One transaction.
 */
export async function recordEscalation(
  deps: Deps,
  input: RecordEscalationInput,
): Promise<RecordedEscalation> {
  const channel = parseChannel(input.channel);
  const kase = await resolveCase(deps, input.caseId);
  const lender = await findLender(deps, kase.id, input.lender);
  const sentOn = parseSentOn(input.sentOn, todayIn(deps));
  const dispute = parseDispute(input.dispute);
  assertDisputeGiven(channel, dispute);
  const format: DocFormat | null =
    input.letter === null ? null : parseDocFormat(input.letter?.format ?? 'docx');
  const now = deps.clock.now();
  const escalation: NewEscalation = {
    id: deps.ids.next(),
    caseId: kase.id,
    lenderId: lender.id,
    channel,
    sentOn,
    reference: input.reference?.trim() || null,
    chaseOn: addDays(sentOn, CHANNELS[channel].followUpDays),
    status: 'sent',
    documentId: null,
    notes: input.notes?.trim() || null,
    createdAt: now,
    updatedAt: now,
    revision: 0,
    dispute,
  };
  const letter = await draftLetter(deps, escalation, { format, lang: input.letter?.lang ?? 'zh' });
  const sha256 = letter === null ? null : deps.crypto.sha256().update(letter.bytes).digest();
  await writeEscalation(deps, escalation, letter, sha256, input.actor);
  return { escalation, letter, sha256 };
}

export interface EscalationView extends Escalation {
  lenderName: string | null;
  /** days until chaseOn from asOf; negative when overdue; null when no chase date or not open */
  daysLeft: number | null;
  isOpen: boolean;
}

const OPEN: readonly EscalationStatus[] = ['draft', 'sent', 'acknowledged'];

export async function listEscalations(
  deps: Deps,
  opts: { caseId?: string; asOf?: IsoDate } = {},
): Promise<EscalationView[]> {
  const kase = await resolveCase(deps, opts.caseId);
  const asOf = opts.asOf ?? todayIn(deps);
  const lenders = new Map<string, string>(
    (await createLenderRepository(deps.db).list(kase.id)).map((l) => [l.id, l.brand ?? l.name]),
  );
  return (await createEscalationRepository(deps.db).list(kase.id)).map((e) => {
    const isOpen = OPEN.includes(e.status);
    return {
      ...e,
      lenderName: e.lenderId === null ? null : (lenders.get(e.lenderId) ?? null),
      isOpen,
      daysLeft: isOpen && e.chaseOn !== null ? daysBetween(asOf, e.chaseOn) : null,
    };
  });
}

/** Trims typed text; '' clears the value (null), undefined leaves it as is. */
function cleanText(v: string | null | undefined): string | null | undefined {
  return v === undefined ? undefined : v === null ? null : v.trim() || null;
}

/** A typed date for an escalation edit: '' or null clears it, undefined leaves it; never future. */
function editDate(
  v: string | null | undefined,
  field: 'sent-on' | 'chase-on',
  today: IsoDate,
): IsoDate | null | undefined {
  if (v === undefined) return undefined;
  if (v === null || v.trim() === '') return null;
  const d = parseDateInput(v, field);
  if (!d.ok) throw AppError.fromIssue(d.error);
  if (field === 'sent-on' && daysBetween(today, d.value) > 0)
    throw new AppError('invalid-date', `sent-on ${d.value} is in the future`, {
      field,
      messageZh: `发送日期 ${d.value} 晚于今天`,
    });
  return d.value;
}

export interface EscalationEdit {
  caseId?: string;
  id: string;
  status?: string | undefined;
  reference?: string | null | undefined;
  notes?: string | null | undefined;
  /** the day it was sent; a new one moves the follow-up date with it (unless chaseOn is given) */
  sentOn?: string | null | undefined;
  /** the follow-up date, when the channel named its own */
  chaseOn?: string | null | undefined;
  actor?: string;
}

function checkEdit(input: EscalationEdit): void {
  if (
    input.status !== undefined &&
    !(ESCALATION_STATUSES as readonly string[]).includes(input.status)
  )
    throw new AppError('invalid-input', `status must be one of ${ESCALATION_STATUSES.join(', ')}`, {
      field: 'status',
      messageZh: `状态只能是 ${ESCALATION_STATUSES.join('、')}`,
    });
  const fields = [input.status, input.reference, input.notes, input.sentOn, input.chaseOn];
  if (fields.every((f) => f === undefined))
    throw new AppError(
      'invalid-input',
      'nothing to change: give a status, reference, notes or a date',
      {
        field: 'status',
        messageZh: '没有要修改的内容：请给出状态、受理编号、备注或日期',
      },
    );
}

/**
 * Changes the status, the reference the channel gave, the notes and/or the dates of one
 * escalation, and logs the change. Any may be left out, but not all of them. A corrected sent
 * date moves the follow-up date by the channel's days, unless a follow-up date is given too.
 */
export async function setEscalationStatus(deps: Deps, input: EscalationEdit): Promise<Escalation> {
  checkEdit(input);
  const kase = await resolveCase(deps, input.caseId);
  const found = await findEscalation(deps, kase.id, input.id);
  const today = todayIn(deps);
  const sentOn = editDate(input.sentOn, 'sent-on', today);
  let chaseOn = editDate(input.chaseOn, 'chase-on', today);
  if (chaseOn === undefined && sentOn !== undefined && isChannelId(found.channel))
    chaseOn = sentOn === null ? null : addDays(sentOn, CHANNELS[found.channel].followUpDays);
  const status = (input.status as EscalationStatus | undefined) ?? found.status;
  const reference = cleanText(input.reference);
  const notes = cleanText(input.notes);
  const now = deps.clock.now();
  await writeTransaction(deps.db, async (trx) => {
    await createEscalationRepository(trx).setStatus(kase.id, input.id, {
      status,
      updatedAt: now,
      ...(reference === undefined ? {} : { reference }),
      ...(notes === undefined ? {} : { notes }),
      ...(sentOn === undefined ? {} : { sentOn }),
      ...(chaseOn === undefined ? {} : { chaseOn }),
    });
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId: kase.id,
      at: now,
      actor: input.actor ?? 'cli',
      action: 'escalation.update',
      subject: input.id,
      details: {
        from: found.status,
        status,
        ...(sentOn === undefined ? {} : { sentOn }),
        ...(chaseOn === undefined ? {} : { chaseOn }),
      },
    });
  });
  return findEscalation(deps, kase.id, input.id);
}

async function findEscalation(deps: Deps, caseId: string, id: string): Promise<Escalation> {
  const found = await createEscalationRepository(deps.db).get(caseId, id);
  if (found === undefined)
    throw new AppError('not-found', `no escalation ${id}`, {
      field: 'id',
      messageZh: `没有编号为 ${id} 的投诉记录`,
    });
  return found;
}

/**
 * Deletes one escalation record (a complaint logged by mistake, or twice). Its row is kept in the
 * 'escalation.remove' event, so `undoRemoval` can put it back; the letter already made stays in
 * the documents table. Returns the record and the undo id.
 */
export async function removeEscalation(
  deps: Deps,
  input: { caseId?: string; id: string },
): Promise<{ escalation: Escalation; undoId: string }> {
  const kase = await resolveCase(deps, input.caseId);
  return writeTransaction(deps.db, async (trx) => {
    const escalation = await createEscalationRepository(trx).get(kase.id, input.id);
    if (escalation === undefined)
      throw new AppError('not-found', `no escalation ${input.id}`, {
        field: 'id',
        messageZh: `没有编号为 ${input.id} 的投诉记录`,
      });
    const snapshot = await takeSnapshot(trx, kase.id, [
      { table: 'escalations', column: 'id', values: [escalation.id] },
    ]);
    const stateAtRemoval = await restoreStateBefore(trx, kase.id, escalation, deps.clock.now());
    await trx
      .deleteFrom('escalations')
      .where('case_id', '=', kase.id)
      .where('id', '=', escalation.id)
      .execute();
    const undoId = await recordRemoval(trx, deps, kase.id, {
      action: 'escalation.remove',
      subject: escalation.id,
      summary: {
        channel: escalation.channel,
        lenderId: escalation.lenderId,
        ...(stateAtRemoval === null ? {} : { stateAtRemoval }),
      },
      snapshot,
    });
    return { escalation, undoId };
  });
}

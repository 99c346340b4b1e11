// Use cases for agreements (F11): record an agreement, record payments matched to its
// installments, and report each installment's status and the progress per lender and overall.
import {
  agreementProgress,
  agreementStatus,
  overallProgress,
  type AgreementStatus,
  type Progress,
} from '../../core/agreement/index.js';
import { addDays, type IsoDate } from '../../core/dates/index.js';
import { todayIn } from '../today.js';
import { citeProvision, findProvision } from '../../core/law/index.js';
import { formatMoney, type Cents } from '../../core/money/index.js';
import {
  createAgreementRepository,
  type Agreement,
  type AgreementPayment,
} from '../../db/repositories/agreements-repository.js';
import { createEventRepository } from '../../db/repositories/event-repository.js';
import { createEvidenceRepository } from '../../db/repositories/evidence-repository.js';
import { createLenderRepository } from '../../db/repositories/lender-repository.js';
import type { CaseId, Lender } from '../../db/types.js';
import { parseAgreementInput, parseDateField, type AgreementDraft } from './input.js';
import { parseLenderType } from '../debt-input.js';
import { findDebt } from '../debts.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { findLender, lenderNotFound } from '../lenders.js';
import { writeWithinCaseTotal } from '../case-limits.js';

export type { Agreement, AgreementPayment };

/** Defaults for statuses: 'due-soon' within 7 days; 'late' up to 3 days after the due date. */
export const DEFAULT_DUE_SOON_DAYS = 7;
export const DEFAULT_GRACE_DAYS = 3;

export interface StatusOptions {
  asOf: IsoDate;
  dueSoonDays?: number;
  graceDays?: number;
}

export interface AgreementWarning {
  code: 'not-confirmed-in-writing' | 'no-payment-channel';
  message: string;
  messageZh: string;
}

// the one "today" (app/today.ts), re-exported for the modules that import it from here
export { todayIn };

/** `--as-of` when given (validated), else today. */
export function asOfOrToday(deps: Deps, text: string | undefined): IsoDate {
  return text === undefined ? todayIn(deps) : parseDateField(text, 'as-of');
}

export function agreementWarnings(
  a: Pick<Agreement, 'isConfirmedInWriting' | 'paymentChannel' | 'payToAccount'>,
): AgreementWarning[] {
  const out: AgreementWarning[] = [];
  if (!a.isConfirmedInWriting) {
    const id = 'credit-card-measures-70';
    const zhCite = findProvision(id)
      ? `（${citeProvision(id, 'zh')}所说的是签订的个性化分期还款协议）`
      : '';
    const enCite = findProvision(id)
      ? ` (${citeProvision(id, 'en')} speaks of a signed personalised installment agreement)`
      : '';
    out.push({
      code: 'not-confirmed-in-writing',
      message: `This agreement is not confirmed in writing. Ask the lender for a written agreement or at least a confirmation message, and keep it as evidence${enCite}; an oral promise is hard to prove if collection resumes.`,
      messageZh: `这份协议还没有书面确认。请向对方索取书面协议或至少一条确认短信/App 消息，并存入证据库${zhCite}；仅有口头承诺，一旦对方恢复催收很难证明。`,
    });
  }
  if (a.paymentChannel === null || a.payToAccount === null)
    out.push({
      code: 'no-payment-channel',
      message:
        'Record how and to which account to pay (paymentChannel, payToAccount); never pay a private account a collector names.',
      messageZh:
        '请记录还款方式和收款账户（paymentChannel、payToAccount）；不要向催收人员指定的个人账户转账。',
    });
  return out;
}

/** Refuses an evidence id that is not in the case (`field` names where it was given). */
export async function checkEvidence(
  deps: Deps,
  caseId: string,
  id: string | null,
  field: string,
): Promise<void> {
  if (id === null) return;
  if ((await createEvidenceRepository(deps.db).get(caseId, id)) === null)
    throw new AppError(
      'not-found',
      `${field}: evidence item ${id} is not in this case (add it with: xieshang evidence add)`,
      {
        field,
        messageZh: `${field}：本案件中没有证据 ${id}（可用 xieshang evidence add 添加）`,
      },
    );
}

/**
 * Records an agreement with a lender (by id, name or brand; created when the input also gives
 * `lenderType`). Validates everything first; writes the agreement, its installments and an
 * audit event in one transaction.
 */
export async function addAgreement(
  deps: Deps,
  caseId: CaseId,
  input: { lender?: string; raw: unknown },
): Promise<{ agreement: Agreement; warnings: AgreementWarning[] }> {
  const draft = parseAgreementInput(input.raw);
  const party = await agreementLender(deps, caseId, input.lender ?? draft.lender, draft);
  const debtId = draft.debt === null ? null : (await findDebt(deps.db, caseId, draft.debt)).id;
  await checkEvidence(deps, caseId, draft.documentEvidenceId, 'documentEvidenceId');
  await checkEvidence(deps, caseId, draft.confirmationEvidenceId, 'confirmationEvidenceId');
  const now = deps.clock.now();
  const id = deps.ids.next();
  return writeWithinCaseTotal(deps.db, caseId, 'total', async (trx) => {
    const lender =
      party.lender ??
      (await createLenderRepository(trx).insert({
        id: deps.ids.next(),
        caseId,
        name: party.ref,
        brand: draft.lenderBrand,
        lenderType: party.newLenderType!,
        channels: [],
        notes: null,
        createdAt: now,
      }));
    if (debtId !== null) {
      const debt = await findDebt(trx, caseId, debtId);
      if (debt.lenderId !== lender.id)
        throw new AppError('invalid-input', `debt: ${draft.debt} belongs to another lender`, {
          field: 'debt',
          messageZh: `debt：${draft.debt} 属于另一家债权人`,
        });
    }
    const repo = createAgreementRepository(trx);
    const installments = draft.installments.map((i) => ({ ...i, id: deps.ids.next() }));
    await repo.insert({
      id,
      caseId,
      lenderId: lender.id,
      debtId,
      agreedOn: draft.agreedOn,
      agentName: draft.agentName,
      agentNumber: draft.agentNumber,
      total: draft.installments.reduce((s, i) => s + i.amount, 0) as Cents,
      concessions: draft.concessions,
      paymentChannel: draft.paymentChannel,
      payToAccount: draft.payToAccount,
      isConfirmedInWriting: draft.isConfirmedInWriting,
      documentEvidenceId: draft.documentEvidenceId,
      confirmationEvidenceId: draft.confirmationEvidenceId,
      status: 'active',
      notes: draft.notes,
      createdAt: now,
      installments,
    });
    await createEventRepository(trx).append({
      id: deps.ids.next(),
      caseId,
      at: now,
      actor: 'user',
      action: 'agreement.add',
      subject: id,
      details: {
        lenderId: lender.id,
        installments: installments.length,
        total: formatMoney(draft.installments.reduce((s, i) => s + i.amount, 0) as Cents),
      },
    });
    const agreement = (await repo.get(caseId, id))!;
    return { agreement, warnings: agreementWarnings(agreement) };
  });
}

/**
 * The agreement's lender: the one recorded under `ref`, else (lender undefined) the type of the
 * new lender to create with the agreement, which the input must then give.
 */
async function agreementLender(
  deps: Deps,
  caseId: CaseId,
  ref: string | null | undefined,
  draft: AgreementDraft,
): Promise<{
  ref: string;
  lender: Lender | undefined;
  newLenderType: Lender['lenderType'] | null;
}> {
  if (ref === null || ref === undefined)
    throw new AppError('invalid-input', 'lender: required (--lender or "lender" in the file)', {
      field: 'lender',
      messageZh: 'lender：必填（--lender 或文件中的 "lender"）',
    });
  const lender = await findLender(deps.db, caseId, ref);
  if (lender !== undefined) return { ref, lender, newLenderType: null };
  if (draft.lenderType === null) throw lenderNotFound(ref);
  const t = parseLenderType(draft.lenderType, 'lenderType');
  if (t.value === undefined) throw AppError.fromIssue(t.issues[0]!);
  return { ref, lender: undefined, newLenderType: t.value };
}

/** An agreement by id, or the one active agreement with a lender (id, name or brand). */
export async function findAgreement(
  deps: Deps,
  caseId: CaseId,
  ref: { agreement?: string; lender?: string },
): Promise<Agreement> {
  const repo = createAgreementRepository(deps.db);
  if (ref.agreement !== undefined) {
    const a = await repo.get(caseId, ref.agreement);
    if (a === undefined)
      throw new AppError('not-found', `agreement ${ref.agreement} is not in this case`, {
        field: 'agreement',
        messageZh: `本案件中没有协议 ${ref.agreement}`,
      });
    return a;
  }
  if (ref.lender === undefined)
    throw new AppError('invalid-input', 'give --lender (or --agreement)', {
      field: 'lender',
      messageZh: '请用 --lender（或 --agreement）指定协议',
    });
  const lender = await findLender(deps.db, caseId, ref.lender);
  if (lender === undefined)
    throw new AppError(
      'not-found',
      `lender "${ref.lender}" is not in this case; no agreement to pay`,
      {
        field: 'lender',
        messageZh: `本案件中没有债权人“${ref.lender}”，也就没有可记账的协议（可用 xieshang agreement list 查看）`,
      },
    );
  const all = await repo.list(caseId, { lenderId: lender.id });
  const active = all.filter((a) => a.status === 'active');
  const pick = active.length > 0 ? active : all;
  if (pick.length === 0)
    throw new AppError(
      'not-found',
      `no agreement with ${lender.name} is recorded (add it with: xieshang agreement add)`,
      {
        field: 'lender',
        messageZh: `尚未记录与“${lender.name}”的还款协议（可用 xieshang agreement add 添加）`,
      },
    );
  if (pick.length > 1)
    throw new AppError(
      'invalid-input',
      `${lender.name} has ${pick.length} agreements; name one with --agreement`,
      {
        field: 'agreement',
        messageZh: `“${lender.name}”有 ${pick.length} 份协议，请用 --agreement 指定`,
        details: { agreements: pick.map((a) => a.id) },
      },
    );
  return pick[0]!;
}

export interface AgreementReport {
  agreement: Agreement;
  status: AgreementStatus;
  progress: Progress;
  payments: AgreementPayment[];
  warnings: AgreementWarning[];
}

function statusOptions(o: StatusOptions) {
  return {
    asOf: o.asOf,
    dueSoonDays: o.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    graceDays: o.graceDays ?? DEFAULT_GRACE_DAYS,
  };
}

export function reportOf(
  a: Agreement,
  payments: AgreementPayment[],
  o: StatusOptions,
): AgreementReport {
  const status = agreementStatus(a.installments, payments, statusOptions(o));
  return {
    agreement: a,
    status,
    progress: agreementProgress(status, o.asOf),
    payments,
    warnings: agreementWarnings(a),
  };
}

/** Every agreement of the case with statuses and progress as of `asOf`, plus the overall sum. */
export async function agreementReports(
  deps: Deps,
  caseId: CaseId,
  o: StatusOptions & { lender?: string },
): Promise<{ reports: AgreementReport[]; overall: ReturnType<typeof overallProgress> }> {
  const repo = createAgreementRepository(deps.db);
  let lenderId: string | undefined;
  if (o.lender !== undefined) {
    const l = await findLender(deps.db, caseId, o.lender);
    if (l === undefined) throw lenderNotFound(o.lender);
    lenderId = l.id;
  }
  const list = await repo.list(caseId, lenderId === undefined ? {} : { lenderId });
  const payments = await repo.listPayments(caseId);
  const reports = list
    .filter((a) => a.status !== 'superseded')
    .map((a) =>
      reportOf(
        a,
        payments.filter((p) => p.agreementId === a.id),
        o,
      ),
    );
  return { reports, overall: overallProgress(reports.map((r) => r.progress)) };
}

export interface DueItem {
  kind: 'installment' | 'escalation';
  date: IsoDate;
  lender: string | null;
  amount: Cents | null;
  agreementId: string | null;
  seq: number | null;
  status: string;
  channel: string | null;
  account: string | null;
  escalationId: string | null;
  /** the escalation channel (12378 …) or reference */
  what: string | null;
}

/** What to pay (and which escalations to chase) on or before asOf + days, overdue first. */
export async function dueItems(
  deps: Deps,
  caseId: CaseId,
  o: StatusOptions & { days: number },
): Promise<DueItem[]> {
  if (!Number.isInteger(o.days) || o.days < 0 || o.days > 366)
    throw new AppError('invalid-input', 'days: must be 0 to 366', {
      field: 'days',
      messageZh: 'days：应为 0 到 366',
    });
  const until = addDays(o.asOf, o.days);
  const { reports } = await agreementReports(deps, caseId, {
    ...o,
    dueSoonDays: o.dueSoonDays ?? o.days,
  });
  const items: DueItem[] = [];
  for (const r of reports)
    for (const s of r.status.installments)
      if (s.remaining > 0 && s.dueOn <= until)
        items.push({
          kind: 'installment',
          date: s.dueOn,
          lender: r.agreement.lenderBrand ?? r.agreement.lenderName,
          amount: s.remaining,
          agreementId: r.agreement.id,
          seq: s.seq,
          status: s.status,
          channel: r.agreement.paymentChannel,
          account: r.agreement.payToAccount,
          escalationId: null,
          what: null,
        });
  for (const e of await createAgreementRepository(deps.db).listEscalationDeadlines(caseId))
    if (e.chaseOn <= until)
      items.push({
        kind: 'escalation',
        date: e.chaseOn,
        lender: e.lenderName,
        amount: null,
        agreementId: null,
        seq: null,
        status: e.chaseOn < o.asOf ? 'overdue' : 'chase',
        channel: e.channel,
        account: null,
        escalationId: e.id,
        what: e.reference,
      });
  return items.sort((x, y) =>
    x.date === y.date
      ? x.kind === y.kind
        ? 0
        : x.kind === 'installment'
          ? -1
          : 1
      : x.date < y.date
        ? -1
        : 1,
  );
}

/** One agreement's report as of today; 404 when the case has no such agreement. */
export async function agreementReport(
  deps: Deps,
  caseId: CaseId,
  id: string,
): Promise<AgreementReport> {
  const r = (await agreementReports(deps, caseId, { asOf: todayIn(deps) })).reports.find(
    (x) => x.agreement.id === id,
  );
  if (r === undefined)
    throw new AppError('not-found', `agreement "${id}" is not in this case`, {
      field: 'id',
      messageZh: '没有这份协议',
    });
  return r;
}

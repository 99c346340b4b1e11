// The re-plan request as the web form sends it (`POST /api/agreements/replan` and its letter
// download): why the borrower asks (a miss, a risk, an income change), what they name and what
// they can pay. Checked against the case here, so the route only parses, calls and presents.
import type { ReplanReason } from '../../contracts/index.js';
import { parseDateInput, type IsoDate } from '../../core/dates/index.js';
import type { CaseId } from '../../db/types.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { findLender } from '../lenders.js';
import { agreementReports, todayIn } from './agreements.js';
import { parseMoneyField } from './input.js';
import { replanAgreements, type ReplanResult } from './replan.js';

/** What one re-plan depends on: the same inputs give the same plan and letters (POST and download). */
export interface ReplanInputs {
  caseId: CaseId;
  asOf: IsoDate;
  /** yuan as entered, checked above zero */
  capacity: string | undefined;
  lenderIds: string[];
  lang: 'zh' | 'en';
  /** the borrower's stated reason (the form's); absent for a letter download */
  reason?: ReplanReason;
}

export interface ReplanForm {
  reason: ReplanReason;
  agreementIds?: readonly string[] | undefined;
  lenderIds?: readonly string[] | undefined;
  capacity?: string | null | undefined;
  asOf?: string | null | undefined;
  lang?: 'zh' | 'en' | undefined;
}

export interface ReplanLetterRequest {
  asOf: string;
  capacity?: string | undefined;
  lenderIds: readonly string[];
  lang: 'zh' | 'en';
}

function invalid(field: string, en: string, zh: string): AppError {
  return new AppError('invalid-input', `${field}: ${en}`, { field, messageZh: zh });
}

function date(v: string, field: string): IsoDate {
  const r = parseDateInput(v, field);
  if (!r.ok) throw AppError.fromIssue(r.error);
  return r.value;
}

function capacityOf(s: string | null | undefined): string | undefined {
  if (s === undefined || s === null) return undefined;
  if (parseMoneyField(s, 'capacity') <= 0)
    throw invalid('capacity', 'must be above zero', '每月能还的金额必须大于 0');
  return s;
}

async function lenderIdsOf(deps: Deps, caseId: CaseId, refs: readonly string[]) {
  const ids: string[] = [];
  for (const ref of refs) {
    const l = await findLender(deps.db, caseId, ref);
    if (l === undefined)
      throw new AppError('not-found', `lenderIds: lender "${ref}" is not in this case`, {
        field: 'lenderIds',
        messageZh: `没有这家债主：“${ref}”`,
      });
    ids.push(l.id);
  }
  return ids;
}

/** The form checked against the case: dates exist, ids are known, the reason has what it needs. */
export async function checkReplanForm(
  deps: Deps,
  caseId: CaseId,
  f: ReplanForm,
): Promise<ReplanInputs> {
  const asOf = f.asOf ? date(f.asOf, 'asOf') : todayIn(deps);
  const capacity = capacityOf(f.capacity);
  const agreementIds = f.agreementIds ?? [];
  const named = await lenderIdsOf(deps, caseId, f.lenderIds ?? []);
  if (f.reason === 'income-changed' && capacity === undefined)
    throw invalid(
      'capacity',
      'give what you can pay each month now',
      '收入变了：请填写现在每月能还多少',
    );
  if (f.reason === 'at-risk' && agreementIds.length === 0 && named.length === 0)
    throw invalid(
      'agreementIds',
      'name the agreement (or lender) that is at risk',
      '请选择可能还不上的协议（或债主）',
    );
  const { reports } = await agreementReports(deps, caseId, { asOf });
  for (const id of agreementIds) {
    const r = reports.find((x) => x.agreement.id === id);
    if (r === undefined)
      throw new AppError('not-found', `agreementIds: agreement "${id}" is not in this case`, {
        field: 'agreementIds',
        messageZh: '没有这份协议',
      });
    if (r.agreement.status !== 'active' || r.progress.isComplete)
      throw invalid(
        'agreementIds',
        `agreement "${id}" is not running (paid off or ended): nothing to re-plan`,
        '这份协议已还清或已结束，无需重新协商',
      );
    named.push(r.agreement.lenderId);
  }
  return {
    caseId,
    asOf,
    capacity,
    lenderIds: [...new Set(named)],
    lang: f.lang ?? 'zh',
    reason: f.reason,
  };
}

/** The letter download's query: the inputs of the POST it came from. */
export async function checkReplanLetterRequest(
  deps: Deps,
  caseId: CaseId,
  q: ReplanLetterRequest,
): Promise<ReplanInputs> {
  return {
    caseId,
    asOf: date(q.asOf, 'asOf'),
    capacity: capacityOf(q.capacity),
    lenderIds: await lenderIdsOf(deps, caseId, q.lenderIds),
    lang: q.lang,
  };
}

/** Runs the re-plan for checked inputs, with its letters in `format`. */
export function replanFromInputs(
  deps: Deps,
  i: ReplanInputs,
  format: 'docx' | 'html' | 'md',
): Promise<ReplanResult> {
  return replanAgreements(deps, i.caseId, {
    asOf: i.asOf,
    ...(i.capacity === undefined ? {} : { capacity: i.capacity }),
    lenders: i.lenderIds,
    lang: i.lang,
    format,
    ...(i.reason === undefined ? {} : { reason: i.reason }),
  });
}

/** The re-plan's letter for one agreement; 404 when that agreement is not in the re-plan. */
export function replanLetterFor<L>(
  r: { asks: { agreementId: string }[]; letters: L[] },
  agreementId: string,
): L {
  const letter = r.letters[r.asks.findIndex((a) => a.agreementId === agreementId)];
  if (letter === undefined)
    throw new AppError(
      'not-found',
      `agreementId: agreement "${agreementId}" is not in this re-plan`,
      {
        field: 'agreementId',
        messageZh: '这份协议不在本次重新协商的方案中',
      },
    );
  return letter;
}

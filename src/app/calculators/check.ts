// `check`: is one loan's price legal? The input parser, the run and the JSON shape shared by
// `xieshang check --json` and `POST /api/check`.
import type { DatedFlow } from '../../core/apr/index.js';
import { parseIsoDate, type IsoDate } from '../../core/dates/index.js';
import {
  checkLegality,
  LENDER_TYPES,
  type LegalityReport,
  type LenderType,
} from '../../core/law/index.js';
import { formatYuan, parseCents, type Cents } from '../../core/money/index.js';
import { AppError } from '../errors.js';
import { bad, expectObject, fail, readDatedFlow } from '../json-input.js';

export interface CheckRequest {
  lenderType: LenderType;
  contractDate: IsoDate;
  contractPrincipal: Cents;
  cashflows: DatedFlow[];
  asOf?: IsoDate;
}

const MAX_FLOWS = 10_000;

/** Validates the `check` JSON input, naming the first bad field (throws AppError). */
export function parseCheckRequest(raw: unknown): CheckRequest {
  const o = expectObject(raw);
  const lt = o['lenderType'] ?? 'unknown';
  if (typeof lt !== 'string' || !(LENDER_TYPES as readonly string[]).includes(lt))
    bad(
      'lenderType',
      `"${String(lt)}" is not one of ${LENDER_TYPES.join(', ')}`,
      `“${String(lt)}”不是有效的出借人类型（${LENDER_TYPES.join('、')}）`,
    );
  const contractDate = parseIsoDate(o['contractDate'], 'contractDate');
  if (!contractDate.ok) fail(contractDate.error);
  const principal = parseCents(o['contractPrincipal'] as string, 'contractPrincipal');
  if (!principal.ok) fail(principal.error);
  const flowsRaw = o['cashflows'];
  if (!Array.isArray(flowsRaw) || flowsRaw.length === 0)
    bad(
      'cashflows',
      'expected a non-empty list of {"date","amount"}',
      '应为非空的 {"date","amount"} 列表',
    );
  if (flowsRaw.length > MAX_FLOWS)
    bad('cashflows', `more than ${MAX_FLOWS} flows`, `超过 ${MAX_FLOWS} 笔`);
  const cashflows = flowsRaw.map((f: unknown, i): DatedFlow => {
    const field = `cashflows[${i}]`;
    if (typeof f !== 'object' || f === null)
      bad(field, 'expected {"date","amount"}', '应为 {"date","amount"}');
    return readDatedFlow(f as Record<string, unknown>, field);
  });
  const req: CheckRequest = {
    lenderType: lt as LenderType,
    contractDate: contractDate.value,
    contractPrincipal: principal.value,
    cashflows,
  };
  if (o['asOf'] !== undefined) {
    const asOf = parseIsoDate(o['asOf'], 'asOf');
    if (!asOf.ok) fail(asOf.error);
    req.asOf = asOf.value;
  }
  return req;
}

/** Runs the legality check, turning core issues into AppErrors. */
export function runCheck(req: CheckRequest): LegalityReport {
  const r = checkLegality(
    {
      lenderType: req.lenderType,
      contractDate: req.contractDate,
      contractPrincipal: req.contractPrincipal,
      cashflows: req.cashflows,
    },
    req.asOf,
  );
  if (!r.ok) {
    const e = r.error;
    throw AppError.fromIssue(e, 'rates' in e ? { rates: e.rates } : undefined);
  }
  return r.value;
}

/** The JSON shape of `xieshang check --json`: money as yuan strings, rates as decimal fractions. */
export function toCheckJson(req: CheckRequest, rep: LegalityReport): Record<string, unknown> {
  return {
    lenderType: req.lenderType,
    contractDate: req.contractDate,
    asOf: rep.asOf,
    nominalApr: rep.nominalApr,
    effectiveAnnualRate: rep.effectiveAnnualRate,
    contractPrincipal: formatYuan(req.contractPrincipal),
    principalReceived: formatYuan(rep.principalReceived),
    upfrontDeduction: formatYuan(rep.upfrontDeduction),
    verdicts: rep.verdicts.map((v) => ({
      rule: v.rule,
      limit: v.limit,
      exceeded: v.exceeded,
      source: v.source,
      certainty: v.certainty,
      noteZh: v.noteZh,
      noteEn: v.noteEn,
    })),
    recalculation:
      rep.recalculation === null
        ? null
        : {
            line: rep.recalculation.line,
            limit: rep.recalculation.limit,
            outstanding: formatYuan(rep.recalculation.outstanding),
            overpaid: formatYuan(rep.recalculation.overpaid),
            interestAtLine: formatYuan(rep.recalculation.interestAtLine),
          },
    unconfirmedRules: rep.unconfirmedRules,
  };
}

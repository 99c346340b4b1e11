import { solveDatedApr, type AprIssue, type DatedFlow } from '../apr/index.js';
import { compareDates, daysBetween, maxDate, minDate, type IsoDate } from '../dates/index.js';
import { cents, divRound, formatMoney, type Cents } from '../money/index.js';
import { formatPercent, PPM, type RatePpm } from '../rates/index.js';
import { err, ok, type FieldIssue, type Result } from '../result.js';
import { applicableLines, recalculationLine } from './lines.js';
import { citeProvision } from './provisions.js';
import type { LegalityInput, LegalityReport, RateLine, Recalculation, Verdict } from './types.js';

/**
 * A rate within 0.005 percentage points of a line counts as at the line, not above it: installments
 * rounded to the fen lift a loan priced exactly at 24 % to a computed 24.0002 %, and a verdict of
 * "above 24 %" beside an APR shown as "24.00%" would be wrong (see legality.test.ts, "at the line").
 */
const AT_LINE_TOLERANCE = 5e-5;

/** Flows on one date add up (as in core/apr); the result is sorted by date, zero-sum dates dropped. */
export function netFlowsByDate(flows: readonly DatedFlow[]): DatedFlow[] {
  const byDate = new Map<IsoDate, number>();
  for (const f of flows) byDate.set(f.date, (byDate.get(f.date) ?? 0) + f.amount);
  return [...byDate.entries()]
    .filter(([, a]) => a !== 0)
    .sort(([a], [b]) => compareDates(a, b))
    .map(([date, amount]) => ({ date, amount: cents(amount) }));
}

/**
 * The principal actually received (民法典 第670条; 民间借贷规定 第26条): the sum of the net
 * positive flows dated before the first net payment. A fee paid on the day of the draw is netted
 * against it, so “10,000 lent, 2,000 service fee withheld the same day” gives 8,000.
 */
export function principalActuallyReceived(flows: readonly DatedFlow[]): Cents {
  return receivedOfNetted(netFlowsByDate(flows));
}

/** principalActuallyReceived of flows already netted by date (checkLegality nets once). */
function receivedOfNetted(netted: readonly DatedFlow[]): Cents {
  let sum = 0;
  for (const f of netted) {
    if (f.amount < 0) break;
    sum += f.amount;
  }
  return cents(sum);
}

type Segments = readonly { from: IsoDate; ppm: RatePpm }[];

/** Σ ppm × days over [a, b) for a piecewise-constant annual rate (before the first segment: its rate). */
function rateDays(segments: Segments, a: IsoDate, b: IsoDate): bigint {
  let total = 0n;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const start = i === 0 ? a : maxDate(a, seg.from);
    const next = segments[i + 1];
    const end = next === undefined ? b : minDate(b, next.from);
    const days = daysBetween(start, end);
    if (days > 0) total += BigInt(seg.ppm) * BigInt(days);
  }
  return total;
}

export interface RecalculationInput {
  flows: readonly DatedFlow[];
  line: Pick<RateLine, 'id' | 'limitPpm' | 'segments'>;
  asOf: IsoDate;
}

/**
 * Court-style recalculation at a legal line: from the principal actually received on its date,
 * accrue SIMPLE interest at the line (actual/365; never on unpaid interest) between the real flow
 * dates; at each payment date round the accrued interest half-up to the fen, then apply the payment
 * to interest first, then principal (民法典 第561条); anything beyond is overpaid. A later draw first
 * offsets any overpayment. At `asOf` (on/after the last flow) the interest accrued since the last
 * payment is rounded half-up and added to what is owed. Never both outstanding and overpaid.
 */
export function recalculateAtLine(input: RecalculationInput): Recalculation {
  return recalculateNetted(netFlowsByDate(input.flows), input.line, input.asOf);
}

/** recalculateAtLine over flows already netted by date (netting is idempotent). */
function recalculateNetted(
  flows: readonly DatedFlow[],
  line: RecalculationInput['line'],
  asOf: IsoDate,
): Recalculation {
  const input = { line, asOf };
  const segments: Segments = input.line.segments ?? [
    { from: flows[0]?.date ?? input.asOf, ppm: input.line.limitPpm },
  ];
  const DEN = BigInt(PPM) * 365n;
  let principal = 0n;
  let unpaidInterest = 0n;
  let accruedNum = 0n; // fen × ppm × days, not yet rounded
  let overpaid = 0n;
  let totalInterest = 0n;
  let last: IsoDate | null = null;

  const accrueTo = (d: IsoDate) => {
    if (last !== null && principal > 0n) accruedNum += principal * rateDays(segments, last, d);
    last = d;
  };
  const crystallize = () => {
    // rounding: halfUp to the fen, once per payment date (and once at asOf)
    const fen = divRound(accruedNum, DEN, 'halfUp');
    accruedNum = 0n;
    unpaidInterest += fen;
    totalInterest += fen;
  };

  for (const f of flows) {
    accrueTo(f.date);
    const amount = BigInt(f.amount);
    if (amount > 0n) {
      const offset = amount < overpaid ? amount : overpaid;
      overpaid -= offset;
      principal += amount - offset;
    } else {
      crystallize();
      let pay = -amount;
      const toInterest = pay < unpaidInterest ? pay : unpaidInterest;
      unpaidInterest -= toInterest;
      pay -= toInterest;
      const toPrincipal = pay < principal ? pay : principal;
      principal -= toPrincipal;
      pay -= toPrincipal;
      overpaid += pay;
    }
  }
  accrueTo(input.asOf);
  crystallize();
  const lastSeg = segments[segments.length - 1]!;
  return {
    line: input.line.id,
    limit: lastSeg.ppm / PPM,
    outstanding: cents(principal + unpaidInterest),
    overpaid: cents(overpaid),
    interestAtLine: cents(totalInterest),
  };
}

function verdictFor(line: RateLine, nominalApr: number): Verdict {
  const limit = line.limitPpm / PPM;
  const exceeded = nominalApr > limit + AT_LINE_TOLERANCE;
  const aprText = `${(nominalApr * 100).toFixed(2)}%`;
  const lineText = formatPercent(line.limitPpm);
  const caution =
    line.certainty === 'U'
      ? {
          zh: '（此规则待核实，仅供参考，不能当作确定的法律结论）',
          en: ' (This rule is unverified: for reference only, not a settled legal conclusion.)',
        }
      : { zh: '', en: '' };
  const raise =
    line.id === 'licensed-24'
      ? {
          zh: '法院不会主动调减，需要您自己提出。',
          en: 'Courts do not cut it on their own; you must raise it.',
        }
      : { zh: '', en: '' };
  return {
    rule: line.id,
    limit,
    exceeded,
    source: line.provisionIds.map((id) => citeProvision(id, 'zh')).join('；'),
    certainty: line.certainty,
    noteZh: `${exceeded ? '超过' : '未超过'}${line.labelZh}：名义年化（单利口径）约 ${aprText}，线为 ${lineText}。${raise.zh}${caution.zh}`,
    noteEn: [
      `${exceeded ? 'Above' : 'Not above'} the ${line.labelEn}: nominal APR (simple) about ${aprText} against ${lineText}.`,
      raise.en,
      caution.en.trim(),
    ]
      .filter((x) => x !== '')
      .join(' '),
  };
}

/**
 * The legality report of one loan from its actual dated flows: nominal APR and EAR (core/apr),
 * the principal actually received and any up-front deduction (民法典 第670条), a verdict per
 * applicable line (nominal APR, 单利口径, against the line), and the court-style recalculation at
 * the governing line to `asOf` (default: the last flow date) — null when the nominal APR is within
 * that line, since the contract price then stands. Rules with certainty U are listed
 * in `unconfirmedRules`.
 */
export function checkLegality(
  input: LegalityInput,
  asOf?: IsoDate,
): Result<LegalityReport, FieldIssue | AprIssue> {
  if (!Number.isSafeInteger(input.contractPrincipal) || input.contractPrincipal <= 0) {
    return err({
      code: 'invalid-amount',
      field: 'contractPrincipal',
      message: 'contractPrincipal: must be more than 0',
      messageZh: 'contractPrincipal：合同本金必须大于 0',
    });
  }
  if (input.cashflows.length === 0) {
    return err({
      code: 'invalid-input',
      field: 'cashflows',
      message: 'cashflows: at least one amount received and one payment are needed',
      messageZh: 'cashflows：至少需要一笔到账和一笔还款',
    });
  }
  const flows = netFlowsByDate(input.cashflows);
  const lastDate = flows.length > 0 ? flows[flows.length - 1]!.date : input.cashflows[0]!.date;
  const at = asOf ?? lastDate;
  if (compareDates(at, lastDate) < 0) {
    return err({
      code: 'invalid-date',
      field: 'asOf',
      message: `asOf: ${at} is before the last cash flow (${lastDate}); use actual flows up to asOf`,
      messageZh: `asOf：${at} 早于最后一笔资金往来（${lastDate}），请只填写截至该日的实际往来`,
    });
  }
  const apr = solveDatedApr(input.cashflows);
  if (!apr.ok) return apr;

  const principalReceived = receivedOfNetted(flows);
  const deduction = input.contractPrincipal - principalReceived;
  const lines = applicableLines(input.lenderType, input.contractDate, at);
  const verdicts = lines.map((l) => verdictFor(l, apr.value.nominalApr));
  const governing = recalculationLine(input.lenderType, input.contractDate, at);
  // Within the governing line the contract price stands: recalculating at a HIGHER rate than the
  // loan's own would invent debt, so there is no recalculation then.
  const isAboveGoverning =
    apr.value.nominalApr > governing.limitPpm / PPM + AT_LINE_TOLERANCE ||
    (governing.segments ?? []).some((s) => apr.value.nominalApr > s.ppm / PPM + AT_LINE_TOLERANCE);
  const recalculation = isAboveGoverning ? recalculateNetted(flows, governing, at) : null;
  const unconfirmed = [...lines, governing].filter((l) => l.certainty === 'U').map((l) => l.id);

  return ok({
    nominalApr: apr.value.nominalApr,
    effectiveAnnualRate: apr.value.effectiveAnnualRate,
    principalReceived,
    upfrontDeduction: cents(deduction > 0 ? deduction : 0),
    verdicts,
    recalculation,
    unconfirmedRules: [...new Set(unconfirmed)],
    asOf: at,
  });
}

/** One plain-language sentence on an up-front deduction (民法典 第670条), or null when none. */
export function describeUpfrontDeduction(
  report: Pick<LegalityReport, 'principalReceived' | 'upfrontDeduction'>,
  contractPrincipal: Cents,
  lang: 'zh' | 'en',
): string | null {
  if (report.upfrontDeduction <= 0) return null;
  const c = formatMoney(contractPrincipal);
  const r = formatMoney(report.principalReceived);
  const d = formatMoney(report.upfrontDeduction);
  return lang === 'zh'
    ? `合同写的本金是 ${c}，但您实际只收到 ${r}，被预先扣除 ${d}（“砍头息”）。按${citeProvision('civil-code-670')}，本金应按实际收到的 ${r} 计算。`
    : `The contract says ${c}, but you received only ${r}: ${d} was deducted up front. Under Civil Code art. 670 the principal is what you actually received, ${r}.`;
}

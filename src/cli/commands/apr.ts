import type { Command } from 'commander';
import { AppError } from '../../app/errors.js';
import {
  solveDatedApr,
  solvePeriodicApr,
  type AprIssue,
  type AprResult,
  type DatedFlow,
} from '../../core/apr/index.js';
import { parseCents, type Cents } from '../../core/money/index.js';
import type { Result } from '../../core/result.js';
import { say, type CliContext } from '../io.js';
import { bad, expectObject, fail, readDatedFlow } from '../../app/json-input.js';
import { registerJsonCommand } from '../json-command.js';
import { formatTable } from '../table.js';

/** Either dated flows (Appendix J + XIRR) or an ordered periodic list. */
export type AprRequest =
  | { kind: 'dated'; cashflows: DatedFlow[] }
  | { kind: 'periodic'; periodsPerYear: number; cashflows: Cents[] };

const MAX_FLOWS = 100_000;

/** Validates the `apr` JSON input, naming the first bad field (throws AppError). */
export function parseAprRequest(raw: unknown): AprRequest {
  const o = expectObject(
    raw,
    'expected a JSON object like {"cashflows":[{"date":"2025-01-01","amount":"1000.00"}, …]}',
    '应为 JSON 对象，例如 {"cashflows":[{"date":"2025-01-01","amount":"1000.00"}, …]}',
  );
  const flows = o['cashflows'];
  if (!Array.isArray(flows) || flows.length === 0)
    bad(
      'cashflows',
      'expected a non-empty list (money received positive, money paid negative)',
      '应为非空列表（收到的钱为正数，还出的钱为负数）',
    );
  if (flows.length > MAX_FLOWS)
    bad('cashflows', `more than ${MAX_FLOWS} flows`, `超过 ${MAX_FLOWS} 笔现金流`);
  const ppy = o['periodsPerYear'];
  if (ppy !== undefined) {
    if (typeof ppy !== 'number' || !Number.isFinite(ppy) || ppy <= 0 || ppy > 366)
      bad(
        'periodsPerYear',
        `expected a number between 0 and 366 (12 = monthly), got ${JSON.stringify(ppy)}`,
        `应为 0 到 366 之间的数（按月为 12），收到 ${JSON.stringify(ppy)}`,
      );
    const cashflows = flows.map((f: unknown, i) => {
      const a = parseCents(f as string, `cashflows[${i}]`);
      if (!a.ok) fail(a.error);
      return a.value;
    });
    return { kind: 'periodic', periodsPerYear: ppy, cashflows };
  }
  const cashflows = flows.map((f: unknown, i): DatedFlow => {
    const field = `cashflows[${i}]`;
    if (typeof f !== 'object' || f === null || Array.isArray(f))
      bad(
        field,
        'expected {"date":"YYYY-MM-DD","amount":"123.45"} (for a plain list of amounts, also give "periodsPerYear")',
        '应为 {"date":"YYYY-MM-DD","amount":"123.45"}（如果是按期的金额列表，请同时给出 "periodsPerYear"）',
      );
    return readDatedFlow(f as Record<string, unknown>, field);
  });
  return { kind: 'dated', cashflows };
}

/** Runs the right solver; solver issues become AppErrors (ambiguous rates go in details). */
export function computeApr(req: AprRequest): AprResult {
  const r: Result<AprResult, AprIssue> =
    req.kind === 'dated'
      ? solveDatedApr(req.cashflows)
      : solvePeriodicApr({ periodsPerYear: req.periodsPerYear, flows: req.cashflows });
  if (r.ok) return r.value;
  const e = r.error;
  throw AppError.fromIssue(e, 'rates' in e ? { rates: e.rates } : undefined);
}

function percent(r: number, digits = 2): string {
  return `${(r * 100).toFixed(digits)}%`;
}

function formatAprTable(ctx: CliContext, r: AprResult): string {
  const rows = [
    [say(ctx, '单利口径年化（名义 APR）', 'Nominal APR (simple, 单利口径)'), percent(r.nominalApr)],
    [
      say(ctx, '复利口径年化（IRR）', 'Effective annual rate (IRR, 复利口径)'),
      percent(r.effectiveAnnualRate),
    ],
    [say(ctx, '每期利率', 'Rate per period'), percent(r.periodicRate, 4)],
    [say(ctx, '每年期数', 'Periods per year'), String(Number(r.periodsPerYear.toFixed(6)))],
  ];
  return formatTable([say(ctx, '项目', 'Item'), say(ctx, '数值', 'Value')], rows, [
    'left',
    'right',
  ]);
}

export function registerApr(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  registerJsonCommand(program, ctx, setExit, {
    name: 'apr',
    description:
      '真实年化成本：从现金流计算单利口径（名义 APR）和复利口径（IRR）年化利率 / true cost (APR, IRR) from cash flows',
    argument: 'JSON 文件，或 - 表示标准输入 / JSON file, or - for stdin',
    parse: parseAprRequest,
    run: computeApr,
    toJson: (_req, result) => ({
      periodicRate: result.periodicRate,
      periodsPerYear: result.periodsPerYear,
      nominalApr: result.nominalApr,
      effectiveAnnualRate: result.effectiveAnnualRate,
    }),
    toText: (c, _req, result) => formatAprTable(c, result),
  });
}

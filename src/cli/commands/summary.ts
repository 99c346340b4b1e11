import type { Command } from 'commander';
import { resolveCase } from '../../app/cases.js';
import { AppError } from '../../app/errors.js';
import { summaryJson } from '../../app/present.js';
import { summarizeCase, type CaseSummary } from '../../app/summary.js';
import { todayIn } from '../../app/today.js';
import { parseDateInput, type IsoDate } from '../../core/dates/index.js';
import { formatMoney, type Cents } from '../../core/money/index.js';
import { describeAprBasis } from '../../core/apr/index.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { formatTable } from '../table.js';
import { LENDER_TYPE_ZH } from './lender.js';

function pct(x: number | null): string {
  return x === null ? '—' : `${(x * 100).toFixed(2)}%`;
}

/**
 * A balance as people read it: "未填" when no debt in the group has one (never "¥0.00", which
 * would say nothing is owed), the known sum plus how many are missing when only some have one.
 */
export function formatBalance(
  ctx: CliContext,
  g: { balance: Cents; debts: number; debtsWithoutBalance: number },
): string {
  if (g.debts > 0 && g.debtsWithoutBalance >= g.debts) return say(ctx, '未填', 'not given');
  if (g.debtsWithoutBalance === 0) return formatMoney(g.balance);
  return say(
    ctx,
    `${formatMoney(g.balance)}（另有 ${g.debtsWithoutBalance} 笔未填）`,
    `${formatMoney(g.balance)} (+${g.debtsWithoutBalance} not given)`,
  );
}

/** The summary's "by lender" table. */
function formatLenderTable(ctx: CliContext, s: CaseSummary): string {
  return formatTable(
    say(
      ctx,
      '出借方|类型|笔数|合同金额|已还|当前欠款|逾期',
      'Lender|Type|Debts|Principal|Paid|Balance|Overdue',
    ).split('|'),
    s.lenders.map((l) => [
      l.brand ? `${l.brand}（${l.name}）` : l.name,
      ctx.lang === 'en' ? l.lenderType : (LENDER_TYPE_ZH[l.lenderType] ?? l.lenderType),
      String(l.debts),
      formatMoney(l.principal),
      formatMoney(l.paid),
      formatBalance(ctx, l),
      formatMoney(l.overdue),
    ]),
    ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
  ).trimEnd();
}

/** The summary's "true cost per debt" table: APR, EAR, their basis and the verdict. */
function formatDebtCostTable(ctx: CliContext, s: CaseSummary): string {
  const verdictText = (v: 'exceeded' | 'within' | null) =>
    v === 'exceeded'
      ? say(ctx, '超过利率线', 'above the line')
      : v === 'within'
        ? say(ctx, '未超过', 'within')
        : '—';
  return formatTable(
    say(
      ctx,
      '出借方|合同编号|合同金额|逾期天数|年化(单利)|年化(复利)|口径|结论',
      'Lender|Contract|Principal|Days overdue|APR|EAR|Basis|Verdict',
    ).split('|'),
    s.debts.map((d) => [
      d.lenderName,
      d.contractNumber ?? '',
      formatMoney(d.principal),
      d.overdueDays === null ? '' : String(d.overdueDays),
      pct(d.nominalApr),
      pct(d.effectiveAnnualRate),
      d.aprBasis === null
        ? ''
        : say(ctx, describeAprBasis(d.aprBasis).zh, describeAprBasis(d.aprBasis).en),
      d.aprNote !== null && d.verdict === null
        ? ctx.lang === 'en'
          ? d.aprNote.message
          : d.aprNote.messageZh
        : verdictText(d.verdict),
    ]),
    ['left', 'left', 'right', 'right', 'right', 'right', 'left', 'left'],
  ).trimEnd();
}

/** Renders the summary as Chinese (or English) tables. */
export function formatSummary(ctx: CliContext, s: CaseSummary): string {
  const t = s.totals;
  // debts over the amount limit are left out of every total, the balance count included
  const counted = s.lenders.reduce((n, l) => n + l.debts, 0);
  const balance = formatBalance(ctx, { ...t, debts: counted });
  const out: string[] = [];
  out.push(
    say(
      ctx,
      `案件汇总（截至 ${s.asOf}）：${t.debts} 笔债务，合同金额 ${formatMoney(t.principal)}，实际到账 ${formatMoney(t.received)}，已还 ${formatMoney(t.paid)}，当前欠款 ${balance}，逾期 ${formatMoney(t.overdue)}（${t.overdueDebts} 笔）。`,
      `Case summary as of ${s.asOf}: ${t.debts} debts, principal ${formatMoney(t.principal)}, received ${formatMoney(t.received)}, paid ${formatMoney(t.paid)}, balance ${balance}, overdue ${formatMoney(t.overdue)} (${t.overdueDebts} debts).`,
    ),
  );
  if (t.aboveLegalLine > 0)
    out.push(
      say(
        ctx,
        `其中 ${t.aboveLegalLine} 笔的实际年化成本超过适用的法定/监管利率线，可作为协商依据（详见 --json 中的 verdicts 与来源）。`,
        `${t.aboveLegalLine} debts cost more than the rate line that applies; see verdicts and sources in --json.`,
      ),
    );
  out.push('');
  out.push(say(ctx, '按出借方', 'By lender'));
  out.push(formatLenderTable(ctx, s));
  out.push('');
  out.push(say(ctx, '每笔债务的真实成本', 'True cost per debt'));
  out.push(formatDebtCostTable(ctx, s));
  out.push('');
  out.push(
    say(
      ctx,
      '说明：年化按实际到账与每笔还款的日期计算（IRR）；结论所依据的规则、来源及确定程度见 --json。本工具不构成法律意见。',
      'APR from the dated cash flows (IRR); rules, sources and certainty are in --json. Not legal advice.',
    ),
  );
  return `${out.join('\n')}\n`;
}

/** `xieshang summary`: the whole case at a glance. */
export function registerSummary(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addStoreOptions(
    program
      .command('summary')
      .description('案件汇总：按出借方合计、逾期、每笔真实年化与合法性 (case summary)')
      .option('--case <id>')
      .option('--as-of <date>', '计算日期（默认今天，北京时间）'),
  ).action(
    action(ctx, setExit, async (o: StoreOptions & { case?: string; asOf?: string }) => {
      let given: IsoDate | undefined;
      if (o.asOf !== undefined) {
        const r = parseDateInput(o.asOf, 'asOf');
        if (!r.ok) throw AppError.fromIssue(r.error);
        given = r.value;
      }
      return withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        // without --as-of: today on the deps' clock (the Beijing day), like every other command
        const s = await summarizeCase(deps, c.id, given ?? todayIn(deps));
        if (ctx.json) return printJson(ctx, summaryJson(s));
        ctx.io.stdout(formatSummary(ctx, s));
      });
    }),
  );
}

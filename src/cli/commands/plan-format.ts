// A repayment plan as text: the table of asks per creditor, then why it may fail and what to change.
import { formatMoney, type Cents } from '../../core/money/index.js';
import {
  describeStrategy,
  type Concession,
  type Plan,
  type Strategy,
} from '../../core/plan/index.js';
import type { CliContext } from '../io.js';
import { formatTable } from '../table.js';

const CONCESSION_ZH: Record<Concession, string> = {
  none: '无',
  'waive-penalty': '减免罚息',
  'freeze-interest': '停息挂账',
  'reduce-rate': '降低利率',
  'extend-term': '延长期数',
};
const STRATEGY_ZH: Record<Strategy, string> = {
  'pro-rata-balance': '按欠款比例分配',
  'pro-rata-contractual': '按合同月供比例分配',
  'highest-cost-first': '先还利率最高的',
  custom: '自定义金额',
};

const money = (c: Cents | null): string => (c === null ? '—' : formatMoney(c));

/** One row a creditor plus the total row. */
function formatProposalTable(plan: Plan, zh: boolean): string {
  const headers = zh
    ? ['债权人', '请求', '每月还款', '期数', '结清日期', '总还款', '比合同节省', '比不还节省']
    : ['Creditor', 'Ask', 'Monthly', 'Term', 'Ends', 'Total paid', 'vs contract', 'vs nothing'];
  let total = 0;
  const rows = plan.proposals.map((p) => {
    total += p.totalPaid;
    return [
      p.creditor,
      zh ? CONCESSION_ZH[p.concession] : p.concession,
      formatMoney(p.monthlyPayment),
      p.term === null ? (zh ? `超过${p.maxTerm}` : `>${p.maxTerm}`) : String(p.term),
      p.endDate ?? '—',
      formatMoney(p.totalPaid),
      money(p.savingVsContract),
      money(p.savingVsNothing),
    ];
  });
  rows.push([
    zh ? '合计' : 'Total',
    '',
    formatMoney(plan.monthlyTotal),
    '',
    '',
    formatMoney(total as Cents),
    '',
    '',
  ]);
  return formatTable(headers, rows, [
    'left',
    'left',
    'right',
    'right',
    'left',
    'right',
    'right',
    'right',
  ]);
}

/** A feasible plan the creditors will likely refuse: the fix, and each term past the usual one. */
function formatAcceptanceLines(plan: Plan, zh: boolean): string[] {
  if (plan.status !== 'unlikely-accepted' || plan.acceptanceFix === null) return [];
  const out = [
    zh ? '可行但对方大概率不会接受：' : 'Feasible but unlikely to be accepted:',
    `- ${zh ? plan.acceptanceFix.messageZh : plan.acceptanceFix.message}`,
  ];
  for (const p of plan.proposals)
    if (!p.withinUsualTerm)
      out.push(
        `- ${p.creditor}: ${p.term} ${zh ? '期' : 'months'} > ${p.usualTerm.maxMonths}（${zh ? p.usualTerm.sourceZh : p.usualTerm.sourceEn}）`,
      );
  return out;
}

/** An infeasible plan: which month or creditor fails, the shortfall and the suggestions. */
function formatInfeasibleLines(plan: Plan, zh: boolean): string[] {
  const out = [zh ? '这个计划不可行：' : 'This plan is not feasible:'];
  const floors = plan.problems.find((pr) => pr.reason === 'floors-exceed-capacity');
  if (floors)
    out.push(
      zh
        ? `- 第 ${floors.month} 个月，各家最低还款额之和超过每月可还金额。`
        : `- In month ${floors.month} the minimum payments add up to more than the capacity.`,
    );
  const late = plan.proposals.filter((p) => !p.meetsMaxTerm);
  for (const p of late.slice(0, 5))
    out.push(
      zh
        ? `- ${p.creditor}：${p.maxTerm} 期内还不清。`
        : `- ${p.creditor}: not repaid within ${p.maxTerm} months.`,
    );
  if (late.length > 5)
    out.push(
      zh
        ? `- 另有 ${late.length - 5} 笔在约定期数内还不清。`
        : `- ${late.length - 5} more debts are not repaid within their terms.`,
    );
  if (plan.shortfall) {
    out.push(
      zh
        ? `每月还差 ${formatMoney(plan.shortfall.monthly)}。可以考虑：`
        : `It is ${formatMoney(plan.shortfall.monthly)} a month short. Options:`,
    );
    for (const s of plan.shortfall.suggestions) out.push(`- ${zh ? s.messageZh : s.message}`);
  }
  return out;
}

/** Renders a plan as a table plus, for an infeasible plan, the reasons and suggestions in words. */
export function formatPlanText(ctx: Pick<CliContext, 'lang'>, plan: Plan): string {
  const zh = ctx.lang !== 'en';
  const out: string[] = [];
  out.push(
    zh
      ? `协商还款计划：${plan.asOf} 起，每月可还 ${formatMoney(plan.capacity)}，分配方式：${STRATEGY_ZH[plan.strategy]}`
      : `Repayment plan from ${plan.asOf}: ${formatMoney(plan.capacity)} a month, strategy ${plan.strategy}`,
  );
  out.push('');
  out.push(formatProposalTable(plan, zh));
  for (const a of plan.assumptions) out.push(`! ${zh ? a.messageZh : a.message}`);
  out.push(
    `${zh ? '分配规则：' : 'How it is shared: '}${zh ? describeStrategy(plan.strategy).zh : describeStrategy(plan.strategy).en}`,
  );
  out.push(...formatAcceptanceLines(plan, zh));
  if (plan.feasible)
    out.push(
      zh
        ? '每笔的“请求”是：第一个月的金额、期数和所申请的减免。停息挂账、60 期等是申请，不是权利。'
        : 'The ask per creditor: the first month’s amount, the number of installments and the concession. Frozen interest and 60 installments are requests, not rights.',
    );
  else out.push(...formatInfeasibleLines(plan, zh));
  return `${out.join('\n')}\n`;
}

import type { Command } from 'commander';
import { resolveCase } from '../../app/cases.js';
import { AppError } from '../../app/errors.js';
import { loadLatestBudget } from '../../app/budgets.js';
import { casePlanInput, loadLatestPlan, savePlan, savedPlanToJson } from '../../app/plans.js';
import { formatMoney, formatYuan, type Cents } from '../../core/money/index.js';
import {
  buildPlan,
  describeStrategy,
  parsePlanInput,
  parseReplanUpdate,
  planToJson,
  replan,
  replanToJson,
  type Concession,
  type Plan,
  type Strategy,
} from '../../core/plan/index.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { readJsonInput, say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
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
  out.push(
    formatTable(headers, rows, [
      'left',
      'left',
      'right',
      'right',
      'left',
      'right',
      'right',
      'right',
    ]),
  );
  for (const a of plan.assumptions) out.push(`! ${zh ? a.messageZh : a.message}`);
  out.push(
    `${zh ? '分配规则：' : 'How it is shared: '}${zh ? describeStrategy(plan.strategy).zh : describeStrategy(plan.strategy).en}`,
  );
  if (plan.status === 'unlikely-accepted' && plan.acceptanceFix !== null) {
    out.push(
      zh ? '可行但对方大概率不会接受：' : 'Feasible but unlikely to be accepted:',
      `- ${zh ? plan.acceptanceFix.messageZh : plan.acceptanceFix.message}`,
    );
    for (const p of plan.proposals)
      if (!p.withinUsualTerm)
        out.push(
          `- ${p.creditor}: ${p.term} ${zh ? '期' : 'months'} > ${p.usualTerm.maxMonths}（${zh ? p.usualTerm.sourceZh : p.usualTerm.sourceEn}）`,
        );
  }
  if (plan.feasible) {
    out.push(
      zh
        ? '每笔的“请求”是：第一个月的金额、期数和所申请的减免。停息挂账、60 期等是申请，不是权利。'
        : 'The ask per creditor: the first month’s amount, the number of installments and the concession. Frozen interest and 60 installments are requests, not rights.',
    );
  } else {
    out.push(zh ? '这个计划不可行：' : 'This plan is not feasible:');
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
  }
  return `${out.join('\n')}\n`;
}

interface PlanOpts extends StoreOptions {
  replan?: string;
  save?: boolean;
  case?: string;
  fromCase?: boolean;
  capacity?: string;
  strategy?: string;
  concession?: string;
  maxTerm?: string;
}

function printPlan(ctx: CliContext, plan: Plan, json: unknown, footer: string): void {
  if (ctx.json) printJson(ctx, json);
  else ctx.io.stdout(`${formatPlanText(ctx, plan)}${footer}`);
}

export function registerPlan(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addStoreOptions(
    program
      .command('plan')
      .description('协商还款计划：把每月可还金额分给各家债权人 (multi-creditor repayment plan)')
      .argument(
        '[file]',
        'plan JSON file, or - for stdin (see examples/); `show` prints the latest saved plan',
      )
      .option('--replan <update>', 're-plan from an update file {asOf,newCapacity,paymentsMade}')
      .option(
        '--save',
        '保存到案件（之前的方案作废） (save to the case; earlier plans are superseded)',
      )
      .option(
        '--from-case',
        '按案件中已录入的债务制定方案 (plan over the debts stored in the case)',
      )
      .option(
        '--capacity <yuan>',
        '每月可还金额（默认取最新保存的预算） (default: latest saved budget)',
      )
      .option('--strategy <s>', 'pro-rata-balance | pro-rata-contractual | highest-cost-first')
      .option(
        '--concession <c>',
        'none | waive-penalty | freeze-interest | reduce-rate | extend-term',
      )
      .option('--max-term <n>', '最长期数 (maximum installments, default 36)')
      .option('--case <id>'),
  ).action(
    action(ctx, setExit, async (file: string | undefined, opts: PlanOpts) => {
      if (file === 'show')
        return withDeps(ctx, opts, async (deps) => {
          const c = await resolveCase(deps, opts.case);
          const s = await loadLatestPlan(deps, c.id);
          if (s === undefined)
            throw new AppError('not-found', 'no plan saved yet: run `xieshang plan FILE --save`', {
              field: 'plan',
              messageZh: '还没有保存过还款方案：请运行 `xieshang plan 文件 --save`',
            });
          printPlan(
            ctx,
            s.plan,
            savedPlanToJson(s),
            say(ctx, `（保存于 ${s.stored.createdAt}）\n`, `(saved ${s.stored.createdAt})\n`),
          );
          return 0;
        });
      if (opts.fromCase) {
        if (file !== undefined)
          throw new AppError('invalid-input', 'give either FILE or --from-case, not both', {
            field: 'file',
            messageZh: '请只给出文件或 --from-case 其中之一',
          });
        let maxTerm: number | undefined;
        if (opts.maxTerm !== undefined) {
          maxTerm = Number(opts.maxTerm);
          if (!Number.isInteger(maxTerm) || maxTerm < 1 || maxTerm > 120)
            throw new AppError('invalid-input', 'max-term: must be a whole number from 1 to 120', {
              field: 'max-term',
              messageZh: 'max-term：应为 1 到 120 的整数',
            });
        }
        return withDeps(ctx, opts, async (deps) => {
          const c = await resolveCase(deps, opts.case);
          const budget = await loadLatestBudget(deps, c.id);
          const capacity =
            opts.capacity ??
            (budget === undefined ? undefined : formatYuan(budget.budget.capacity));
          const raw = await casePlanInput(deps, c.id, {
            capacity: capacity ?? null,
            ...(opts.strategy === undefined ? {} : { strategy: opts.strategy }),
            ...(opts.concession === undefined ? {} : { concession: opts.concession }),
            ...(maxTerm === undefined ? {} : { maxTerm }),
          });
          if (opts.save) {
            const s = await savePlan(deps, c.id, raw, {
              budgetId: opts.capacity === undefined ? (budget?.stored.id ?? null) : null,
              settings: {
                strategy: String(raw['strategy']),
                concession: opts.concession ?? 'none',
                maxTerm: maxTerm ?? 36,
                capacity: String(raw['capacity']),
              },
            });
            printPlan(ctx, s.plan, savedPlanToJson(s), say(ctx, '已保存。\n', 'Saved.\n'));
            return 0;
          }
          const parsed = parsePlanInput(raw);
          if (!parsed.ok) throw AppError.fromIssue(parsed.error);
          const plan = buildPlan(parsed.value);
          printPlan(ctx, plan, planToJson(plan), '');
          return 0;
        });
      }
      if (file === undefined)
        throw new AppError(
          'invalid-input',
          'file: give a plan JSON file, - for stdin, or --from-case',
          {
            field: 'file',
            messageZh: 'file：请给出方案 JSON 文件、- 表示标准输入，或使用 --from-case',
          },
        );
      const raw = await readJsonInput(file, ctx.io);
      const parsed = parsePlanInput(raw);
      if (!parsed.ok) throw AppError.fromIssue(parsed.error);
      if (opts.replan !== undefined) {
        const upd = parseReplanUpdate(await readJsonInput(opts.replan, ctx.io));
        if (!upd.ok) throw AppError.fromIssue(upd.error);
        const r = replan({ previousPlanInput: parsed.value, ...upd.value });
        if (!r.ok) throw AppError.fromIssue(r.error);
        if (ctx.json) printJson(ctx, replanToJson(r.value));
        else {
          const lines = ctx.lang === 'en' ? r.value.summary.en : r.value.summary.zh;
          ctx.io.stdout(`${lines.join('\n')}\n\n${formatPlanText(ctx, r.value.plan)}`);
        }
        return 0;
      }
      if (opts.save)
        return withDeps(ctx, opts, async (deps) => {
          const c = await resolveCase(deps, opts.case);
          const s = await savePlan(deps, c.id, raw);
          printPlan(ctx, s.plan, savedPlanToJson(s), say(ctx, '已保存。\n', 'Saved.\n'));
          return 0;
        });
      const plan = buildPlan(parsed.value);
      if (ctx.json) printJson(ctx, planToJson(plan));
      else ctx.io.stdout(formatPlanText(ctx, plan));
      return 0;
    }),
  );
}

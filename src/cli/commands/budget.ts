import type { Command } from 'commander';
import { loadLatestBudget, saveBudget, savedBudgetToJson } from '../../app/budgets.js';
import { resolveCase } from '../../app/cases.js';
import { AppError } from '../../app/errors.js';
import {
  budgetToJson,
  buildBudget,
  parseBudgetInput,
  type Budget,
  type CostGroup,
  type Frequency,
} from '../../core/budget/index.js';
import { formatMoney } from '../../core/money/index.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { readJsonInput, say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { formatTable } from '../table.js';

const FREQ_ZH: Record<Frequency, string> = {
  weekly: '每周',
  monthly: '每月',
  yearly: '每年',
  'one-off': '一次性',
};
const GROUP_ZH: Record<CostGroup, string> = {
  priority: '优先支出',
  fixed: '其他固定支出',
  flexible: '弹性支出',
};

/** Renders the statement: lines, totals, capacity, warnings, then the creditor summary. */
export function formatBudgetText(ctx: Pick<CliContext, 'lang'>, b: Budget): string {
  const zh = ctx.lang !== 'en';
  const out: string[] = [];
  const h = b.household;
  out.push(
    zh
      ? `收支情况表：成人 ${h.adults}，子女 ${h.children}，其他受扶养人 ${h.dependants}${h.city ? `，${h.city}` : ''}`
      : `Income & expenditure: ${h.adults} adult(s), ${h.children} child(ren), ${h.dependants} dependant(s)${h.city ? `, ${h.city}` : ''}`,
  );
  out.push('');
  const headers = zh
    ? ['项目', '类别', '金额', '频率', '每月', '备注']
    : ['Line', 'Group', 'Amount', 'Frequency', 'Monthly', 'Note'];
  const rows: string[][] = [];
  for (const l of b.income)
    rows.push([
      l.label,
      zh ? '收入' : 'income',
      formatMoney(l.amount),
      zh ? FREQ_ZH[l.frequency] : l.frequency,
      formatMoney(l.monthly),
      l.note ?? '',
    ]);
  for (const g of ['priority', 'fixed', 'flexible'] as const)
    for (const l of b.expenditure.filter((x) => x.group === g))
      rows.push([
        l.label,
        zh ? GROUP_ZH[g] : g,
        formatMoney(l.amount),
        zh ? FREQ_ZH[l.frequency] : l.frequency,
        formatMoney(l.monthly),
        l.note ?? '',
      ]);
  out.push(formatTable(headers, rows, ['left', 'left', 'right', 'left', 'right', 'left']));
  const t = b.totals;
  const totals: [string, string, string][] = [
    ['每月收入', 'Monthly income', formatMoney(t.income)],
    ['优先支出', 'Priority costs', formatMoney(t.priority)],
    ['其他固定支出', 'Other fixed costs', formatMoney(t.fixed)],
    ['弹性支出', 'Flexible costs', formatMoney(t.flexible)],
    ['应急储备', 'Emergency buffer', formatMoney(t.emergencyBuffer)],
    ['每月可还款', 'Capacity for creditors', formatMoney(b.capacity)],
  ];
  out.push(
    formatTable(
      zh ? ['合计', '金额'] : ['Total', 'Amount'],
      totals.map(([z, e, v]) => [zh ? z : e, v]),
      ['left', 'right'],
    ),
  );
  if (b.warnings.length > 0) {
    out.push(zh ? '请核对：' : 'Please check:');
    for (const w of b.warnings)
      out.push(
        `- ${zh ? w.messageZh : w.message}${w.noted ? (zh ? '（已备注）' : ' (noted)') : ''}`,
      );
    out.push('');
  }
  const s = b.creditorSummary;
  out.push(zh ? '给债权人看的摘要（只含合计）：' : 'Summary for creditors (totals only):');
  out.push(
    zh
      ? `家庭：成人 ${s.adults}，子女 ${s.children}，其他受扶养人 ${s.dependants}；每月收入 ${formatMoney(s.monthlyIncome)}；优先支出 ${formatMoney(s.priorityCosts)}；其他固定支出 ${formatMoney(s.otherFixedCosts)}；弹性支出 ${formatMoney(s.flexibleCosts)}；应急储备 ${formatMoney(s.emergencyBuffer)}；每月可用于还款 ${formatMoney(s.capacity)}；债权人 ${s.creditors} 家，欠款合计 ${formatMoney(s.totalOwed)}，原合同月供合计 ${formatMoney(s.contractualPayments)}。`
      : `Household: ${s.adults} adult(s), ${s.children} child(ren), ${s.dependants} dependant(s); income ${formatMoney(s.monthlyIncome)}; priority costs ${formatMoney(s.priorityCosts)}; other fixed ${formatMoney(s.otherFixedCosts)}; flexible ${formatMoney(s.flexibleCosts)}; emergency buffer ${formatMoney(s.emergencyBuffer)}; available for creditors ${formatMoney(s.capacity)} a month; ${s.creditors} creditor(s), ${formatMoney(s.totalOwed)} owed in all, contractual payments ${formatMoney(s.contractualPayments)} a month.`,
  );
  out.push('');
  out.push(...(zh ? b.conventions.zh : b.conventions.en));
  return `${out.join('\n')}\n`;
}

export function registerBudget(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addStoreOptions(
    program
      .command('budget')
      .description('收支情况表与每月可还金额 (income & expenditure statement and capacity)')
      .argument(
        '<file>',
        'budget JSON file, or - for stdin (see examples/); `show` prints the latest saved budget',
      )
      .option('--save', '保存到案件（每次保存为新版本） (save to the case as a new version)')
      .option('--case <id>'),
  ).action(
    action(
      ctx,
      setExit,
      async (file: string, opts: StoreOptions & { save?: boolean; case?: string }) => {
        if (file === 'show')
          return withDeps(ctx, opts, async (deps) => {
            const c = await resolveCase(deps, opts.case);
            const s = await loadLatestBudget(deps, c.id);
            if (s === undefined)
              throw new AppError(
                'not-found',
                'no budget saved yet: run `xieshang budget FILE --save`',
                {
                  field: 'budget',
                  messageZh: '还没有保存过收支预算：请运行 `xieshang budget 文件 --save`',
                },
              );
            if (ctx.json) printJson(ctx, savedBudgetToJson(s));
            else
              ctx.io.stdout(
                `${say(ctx, `第 ${s.stored.version} 版，保存于 ${s.stored.createdAt}`, `Version ${s.stored.version}, saved ${s.stored.createdAt}`)}\n${formatBudgetText(ctx, s.budget)}`,
              );
            return 0;
          });
        const parsed = parseBudgetInput(await readJsonInput(file, ctx.io));
        if (!parsed.ok) throw AppError.fromIssue(parsed.error);
        if (opts.save)
          return withDeps(ctx, opts, async (deps) => {
            const c = await resolveCase(deps, opts.case);
            const s = await saveBudget(deps, c.id, parsed.value);
            if (ctx.json) printJson(ctx, savedBudgetToJson(s));
            else
              ctx.io.stdout(
                `${formatBudgetText(ctx, s.budget)}${say(ctx, `已保存为第 ${s.stored.version} 版。`, `Saved as version ${s.stored.version}.`)}\n`,
              );
            return 0;
          });
        const b = buildBudget(parsed.value);
        if (ctx.json) printJson(ctx, budgetToJson(b));
        else ctx.io.stdout(formatBudgetText(ctx, b));
        return 0;
      },
    ),
  );
}

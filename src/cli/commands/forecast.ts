import type { Command } from 'commander';
import { asOfOrToday } from '../../app/agreements/agreements.js';
import { resolveCase } from '../../app/cases.js';
import { runForecast, type ForecastResult } from '../../app/forecast.js';
import { forecastJson } from '../../app/present-forecast.js';
import { formatMoney } from '../../core/money/index.js';
import { withDeps } from '../deps.js';
import { readJsonInput, say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { formatTable } from '../table.js';
import { addCaseOptions, intOpt, type CaseOpts } from './agreement.js';

const collect = (v: string, prev: string[]) => [...prev, v];

type ForecastOpts = CaseOpts & {
  days: string;
  balance?: string;
  payday: string[];
  outgoing: string[];
  weekend?: string;
  buffer?: string;
  lead: string;
  input?: string;
  budget: boolean;
  all?: boolean;
};

export function formatForecast(ctx: CliContext, r: ForecastResult, all: boolean): string {
  const f = r.forecast;
  const out: string[] = [];
  out.push(
    say(
      ctx,
      `现金流预测 ${f.asOf} 至 ${f.endOn}：期初 ${formatMoney(f.openingBalance)}，期末 ${formatMoney(f.closingBalance)}，最低 ${formatMoney(f.lowest.balance)}（${f.lowest.on}）`,
      `Cash-flow forecast ${f.asOf} to ${f.endOn}: opening ${formatMoney(f.openingBalance)}, closing ${formatMoney(f.closingBalance)}, lowest ${formatMoney(f.lowest.balance)} (${f.lowest.on})`,
    ),
  );
  const rows: string[][] = [];
  for (const d of f.days) {
    if (d.events.length === 0 && !all) continue;
    const what = d.events
      .map((e) =>
        e.kind === 'income'
          ? `+${formatMoney(e.amount)} ${e.label}${e.scheduledOn !== d.date ? say(ctx, `（原定 ${e.scheduledOn}）`, ` (from ${e.scheduledOn})`) : ''}`
          : e.kind === 'outgoing'
            ? `−${formatMoney(e.amount)} ${e.label}`
            : `−${formatMoney(e.amount)} ${e.lender} ${say(ctx, `第${e.seq}期`, `#${e.seq}`)}${e.dueOn !== d.date ? say(ctx, `（${e.dueOn} 到期）`, ` (due ${e.dueOn})`) : ''}`,
      )
      .join('；');
    rows.push([d.date, what, formatMoney(d.balance) + (d.balance < 0 ? ' ⚠' : '')]);
  }
  out.push(
    formatTable(say(ctx, '日期,收支,当日余额', 'Date,Flows,Balance').split(','), rows, [
      'left',
      'left',
      'right',
    ]),
  );
  if (f.lowPoints.length > 0) {
    out.push(say(ctx, '每次发薪前的最低余额：', 'Lowest balance before each payday:'));
    for (const l of f.lowPoints)
      out.push(
        say(
          ctx,
          `- 发薪日 ${l.payday} 前：${formatMoney(l.lowestBalance)}（${l.lowestOn}）`,
          `- before ${l.payday}: ${formatMoney(l.lowestBalance)} (${l.lowestOn})`,
        ),
      );
  }
  if (f.warnings.length === 0)
    out.push(
      say(
        ctx,
        '✓ 余额足以支付预测期内的每一期还款。',
        '✓ The balance covers every installment in this period.',
      ),
    );
  for (const w of f.warnings) {
    out.push('');
    out.push(
      say(
        ctx,
        `⚠ ${w.dueOn} ${w.lender} 第${w.seq}期 ${formatMoney(w.amount)}：届时余额 ${formatMoney(w.balanceBefore)}，差 ${formatMoney(w.shortfall)}${w.isBeforePayday ? `（在发薪日 ${w.nextPayday} 之前）` : ''}。请在 ${w.actBy} 前处理：`,
        `⚠ ${w.dueOn} ${w.lender} #${w.seq} ${formatMoney(w.amount)}: balance then ${formatMoney(w.balanceBefore)}, short by ${formatMoney(w.shortfall)}${w.isBeforePayday ? ` (before payday ${w.nextPayday})` : ''}. Act by ${w.actBy}:`,
      ),
    );
    for (const s of w.suggestions) out.push(`  - ${say(ctx, s.messageZh, s.message)}`);
  }
  if (f.warnings.length > 0)
    out.push(
      say(
        ctx,
        '需要改期或减少本期金额时，可运行 xieshang agreement replan --lender 债权人 生成新方案和协商函草稿。',
        'To ask for a new date or a smaller installment, run xieshang agreement replan --lender NAME for a plan and a letter draft.',
      ),
    );
  if (r.sources.unplaced.length > 0)
    out.push(
      say(
        ctx,
        `未计入（预算中没有每月几号）：${r.sources.unplaced.join('、')}`,
        `Not placed (no day of month in the budget): ${r.sources.unplaced.join(', ')}`,
      ),
    );
  out.push(...(ctx.lang === 'en' ? f.conventions.en : f.conventions.zh));
  return `${out.join('\n')}\n`;
}

export function registerForecast(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addCaseOptions(
    program
      .command('forecast')
      .description('逐日现金流预测：余额够不够每一期 (day-by-day cash-flow forecast)')
      .option('--days <n>', 'days to forecast', '90')
      .option('--balance <amount>', 'current balance of the account you pay from')
      .option(
        '--payday <DAY:AMOUNT[:LABEL]>',
        'repeatable: monthly income, e.g. 10:6000:工资',
        collect,
        [],
      )
      .option(
        '--outgoing <DAY:AMOUNT[:LABEL]>',
        'repeatable: monthly fixed outgoing, e.g. 1:2500:房租',
        collect,
        [],
      )
      .option(
        '--weekend <rule>',
        'weekend paydays: previous-business-day (default) | next-business-day | none',
      )
      .option(
        '--buffer <amount>',
        'emergency savings that could cover a shortfall (default: the budget’s buffer)',
      )
      .option('--lead <days>', 'act this many days before a due date', '3')
      .option(
        '--input <file>',
        'JSON: { balance, buffer, weekendRule, incomes:[{label,amount,dayOfMonth}], outgoings:[…] }',
      )
      .option('--no-budget', 'ignore the budget stored in the case')
      .option('--all', 'print every day, not only days with money moving'),
  ).action(
    action(ctx, setExit, async (o: ForecastOpts) => {
      const file = o.input === undefined ? undefined : await readJsonInput(o.input, ctx.io);
      return withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const r = await runForecast(deps, c.id, {
          asOf: asOfOrToday(deps, o.asOf),
          days: intOpt(o.days, 'days'),
          paydays: o.payday,
          outgoings: o.outgoing,
          actLeadDays: intOpt(o.lead, 'lead'),
          useBudget: o.budget,
          ...(o.balance === undefined ? {} : { balance: o.balance }),
          ...(o.weekend === undefined ? {} : { weekendRule: o.weekend }),
          ...(o.buffer === undefined ? {} : { buffer: o.buffer }),
          ...(file === undefined ? {} : { file }),
        });
        if (ctx.json) return printJson(ctx, forecastJson(r));
        ctx.io.stdout(formatForecast(ctx, r, Boolean(o.all)));
      });
    }),
  );
}

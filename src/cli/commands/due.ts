import type { Command } from 'commander';
import { asOfOrToday, dueItems, type DueItem } from '../../app/agreements/agreements.js';
import { resolveCase } from '../../app/cases.js';
import { dueJson } from '../../app/present-forecast.js';
import { formatMoney } from '../../core/money/index.js';
import { daysBetween, type IsoDate } from '../../core/dates/index.js';
import { withDeps } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { formatTable } from '../table.js';
import { addCaseOptions, intOpt, type CaseOpts } from './agreement.js';
import { channelText, statusText } from './agreement-format.js';
import type { InstallmentStatus } from '../../core/agreement/index.js';

function when(ctx: CliContext, asOf: IsoDate, d: IsoDate): string {
  const n = daysBetween(asOf, d);
  if (n === 0) return say(ctx, '今天', 'today');
  return n > 0 ? say(ctx, `${n} 天后`, `in ${n}d`) : say(ctx, `已过 ${-n} 天`, `${-n}d ago`);
}

export function formatDue(ctx: CliContext, asOf: IsoDate, days: number, items: DueItem[]): string {
  if (items.length === 0)
    return say(
      ctx,
      `未来 ${days} 天内没有要还的分期或要跟进的事项。\n`,
      `Nothing to pay or chase in the next ${days} days.\n`,
    );
  const rows = items.map((i) =>
    i.kind === 'installment'
      ? [
          i.date,
          when(ctx, asOf, i.date),
          i.lender ?? '',
          formatMoney(i.amount!),
          `${channelText(ctx, i.channel)}${i.account ? ` · ${i.account}` : ''}`,
          `${say(ctx, `第${i.seq}期`, `#${i.seq}`)} ${statusText(ctx, i.status as InstallmentStatus)}`,
        ]
      : [
          i.date,
          when(ctx, asOf, i.date),
          i.lender ?? '—',
          '',
          say(
            ctx,
            `跟进 ${i.channel}${i.what ? `（${i.what}）` : ''}`,
            `chase ${i.channel}${i.what ? ` (${i.what})` : ''}`,
          ),
          i.status === 'overdue'
            ? say(ctx, '已到跟进日', 'follow-up overdue')
            : say(ctx, '待跟进', 'to chase'),
        ],
  );
  const total = items.reduce((s, i) => s + (i.amount ?? 0), 0);
  const overdue = items.filter(
    (i) => i.kind === 'installment' && (i.status === 'late' || i.status === 'missed'),
  );
  const out = [
    say(
      ctx,
      `截至 ${asOf}，未来 ${days} 天内（含已逾期）：`,
      `As of ${asOf}, due within ${days} days (overdue included):`,
    ),
    formatTable(
      say(
        ctx,
        '日期,还有,对象,金额,怎么还/做什么,状态',
        'Date,When,To,Amount,How / what,Status',
      ).split(','),
      rows,
      ['left', 'left', 'left', 'right', 'left', 'left'],
    ),
    say(
      ctx,
      `合计应还 ${formatMoney(total as never)}。`,
      `Total to pay: ${formatMoney(total as never)}.`,
    ),
  ];
  if (overdue.length > 0)
    out.push(
      say(
        ctx,
        `⚠ 有 ${overdue.length} 期已逾期。请尽快联系对方说明情况；可运行 xieshang agreement replan 生成新方案和协商函草稿。`,
        `⚠ ${overdue.length} installment(s) overdue. Contact the lender now; run xieshang agreement replan for a new plan and a letter draft.`,
      ),
    );
  out.push(
    say(
      ctx,
      '提示：xieshang forecast --balance 余额 可检查账户余额是否够每一期。',
      'Tip: xieshang forecast --balance N checks whether the balance covers each installment.',
    ),
  );
  return `${out.join('\n')}\n`;
}

export function registerDue(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addCaseOptions(
    program
      .command('due')
      .description('近期要还什么、还给谁、怎么还、何时前 (what to pay, to whom, how, by when)')
      .option('--days <n>', 'look ahead this many days', '14')
      .option('--grace <days>', 'grace days before an unpaid installment counts as missed', '3'),
  ).action(
    action(ctx, setExit, async (o: CaseOpts & { days: string; grace: string }) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const asOf = asOfOrToday(deps, o.asOf);
        const days = intOpt(o.days, 'days');
        const items = await dueItems(deps, c.id, {
          asOf,
          days,
          graceDays: intOpt(o.grace, 'grace'),
        });
        if (ctx.json)
          return printJson(ctx, {
            asOf,
            days,
            items: dueJson(items),
          });
        ctx.io.stdout(formatDue(ctx, asOf, days, items));
      }),
    ),
  );
}

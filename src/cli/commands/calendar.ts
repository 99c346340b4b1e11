import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { asOfOrToday } from '../../app/agreements/agreements.js';
import { resolveCase } from '../../app/cases.js';
import { AppError } from '../../app/errors.js';
import { DEFAULT_TIME_ZONE, exportCalendar } from '../../app/reminders.js';
import { withDeps } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { addCaseOptions, type CaseOpts } from './agreement.js';

function parseAlarms(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.some((p) => !/^\d+$/.test(p)))
    throw new AppError('invalid-input', `alarm: "${text}" is not a list of days such as 3,1`, {
      field: 'alarm',
      messageZh: `alarm：“${text}”应为天数列表，例如 3,1`,
    });
  return parts.map(Number);
}

export function registerCalendar(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const cal = program.command('calendar').description('日历提醒 (calendar reminders)');
  addCaseOptions(
    cal
      .command('export')
      .description(
        '导出 .ics：每期未还分期和投诉跟进日，带提醒；重复导出会更新同一事件 (export an .ics file)',
      )
      .argument('<file>', 'the .ics file to write')
      .option('--tz <zone>', 'IANA time zone of the reminders', DEFAULT_TIME_ZONE)
      .option('--time <HH:MM>', 'local time of each event', '09:00')
      .option('--alarm <days>', 'alarms, days before (comma-separated)', '3,1'),
  ).action(
    action(
      ctx,
      setExit,
      async (file: string, o: CaseOpts & { tz: string; time: string; alarm: string }) =>
        withDeps(ctx, o, async (deps) => {
          const c = await resolveCase(deps, o.case);
          const r = await exportCalendar(deps, c.id, {
            asOf: asOfOrToday(deps, o.asOf),
            timeZone: o.tz,
            time: o.time,
            alarmDaysBefore: parseAlarms(o.alarm),
          });
          const path = resolve(ctx.io.cwd, file);
          await writeFile(path, r.ics, 'utf8');
          if (ctx.json)
            return printJson(ctx, {
              file: path,
              installments: r.installments,
              escalations: r.escalations,
              timeZone: r.timeZone,
            });
          ctx.io.stdout(
            say(
              ctx,
              `已写入 ${path}：${r.installments} 期还款、${r.escalations} 个跟进日，${o.time}（${r.timeZone}）提醒，提前 ${o.alarm} 天。导入手机日历即可；以后重新导出会更新同一批事件。\n`,
              `Wrote ${path}: ${r.installments} installment(s), ${r.escalations} follow-up(s), at ${o.time} ${r.timeZone}, alarms ${o.alarm} day(s) before. Import it into your phone calendar; re-exporting updates the same events.\n`,
            ),
          );
        }),
    ),
  );
}

import type { Command } from 'commander';
import { isAbsolute, resolve } from 'node:path';
import { Option } from 'commander';
import {
  ESCALATION_STATUSES,
  listEscalations,
  removeEscalation,
  setEscalationStatus,
} from '../../app/escalations.js';
import { renderEscalationLetter } from '../../app/escalation-letters.js';
import { DOC_FORMATS } from '../../app/documents/documents.js';
import { writeAtomic } from './letter.js';
import { CHANNELS, isChannelId } from '../../app/documents/documents.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { formatTable } from '../table.js';

type Opts = StoreOptions & { case?: string };

const STATUS_ZH: Record<string, string> = {
  draft: '草稿',
  sent: '已发送',
  acknowledged: '已受理',
  resolved: '已答复',
  rejected: '被驳回',
  closed: '已结束',
};

export function registerEscalation(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const group = program
    .command('escalation')
    .description(
      '投诉与异议的跟进 (escalations: list with deadlines, update status, edit, remove)',
    );

  registerList(group, ctx, setExit);
  registerStatus(group, ctx, setExit);
  registerEdit(group, ctx, setExit);
  registerRemove(group, ctx, setExit);
  registerLetter(group, ctx, setExit);
}

/** `escalation list`: every record with its follow-up date and days left. */
function registerList(group: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const list = group
    .command('list')
    .description('列出投诉/异议及跟进期限 (list with follow-up dates)')
    .option('--case <id>', 'case id');
  addStoreOptions(list);
  list.action(
    action(ctx, setExit, async (flags: Opts) => {
      const rows = await withDeps(ctx, flags, (deps) =>
        listEscalations(deps, flags.case === undefined ? {} : { caseId: flags.case }),
      );
      if (ctx.json) return printJson(ctx, { escalations: rows });
      if (rows.length === 0) {
        ctx.io.stdout(
          say(
            ctx,
            '还没有投诉或异议记录。用 xieshang escalate <渠道> --lender … 记录。\n',
            'No escalations yet. Record one with xieshang escalate <channel> --lender …\n',
          ),
        );
        return;
      }
      ctx.io.stdout(
        formatTable(
          [
            say(ctx, '编号', 'id'),
            say(ctx, '债权人', 'lender'),
            say(ctx, '渠道', 'channel'),
            say(ctx, '发送日', 'sent'),
            say(ctx, '跟进日', 'chase on'),
            say(ctx, '剩余天数', 'days left'),
            say(ctx, '状态', 'status'),
            say(ctx, '受理号', 'reference'),
          ],
          rows.map((r) => [
            r.id,
            r.lenderName ?? '',
            isChannelId(r.channel)
              ? say(ctx, CHANNELS[r.channel].addresseeZh, r.channel)
              : r.channel,
            r.sentOn ?? '',
            r.chaseOn ?? '',
            r.daysLeft === null
              ? ''
              : r.daysLeft < 0
                ? say(ctx, `逾期${-r.daysLeft}天`, `${-r.daysLeft} overdue`)
                : String(r.daysLeft),
            say(ctx, STATUS_ZH[r.status] ?? r.status, r.status),
            r.reference ?? '',
          ]),
          ['left', 'left', 'left', 'left', 'left', 'right', 'left', 'left'],
        ),
      );
    }),
  );
}

/** `escalation status <id> <status>`: acknowledged, resolved, closed… */
function registerStatus(group: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const status = group
    .command('status')
    .description(`更新状态 (set status: ${ESCALATION_STATUSES.join(' | ')})`)
    .argument('<id>', 'escalation id')
    .argument('<status>', ESCALATION_STATUSES.join(' | '))
    .option('--reference <no>', 'reference / ticket number')
    .option('--notes <text>', 'notes')
    .option('--case <id>', 'case id');
  addStoreOptions(status);
  status.action(
    action(
      ctx,
      setExit,
      async (id: string, st: string, flags: Opts & { reference?: string; notes?: string }) => {
        const e = await withDeps(ctx, flags, (deps) =>
          setEscalationStatus(deps, {
            id,
            status: st,
            ...(flags.case === undefined ? {} : { caseId: flags.case }),
            ...(flags.reference === undefined ? {} : { reference: flags.reference }),
            ...(flags.notes === undefined ? {} : { notes: flags.notes }),
          }),
        );
        if (ctx.json) return printJson(ctx, { escalation: e });
        ctx.io.stdout(
          say(
            ctx,
            `已更新 ${e.id}：${STATUS_ZH[e.status] ?? e.status}\n`,
            `Updated ${e.id}: ${e.status}\n`,
          ),
        );
      },
    ),
  );
}

/** `escalation letter <id> [--follow-up]`: the letter again, or the 催办函 when overdue. */
function registerLetter(group: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const letter = group
    .command('letter')
    .description(
      '重新生成投诉文书，或用 --follow-up 生成逾期未答复的催办函 (write the letter again, or the follow-up letter)',
    )
    .argument('<id>', 'escalation id')
    .option('--follow-up', '催办函：跟进日期已过、仍未答复时 (the follow-up letter)')
    .option('--out <file>', 'where to write it (default <channel>-<kind>.<format>)')
    .addOption(new Option('--format <format>', 'format').choices([...DOC_FORMATS]).default('docx'))
    .option('--case <id>', 'case id');
  addStoreOptions(letter);
  letter.action(
    action(
      ctx,
      setExit,
      async (id: string, flags: Opts & { followUp?: boolean; out?: string; format: string }) => {
        const r = await withDeps(ctx, flags, (deps) =>
          renderEscalationLetter(deps, {
            id,
            format: flags.format,
            lang: ctx.lang,
            kind: flags.followUp === true ? 'follow-up' : 'channel',
            ...(flags.case === undefined ? {} : { caseId: flags.case }),
          }),
        );
        const name =
          flags.out ??
          `${r.escalation.channel}-${flags.followUp === true ? 'follow-up' : 'letter'}.${r.letter.format}`;
        const out = isAbsolute(name) ? name : resolve(ctx.io.cwd, name);
        await writeAtomic(out, r.letter.bytes);
        if (ctx.json)
          return printJson(ctx, { out, title: r.letter.doc.title, kind: r.letter.kind });
        ctx.io.stdout(say(ctx, `文书已写入 ${out}\n`, `Letter written to ${out}\n`));
      },
    ),
  );
}

type EditFlags = Opts & { sentOn?: string; chaseOn?: string; reference?: string; notes?: string };

/** `escalation edit <id>`: correct the dates, the reference or the notes of a record. */
function registerEdit(group: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const edit = group
    .command('edit')
    .description('修改发出日期、跟进日期、受理编号或备注 (edit dates, reference, notes)')
    .argument('<id>', 'escalation id')
    .option('--sent-on <date>', '发出日期（跟进日期随之按渠道重算）')
    .option('--chase-on <date>', '跟进日期')
    .option('--reference <no>', '受理编号（"" 清除）')
    .option('--notes <text>', '备注（"" 清除）')
    .option('--case <id>', 'case id');
  addStoreOptions(edit);
  edit.action(
    action(ctx, setExit, async (id: string, flags: EditFlags) => {
      const e = await withDeps(ctx, flags, (deps) =>
        setEscalationStatus(deps, {
          id,
          ...(flags.case === undefined ? {} : { caseId: flags.case }),
          ...(flags.sentOn === undefined ? {} : { sentOn: flags.sentOn }),
          ...(flags.chaseOn === undefined ? {} : { chaseOn: flags.chaseOn }),
          ...(flags.reference === undefined ? {} : { reference: flags.reference }),
          ...(flags.notes === undefined ? {} : { notes: flags.notes }),
        }),
      );
      if (ctx.json) return printJson(ctx, { escalation: e });
      ctx.io.stdout(
        say(
          ctx,
          `已修改 ${e.id}：发出 ${e.sentOn ?? '—'}，跟进 ${e.chaseOn ?? '—'}\n`,
          `Edited ${e.id}: sent ${e.sentOn ?? '—'}, follow up ${e.chaseOn ?? '—'}\n`,
        ),
      );
    }),
  );
}

/** `escalation remove <id>`: deletes a record, printing the id `xieshang undo` takes. */
function registerRemove(group: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const remove = group
    .command('remove')
    .description('删除一条投诉/升级记录（可用 xieshang undo 撤销） (remove; undoable)')
    .argument('<id>', 'escalation id')
    .option('--case <id>', 'case id');
  addStoreOptions(remove);
  remove.action(
    action(ctx, setExit, async (id: string, flags: Opts) => {
      const r = await withDeps(ctx, flags, (deps) =>
        removeEscalation(deps, { id, ...(flags.case === undefined ? {} : { caseId: flags.case }) }),
      );
      if (ctx.json) return printJson(ctx, { removed: r.escalation, undoId: r.undoId });
      ctx.io.stdout(
        say(
          ctx,
          `已删除投诉记录 ${r.escalation.id}（撤销：xieshang undo ${r.undoId}）\n`,
          `Removed escalation ${r.escalation.id} (to undo: xieshang undo ${r.undoId})\n`,
        ),
      );
    }),
  );
}

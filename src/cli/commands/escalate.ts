import { isAbsolute, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { recordEscalation, type Escalation } from '../../app/escalations.js';
import { citeProvision } from '../../core/law/index.js';
import { CHANNEL_IDS, CHANNELS, DOC_FORMATS, isChannelId } from '../../app/documents/documents.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { writeAtomic } from './letter.js';

interface EscalateFlags extends StoreOptions {
  lender?: string;
  case?: string;
  sentOn?: string;
  reference?: string;
  notes?: string;
  out?: string;
  format: string;
  letter: boolean;
  disputeInstitution?: string;
  disputeAccount?: string;
  disputeWrong?: string;
  disputeCorrect?: string;
}

/** The channel, the dates and references, the letter's format and the credit-dispute details. */
function addEscalateOptions(cmd: Command): Command {
  return cmd
    .argument('<channel>', CHANNEL_IDS.join(' | '))
    .requiredOption('--lender <name>', 'lender name, brand or id')
    .option('--case <id>', 'case id (default: the only case)')
    .option('--sent-on <date>', 'date sent (default today)')
    .option('--reference <no>', 'reference / ticket number the channel gave')
    .option('--notes <text>', 'notes')
    .option('--out <file>', 'where to write the letter (default <channel>-<date>.<format>)')
    .addOption(
      new Option('--format <format>', 'letter format').choices([...DOC_FORMATS]).default('docx'),
    )
    .option('--no-letter', 'only record, do not write a letter')
    .option('--dispute-institution <name>', '征信异议：数据报送机构（报告上的机构名称）')
    .option('--dispute-account <no>', '征信异议：报告上的账户/合同号/卡号尾号')
    .option(
      '--dispute-wrong <text>',
      '征信异议：报告中的错误记载（必填，credit-dispute / pboc-complaint）',
    )
    .option('--dispute-correct <text>', '征信异议：应当记载为');
}

/** What was recorded, the follow-up date and its basis, and where the letter went. */
function formatRecorded(ctx: CliContext, e: Escalation, out: string | null): string {
  const ch = isChannelId(e.channel) ? CHANNELS[e.channel] : undefined;
  let text = say(
    ctx,
    `已记录：${ch?.nameZh ?? e.channel}，发送日 ${e.sentOn}，请在 ${e.chaseOn} 跟进（编号 ${e.id}）\n`,
    `Recorded: ${ch?.nameEn ?? e.channel}, sent ${e.sentOn}; follow up on ${e.chaseOn} (id ${e.id})\n`,
  );
  if (ch !== undefined && ch.deadlineBasis !== null)
    text += say(
      ctx,
      `（法定答复期限 ${ch.followUpDays} 日：${citeProvision(ch.deadlineBasis, 'zh')}）\n`,
      `(legal reply deadline ${ch.followUpDays} days: ${citeProvision(ch.deadlineBasis, 'en')})\n`,
    );
  if (ch?.deadlineBasis === null)
    text += say(
      ctx,
      '（跟进日期为提醒，不是法定期限）\n',
      '(the follow-up date is a reminder, not a legal deadline)\n',
    );
  if (out !== null) text += say(ctx, `文书已写入 ${out}\n`, `Letter written to ${out}\n`);
  return text;
}

/** `xieshang escalate <channel>`: record the escalation, write its letter, say when to chase. */
export function registerEscalate(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const cmd = addEscalateOptions(
    program
      .command('escalate')
      .description(
        '记录一次投诉/异议/调解/法律援助并生成文书，设定跟进日期 (record an escalation and write its letter)',
      ),
  );
  addStoreOptions(cmd);
  cmd.action(
    action(ctx, setExit, async (channel: string, flags: EscalateFlags) => {
      const r = await withDeps(ctx, flags, (deps) =>
        recordEscalation(deps, {
          ...(flags.case === undefined ? {} : { caseId: flags.case }),
          lender: flags.lender ?? '',
          channel,
          ...(flags.sentOn === undefined ? {} : { sentOn: flags.sentOn }),
          ...(flags.reference === undefined ? {} : { reference: flags.reference }),
          ...(flags.notes === undefined ? {} : { notes: flags.notes }),
          dispute: {
            institution: flags.disputeInstitution,
            account: flags.disputeAccount,
            wrong: flags.disputeWrong,
            correct: flags.disputeCorrect,
          },
          letter: flags.letter ? { format: flags.format, lang: ctx.lang } : null,
        }),
      );
      const e = r.escalation;
      let out: string | null = null;
      if (r.letter !== null) {
        const name = flags.out ?? `${e.channel}-${e.sentOn}.${r.letter.format}`;
        out = isAbsolute(name) ? name : resolve(ctx.io.cwd, name);
        await writeAtomic(out, r.letter.bytes);
      }
      if (ctx.json) {
        printJson(ctx, {
          escalation: e,
          letter: out === null ? null : { out, sha256: r.sha256, title: r.letter?.doc.title },
        });
        return;
      }
      ctx.io.stdout(formatRecorded(ctx, e, out));
    }),
  );
}

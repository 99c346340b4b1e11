import type { Command } from 'commander';
import { resolveCase } from '../../app/cases.js';
import { checkCaseConduct } from '../../app/contacts.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';

const SEVERITY = {
  breach: { zh: '违规', en: 'BREACH' },
  warning: { zh: '需核实', en: 'CHECK' },
  note: { zh: '提示', en: 'NOTE' },
} as const;

export function registerConduct(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const cd = program.command('conduct').description('催收行为检查 (collector-conduct checker)');
  addStoreOptions(
    cd
      .command('check')
      .description('根据联系记录检查夜间催收、联系第三人、威胁辱骂、冒充公检法、私人账户、频率')
      .option('--case <id>', 'case id (default: the only case)')
      .option('--lender <lender>', 'only this lender'),
  ).action(
    action(ctx, setExit, async (o: StoreOptions & { case?: string; lender?: string }) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const flags = await checkCaseConduct(deps, c.id, o.lender ? { lender: o.lender } : {});
        if (ctx.json) return printJson(ctx, { flags });
        if (flags.length === 0)
          return void ctx.io.stdout(
            say(
              ctx,
              '联系记录中没有发现催收违规迹象。\n',
              'No sign of collection misconduct in the contact log.\n',
            ),
          );
        const en = ctx.lang === 'en';
        for (const f of flags) {
          ctx.io.stdout(
            `[${en ? SEVERITY[f.severity].en : SEVERITY[f.severity].zh}] ${en ? f.titleEn : f.titleZh}\n  ${en ? f.messageEn : f.messageZh}\n`,
          );
          ctx.io.stdout(
            `  ${say(ctx, '依据', 'Basis')}: ${f.sources.map((s) => `${en ? s.citeEn : s.citeZh} (${s.certainty})`).join('; ')}\n` +
              `  ${say(ctx, '规则可信度', 'Rule certainty')}: ${f.certainty}; ${say(ctx, '发现方式', 'found by')}: ${detectionText(ctx, f.detection)}\n` +
              (f.channels.length > 0
                ? `  ${say(ctx, '投诉渠道', 'Complain to')}: ${f.channels.map((ch) => (en ? ch.nameEn : ch.nameZh)).join(' / ')}\n`
                : '') +
              `  ${say(ctx, '联系记录', 'Contacts')}: ${f.contactIds.join(', ')}\n\n`,
          );
        }
        const breaches = flags.filter((f) => f.severity === 'breach').length;
        ctx.io.stdout(
          say(
            ctx,
            `共 ${flags.length} 条提示，其中 ${breaches} 条违规。可信度：P 已核对原文，S 二手来源，U 未核实。关键词识别为自动推测，请核对。本结果不构成法律意见。\n`,
            `${flags.length} flags, ${breaches} breaches. Certainty: P primary text, S secondary sources, U unverified. Keyword detection is a guess; please review. Not legal advice.\n`,
          ),
        );
      }),
    ),
  );
}

const DETECTION_TEXT: Record<string, [string, string]> = {
  recorded: ['按联系记录的时间/对象判断', 'from the logged time and party'],
  'user-tagged': ['您标注的', 'tagged by you'],
  'keyword-heuristic': ['关键词自动推测，请核对', 'keyword guess, please check'],
};

function detectionText(ctx: Parameters<typeof say>[0], d: string): string {
  const t = DETECTION_TEXT[d];
  return t ? say(ctx, t[0], t[1]) : d;
}

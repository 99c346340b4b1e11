import type { Command } from 'commander';
import {
  parseCheckRequest,
  runCheck,
  toCheckJson,
  type CheckRequest,
} from '../../app/calculators/check.js';
import {
  applicableLines,
  describeUpfrontDeduction,
  type Certainty,
  type LegalityReport,
} from '../../core/law/index.js';
import { formatMoney } from '../../core/money/index.js';
import { say, type CliContext } from '../io.js';
import { registerJsonCommand } from '../json-command.js';

const CERTAINTY_ZH: Record<Certainty, string> = {
  P: '已核对法律原文 P',
  S: '二手资料 S',
  U: '待核实 U',
};
const CERTAINTY_EN: Record<Certainty, string> = {
  P: 'primary text checked, P',
  S: 'secondary sources, S',
  U: 'unverified, U',
};

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

/** A legal line for people: "24%", "15.4%" (lines are exact ppm, so no float noise survives). */
function pctLine(x: number): string {
  return `${Number((x * 100).toFixed(4))}%`;
}

/** The verdict people read first: the true rate and whether it is above the line that counts. */
function formatHeadline(zh: boolean, rep: LegalityReport): string[] {
  // the headline uses the line the recalculation uses (for an unknown lender: the higher 24% line)
  const first =
    rep.verdicts.find((v) => v.rule === rep.recalculation?.line) ??
    rep.verdicts.find((v) => v.exceeded) ??
    rep.verdicts[0];
  const shortSource = (v: { source: string }) => v.source.split('；')[0] ?? v.source;
  const out: string[] = [];
  if (zh) {
    out.push(
      `这笔贷款的实际年化利率约 ${pct(rep.nominalApr)}（单利口径；按复利/IRR 口径约 ${pct(rep.effectiveAnnualRate)}）。`,
    );
    if (first)
      out.push(
        `${first.exceeded ? '超过' : '没有超过'} ${pctLine(first.limit)} 的保护线（来源：${shortSource(first)}，可信度：${CERTAINTY_ZH[first.certainty]}）。`,
      );
  } else {
    out.push(
      `This loan's true annual rate is about ${pct(rep.nominalApr)} (simple, nominal APR; about ${pct(rep.effectiveAnnualRate)} compounded / IRR).`,
    );
    if (first)
      out.push(
        `It is ${first.exceeded ? 'above' : 'not above'} the ${pctLine(first.limit)} line (source: ${shortSource(first)}; certainty: ${CERTAINTY_EN[first.certainty]}).`,
      );
  }
  return out;
}

/** Every line the loan was held against, with its source and certainty. */
function formatVerdictLines(ctx: Pick<CliContext, 'lang'>, rep: LegalityReport): string[] {
  const zh = ctx.lang !== 'en';
  const out = [say(ctx, '逐条对照：', 'Line by line:')];
  for (const v of rep.verdicts) {
    const mark = v.exceeded ? '✗' : '✓';
    out.push(
      `  ${mark} ${zh ? v.noteZh : v.noteEn}`,
      `    ${say(ctx, '来源', 'source')}: ${v.source} | ${say(ctx, '可信度', 'certainty')}: ${zh ? CERTAINTY_ZH[v.certainty] : CERTAINTY_EN[v.certainty]}`,
    );
  }
  return out;
}

/** The recalculation at the line (overpaid or still owed), or why there is none. */
function formatRecalculation(ctx: Pick<CliContext, 'lang'>, rep: LegalityReport): string {
  const zh = ctx.lang !== 'en';
  const rc = rep.recalculation;
  if (!rc)
    return say(
      ctx,
      '价格没有超过适用的保护线，按合同约定计算，不需要按线重新计算。',
      'The price is within the applicable line, so the contract terms stand and there is no recalculation.',
    );
  const line = pctLine(rc.limit);
  if (rc.overpaid > 0)
    return zh
      ? `按 ${line} 的线、从实际到手的本金重新计算（截至 ${rep.asOf}，先还利息后还本金，民法典第561条）：您已多付 ${formatMoney(rc.overpaid)}。`
      : `Recalculated at the ${line} line from the money actually received (to ${rep.asOf}, payments to interest first, then principal, Civil Code art. 561): you have overpaid ${formatMoney(rc.overpaid)}.`;
  return zh
    ? `按 ${line} 的线、从实际到手的本金重新计算（截至 ${rep.asOf}，先还利息后还本金，民法典第561条）：您还欠 ${formatMoney(rc.outstanding)}（本金及按该线计算的利息）。`
    : `Recalculated at the ${line} line from the money actually received (to ${rep.asOf}, payments to interest first, then principal, Civil Code art. 561): you still owe ${formatMoney(rc.outstanding)} (principal and interest at that line).`;
}

/** The plain-language report a non-lawyer reads (zh by default, en with --lang en). */
export function formatCheckText(
  ctx: Pick<CliContext, 'lang'>,
  req: CheckRequest,
  rep: LegalityReport,
): string {
  const zh = ctx.lang !== 'en';
  const out: string[] = formatHeadline(zh, rep);
  const lines = applicableLines(req.lenderType, req.contractDate, rep.asOf);
  const label = (id: string) => {
    const l = lines.find((x) => x.id === id);
    return l === undefined ? id : zh ? l.labelZh : l.labelEn;
  };
  const deduction = describeUpfrontDeduction(rep, req.contractPrincipal, zh ? 'zh' : 'en');
  if (deduction) out.push(deduction);
  out.push('');
  out.push(...formatVerdictLines(ctx, rep));
  out.push('');
  out.push(formatRecalculation(ctx, rep));
  if (rep.unconfirmedRules.length > 0)
    out.push(
      say(
        ctx,
        `注意：${rep.unconfirmedRules.map(label).join('；')} 所依据的规则尚未核实，只能作为协商时的参考，不要当作确定结论。`,
        `Note: the ${rep.unconfirmedRules.map(label).join('; ')} rests on unverified rules; use it only as a negotiation argument, not as settled law.`,
      ),
    );
  out.push('');
  out.push(
    say(
      ctx,
      '可信度说明：P = 已核对法律原文；S = 多个二手资料转述，未读到官方原文；U = 未经核实。以上为工具计算，不构成法律意见。',
      'Certainty: P = checked in the primary text; S = quoted by secondary sources, official text not read; U = unverified. This is a tool calculation, not legal advice.',
    ),
  );
  return `${out.join('\n')}\n`;
}

export function registerCheck(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  registerJsonCommand(program, ctx, setExit, {
    name: 'check',
    description: '合法性检查：实际年化、砍头息、法律保护线与按线重算 (legality check of one loan)',
    argument: 'JSON file, or - for stdin',
    parse: parseCheckRequest,
    run: runCheck,
    toJson: toCheckJson,
    toText: formatCheckText,
  });
}

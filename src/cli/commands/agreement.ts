import { writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  addAgreement,
  agreementReports,
  asOfOrToday,
  findAgreement,
  reportOf,
  type AgreementReport,
} from '../../app/agreements/agreements.js';
import { listAgreementPayments } from '../../app/agreements/payments.js';
import { agreementJson, progressJson, replanJson } from '../../app/agreements/present.js';
import { replanAgreements, type ReplanResult } from '../../app/agreements/replan.js';
import { resolveCase } from '../../app/cases.js';
import { AppError } from '../../app/errors.js';
import {
  INSTALLMENT_STATUS_ZH,
  PAYMENT_CHANNEL_ZH,
  type InstallmentStatus,
  type PaymentChannel,
  type Progress,
} from '../../core/agreement/index.js';
import { formatMoney, type Cents } from '../../core/money/index.js';
import { addStoreOptions, withDeps, type StoreOptions } from '../deps.js';
import { readJsonInput, say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { formatTable } from '../table.js';
import { registerAgreementEdits } from './agreement-edit.js';

export type CaseOpts = StoreOptions & { case?: string; asOf?: string };

/** --case, --as-of and the store options, shared by the F11 commands. */
export function addCaseOptions(cmd: Command): Command {
  return addStoreOptions(
    cmd
      .option('--case <id>', 'case id (default: the only case)')
      .option('--as-of <date>', 'treat this date as today (default: today, Beijing time)'),
  );
}

const STATUS_EN: Record<InstallmentStatus, string> = {
  upcoming: 'upcoming',
  'due-soon': 'due soon',
  paid: 'paid',
  'partially-paid': 'partly paid',
  late: 'late (grace)',
  missed: 'missed',
};

export function statusText(ctx: Pick<CliContext, 'lang'>, s: InstallmentStatus): string {
  return say(ctx, INSTALLMENT_STATUS_ZH[s], STATUS_EN[s]);
}

export function channelText(ctx: Pick<CliContext, 'lang'>, c: string | null): string {
  if (c === null) return '—';
  return ctx.lang === 'en' ? c : (PAYMENT_CHANNEL_ZH[c as PaymentChannel] ?? c);
}

const m = (c: Cents): string => formatMoney(c);

const CONCESSION_ZH: Record<string, string> = {
  'waive-penalty': '减免罚息/违约金',
  'freeze-interest': '停息挂账',
  'reduce-rate': '降低利率',
  'waive-fees': '减免费用',
  'extend-term': '延长期限',
  'stop-collection': '停止催收',
};

function progressLine(ctx: CliContext, p: Omit<Progress, 'nextDue'>): string {
  const track = p.isComplete
    ? say(ctx, '已全部还清', 'fully repaid')
    : p.isOnTrack
      ? say(ctx, '按计划进行', 'on track')
      : say(ctx, `未按计划：拖欠 ${m(p.arrears)}`, `behind: ${m(p.arrears)} in arrears`);
  return say(
    ctx,
    `已还 ${m(p.paid)} / ${m(p.total)}，剩余 ${m(p.remaining)}（${p.installmentsPaid}/${p.installmentsTotal} 期）；预计结清 ${p.projectedEndOn ?? '—'}（原定 ${p.scheduledEndOn ?? '—'}）；${track}`,
    `Paid ${m(p.paid)} of ${m(p.total)}, ${m(p.remaining)} left (${p.installmentsPaid}/${p.installmentsTotal}); projected end ${p.projectedEndOn ?? '—'} (scheduled ${p.scheduledEndOn ?? '—'}); ${track}`,
  );
}

export function formatReport(ctx: CliContext, r: AgreementReport, full: boolean): string {
  const a = r.agreement;
  const out: string[] = [];
  const who = a.lenderBrand ? `${a.lenderBrand}（${a.lenderName}）` : a.lenderName;
  out.push(
    say(
      ctx,
      `协议 ${a.id} · ${who} · ${a.agreedOn} 达成`,
      `Agreement ${a.id} · ${who} · agreed ${a.agreedOn}`,
    ),
  );
  out.push(
    say(
      ctx,
      `还款方式：${channelText(ctx, a.paymentChannel)}${a.payToAccount ? `，收款账户：${a.payToAccount}` : ''}${a.agentName || a.agentNumber ? `；经办：${[a.agentName, a.agentNumber ? `工号 ${a.agentNumber}` : null].filter(Boolean).join(' ')}` : ''}`,
      `Pay by: ${channelText(ctx, a.paymentChannel)}${a.payToAccount ? `, to ${a.payToAccount}` : ''}${a.agentName || a.agentNumber ? `; agent ${[a.agentName, a.agentNumber].filter(Boolean).join(' ')}` : ''}`,
    ),
  );
  if (a.concessions.length > 0)
    out.push(
      say(
        ctx,
        `对方同意：${a.concessions.map((x) => CONCESSION_ZH[x] ?? x).join('、')}`,
        `Concessions: ${a.concessions.join(', ')}`,
      ),
    );
  out.push(progressLine(ctx, r.progress));
  if (full) {
    out.push('');
    out.push(
      formatTable(
        say(ctx, '期,到期日,应还,已还,未还,状态', '#,Due,Amount,Paid,Left,Status').split(','),
        r.status.installments.map((s) => [
          String(s.seq),
          s.dueOn,
          m(s.amount),
          m(s.paid),
          m(s.remaining),
          statusText(ctx, s.status) +
            (s.daysLate > 0 ? say(ctx, `（${s.daysLate} 天）`, ` (${s.daysLate}d)`) : ''),
        ]),
        ['right', 'left', 'right', 'right', 'right', 'left'],
      ),
    );
    if (r.status.payments.length > 0) {
      out.push(say(ctx, '还款记录：', 'Payments:'));
      for (const p of r.status.payments) {
        const to = p.allocations
          .map((x) => say(ctx, `第${x.seq}期 ${m(x.amount)}`, `#${x.seq} ${m(x.amount)}`))
          .join(say(ctx, '，', ', '));
        out.push(
          `- ${p.paidOn} ${m(p.amount)} → ${to || '—'}` +
            (p.carriedForward > 0
              ? say(
                  ctx,
                  `；其中 ${m(p.carriedForward)} 结转为后续期的预付`,
                  `; ${m(p.carriedForward)} carried forward as credit`,
                )
              : '') +
            (p.unapplied > 0
              ? say(
                  ctx,
                  `；多还 ${m(p.unapplied)}（超出协议总额，可要求退还）`,
                  `; ${m(p.unapplied)} over-paid (beyond the total; ask for it back)`,
                )
              : ''),
        );
      }
    }
  }
  for (const w of r.warnings) out.push(say(ctx, `⚠ ${w.messageZh}`, `⚠ ${w.message}`));
  return out.join('\n');
}

export function formatReplan(ctx: CliContext, r: ReplanResult, written: string[]): string {
  const out: string[] = [];
  const reasonZh = {
    missed: '逾期未还',
    late: '逾期',
    'at-risk': '有还款风险',
    'income-changed': '收入变化',
  } as const;
  out.push(say(ctx, `重新规划（${r.asOf}），涉及：`, `Re-plan as of ${r.asOf} for:`));
  for (const a of r.affected)
    out.push(
      `- ${a.lender}${say(ctx, '：', ': ')}${a.reasons.map((x) => say(ctx, reasonZh[x], x)).join(say(ctx, '、', ', '))}${a.arrears > 0 ? say(ctx, `，拖欠 ${m(a.arrears)}`, `, ${m(a.arrears)} in arrears`) : ''}`,
    );
  out.push('');
  out.push(...(ctx.lang === 'en' ? r.summary.en : r.summary.zh));
  out.push('');
  out.push(
    formatTable(
      say(
        ctx,
        '债权人,每月,期数,首期,结清日期,合计',
        'Creditor,Monthly,Term,First,Ends,Total',
      ).split(','),
      // the same ask as the letter
      r.asks.map((a) => [
        a.lender,
        m(a.monthly),
        String(a.installments),
        a.firstDueOn,
        a.endOn,
        m(a.total),
      ]),
      ['left', 'right', 'right', 'left', 'left', 'right'],
    ),
  );
  if (written.length > 0) {
    out.push(
      say(
        ctx,
        '协商函草稿（请核对、补全姓名后再发送）：',
        'Renegotiation letter drafts (check and complete before sending):',
      ),
    );
    for (const f of written) out.push(`- ${f}`);
  }
  out.push(
    say(
      ctx,
      '请尽快（最好在下一个还款日之前）主动联系对方说明情况，并保存沟通记录。新的方案是申请，不是对方的义务。',
      'Contact the lender now (before the next due date), explain, and keep a record. The new plan is a request, not their obligation.',
    ),
  );
  return `${out.join('\n')}\n`;
}

export function registerAgreement(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const ag = program
    .command('agreement')
    .description('还款协议：记录、查看、重新规划 (agreements: record, show, re-plan)');
  registerAgreementEdits(ag, ctx, setExit);

  addCaseOptions(
    ag
      .command('add')
      .description(
        '记录与一家债权人达成的协议 (record an agreement); 格式见 examples/agreement.json',
      )
      // The issue spells it `agreement add --lender X --json FILE`. --json is the global
      // output flag (boolean), so FILE arrives here as the positional [file]; --input FILE
      // says the same without JSON output.
      .argument('[file]', 'agreement JSON file, or - for stdin (same as --input)')
      .option('--lender <lender>', 'lender id, legal name or brand (or "lender" in the file)')
      .option('--input <file>', 'agreement JSON file, or - for stdin'),
  ).action(
    action(
      ctx,
      setExit,
      async (file: string | undefined, o: CaseOpts & { lender?: string; input?: string }) => {
        const source = agreementInputSource(file, o.input);
        const raw = await readJsonInput(source, ctx.io);
        return withDeps(ctx, o, async (deps) => {
          const c = await resolveCase(deps, o.case);
          const { agreement } = await addAgreement(deps, c.id, {
            ...(o.lender === undefined ? {} : { lender: o.lender }),
            raw,
          });
          const report = reportOf(agreement, [], { asOf: asOfOrToday(deps, o.asOf) });
          if (ctx.json) return printJson(ctx, { agreement: agreementJson(report) });
          ctx.io.stdout(
            `${say(ctx, '已记录协议。', 'Agreement recorded.')}\n${formatReport(ctx, report, true)}\n`,
          );
        });
      },
    ),
  );

  addCaseOptions(
    ag
      .command('list')
      .description('各家协议进度与合计 (progress per lender and overall)')
      .option('--lender <lender>', 'only this lender'),
  ).action(
    action(ctx, setExit, async (o: CaseOpts & { lender?: string }) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const { reports, overall } = await agreementReports(deps, c.id, {
          asOf: asOfOrToday(deps, o.asOf),
          ...(o.lender === undefined ? {} : { lender: o.lender }),
        });
        if (ctx.json)
          return printJson(ctx, {
            agreements: reports.map(agreementJson),
            overall: {
              ...progressJson(overall),
              agreements: overall.agreements,
              agreementsOnTrack: overall.onTrack,
            },
          });
        if (reports.length === 0) {
          ctx.io.stdout(
            say(
              ctx,
              '还没有记录任何协议。用 xieshang agreement add 添加。\n',
              'No agreements yet. Add one with: xieshang agreement add\n',
            ),
          );
          return;
        }
        for (const r of reports) ctx.io.stdout(`${formatReport(ctx, r, false)}\n\n`);
        ctx.io.stdout(
          `${say(ctx, `合计（${overall.agreements} 份协议，${overall.onTrack} 份按计划）：`, `Overall (${overall.agreements} agreements, ${overall.onTrack} on track): `)}${progressLine(ctx, overall)}\n`,
        );
      }),
    ),
  );

  addCaseOptions(
    ag
      .command('show')
      .description('一份协议的每期状态与还款匹配 (installments, statuses, payment matching)')
      .argument('[agreement]', 'agreement id (or use --lender)')
      .option('--lender <lender>', 'the lender whose active agreement to show')
      .option('--due-soon <days>', 'due-soon window in days', '7')
      .option('--grace <days>', 'grace days before an unpaid installment counts as missed', '3'),
  ).action(
    action(
      ctx,
      setExit,
      async (
        id: string | undefined,
        o: CaseOpts & { lender?: string; dueSoon: string; grace: string },
      ) =>
        withDeps(ctx, o, async (deps) => {
          const c = await resolveCase(deps, o.case);
          const a = await findAgreement(deps, c.id, {
            ...(id === undefined ? {} : { agreement: id }),
            ...(o.lender === undefined ? {} : { lender: o.lender }),
          });
          const payments = await listAgreementPayments(deps, c.id, a.id);
          const r = reportOf(a, payments, {
            asOf: asOfOrToday(deps, o.asOf),
            dueSoonDays: intOpt(o.dueSoon, 'due-soon'),
            graceDays: intOpt(o.grace, 'grace'),
          });
          if (ctx.json) return printJson(ctx, { agreement: agreementJson(r) });
          ctx.io.stdout(`${formatReport(ctx, r, true)}\n`);
        }),
    ),
  );

  addCaseOptions(
    ag
      .command('replan')
      .description(
        '逾期/有风险/收入变化时重新规划并生成协商函草稿 (re-plan and draft a renegotiation letter)',
      )
      .option(
        '--capacity <amount>',
        'new monthly amount you can pay these lenders (default: unchanged)',
      )
      .option('--lender <lender...>', 'lenders at risk (e.g. from forecast warnings)')
      .option('--out <dir>', 'where to write the letter drafts', '.')
      .option('--format <format>', 'md | docx | html', 'md')
      .option('--no-letters', 'only print the re-plan'),
  ).action(
    action(
      ctx,
      setExit,
      async (
        o: CaseOpts & {
          capacity?: string;
          lender?: string[];
          out: string;
          format: string;
          letters: boolean;
        },
      ) =>
        withDeps(ctx, o, async (deps) => {
          const c = await resolveCase(deps, o.case);
          const r = await replanAgreements(deps, c.id, {
            asOf: asOfOrToday(deps, o.asOf),
            ...(o.capacity === undefined ? {} : { capacity: o.capacity }),
            ...(o.lender === undefined ? {} : { lenders: o.lender }),
            lang: ctx.lang,
            format: o.format,
          });
          const written: string[] = [];
          if (o.letters) {
            const dir = resolve(ctx.io.cwd, o.out);
            await mkdir(dir, { recursive: true });
            for (const l of r.letters) {
              const file = join(dir, l.fileName);
              await writeFile(file, l.bytes);
              written.push(file);
            }
          }
          if (ctx.json) return printJson(ctx, replanJson(r, ctx.lang, written));
          ctx.io.stdout(formatReplan(ctx, r, written));
        }),
    ),
  );
}

export function intOpt(v: string, field: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n))
    throw new AppError('invalid-input', `${field}: "${v}" is not a whole number of days`, {
      field,
      messageZh: `${field}：“${v}”不是整数天数`,
    });
  return n;
}

/** One input file: `[file]` (as in `--json FILE`) or `--input FILE`, not both, not neither. */
export function agreementInputSource(file: string | undefined, input: string | undefined): string {
  if (file !== undefined && input !== undefined && file !== input)
    throw new AppError(
      'invalid-input',
      `input: give the agreement file once, not both "${file}" and --input "${input}"`,
      {
        field: 'input',
        messageZh: `input：协议文件只需给一次，不要同时给 “${file}” 和 --input “${input}”`,
      },
    );
  const source = file ?? input;
  if (source === undefined)
    throw new AppError(
      'invalid-input',
      'input: give the agreement JSON file (agreement add --lender X --json FILE, or --input FILE; - for stdin)',
      {
        field: 'input',
        messageZh:
          'input：请给出协议 JSON 文件（agreement add --lender X --json 文件，或 --input 文件；- 表示标准输入）',
      },
    );
  return source;
}

// What the `agreement` commands (and `pay`, `due`) print: an agreement's report and a re-plan.
import type { AgreementReport } from '../../app/agreements/agreements.js';
import type { ReplanResult } from '../../app/agreements/replan.js';
import {
  INSTALLMENT_STATUS_ZH,
  PAYMENT_CHANNEL_ZH,
  type InstallmentStatus,
  type PaymentChannel,
  type Progress,
} from '../../core/agreement/index.js';
import { formatMoney, type Cents } from '../../core/money/index.js';
import { say, type CliContext } from '../io.js';
import { formatTable } from '../table.js';

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

export function progressLine(ctx: CliContext, p: Omit<Progress, 'nextDue'>): string {
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

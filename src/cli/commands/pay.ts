import type { Command } from 'commander';
import { asOfOrToday } from '../../app/agreements/agreements.js';
import { recordPayment } from '../../app/agreements/payments.js';
import { resolveCase } from '../../app/cases.js';
import { formatMoney, formatYuan } from '../../core/money/index.js';
import { withDeps } from '../deps.js';
import { say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { agreementJson } from '../../app/agreements/present.js';
import { addCaseOptions, type CaseOpts } from './agreement.js';
import { formatReport } from './agreement-format.js';
import { payEditOrRemove } from './agreement-edit.js';

type PayOpts = CaseOpts & {
  lender?: string;
  agreement?: string;
  amount?: string;
  date?: string;
  channel?: string;
  receipt?: string;
  receiptId?: string;
  note?: string;
};

export function registerPay(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addCaseOptions(
    program
      .command('pay')
      .description(
        '记录一笔按协议的还款；pay edit|remove <协议> <还款> 修改或删除一笔 (record a payment, matched oldest installment first; or edit/remove one)',
      )
      .argument('[action]', 'edit | remove a recorded payment (omit to record a new one)')
      .argument('[agreement]', 'with edit/remove: the agreement id')
      .argument('[payment]', 'with edit/remove: the payment id')
      .option('--lender <lender>', 'lender id, name or brand (its active agreement)')
      .option('--agreement <id>', 'the agreement, when a lender has several')
      .option('--amount <amount>', 'amount paid, e.g. 980 or 980.00 (required)')
      .option('--date <date>', 'date paid (default: today)')
      .option(
        '--channel <channel>',
        'app | online-banking | counter | third-party (default: the agreement’s)',
      )
      .option('--receipt <file>', 'receipt (screenshot/PDF) to keep in the evidence vault')
      .option('--receipt-id <id>', 'an evidence id already in the vault')
      .option('--note <text>', 'note'),
  ).action(
    action(
      ctx,
      setExit,
      async (
        verb: string | undefined,
        ag: string | undefined,
        pid: string | undefined,
        o: PayOpts,
      ) => {
        if (verb !== undefined)
          return payEditOrRemove(ctx, verb, { agreement: ag, payment: pid }, o);
        return withDeps(ctx, o, async (deps) => {
          const c = await resolveCase(deps, o.case);
          const asOf = asOfOrToday(deps, o.asOf);
          const { payment, report } = await recordPayment(deps, c.id, {
            asOf,
            amount: o.amount ?? '',
            ...(o.lender === undefined ? {} : { lender: o.lender }),
            ...(o.agreement === undefined ? {} : { agreement: o.agreement }),
            ...(o.date === undefined ? {} : { date: o.date }),
            ...(o.channel === undefined ? {} : { channel: o.channel }),
            ...(o.receipt === undefined ? {} : { receiptFile: o.receipt }),
            ...(o.receiptId === undefined ? {} : { receiptEvidenceId: o.receiptId }),
            ...(o.note === undefined ? {} : { note: o.note }),
          });
          if (ctx.json)
            return printJson(ctx, {
              payment: { ...payment, amount: formatYuan(payment.amount) },
              agreement: agreementJson(report),
            });
          const outcome = report.status.payments.find((p) => p.paymentId === payment.id);
          ctx.io.stdout(
            `${say(ctx, `已记录还款 ${formatMoney(payment.amount)}（${payment.paidOn}）。`, `Payment of ${formatMoney(payment.amount)} on ${payment.paidOn} recorded.`)}` +
              (payment.receiptEvidenceId
                ? say(
                    ctx,
                    ` 凭证已存入证据库：${payment.receiptEvidenceId}`,
                    ` Receipt in the vault: ${payment.receiptEvidenceId}`,
                  )
                : '') +
              (outcome && outcome.unapplied > 0
                ? say(
                    ctx,
                    `\n⚠ 其中 ${formatMoney(outcome.unapplied)} 超出协议总额，请向对方确认或要求退还。`,
                    `\n⚠ ${formatMoney(outcome.unapplied)} is beyond the agreed total; confirm with the lender or ask for it back.`,
                  )
                : '') +
              `\n\n${formatReport(ctx, report, true)}\n`,
          );
        });
      },
    ),
  );
}

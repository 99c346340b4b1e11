// `agreement edit|remove` and `pay edit|remove` (issue 13 item 4): correct or delete an agreement
// or one payment; a removal prints the `xieshang undo <id>` that brings it back.
import type { Command } from 'commander';
import {
  asOfOrToday,
  findAgreement,
  reportOf,
  type AgreementPayment,
} from '../../app/agreements/agreements.js';
import { listAgreementPayments } from '../../app/agreements/payments.js';
import {
  editAgreement,
  editPayment,
  removeAgreement,
  removePayment,
  type AgreementEdit,
  type PaymentEdit,
} from '../../app/agreements/edit.js';
import { resolveCase } from '../../app/cases.js';
import { AppError } from '../../app/errors.js';
import { formatMoney, formatYuan } from '../../core/money/index.js';
import type { Deps } from '../../app/deps.js';
import type { CaseId } from '../../app/types.js';
import { withDeps } from '../deps.js';
import { readJsonInput, say, type CliContext } from '../io.js';
import { action, printJson } from '../run-action.js';
import { agreementJson } from '../../app/agreements/present.js';
import { addCaseOptions, type CaseOpts } from './agreement.js';
import { formatReport } from './agreement-format.js';

type EditOpts = CaseOpts & {
  agreedOn?: string;
  firstDue?: string;
  amount?: string;
  count?: string;
  agent?: string;
  channel?: string;
  account?: string;
  notes?: string;
  confirmed?: boolean;
  input?: string;
};

function countOpt(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n))
    throw new AppError('invalid-input', `count: "${v}" is not a whole number`, {
      field: 'count',
      messageZh: `count：“${v}”不是整数`,
    });
  return n;
}

/** The options as an edit of the agreement JSON (a file given with --input comes first). */
function editFromOptions(o: EditOpts, file: Record<string, unknown>): AgreementEdit {
  const e: AgreementEdit = { ...file };
  const put = (k: string, v: unknown) => {
    if (v !== undefined) e[k] = v;
  };
  put('agreedOn', o.agreedOn);
  put('firstDueOn', o.firstDue);
  put('monthlyAmount', o.amount);
  put('count', o.count === undefined ? undefined : countOpt(o.count));
  put('agentName', o.agent);
  put('paymentChannel', o.channel);
  put('payToAccount', o.account);
  put('notes', o.notes);
  put('confirmedInWriting', o.confirmed);
  if (Object.keys(e).length === 0)
    throw new AppError('invalid-input', 'nothing to change: give at least one option', {
      field: 'input',
      messageZh: '没有要修改的内容：请至少给出一个选项（见 --help）',
    });
  return e;
}

async function printReport(ctx: CliContext, deps: Deps, caseId: CaseId, id: string, o: CaseOpts) {
  const a = await findAgreement(deps, caseId, { agreement: id });
  const r = reportOf(a, await listAgreementPayments(deps, caseId, id), {
    asOf: asOfOrToday(deps, o.asOf),
  });
  if (ctx.json) return printJson(ctx, { agreement: agreementJson(r) });
  ctx.io.stdout(`${formatReport(ctx, r, true)}\n`);
}

/** `agreement edit <id>` and `agreement remove <id>`. */
export function registerAgreementEdits(
  ag: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  addCaseOptions(
    ag
      .command('edit <agreement>')
      .description('修改协议条款；分期重新生成，已还款项重新匹配 (edit an agreement)')
      .option('--agreed-on <date>', 'date agreed')
      .option('--first-due <date>', 'first due date (rebuilds level installments)')
      .option('--amount <amount>', 'amount per installment (rebuilds level installments)')
      .option('--count <n>', 'number of installments (rebuilds level installments)')
      .option('--agent <name>', "the lender's agent")
      .option('--channel <channel>', 'app | online-banking | counter | third-party')
      .option('--account <text>', 'account to pay to')
      .option('--notes <text>', 'notes ("" clears)')
      .option('--confirmed', 'confirmed in writing')
      .option('--no-confirmed', 'not confirmed in writing')
      .option('--input <file>', 'JSON with fields of examples/agreement.json to replace'),
  ).action(
    action(ctx, setExit, async (id: string, o: EditOpts) => {
      const file =
        o.input === undefined
          ? {}
          : ((await readJsonInput(o.input, ctx.io)) as Record<string, unknown>);
      return withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        await editAgreement(deps, c.id, id, editFromOptions(o, file), asOfOrToday(deps, o.asOf));
        if (!ctx.json) ctx.io.stdout(`${say(ctx, '已修改协议。', 'Agreement changed.')}\n`);
        await printReport(ctx, deps, c.id, id, o);
      });
    }),
  );

  addCaseOptions(
    ag
      .command('remove <agreement>')
      .description('删除协议及其分期和还款记录（可撤销） (delete an agreement; undoable)'),
  ).action(
    action(ctx, setExit, async (id: string, o: CaseOpts) =>
      withDeps(ctx, o, async (deps) => {
        const c = await resolveCase(deps, o.case);
        const { agreement: a, undoId } = await removeAgreement(deps, c.id, id);
        if (ctx.json) return printJson(ctx, { removed: { id: a.id }, undoId });
        const lender = a.lenderBrand ?? a.lenderName;
        ctx.io.stdout(
          say(
            ctx,
            `已删除与${lender}的协议 ${a.id}（合计 ${formatMoney(a.total)}）（撤销：xieshang undo ${undoId}）\n`,
            `Removed the agreement ${a.id} with ${lender} (${formatMoney(a.total)}) (to undo: xieshang undo ${undoId})\n`,
          ),
        );
      }),
    ),
  );
}

export type PayEditOpts = CaseOpts & {
  amount?: string;
  date?: string;
  channel?: string;
  note?: string;
};

/**
 * `pay edit <agreement> <payment>` and `pay remove <agreement> <payment>`: subcommands in words,
 * but arguments of `pay` itself, so `--amount`, `--date`, `--channel` and `--note` mean the same
 * as when recording (commander would otherwise give them to `pay`).
 */
export async function payEditOrRemove(
  ctx: CliContext,
  verb: string,
  ids: { agreement: string | undefined; payment: string | undefined },
  o: PayEditOpts,
): Promise<void> {
  if (verb !== 'edit' && verb !== 'remove')
    throw new AppError('invalid-input', `"${verb}": expected edit or remove`, {
      field: 'action',
      messageZh: `“${verb}”：只能是 edit（修改）或 remove（删除）`,
    });
  const { agreement, payment } = ids;
  if (agreement === undefined || payment === undefined)
    throw new AppError('invalid-input', `pay ${verb} needs the agreement id and the payment id`, {
      field: 'payment',
      messageZh: `pay ${verb} 需要协议编号和还款编号（见 xieshang agreement show --json）`,
    });
  return withDeps(ctx, o, async (deps) => {
    const c = await resolveCase(deps, o.case);
    const asOf = asOfOrToday(deps, o.asOf);
    if (verb === 'remove')
      return printRemoved(ctx, await removePayment(deps, c.id, { agreement, payment }, asOf));
    const p = await editPayment(deps, c.id, { agreement, payment }, paymentEditOf(o), asOf);
    if (!ctx.json)
      ctx.io.stdout(
        `${say(ctx, `已修改还款：${formatMoney(p.amount)}（${p.paidOn}）。`, `Payment changed: ${formatMoney(p.amount)} on ${p.paidOn}.`)}\n`,
      );
    await printReport(ctx, deps, c.id, agreement, o);
  });
}

function paymentEditOf(o: PayEditOpts): PaymentEdit {
  const e: PaymentEdit = {};
  if (o.amount !== undefined) e.amount = o.amount;
  if (o.date !== undefined) e.date = o.date;
  if (o.channel !== undefined) e.channel = o.channel;
  if (o.note !== undefined) e.note = o.note;
  if (Object.keys(e).length === 0)
    throw new AppError(
      'invalid-input',
      'nothing to change: give --amount, --date, --channel or --note',
      {
        field: 'amount',
        messageZh: '没有要修改的内容：请给出 --amount、--date、--channel 或 --note',
      },
    );
  return e;
}

function printRemoved(ctx: CliContext, r: { payment: AgreementPayment; undoId: string }): void {
  if (ctx.json)
    return printJson(ctx, {
      removed: { id: r.payment.id, amount: formatYuan(r.payment.amount) },
      undoId: r.undoId,
    });
  ctx.io.stdout(
    say(
      ctx,
      `已删除还款 ${formatMoney(r.payment.amount)}（${r.payment.paidOn}）（撤销：xieshang undo ${r.undoId}）\n`,
      `Removed the payment of ${formatMoney(r.payment.amount)} on ${r.payment.paidOn} (to undo: xieshang undo ${r.undoId})\n`,
    ),
  );
}

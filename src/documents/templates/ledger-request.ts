// 债权核实/明细调取函: asks for the full ledger so the borrower can check the balance.
import type { Doc, Lang } from '../model.js';
import { heading, indented, list } from '../model.js';
import {
  closing,
  compact,
  debtTable,
  exhibitsBlock,
  finish,
  letterHead,
  makeCtx,
  you,
} from './common.js';
import type { CaseInput } from './types.js';

export function buildLedgerRequest(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const y = you(ctx, c.lender);
  return finish(
    ctx,
    ctx.t('债权核实及明细调取函', 'Request for Account Statements and Verification of the Debt'),
    compact([
      letterHead(
        ctx,
        c,
        ctx.t(
          '请求提供借款全部明细，核实欠款金额',
          'the full ledger of my debts, to verify the amount owed',
        ),
      ),
      indented(
        ctx.t(
          `为与${y}协商还款，本人需要核实以下借款的实际欠款金额。根据本人记录，借款情况如下：`,
          'To negotiate repayment I need to verify what I owe on the debts below. By my records:',
        ),
      ),
      debtTable(ctx, c),
      heading(ctx.t('请求提供的材料', 'Please provide')),
      list(
        [
          ctx.t(
            '借款合同及全部服务协议、担保协议文本',
            'the loan contract and every service and guarantee agreement',
          ),
          ctx.t(
            '放款记录：放款日期、金额及实际到账金额',
            'the disbursement: date, amount, and the amount actually received',
          ),
          ctx.t(
            '全部还款记录及每笔还款在本金、利息、费用之间的分配',
            'every repayment and how it was split between principal, interest and fees',
          ),
          ctx.t(
            '各项费用（服务费、担保费、会员费、保险费等）的名称、金额、收取日期及收取主体',
            'each fee (service, guarantee, membership, insurance): name, amount, date and who charged it',
          ),
          ctx.t(
            '罚息、违约金的计算方式和计算过程',
            'how penalty interest and late fees were computed',
          ),
          ctx.t(
            '当前欠款的本金、利息、费用构成',
            'the make-up of the current balance: principal, interest and fees',
          ),
          ctx.t(
            '贷款年化利率（按实际占用本金计算）',
            'the annualized rate, computed on the principal actually occupied',
          ),
        ],
        true,
      ),
      indented(
        ctx.t(
          `${ctx.cite('pboc-2021-3')}要求贷款机构以实际占用本金为基础计算并明示贷款年化利率；${ctx.cite('civil-code-670')}规定利息不得预先在本金中扣除。以上材料是核实欠款的必要依据，请于收到本函之日起15日内以书面或电子形式提供。核实期间，恳请暂停计收罚息并暂停催收。`,
          `${ctx.cite('pboc-2021-3')} requires lenders to compute and show the annualized rate on the principal actually occupied; ${ctx.cite('civil-code-670')} forbids deducting interest from principal in advance. These records are needed to verify the debt; please send them in writing or electronically within 15 days of receiving this letter, and pause penalty interest and collection meanwhile.`,
        ),
      ),
      closing(ctx, c),
      exhibitsBlock(ctx, c),
    ]),
    c,
  );
}

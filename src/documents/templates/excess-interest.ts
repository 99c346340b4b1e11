// 超额利息异议函: disputes interest and fees above the legal line, with the recalculated numbers.
import { sumCents } from '../../core/money/index.js';
import type { Doc, Lang } from '../model.js';
import { heading, indented, list, table } from '../model.js';
import { closing, compact, exhibitsBlock, finish, letterHead, makeCtx } from './common.js';
import type { CaseInput } from './types.js';

export function buildExcessInterest(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const findings = c.legality ?? [];
  if (findings.length === 0)
    throw new Error('assertion failed: the excess-interest letter needs legality findings');
  const over = findings.filter((f) => f.overcharge > 0);
  const total = sumCents(over.map((f) => f.overcharge));
  const rules = [...new Set(findings.map((f) => f.ruleId))];
  return finish(
    ctx,
    ctx.t('超额利息异议函', 'Objection to Interest and Fees Above the Legal Line'),
    compact([
      letterHead(
        ctx,
        c,
        ctx.t(
          '对超出法律保护标准的利息、费用提出异议',
          'objection to interest and fees above the legally protected line',
        ),
      ),
      indented(
        ctx.t(
          `本人按实际到手金额、每笔费用和还款的实际日期，计算了各笔借款的综合年化成本（单利口径，按${ctx.cite('pboc-2021-3')}以实际占用本金计算），结果如下：`,
          `From the money actually received and the actual dates of each fee and repayment, I computed each loan's all-in annual cost (nominal, on the principal actually occupied as ${ctx.cite('pboc-2021-3')} requires):`,
        ),
      ),
      table(
        [
          ctx.t('合同编号', 'Contract'),
          ctx.t('综合年化成本', 'All-in APR'),
          ctx.t('适用标准', 'Line'),
          ctx.t('超额部分', 'Excess'),
          ctx.t('按标准重算欠款', 'Balance at the line'),
        ],
        findings.map((f) => [
          f.debtRef,
          ctx.pct(f.aprPpm),
          ctx.pct(f.limitPpm),
          ctx.money(f.overcharge),
          f.recalculatedOutstanding !== undefined ? ctx.money(f.recalculatedOutstanding) : '',
        ]),
        [false, true, true, true, true],
      ),
      indented(
        ctx.t(
          `超出标准的利息和费用合计${ctx.money(total)}。`,
          `Interest and fees above the line total ${ctx.money(total)}.`,
        ),
      ),
      heading(ctx.t('依据', 'Grounds')),
      list(
        [
          ...rules.map((id) =>
            ctx.t(
              `${ctx.cite(id)}：${ctx.citer.gist(id)}。`,
              `${ctx.cite(id)}: ${ctx.citer.gist(id)}.`,
            ),
          ),
          ctx.t(
            `${ctx.cite('civil-code-670')}：借款的利息不得预先在本金中扣除，预先扣除的，按实际借款数额返还借款并计算利息。`,
            `${ctx.cite('civil-code-670')}: interest may not be deducted in advance; if it was, repayment and interest are computed on the amount actually lent.`,
          ),
          ctx.t(
            `${ctx.cite('civil-code-680')}：禁止高利放贷。`,
            `${ctx.cite('civil-code-680')}: usurious lending is prohibited.`,
          ),
        ],
        true,
      ),
      heading(ctx.t('请求', 'I ask you to')),
      list(
        [
          ctx.t(
            `核减超出标准的利息和费用${ctx.money(total)}`,
            `remove the ${ctx.money(total)} charged above the line`,
          ),
          ctx.t(
            '按重算后的金额确认本人欠款，并据此协商分期还款',
            'confirm the recalculated balance and negotiate installments on it',
          ),
          ctx.t(
            '如对上述计算有异议，请提供完整的放款、收费和还款明细',
            'if you disagree, send the full disbursement, fee and repayment ledger',
          ),
        ],
        true,
      ),
      indented(
        ctx.t(
          '以上计算基于本人掌握的资料，如贵司提供更完整的明细，本人愿意据实调整。',
          'These figures rest on the records I hold; I will adjust them if you provide fuller records.',
        ),
      ),
      closing(ctx, c, { zh: '异议人', en: 'Objector' }),
      exhibitsBlock(ctx, c),
    ]),
  );
}

// 超额利息异议函: disputes interest and fees above the legal line, with the recalculated numbers.
import { sumCents, type Cents } from '../../core/money/index.js';
import type { Block, Doc, Lang } from '../model.js';
import { factIndented, factTable, heading, indented, list } from '../model.js';
import {
  closing,
  compact,
  type Ctx,
  exhibitsBlock,
  finish,
  letterHead,
  makeCtx,
  refText,
  src,
  you,
} from './common.js';
import type { CaseInput } from './types.js';
import { assert } from '../../core/result.js';

export function buildExcessInterest(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const findings = c.legality ?? [];
  assert(findings.length > 0, 'the excess-interest letter needs legality findings');
  const over = findings.filter((f) => f.overcharge > 0);
  const total = sumCents(over.map((f) => f.overcharge));
  const rules = [...new Set(findings.map((f) => f.ruleId))];
  const fs = findings.map((_, i) => src.legality(c, i));
  const overSrc = findings.flatMap((f, i) => (f.overcharge > 0 ? [src.legality(c, i)] : []));
  // say truthfully what the figures rest on: the contract schedule, or the payments made
  const bases = new Set(findings.map((f) => f.basis ?? 'actual'));
  const basisZh =
    bases.size > 1
      ? '按合同约定的还款计划（尚未还款的借款）或实际到手金额与实际还款记录（已有还款的借款）'
      : bases.has('contract')
        ? '按合同约定的放款金额、费用和还款计划'
        : '按实际到手金额、每笔费用和还款的实际日期';
  const basisEn =
    bases.size > 1
      ? 'from the contract schedule (loans with no repayments yet) or the money actually received and repaid (the others)'
      : bases.has('contract')
        ? 'from the contract’s disbursement, fees and repayment schedule'
        : 'from the money actually received and the actual dates of each fee and repayment';
  // 第680条 (禁止高利放贷) is the private-lending rule; licensed lenders are measured by the 24% line
  const isPrivate = c.lender.type === 'private';
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
      factIndented(
        fs,
        ctx.t(
          `本人${basisZh}，计算了各笔借款的综合年化成本（单利口径，按${ctx.cite('pboc-2021-3')}以实际占用本金计算），结果如下：`,
          `I computed each loan's all-in annual cost ${basisEn} (nominal, on the principal actually occupied as ${ctx.cite('pboc-2021-3')} requires):`,
        ),
      ),
      findingsTable(ctx, c),
      factIndented(
        overSrc.length > 0 ? overSrc : fs,
        ctx.t(
          `超出标准的利息和费用合计${ctx.money(total)}。`,
          `Interest and fees above the line total ${ctx.money(total)}.`,
        ),
      ),
      grounds(ctx, rules, isPrivate),
      request(ctx, c, total, overSrc.length > 0 ? overSrc : fs),
      closing(ctx, c, { zh: '异议人', en: 'Objector' }),
      exhibitsBlock(ctx, c),
    ]),
    c,
  );
}

// the recalculation, one row per finding
function findingsTable(ctx: Ctx, c: CaseInput): Block {
  const findings = c.legality ?? [];
  return factTable(
    [
      ctx.t('合同编号', 'Contract'),
      ctx.t('测算依据', 'Based on'),
      ctx.t('综合年化成本', 'All-in APR'),
      ctx.t('适用标准', 'Line'),
      ctx.t('超额部分', 'Excess'),
      ctx.t('按标准重算欠款', 'Balance at the line'),
    ],
    findings.map((f, i) => ({
      cells: [
        refText(ctx, f.debtRef, { isCard: c.lender.isCreditCard }),
        f.basis === 'contract'
          ? ctx.t('合同约定', 'contract schedule')
          : ctx.t('实际收付', 'actual payments'),
        ctx.pct(f.aprPpm),
        ctx.pct(f.limitPpm),
        ctx.money(f.overcharge),
        f.recalculatedOutstanding !== undefined ? ctx.money(f.recalculatedOutstanding) : '—',
      ],
      sources: [src.legality(c, i)],
    })),
    [false, false, true, true, true, true],
  );
}

// 依据: the rules the findings break, 第670条 always, 第680条 for private lenders
function grounds(ctx: Ctx, rules: string[], isPrivate: boolean): Block[] {
  return compact([
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
        ...(isPrivate
          ? [
              ctx.t(
                `${ctx.cite('civil-code-680')}：禁止高利放贷。`,
                `${ctx.cite('civil-code-680')}: usurious lending is prohibited.`,
              ),
            ]
          : []),
      ],
      true,
    ),
  ]);
}

// 请求: remove the excess, confirm the recalculated balance, or send the ledger
function request(ctx: Ctx, c: CaseInput, total: Cents, sources: string[]): Block[] {
  return compact([
    heading(ctx.t('请求', 'I ask you to')),
    factIndented(
      sources,
      ctx.t(
        `本人请求${you(ctx, c.lender)}核减超出标准的利息和费用${ctx.money(total)}。`,
        `I ask you to remove the ${ctx.money(total)} charged above the line.`,
      ),
    ),
    list(
      [
        ctx.t(`核减上述超出标准的利息和费用`, 'remove the interest and fees above the line'),
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
        `以上计算基于本人掌握的资料，如${you(ctx, c.lender)}提供更完整的明细，本人愿意据实调整。`,
        'These figures rest on the records I hold; I will adjust them if you provide fuller records.',
      ),
    ),
  ]);
}

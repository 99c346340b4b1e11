// 协商还款申请书: the installment request with the plan table, concessions and legal basis.
import { cents } from '../../core/money/index.js';
import type { Doc, Lang } from '../model.js';
import { heading, indented, list } from '../model.js';
import {
  causeText,
  closing,
  compact,
  concessionText,
  type Ctx,
  debtTable,
  exhibitsBlock,
  finish,
  letterHead,
  makeCtx,
  planTable,
  totalOutstanding,
} from './common.js';
import type { CaseInput } from './types.js';

export function legalBasis(ctx: Ctx, c: CaseInput): string[] {
  const out = [
    ctx.t(
      `${ctx.cite('civil-code-678')}规定，借款人可以在还款期限届满前向贷款人申请展期；本申请即依此提出。`,
      `${ctx.cite('civil-code-678')} allows a borrower to apply to the lender for an extension; this request is made on that basis.`,
    ),
    ctx.t(
      `${ctx.cite('civil-code-7')}确立诚信原则，${ctx.cite('civil-code-509')}要求当事人全面、诚信履行合同。本人愿意诚信履约，也恳请贵司本着诚信原则与本人协商。`,
      `${ctx.cite('civil-code-7')} sets the principle of good faith and ${ctx.cite('civil-code-509')} requires parties to perform fully and in good faith. I intend to keep my obligations and ask you to negotiate in the same spirit.`,
    ),
  ];
  const concessions = c.plan?.concessions ?? [];
  if (concessions.includes('waive-penalty'))
    out.push(
      ctx.t(
        `${ctx.cite('civil-code-585')}规定，约定的违约金过分高于造成的损失的，可以请求予以适当减少；${ctx.cite('contract-general-65')}明确，违约金超过损失30%的，一般可以认定为过分高于损失。`,
        `${ctx.cite('civil-code-585')} allows liquidated damages that are excessively higher than the loss to be reduced; ${ctx.cite('contract-general-65')} treats more than 30% above the loss as generally excessive.`,
      ),
    );
  if (c.lender.isCreditCard)
    out.push(
      ctx.t(
        `${ctx.cite('credit-card-measures-70')}规定，持卡人确实无力按原约定还款但仍有还款意愿的，发卡银行可以与其平等协商，达成最长不超过5年的个性化分期还款协议。`,
        `${ctx.cite('credit-card-measures-70')} provides that where a cardholder cannot repay as agreed but still wishes to repay, the issuer may negotiate a personalised installment agreement of up to 5 years.`,
      ),
    );
  const over = (c.legality ?? []).filter((f) => f.overcharge > 0);
  if (over.length > 0) {
    const f = over[0]!;
    out.push(
      ctx.t(
        `经按实际到手金额和还款流水测算，合同${f.debtRef}的综合年化成本约为${ctx.pct(f.aprPpm)}，高于${ctx.cite(f.ruleId)}所体现的${ctx.pct(f.limitPpm)}标准，超出部分约${ctx.money(f.overcharge)}。本人请求在方案中扣除该部分。`,
        `Computed from the money actually received and repaid, contract ${f.debtRef} costs about ${ctx.pct(f.aprPpm)} a year, above the ${ctx.pct(f.limitPpm)} line reflected in ${ctx.cite(f.ruleId)}; the excess is about ${ctx.money(f.overcharge)}, which I ask to be deducted.`,
      ),
    );
  }
  return out;
}

export function buildRequest(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const p = c.plan;
  if (!p) throw new Error('assertion failed: the request letter needs a plan');
  const h = c.hardship;
  const b = c.budget;
  const total = totalOutstanding(c);
  const remainder = cents(total - p.totalPaid);
  const brand = c.lender.brand ? ctx.t(`（${c.lender.brand}）`, ` (${c.lender.brand})`) : '';
  return finish(
    ctx,
    ctx.t('协商还款申请书', 'Request for an Installment Repayment Plan'),
    compact([
      letterHead(
        ctx,
        c,
        ctx.t(
          `申请就本人在贵司${brand}名下的${c.debts.length}笔借款协商分期还款`,
          `installment repayment of my ${c.debts.length} debt(s) with you${brand}`,
        ),
      ),
      heading(ctx.t('一、借款及欠款情况', '1. The debts')),
      indented(
        ctx.t(
          `截至${ctx.date(c.asOf)}，本人在贵司共有${c.debts.length}笔借款未结清，欠款合计${ctx.money(total)}，明细如下：`,
          `As of ${ctx.date(c.asOf)} I have ${c.debts.length} open debt(s) with you, ${ctx.money(total)} in total:`,
        ),
      ),
      debtTable(ctx, c),
      heading(ctx.t('二、困难情况', '2. What happened')),
      h
        ? indented(
            ctx.t(
              `自${ctx.date(h.since)}起，本人因${causeText(ctx, h.cause)}，收入明显减少，已无力按原合同约定还款。具体情况是：${h.description}`,
              `Since ${ctx.date(h.since)}, because of ${causeText(ctx, h.cause)}, my income has fallen sharply and I can no longer pay as the contract requires. In short: ${h.description}`,
            ),
          )
        : indented(
            ctx.t(
              '本人近期收入明显减少，已无力按原合同约定还款。',
              'My income has fallen sharply and I can no longer pay as the contract requires.',
            ),
          ),
      indented(
        ctx.t(
          '本人无意逃避债务，愿意在能力范围内继续偿还全部本金，恳请贵司给予分期还款的机会。',
          'I do not intend to avoid this debt. I want to repay the principal in full within my means and ask you for the chance to do so in installments.',
        ),
      ),
      b && heading(ctx.t('三、还款能力', '3. What I can pay')),
      b &&
        b.capacityForCreditors <= 0 &&
        indented(
          ctx.t(
            `本人家庭共${b.householdSize}人，每月收入${ctx.money(b.monthlyIncome)}，而住房、水电、饮食、医疗等必要支出为${ctx.money(b.priorityCosts)}，每月收支缺口${ctx.money(cents(-b.capacityForCreditors))}。本人共有${b.creditorCount}家债权人、欠款合计${ctx.money(b.totalDebt)}，目前确实没有能力按任何正常方案还款，只能先象征性还款，以表诚意。`,
            `My household has ${b.householdSize} member(s). Our monthly income is ${ctx.money(b.monthlyIncome)}, but essential costs (housing, utilities, food, medical) are ${ctx.money(b.priorityCosts)}: a monthly shortfall of ${ctx.money(cents(-b.capacityForCreditors))}. I owe ${ctx.money(b.totalDebt)} to ${b.creditorCount} creditors and cannot afford any normal plan for now, so I offer token payments as a sign of good faith.`,
          ),
        ),
      b &&
        b.capacityForCreditors > 0 &&
        indented(
          ctx.t(
            `本人家庭共${b.householdSize}人，每月收入${ctx.money(b.monthlyIncome)}，扣除住房、水电、饮食、子女、医疗等必要支出${ctx.money(b.priorityCosts)}及其他支出${ctx.money(b.otherCosts)}后，每月可用于还款的金额为${ctx.money(b.capacityForCreditors)}。本人共有${b.creditorCount}家债权人、欠款合计${ctx.money(b.totalDebt)}，上述金额按欠款比例公平分配给各家债权人。`,
            `My household has ${b.householdSize} member(s). Our monthly income is ${ctx.money(b.monthlyIncome)}; after essential costs (housing, utilities, food, children, medical) of ${ctx.money(b.priorityCosts)} and other costs of ${ctx.money(b.otherCosts)}, ${ctx.money(b.capacityForCreditors)} a month is left for creditors. I owe ${ctx.money(b.totalDebt)} to ${b.creditorCount} creditors and share this amount among them in proportion to what each is owed.`,
          ),
        ),
      heading(ctx.t(b ? '四、还款方案' : '三、还款方案', b ? '4. The plan' : '3. The plan')),
      indented(
        ctx.t(
          `本人申请自${ctx.date(p.firstDueOn)}起每月还款${ctx.money(p.monthlyPayment)}，共${p.installments}期，至${ctx.date(p.endOn)}还清，还款总额${ctx.money(p.totalPaid)}。`,
          `I propose to pay ${ctx.money(p.monthlyPayment)} a month from ${ctx.date(p.firstDueOn)}, ${p.installments} installments, finishing on ${ctx.date(p.endOn)}; ${ctx.money(p.totalPaid)} in total.`,
        ),
      ),
      remainder > 0 &&
        indented(
          ctx.t(
            `上述方案还款后剩余欠款${ctx.money(remainder)}，本人请求待收入恢复后再行协商；届时本人将主动联系贵司。`,
            `That leaves ${ctx.money(remainder)} outstanding, which I ask to negotiate again once my income recovers; I will contact you then.`,
          ),
        ),
      planTable(ctx, c),
      heading(ctx.t(b ? '五、请求事项' : '四、请求事项', b ? '5. What I ask' : '4. What I ask')),
      list(
        [
          ...p.concessions.map((k) => concessionText(ctx, k)),
          ctx.t('同意按上述方案分期还款', 'agree to the plan above'),
          ctx.t(
            '以书面形式（或通话录音）确认协商结果，并说明协议期间如何向征信系统报送',
            'confirm the agreement in writing (or on a recorded call) and state how it will be reported to the credit bureau',
          ),
        ],
        true,
      ),
      heading(ctx.t(b ? '六、法律依据' : '五、法律依据', b ? '6. Legal basis' : '5. Legal basis')),
      list(legalBasis(ctx, c), true),
      indented(
        ctx.t(
          '本人承诺：方案达成后将按期足额还款；如收入恢复，愿意提前还款。恳请贵司予以支持。',
          'I undertake to pay every installment in full and on time once agreed, and to pay early if my income recovers. Thank you for considering this request.',
        ),
      ),
      closing(ctx, c),
      exhibitsBlock(ctx, c, [
        ...(h?.proofs ?? []),
        ...(b ? [ctx.t('家庭收支情况表', 'Household income and expenditure statement')] : []),
      ]),
    ]),
  );
}

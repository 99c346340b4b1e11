// 协商还款申请书: the installment request with the plan table, concessions and legal basis.
// Every sentence that states a fact is built from the case and carries its records (sources).
import { cents, type Cents } from '../../core/money/index.js';
import type { Block, Doc, Lang } from '../model.js';
import { factIndented, factList, heading, indented, list } from '../model.js';
import {
  causeText,
  closing,
  compact,
  concessionText,
  type Ctx,
  debtTable,
  exhibitsBlock,
  finish,
  isBankCard,
  letterHead,
  makeCtx,
  notYetDue,
  planIsUniform,
  planTable,
  refText,
  src,
  strategyText,
  totalOutstanding,
  you,
} from './common.js';
import type { CaseInput } from './types.js';
import { assert } from '../../core/result.js';

/** The legal-basis items, each applied only where the case's facts meet the rule. */
export function legalBasis(ctx: Ctx, c: CaseInput): { parts: string[]; sources: string[] }[] {
  const y = you(ctx, c.lender);
  const out: { parts: string[]; sources: string[] }[] = [];
  // 第678条 is about an extension asked before the due date: only for debts not yet due
  const early = c.debts.filter((d) => notYetDue(d, c.asOf));
  if (early.length > 0) {
    const refs = early
      .map((d) => refText(ctx, d.ref, { isCard: c.lender.isCreditCard }))
      .join(ctx.t('、', ', '));
    const all = early.length === c.debts.length;
    out.push({
      parts: [
        ctx.t(
          `${ctx.cite('civil-code-678')}规定，借款人可以在还款期限届满前向贷款人申请展期；${all ? '本人的借款尚未到期，' : `其中${refs}尚未到期，`}本人据此申请展期。`,
          `${ctx.cite('civil-code-678')} allows a borrower to apply for an extension before the due date; ${all ? 'my debts are not yet due' : `${refs} ${early.length > 1 ? 'are' : 'is'} not yet due`}, and I apply on that basis.`,
        ),
      ],
      sources: early.map((d) => d.source ?? src.debt(c, c.debts.indexOf(d))),
    });
  }
  out.push({
    parts: [
      ctx.t(
        `${ctx.cite('civil-code-7')}确立诚信原则，${ctx.cite('civil-code-509')}要求当事人全面、诚信履行合同。本人愿意诚信履约，也恳请${y}本着诚信原则与本人协商。`,
        `${ctx.cite('civil-code-7')} sets the principle of good faith and ${ctx.cite('civil-code-509')} requires parties to perform fully and in good faith. I intend to keep my obligations and ask you to negotiate in the same spirit.`,
      ),
    ],
    sources: [],
  });
  const concessions = c.plan?.concessions ?? [];
  if (concessions.includes('waive-penalty'))
    out.push({
      parts: [
        ctx.t(
          `${ctx.cite('civil-code-585')}规定，约定的违约金过分高于造成的损失的，可以请求予以适当减少；${ctx.cite('contract-general-65')}明确，违约金超过损失30%的，一般可以认定为过分高于损失。`,
          `${ctx.cite('civil-code-585')} allows liquidated damages that are excessively higher than the loss to be reduced; ${ctx.cite('contract-general-65')} treats more than 30% above the loss as generally excessive.`,
        ),
      ],
      sources: [],
    });
  if (isBankCard(c.lender))
    out.push({
      parts: [
        ctx.t(
          `${ctx.cite('credit-card-measures-70')}规定，持卡人确实无力按原约定还款但仍有还款意愿的，发卡银行可以与其平等协商，达成最长不超过5年的个性化分期还款协议。`,
          `${ctx.cite('credit-card-measures-70')} provides that where a cardholder cannot repay as agreed but still wishes to repay, the issuer may negotiate a personalised installment agreement of up to 5 years.`,
        ),
      ],
      sources: [],
    });
  const findings = c.legality ?? [];
  const i = findings.findIndex((f) => f.overcharge > 0);
  if (i >= 0) {
    const f = findings[i]!;
    const basis =
      f.basis === 'contract'
        ? ctx.t('按合同约定的还款计划测算', 'Computed from the contract schedule')
        : ctx.t(
            '按实际到手金额和实际还款记录测算',
            'Computed from the money actually received and the payments actually made',
          );
    out.push({
      parts: [
        ctx.t(
          `${basis}，合同${refText(ctx, f.debtRef, { isCard: c.lender.isCreditCard })}的综合年化成本约为${ctx.pct(f.aprPpm)}，高于${ctx.cite(f.ruleId)}所体现的${ctx.pct(f.limitPpm)}标准，超出部分约${ctx.money(f.overcharge)}。本人请求在方案中扣除该部分。`,
          `${basis}, contract ${refText(ctx, f.debtRef, { isCard: c.lender.isCreditCard })} costs about ${ctx.pct(f.aprPpm)} a year, above the ${ctx.pct(f.limitPpm)} line reflected in ${ctx.cite(f.ruleId)}; the excess is about ${ctx.money(f.overcharge)}, which I ask to be deducted.`,
        ),
      ],
      sources: [src.legality(c, i)],
    });
  }
  return out;
}

/** The budget paragraph: income less each named deduction equals what is left, exactly. */
export function budgetSentence(ctx: Ctx, c: CaseInput): Block | undefined {
  const b = c.budget;
  if (!b) return undefined;
  const buffer = b.emergencyBuffer ?? cents(0);
  const left = b.monthlyIncome - b.priorityCosts - b.otherCosts - buffer;
  const reconciles = left === b.capacityForCreditors;
  const y = you(ctx, c.lender);
  const household = ctx.t(
    `本人家庭共${b.householdSize}人，`,
    `My household has ${b.householdSize} member(s). `,
  );
  const deductions = ctx.t(
    `必要支出（住房、水电、饮食、子女、医疗等）${ctx.money(b.priorityCosts)}、其他支出${ctx.money(b.otherCosts)}${b.emergencyBuffer !== undefined ? `、应急储备${ctx.money(buffer)}` : ''}`,
    `essential costs (housing, utilities, food, children, medical) of ${ctx.money(b.priorityCosts)}, other costs of ${ctx.money(b.otherCosts)}${b.emergencyBuffer !== undefined ? ` and an emergency reserve of ${ctx.money(buffer)}` : ''}`,
  );
  const equation = ctx.t(
    `（${ctx.money(b.monthlyIncome)} − ${ctx.money(b.priorityCosts)} − ${ctx.money(b.otherCosts)}${b.emergencyBuffer !== undefined ? ` − ${ctx.money(buffer)}` : ''} = ${ctx.money(cents(left))}）`,
    ` (${ctx.money(b.monthlyIncome)} − ${ctx.money(b.priorityCosts)} − ${ctx.money(b.otherCosts)}${b.emergencyBuffer !== undefined ? ` − ${ctx.money(buffer)}` : ''} = ${ctx.money(cents(left))})`,
  );
  let sentence: string;
  if (!reconciles)
    // the saved figures do not add up: state them one by one, never as a sum
    sentence = ctx.t(
      `${household}每月收入${ctx.money(b.monthlyIncome)}；${deductions}；本人预留用于还款的金额为每月${ctx.money(b.capacityForCreditors)}。`,
      `${household}Our monthly income is ${ctx.money(b.monthlyIncome)}; ${deductions}; I set aside ${ctx.money(b.capacityForCreditors)} a month for creditors.`,
    );
  else if (left <= 0)
    sentence = ctx.t(
      `${household}每月收入${ctx.money(b.monthlyIncome)}，${deductions}，每月收支缺口${ctx.money(cents(-left))}${equation}，目前确实没有能力按任何正常方案还款，只能先象征性还款，以表诚意。`,
      `${household}Our monthly income is ${ctx.money(b.monthlyIncome)}, against ${deductions}: a monthly shortfall of ${ctx.money(cents(-left))}${equation}. I cannot afford any normal plan for now and offer token payments as a sign of good faith.`,
    );
  else
    sentence = ctx.t(
      `${household}每月收入${ctx.money(b.monthlyIncome)}，扣除${deductions}后，每月可用于还款的金额为${ctx.money(cents(left))}${equation}。`,
      `${household}Our monthly income is ${ctx.money(b.monthlyIncome)}; after ${deductions}, ${ctx.money(cents(left))} a month is left for creditors${equation}.`,
    );
  const shared =
    b.creditorCount > 1 && c.plan?.strategy !== undefined
      ? ctx.t(
          `本人共有${b.creditorCount}家债权人、欠款合计${ctx.money(b.totalDebt)}，上述金额${strategyText(ctx, c.plan.strategy)}，${y}所得份额见下文方案。`,
          ` I owe ${ctx.money(b.totalDebt)} to ${b.creditorCount} creditors; this amount is ${strategyText(ctx, c.plan.strategy)}; your share is the plan below.`,
        )
      : b.creditorCount > 1
        ? ctx.t(
            `本人共有${b.creditorCount}家债权人、欠款合计${ctx.money(b.totalDebt)}。`,
            ` I owe ${ctx.money(b.totalDebt)} to ${b.creditorCount} creditors.`,
          )
        : '';
  return factIndented(
    [
      src.budget(c),
      ...(shared === '' ? [] : src.household(c)),
      ...(c.plan?.strategy && shared !== '' ? [src.plan(c)] : []),
    ],
    sentence,
    shared,
  );
}

export function buildRequest(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const p = c.plan;
  assert(p, 'the request letter needs a plan');
  const h = c.hardship;
  const b = c.budget;
  const y = you(ctx, c.lender);
  const total = totalOutstanding(c);
  const brand = c.lender.brand ? ctx.t(`（${c.lender.brand}）`, ` (${c.lender.brand})`) : '';
  const n = (k: number) => ctx.t(['一', '二', '三', '四', '五', '六'][k - 1]!, String(k));
  let k = 0;
  const sec = (zh: string, en: string) => {
    k += 1;
    return heading(ctx.t(`${n(k)}、${zh}`, `${n(k)}. ${en}`));
  };
  return finish(
    ctx,
    ctx.t('协商还款申请书', 'Request for an Installment Repayment Plan'),
    compact([
      letterHead(
        ctx,
        c,
        ctx.t(
          `申请就本人在${y}${brand}名下的${c.debts.length}笔借款协商分期还款`,
          `installment repayment of my ${c.debts.length} debt(s) with you${brand}`,
        ),
        src.debts(c),
      ),
      sec('借款及欠款情况', 'The debts'),
      factIndented(
        src.debts(c),
        ctx.t(
          `截至${ctx.date(c.asOf)}，本人在${y}共有${c.debts.length}笔借款未结清，欠款合计${ctx.money(total)}，明细如下：`,
          `As of ${ctx.date(c.asOf)} I have ${c.debts.length} open debt(s) with you, ${ctx.money(total)} in total:`,
        ),
      ),
      debtTable(ctx, c),
      sec('困难情况', 'What happened'),
      hardshipParas(ctx, c, y),
      b && sec('还款能力', 'What I can pay'),
      budgetSentence(ctx, c),
      sec('还款方案', 'The plan'),
      proposal(ctx, c, p, total),
      planTable(ctx, c),
      sec('请求事项', 'What I ask'),
      list(
        [
          ...p.concessions.map((x) => concessionText(ctx, x)),
          ctx.t('同意按上述方案分期还款', 'agree to the plan above'),
          ctx.t(
            '以书面形式（或通话录音）确认协商结果，并说明协议期间如何向征信系统报送',
            'confirm the agreement in writing (or on a recorded call) and state how it will be reported to the credit bureau',
          ),
        ],
        true,
      ),
      sec('法律依据', 'Legal basis'),
      factList(legalBasis(ctx, c), true),
      indented(
        ctx.t(
          `本人承诺：方案达成后将按期足额还款；如收入恢复，愿意提前还款。恳请${y}予以支持。`,
          'I undertake to pay every installment in full and on time once agreed, and to pay early if my income recovers. Thank you for considering this request.',
        ),
      ),
      closing(ctx, c),
      exhibitsBlock(ctx, c, [
        ...(h?.proofs ?? []),
        // with a saved budget sheet the table is appended (附件…（附后）); list it only otherwise
        ...(b && c.budgetSheet === undefined
          ? [ctx.t('家庭收支情况表', 'Household income and expenditure statement')]
          : []),
      ]),
    ]),
    c,
  );
}

// the hardship from the record (or a plain sentence without one), and the wish to repay
function hardshipParas(ctx: Ctx, c: CaseInput, y: string): Block[] {
  const h = c.hardship;
  return compact([
    h
      ? factIndented(
          [src.hardship(c)],
          ctx.t(
            `自${ctx.date(h.since)}起，本人因${causeText(ctx, h.cause)}，收入明显减少，已无力按原合同约定还款。`,
            `Since ${ctx.date(h.since)}, because of ${causeText(ctx, h.cause)}, my income has fallen and I can no longer pay as the contract requires.`,
          ),
          h.description.trim() === ''
            ? ''
            : ctx.t(`具体情况是：${h.description}`, ` In short: ${h.description}`),
        )
      : indented(
          ctx
            .t(
              '本人目前难以按原合同约定还款，希望与贵方协商分期。',
              'I find it hard to pay as the contract requires and would like to agree installments.',
            )
            .replace('贵方', y),
        ),
    indented(
      ctx.t(
        `本人无意逃避债务，愿意在能力范围内继续还款，恳请${y}给予分期还款的机会。`,
        'I do not intend to avoid this debt. I want to repay within my means and ask you for the chance to do so in installments.',
      ),
    ),
  ]);
}

// the plan in one sentence (uniform or summed per debt), and any remainder left to negotiate
function proposal(
  ctx: Ctx,
  c: CaseInput,
  p: NonNullable<CaseInput['plan']>,
  total: Cents,
): Block[] {
  const y = you(ctx, c.lender);
  const remainder = cents(total - p.totalPaid);
  const uniform = planIsUniform(p);
  return compact([
    factIndented(
      [src.plan(c)],
      uniform
        ? ctx.t(
            `本人申请自${ctx.date(p.firstDueOn)}起每月还款${ctx.money(p.monthlyPayment)}，共${p.installments}期${p.lastPayment !== undefined && p.lastPayment !== p.monthlyPayment ? `（末期${ctx.money(p.lastPayment)}）` : ''}，至${ctx.date(p.endOn)}还清，还款总额${ctx.money(p.totalPaid)}。`,
            `I propose to pay ${ctx.money(p.monthlyPayment)} a month from ${ctx.date(p.firstDueOn)}, ${p.installments} installments${p.lastPayment !== undefined && p.lastPayment !== p.monthlyPayment ? ` (the last ${ctx.money(p.lastPayment)})` : ''}, finishing on ${ctx.date(p.endOn)}; ${ctx.money(p.totalPaid)} in total.`,
          )
        : ctx.t(
            `本人申请自${ctx.date(p.firstDueOn)}起分${p.installments}期还款，首期${ctx.money(p.monthlyPayment)}，各期金额按各笔借款的方案合计（见下表），至${ctx.date(p.endOn)}还清，还款总额${ctx.money(p.totalPaid)}。`,
            `I propose ${p.installments} installments from ${ctx.date(p.firstDueOn)}, the first ${ctx.money(p.monthlyPayment)}, each the sum of the plans for the individual debts (see the table), finishing on ${ctx.date(p.endOn)}; ${ctx.money(p.totalPaid)} in total.`,
          ),
    ),
    remainder > 0 &&
      factIndented(
        [...src.debts(c), src.plan(c)],
        ctx.t(
          `上述方案还款后剩余欠款${ctx.money(remainder)}（${ctx.money(total)} − ${ctx.money(p.totalPaid)}），本人请求待收入恢复后再行协商；届时本人将主动联系${y}。`,
          `That leaves ${ctx.money(remainder)} outstanding (${ctx.money(total)} − ${ctx.money(p.totalPaid)}), which I ask to negotiate again once my income recovers; I will contact you then.`,
        ),
      ),
  ]);
}

// 协议确认函: asks the lender to confirm in writing the agreement recorded with it, and lists what
// the written agreement must state — for bank cards the items of 信用卡业务管理办法 第70条 (S).
import { cents, sumCents } from '../../core/money/index.js';
import type { Block, Doc, Lang } from '../model.js';
import { checklist, fact, factList, factTable, heading, indented, para } from '../model.js';
import { CONCESSIONS, type Concession } from './types.js';
import {
  applicantBlock,
  closing,
  compact,
  type Ctx,
  concessionText,
  finish,
  makeCtx,
  subjectLine,
} from './common.js';
import { BLANK, debtRefsTable, or, you } from './ladder-common.js';
import type { CaseInput } from './types.js';
import { assert } from '../../core/result.js';

const PAYMENT_CHANNEL: Record<string, { zh: string; en: string }> = {
  app: { zh: '机构App', en: "the lender's app" },
  'online-banking': { zh: '网上银行', en: 'online banking' },
  counter: { zh: '柜台', en: 'a branch counter' },
  'third-party': { zh: '第三方支付', en: 'a third-party payment service' },
};

export function buildAgreementConfirmation(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const a = c.agreement;
  assert(a, 'the confirmation letter needs a stored agreement');
  const y = you(ctx, c);
  const isCard = c.lender.isCreditCard && c.lender.type === 'bank';
  const concessions = a.concessions.filter((k): k is Concession =>
    (CONCESSIONS as readonly string[]).includes(k),
  );
  return finish(
    ctx,
    ctx.t('还款协议确认函', 'Agreement Confirmation'),
    compact([
      para(ctx.t(`${c.lender.name}：`, `To: ${c.lender.name}`)),
      applicantBlock(ctx, c),
      subjectLine(
        ctx,
        ctx.t('请书面确认双方达成的还款协议', 'please confirm our repayment agreement in writing'),
      ),
      debtRefsTable(ctx, c),
      recorded(ctx, c, concessions),
      toState(ctx, concessions, isCard),
      isCard &&
        indented(
          ctx.t(
            `依据${ctx.cite('credit-card-measures-70')}，个性化分期还款协议最长不超过5年，应载明欠款余额及构成、还款安排和每期金额、协议期间是否继续计收年费利息等费用、持卡人还清前不申请信用卡的承诺及双方权利义务；协议签订后，发卡银行及其委托机构应停止对持卡人的催收，持卡人不履行协议的除外。`,
            `Under ${ctx.cite('credit-card-measures-70')}, a personalised installment agreement lasts at most 5 years and states the balance and its make-up, the schedule and each amount, whether annual fees, interest and other fees continue, the cardholder's promise not to apply for a card until paid off, and both sides' rights and duties; once signed, the issuer and its agencies must stop collecting unless the cardholder defaults.`,
          ),
        ),
      indented(
        ctx.t(
          `请${y}将盖章的书面协议或确认文件发送给本人。`,
          'Please send me the written agreement or a stamped confirmation.',
        ),
      ),
      closing(ctx, c),
    ]),
    c,
  );
}

// 一、本人记录的协议内容: the agreement as recorded, its schedule (checked against the total),
// the concessions and how to pay
function recorded(ctx: Ctx, c: CaseInput, concessions: Concession[]): Block[] {
  const a = c.agreement;
  assert(a, 'the confirmation letter needs a stored agreement');
  const y = you(ctx, c);
  const src = [a.source];
  const sum = sumCents(a.installments.map((i) => i.amount));
  const channel = a.paymentChannel ? PAYMENT_CHANNEL[a.paymentChannel] : undefined;
  return compact([
    heading(ctx.t('一、本人记录的协议内容', '1. The agreement as I recorded it')),
    fact(
      src,
      ctx.t(
        `${ctx.date(a.agreedOn)}，本人与${y}${a.agent ? `工作人员${a.agent}` : '工作人员'}就上述欠款达成分期还款协议，还款总额${ctx.money(a.total)}，共${a.installments.length}期。`,
        `On ${ctx.date(a.agreedOn)} I agreed an installment plan for the debts above with your staff${a.agent ? ` (${a.agent})` : ''}: ${ctx.money(a.total)} in ${a.installments.length} installments.`,
      ),
    ),
    factTable(
      [ctx.t('期数', 'No.'), ctx.t('还款日', 'Due'), ctx.t('金额', 'Amount')],
      [
        ...a.installments.map((i) => ({
          cells: [String(i.seq), ctx.date(i.dueOn), ctx.money(i.amount)],
          sources: src,
        })),
        { cells: [ctx.t('合计', 'Total'), '', ctx.money(sum)], sources: src },
      ],
      [false, false, true],
      ctx.t('还款计划', 'Schedule'),
    ),
    sum !== a.total &&
      fact(
        src,
        ctx.t(
          `注意：各期合计${ctx.money(sum)}与记录的还款总额${ctx.money(a.total)}相差${ctx.money(cents(Math.abs(a.total - sum)))}，请双方核对。`,
          `Note: the installments total ${ctx.money(sum)}, not the recorded ${ctx.money(a.total)}; a difference of ${ctx.money(cents(Math.abs(a.total - sum)))} to check.`,
        ),
      ),
    concessions.length > 0 &&
      factList(concessions.map((k) => ({ parts: [concessionText(ctx, k)], sources: src }))),
    fact(
      src,
      ctx.t(
        `还款方式：${channel ? channel.zh : BLANK}；还款账户：${or(a.payToAccount)}。`,
        `Payment by: ${channel ? channel.en : BLANK}; to account: ${or(a.payToAccount)}.`,
      ),
    ),
  ]);
}

// 二、请在书面协议中载明: what the written agreement must state (第70条's items for bank cards)
function toState(ctx: Ctx, concessions: Concession[], isCard: boolean): Block[] {
  const interestLine = concessions.includes('freeze-interest')
    ? ctx.t(
        '协议期间不再计收利息（按本人记录的约定）',
        'no interest during the plan (as I recorded the agreement)',
      )
    : ctx.t(
        `协议期间是否继续计收利息：${BLANK}`,
        `whether interest continues during the plan: ${BLANK}`,
      );
  const feeLine =
    concessions.includes('waive-penalty') || concessions.includes('waive-fees')
      ? ctx.t(
          '减免罚息、违约金及费用的范围和金额：按本人记录的约定，金额 ¥________',
          'the penalty and fees waived: as recorded, amount ¥________',
        )
      : ctx.t(
          `协议期间是否继续计收年费、罚息、违约金及其他费用：${BLANK}`,
          `whether annual fees, penalties and other fees continue: ${BLANK}`,
        );
  return compact([
    heading(ctx.t('二、请在书面协议中载明', '2. Please state in the written agreement')),
    checklist([
      ctx.t(
        `欠款余额、构成（本金、利息、费用）及币种：${BLANK}`,
        `the balance, its make-up (principal, interest, fees) and currency: ${BLANK}`,
      ),
      ctx.t(
        '还款周期、方式、每期金额和还款日（如上表）',
        'the repayment cycle, method, each amount and date (as above)',
      ),
      interestLine,
      feeLine,
      ctx.t(
        '协议签订后停止催收；仅在本人未按协议还款时方可恢复',
        'collection stops once signed, and resumes only if I fail to pay as agreed',
      ),
      ctx.t(
        `协议期间按约还款在征信报告中如何报送：${BLANK}`,
        `how payments under the plan are reported to the credit bureau: ${BLANK}`,
      ),
      ctx.t('双方的权利义务及违约责任', "both sides' rights, duties and liability for breach"),
      ctx.t('全部还清后出具结清证明', 'a settlement certificate once everything is paid'),
      ...(isCard
        ? [
            ctx.t(
              '持卡人在协议还清前不申请新信用卡的承诺',
              'the cardholder’s promise not to apply for a new card until the plan is paid off',
            ),
          ]
        : []),
    ]),
  ]);
}

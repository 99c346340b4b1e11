// 电话协商话术: what to say on the phone, the concession ladder and a checklist for the call.
// The ladder is monotone: each step gives the lender something real (a dropped ask, a higher
// monthly amount, a shorter term), every step adds up to the plan's total, and the walk-away
// point is the most the plan allows — never the opening offer.
import { cents, type Cents } from '../../core/money/index.js';
import type { Block, Doc, Lang } from '../model.js';
import { checklist, fact, factTable, heading, list, para, run } from '../model.js';
import {
  causeText,
  compact,
  concessionText,
  type Ctx,
  debtRefs,
  finish,
  makeCtx,
  nameOf,
  src,
  totalOutstanding,
  you,
} from './common.js';
import type { CaseInput, Concession } from './types.js';
import { assert } from '../../core/result.js';

/** The longest term the ladder may offer: 5 years (信用卡办法第70条 caps card plans at that). */
export const MAX_INSTALLMENTS = 60;

export interface LadderStep {
  monthly: Cents;
  installments: number;
  /** the last installment (the remainder), equal to monthly when it divides */
  last: Cents;
  /** the lender's concessions still asked for at this step */
  asks: Concession[];
}

/** n installments of m with the remainder last: m × (n − 1) + last = total, 0 < last ≤ m. */
export function stepFor(total: Cents, monthly: Cents, asks: Concession[]): LadderStep {
  let n = Math.max(1, Math.ceil(total / monthly));
  // a token last installment (under a tenth of the monthly amount) is folded into the one before
  if (n > 1 && total - monthly * (n - 1) < monthly / 10) n -= 1;
  return { monthly, installments: n, last: cents(total - monthly * (n - 1)), asks };
}

/**
 * The ladder from the opening offer to the walk-away point. The plan's own monthly amount is the
 * middle; the opening is a lower anchor (80%, rounded down to whole yuan, never past 60
 * installments); the walk-away is the most the plan allows (walkAwayMonthly: the plan's amount
 * plus the budget's unallocated capacity).
 */
export function concessionLadder(c: CaseInput): LadderStep[] {
  const p = c.plan!;
  const total = p.totalPaid;
  if (total <= 0) return [];
  const planM = p.monthlyPayment;
  const minM = Math.ceil(total / MAX_INSTALLMENTS);
  const anchor = Math.max(minM, Math.floor((planM * 0.8) / 100) * 100);
  const steps: LadderStep[] = [];
  const asks = [...p.concessions];
  if (anchor < planM && anchor > 0) steps.push(stepFor(total, cents(anchor), asks));
  if (steps.length > 0 && asks.length > 0) {
    // give up the asks before raising the amount: same money, fewer demands
    steps.push(stepFor(total, cents(anchor), []));
  }
  // the plan's own step keeps the plan's term and last installment when they add up
  const planLast = p.lastPayment ?? planM;
  const own =
    planM * (p.installments - 1) + planLast === total
      ? { monthly: planM, installments: p.installments, last: cents(planLast), asks: [] }
      : stepFor(total, planM, []);
  steps.push(steps.length > 0 ? own : { ...own, asks });
  const walk = p.walkAwayMonthly;
  const top = walk === undefined ? planM : Math.min(walk, total);
  if (top > planM) steps.push(stepFor(total, cents(top), []));
  return steps;
}

function stepText(ctx: Ctx, s: LadderStep): string {
  const asks = s.asks.map((k) => concessionText(ctx, k)).join(ctx.t('、', '; '));
  const amounts =
    s.last === s.monthly
      ? ctx.t(
          `每月${ctx.money(s.monthly)}，共${s.installments}期`,
          `${ctx.money(s.monthly)} a month, ${s.installments} installments`,
        )
      : ctx.t(
          `每月${ctx.money(s.monthly)}，共${s.installments}期，末期${ctx.money(s.last)}`,
          `${ctx.money(s.monthly)} a month, ${s.installments} installments, the last ${ctx.money(s.last)}`,
        );
  return asks === ''
    ? amounts
    : ctx.t(`${amounts}；同时请求${asks}`, `${amounts}; and ask them to ${asks}`);
}

export function buildCallScript(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const p = c.plan;
  assert(p, 'the call script needs a plan');
  const h = c.hardship;
  const total = totalOutstanding(c);
  const y = you(ctx, c.lender);
  const steps = concessionLadder(c);
  return finish(
    ctx,
    ctx.t('电话协商话术', 'Negotiation Call Script'),
    compact([
      fact(
        src.debts(c),
        run(ctx.t('对象：', 'Lender: '), true),
        c.lender.brand
          ? ctx.t(`${c.lender.name}（${c.lender.brand}）`, `${c.lender.name} (${c.lender.brand})`)
          : c.lender.name,
        ctx.t(`　欠款合计：${ctx.money(total)}`, `  Outstanding: ${ctx.money(total)}`),
      ),
      para(
        ctx.t(
          '通话前：准备好本话术、合同编号、纸笔；开启通话录音；保持平和，只讲事实。',
          'Before the call: have this script, the contract numbers and a pen ready; record the call; stay calm and stick to facts.',
        ),
      ),
      heading(ctx.t('一、开场', '1. Opening')),
      para(
        ctx.t(
          `“您好，我是借款人${nameOf(c)}，${openingRefs(ctx, c)}。我打电话是想和${y}协商分期还款，请问您的姓名和工号是？”`,
          `"Hello, I am the borrower ${nameOf(c)}, ${openingRefs(ctx, c)}. I am calling to negotiate an installment plan. May I have your name and staff number?"`,
        ),
      ),
      heading(ctx.t('二、说明困难（两句话）', '2. The hardship in two sentences')),
      h
        ? fact(
            [src.hardship(c)],
            ctx.t(
              `“从${ctx.date(h.since)}起，我因为${causeText(ctx, h.cause)}，收入大幅下降，没办法按原来的金额还款。我不是不还，是想在能力范围内把钱还上。”`,
              `"Since ${ctx.date(h.since)} my income has dropped sharply because of ${causeText(ctx, h.cause)}, so I cannot pay the original amount. I am not refusing to pay; I want to repay within my means."`,
            ),
          )
        : para(
            ctx.t(
              '“我现在没办法按原来的金额还款。我不是不还，是想在能力范围内把钱还上。”',
              '"I cannot pay the original amount. I am not refusing to pay; I want to repay within my means."',
            ),
          ),
      heading(ctx.t('三、提出具体方案', '3. The concrete proposal')),
      steps[0] !== undefined &&
        fact(
          [src.plan(c)],
          ctx.t(
            `“我的方案是：从${ctx.date(p.firstDueOn)}开始，${stepText(ctx, steps[0])}，总共还${ctx.money(p.totalPaid)}。这是我算过家庭必要开支后能拿出来的钱。”`,
            `"My proposal: from ${ctx.date(p.firstDueOn)}, ${stepText(ctx, steps[0])}, ${ctx.money(p.totalPaid)} in total. That is what I can afford after essential household costs."`,
          ),
        ),
      ladder(ctx, c, p),
      para(
        ctx.t(
          '注意：不要当场答应超出能力的金额；停息、最长5年分期等是协商请求，不是法定权利，对方可以拒绝。不要向任何私人账户还款。',
          'Note: never agree on the spot to more than you can pay. An interest freeze or a five-year plan are requests, not rights; the lender may refuse. Never pay into a private account.',
        ),
      ),
      questions(ctx, y),
      callRecord(ctx),
    ]),
    c,
  );
}

/** "合同编号/卡号 X" for known numbers; a blank carries its own label ("合同编号______"), not twice. */
function openingRefs(ctx: Ctx, c: CaseInput): string {
  const known = c.debts.some((d) => d.ref.trim() !== '');
  return known
    ? ctx.t(`合同编号/卡号${debtRefs(ctx, c)}`, `contract/card ${debtRefs(ctx, c)}`)
    : debtRefs(ctx, c);
}

// 五、必须问清的问题: what to pin down before the call ends
function questions(ctx: Ctx, y: string): Block[] {
  return compact([
    heading(ctx.t('五、必须问清的问题', '5. Questions to ask')),
    list(
      [
        ctx.t(
          '您的姓名和工号是什么？本次通话是否录音？',
          'What are your name and staff number? Is this call recorded?',
        ),
        ctx.t(
          '协议期间如何向征信系统报送？已有的逾期记录会如何处理？',
          'How will the plan be reported to the credit bureau? What happens to the existing overdue records?',
        ),
        ctx.t(
          '能否发送书面协议或短信确认？多久能收到？',
          'Will you send a written agreement or an SMS confirmation? When?',
        ),
        ctx.t(
          `还款账户是什么？是否是${y}对公账户？`,
          'Which account do I pay into? Is it your company account?',
        ),
        ctx.t(
          '协议期间是否继续计收利息、罚息和其他费用？',
          'Will interest, penalties or other fees continue during the plan?',
        ),
        ctx.t('达成协议后，催收是否停止？', 'Will collection stop once we agree?'),
      ],
      true,
    ),
  ]);
}

// 六、通话记录: blanks to fill in during the call
function callRecord(ctx: Ctx): Block[] {
  return compact([
    heading(ctx.t('六、通话记录（边打边填）', '6. Call record (fill in during the call)')),
    checklist([
      ctx.t('通话日期、时间：________', 'Date and time: ________'),
      ctx.t('对方姓名 / 工号：________', 'Agent name / staff number: ________'),
      ctx.t(
        '对方回复的方案（月供、期数、减免）：________',
        'Their offer (monthly, installments, waivers): ________',
      ),
      ctx.t('征信报送方式：________', 'Credit reporting treatment: ________'),
      ctx.t('书面确认方式及时间：________', 'Written confirmation (how, when): ________'),
      ctx.t('下一步及期限：________', 'Next step and deadline: ________'),
      ctx.t('已录音并保存', 'Call recorded and saved'),
    ]),
  ]);
}

// 四、让步阶梯: the steps from the opening ask to the walk-away point, each with what it gives
function ladder(ctx: Ctx, c: CaseInput, p: NonNullable<CaseInput['plan']>): Block[] {
  const steps = concessionLadder(c);
  const stage = (i: number): string => {
    if (i === 0) return ctx.t('首先提出', 'Open with');
    if (i === steps.length - 1)
      return ctx.t('底线（方案允许的最高额）', 'Walk-away (the most the plan allows)');
    return ctx.t('可以让步', 'Can give');
  };
  const give = (i: number): string => {
    if (i === 0) return '';
    const prev = steps[i - 1]!;
    const s = steps[i]!;
    if (s.monthly === prev.monthly && s.asks.length < prev.asks.length)
      return ctx.t('（让步：放弃减免请求，金额不变）', ' (give: drop the asks, same amounts)');
    return ctx.t(
      `（让步：月供增加${ctx.money(cents(s.monthly - prev.monthly))}，期数减少${prev.installments - s.installments}期）`,
      ` (give: ${ctx.money(cents(s.monthly - prev.monthly))} more a month, ${prev.installments - s.installments} fewer installments)`,
    );
  };
  const ladderRows = steps.map((s, i) => ({
    cells: [String(i + 1), stage(i), stepText(ctx, s) + give(i)],
    sources: [src.plan(c)],
  }));
  const walk = steps.at(-1);
  const roomLeft = (p.walkAwayMonthly ?? p.monthlyPayment) > p.monthlyPayment;
  return compact([
    heading(
      ctx.t(
        '四、让步阶梯（从提出到底线）',
        '4. Concession ladder (from the ask to the walk-away point)',
      ),
    ),
    factTable(
      [ctx.t('步骤', 'Step'), ctx.t('阶段', 'Stage'), ctx.t('说法', 'What to offer')],
      ladderRows,
      [true, false, false],
    ),
    walk !== undefined &&
      fact(
        [src.plan(c), ...(c.budget ? [src.budget(c)] : [])],
        ctx.t(
          `底线：月供超过${ctx.money(walk.monthly)}或期数少于${walk.installments}期，礼貌结束通话，改为书面申请。${roomLeft ? '' : '（方案已按全部可还金额安排，没有更多余地。）'}`,
          `Walk-away: more than ${ctx.money(walk.monthly)} a month or fewer than ${walk.installments} installments: end the call politely and apply in writing.${roomLeft ? '' : ' (The plan already uses everything you can pay; there is no more room.)'}`,
        ),
      ),
  ]);
}

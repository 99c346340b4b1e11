// 电话协商话术: what to say on the phone, the concession ladder and a checklist for the call.
import type { Doc, Lang } from '../model.js';
import { checklist, heading, list, para, run, table } from '../model.js';
import { causeText, compact, concessionText, finish, makeCtx, totalOutstanding } from './common.js';
import type { CaseInput } from './types.js';

export function buildCallScript(c: CaseInput, lang: Lang): Doc {
  const ctx = makeCtx(lang);
  const p = c.plan;
  if (!p) throw new Error('assertion failed: the call script needs a plan');
  const h = c.hardship;
  const total = totalOutstanding(c);
  const walkMonthly = p.walkAwayMonthly ?? p.monthlyPayment;
  const walkN = p.walkAwayInstallments ?? p.installments;
  const ladder: string[][] = [
    [
      '1',
      ctx.t('首先提出', 'Open with'),
      ctx.t(
        `${p.concessions.map((k) => concessionText(ctx, k)).join('、') || '按方案分期'}，每月${ctx.money(p.monthlyPayment)}，${p.installments}期`,
        `${p.concessions.map((k) => concessionText(ctx, k)).join('; ') || 'the plan as proposed'}; ${ctx.money(p.monthlyPayment)} a month, ${p.installments} installments`,
      ),
    ],
    [
      '2',
      ctx.t('可以让步', 'Can give'),
      ctx.t(
        '同意保留部分利息，但请求减免罚息和违约金，月供和期数不变',
        'accept some interest but ask to waive penalties; same monthly amount and term',
      ),
    ],
    [
      '3',
      ctx.t('再让一步', 'Then'),
      ctx.t(
        `本金全额分期，利息按合同，但月供不超过${ctx.money(walkMonthly)}`,
        `full principal in installments with contractual interest, but no more than ${ctx.money(walkMonthly)} a month`,
      ),
    ],
    [
      '4',
      ctx.t('底线', 'Walk-away'),
      ctx.t(
        `月供超过${ctx.money(walkMonthly)}或期数少于${walkN}期：礼貌结束通话，改为书面申请`,
        `more than ${ctx.money(walkMonthly)} a month or fewer than ${walkN} installments: end the call politely and apply in writing`,
      ),
    ],
  ];
  return finish(
    ctx,
    ctx.t('电话协商话术', 'Negotiation Call Script'),
    compact([
      para(
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
          `“您好，我是借款人${c.borrower.name}，合同编号${c.debts.map((d) => d.ref).join('、')}。我打电话是想和贵司协商分期还款，请问您的姓名和工号是？”`,
          `"Hello, I am the borrower ${c.borrower.name}, contract ${c.debts.map((d) => d.ref).join(', ')}. I am calling to negotiate an installment plan. May I have your name and staff number?"`,
        ),
      ),
      heading(ctx.t('二、说明困难（两句话）', '2. The hardship in two sentences')),
      para(
        h
          ? ctx.t(
              `“从${ctx.date(h.since)}起，我因为${causeText(ctx, h.cause)}，收入大幅下降，没办法按原来的金额还款。我不是不还，是想在能力范围内把钱还上。”`,
              `"Since ${ctx.date(h.since)} my income has dropped sharply because of ${causeText(ctx, h.cause)}, so I cannot pay the original amount. I am not refusing to pay; I want to repay within my means."`,
            )
          : ctx.t(
              '“我最近收入大幅下降，没办法按原来的金额还款。我不是不还，是想在能力范围内把钱还上。”',
              '"My income has dropped sharply, so I cannot pay the original amount. I am not refusing to pay; I want to repay within my means."',
            ),
      ),
      heading(ctx.t('三、提出具体方案', '3. The concrete proposal')),
      para(
        ctx.t(
          `“我的方案是：从${ctx.date(p.firstDueOn)}开始，每月还${ctx.money(p.monthlyPayment)}，分${p.installments}期，到${ctx.date(p.endOn)}还清，总共还${ctx.money(p.totalPaid)}。这是我算过家庭必要开支后能拿出来的钱。”`,
          `"My proposal: ${ctx.money(p.monthlyPayment)} a month from ${ctx.date(p.firstDueOn)}, ${p.installments} installments, paid off by ${ctx.date(p.endOn)}, ${ctx.money(p.totalPaid)} in total. That is what I can afford after essential household costs."`,
        ),
      ),
      heading(
        ctx.t(
          '四、让步阶梯（从提出到底线）',
          '4. Concession ladder (from the ask to the walk-away point)',
        ),
      ),
      table(
        [ctx.t('步骤', 'Step'), ctx.t('阶段', 'Stage'), ctx.t('说法', 'What to offer')],
        ladder,
        [true, false, false],
      ),
      para(
        ctx.t(
          '注意：不要当场答应超出能力的金额；停息、60期等是协商请求，不是法定权利，对方可以拒绝。不要向任何私人账户还款。',
          'Note: never agree on the spot to more than you can pay. An interest freeze or 60 installments are requests, not rights; the lender may refuse. Never pay into a private account.',
        ),
      ),
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
            '还款账户是什么？是否是贵司对公账户？',
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
    ]),
  );
}

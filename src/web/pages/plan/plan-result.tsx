// The built plan: whether it is feasible (and what to change when not), what it assumes, the ask
// per lender, the balance chart and the next step.
import type { PlanView } from '../../../contracts/index.js';
import { money } from '../../format.js';
import { useLang, useT } from '../../i18n.js';
import { goTo } from '../../nav.js';
import { BalanceChart } from './balance-chart.js';
import { ProposalCards, ProposalTable } from './proposal-list.js';

export function PlanResult({
  plan,
  latestBudgetCap,
  onUseBudget,
}: {
  plan: PlanView;
  latestBudgetCap: string | null;
  /** recompute from the newer budget's capacity */
  onUseBudget: (capacity: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="result" aria-label={t('方案结果', 'Plan')}>
      {plan.budget?.changedSincePlan ? (
        <BudgetChanged plan={plan} latestBudgetCap={latestBudgetCap} onUseBudget={onUseBudget} />
      ) : null}
      <PlanStatus plan={plan} />
      {plan.assumptions && plan.assumptions.length > 0 ? (
        <ul className="banner banner-warn" aria-label={t('方案的假设', 'Assumptions')}>
          {plan.assumptions.map((a) => (
            <li key={a.id}>{lang === 'zh' ? a.messageZh : a.message}</li>
          ))}
        </ul>
      ) : null}
      {plan.strategyRule ? (
        <p className="muted">
          {t('分配规则：', 'How it is shared: ')}
          {lang === 'zh' ? plan.strategyRule.zh : plan.strategyRule.en}
        </p>
      ) : null}
      <ProposalTable proposals={plan.proposals} />
      <ProposalCards plan={plan} />
      <BalanceChart plan={plan} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => goTo('/prepare')}>
          {t('下一步：准备协商材料', 'Next: prepare')}
        </button>
      </div>
    </section>
  );
}

/** The budget changed after the plan was saved: the figures, and a way to use the new one. */
function BudgetChanged({
  plan,
  latestBudgetCap,
  onUseBudget,
}: {
  plan: PlanView;
  latestBudgetCap: string | null;
  onUseBudget: (capacity: string) => void;
}) {
  const t = useT();
  const latest = plan.budget?.latestCapacity ?? null;
  return (
    <div className="banner banner-warn" role="status">
      <p>
        {t(
          `预算在保存这个方案之后改过了：现在每月可还 ${money(latest ?? latestBudgetCap)}，这个方案是按 ${money(plan.capacity)} 算的。`,
          `The budget changed after this plan was saved: you can now pay ${money(latest ?? latestBudgetCap)} a month; this plan used ${money(plan.capacity)}.`,
        )}
      </p>
      {latest ? (
        <button type="button" className="link" onClick={() => onUseBudget(latest)}>
          {t('用新预算的金额重新计算', 'Use the new budget figure')}
        </button>
      ) : null}
    </div>
  );
}

/** Feasible, feasible but unlikely to be accepted, or not feasible with what would make it so. */
function PlanStatus({ plan }: { plan: PlanView }) {
  const t = useT();
  const lang = useLang();
  if (plan.status === 'unlikely-accepted')
    return (
      <div className="banner banner-warn" role="status">
        <p>
          {t(
            `可行但对方大概率不会接受：每月共还 ${money(plan.monthlyTotal)}，但有的期数超过对方通常接受的期限。`,
            `Feasible but unlikely to be accepted: ${money(plan.monthlyTotal)} a month in total, but some terms are longer than those lenders usually accept.`,
          )}
        </p>
        {plan.acceptanceFix ? (
          <p>{lang === 'zh' ? plan.acceptanceFix.messageZh : plan.acceptanceFix.message}</p>
        ) : null}
      </div>
    );
  if (plan.feasible)
    return (
      <p className="banner banner-ok" role="status">
        {t(
          `方案可行：每月共还 ${money(plan.monthlyTotal)}`,
          `Feasible: ${money(plan.monthlyTotal)} a month in total`,
        )}
      </p>
    );
  return (
    <div className="banner banner-bad" role="alert">
      <p>
        {t(
          `按现在的条件不可行：每月还差 ${money(plan.shortfall?.monthly)}`,
          `Not feasible: short by ${money(plan.shortfall?.monthly)} a month`,
        )}
      </p>
      <ul>
        {(plan.shortfall?.suggestions ?? []).map((s, i) => (
          <li key={i}>{lang === 'zh' ? s.messageZh : s.message}</li>
        ))}
      </ul>
    </div>
  );
}

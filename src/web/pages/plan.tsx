// 还款方案: the data hook (plan/use-plan.ts) → the settings form (plan/plan-form.tsx) and the
// result (plan/plan-result.tsx: status, the ask per lender, the balance chart).
import { Empty, ErrorBanner } from '../components/field.js';
import { useT } from '../i18n.js';
import { PlanForm } from './plan/plan-form.js';
import { PlanResult } from './plan/plan-result.js';
import { usePlan } from './plan/use-plan.js';

export function PlanPage() {
  const t = useT();
  const data = usePlan();
  return (
    <div className="page">
      <p className="intro">
        {t(
          '把每月能拿出的钱公平地分给每个债主：按欠款比例分配是债务咨询机构通用的做法。方案是你向对方提出的请求，不是对方必须接受的权利。',
          'Share what you can pay each month fairly among lenders: pro rata by balance is what debt-advice charities use. A plan is a request, not a right.',
        )}
      </p>
      <ErrorBanner message={data.banner} />
      <PlanForm data={data} />
      {!data.plan ? (
        <Empty title={t('还没有方案', 'No plan yet')}>
          <p>
            {t(
              '先在“我的债务”里记下债务，在“收支预算”里算出每月能还多少，再回来点“生成方案”。',
              'Add your debts and a budget first, then build the plan here.',
            )}
          </p>
        </Empty>
      ) : (
        <PlanResult
          plan={data.plan}
          latestBudgetCap={data.latestBudgetCap}
          onUseBudget={data.typeCapacity}
        />
      )}
    </div>
  );
}

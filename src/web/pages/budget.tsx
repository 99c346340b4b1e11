// 收支预算: the data hook (budget/use-budget.ts) → the form (budget/budget-form.tsx, its lines
// from budget/budget-rows.ts) and the saved result (budget/budget-result.tsx).
import { ErrorBanner, Notice } from '../components/field.js';
import { useT } from '../i18n.js';
import { BudgetForm } from './budget/budget-form.js';
import { BudgetResult } from './budget/budget-result.js';
import { useBudget } from './budget/use-budget.js';

export function BudgetPage() {
  const t = useT();
  const data = useBudget();
  return (
    <div className="page">
      <p className="intro">
        {t(
          '先算清楚每月真正能拿出多少钱还债：房租、吃饭、水电、孩子、看病这些必要开支排在所有债主前面。按月填写，不确定的先估一个数。',
          'Work out what you can really pay each month: rent, food, utilities, children and medical costs come before any lender. Monthly figures; estimate when unsure.',
        )}
      </p>
      <ErrorBanner message={data.feedback.error} />
      <Notice message={data.feedback.notice} />
      <BudgetForm data={data} />
      {data.saved ? <BudgetResult saved={data.saved} /> : null}
    </div>
  );
}

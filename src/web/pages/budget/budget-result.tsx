// The saved budget: income, each group of costs ("未填" for a group with no line, never ¥0.00),
// the monthly capacity for lenders, the warnings to check, and the next step.
import type { BudgetView } from '../../../contracts/index.js';
import { Money, Unknown } from '../../components/field.js';
import { money } from '../../format.js';
import { useLang, useT } from '../../i18n.js';
import { goTo } from '../../nav.js';
import { groupOf, type Group } from './budget-rows.js';

export function BudgetResult({ saved }: { saved: BudgetView }) {
  const t = useT();
  const lang = useLang();
  // a group with no line was not filled in: "未填", not a confident ¥0.00
  const has = (g: Group) => saved.lines.some((l) => groupOf(l.kind) === g);
  return (
    <section className="result" aria-label={t('预算结果', 'Budget result')}>
      <dl className="kv">
        <dt>{t('每月收入', 'Income')}</dt>
        <dd>
          <Money>{money(saved.income)}</Money>
        </dd>
        <dt>{t('必要支出', 'Priority costs')}</dt>
        <dd>{has('priority') ? <Money>{money(saved.priority)}</Money> : <Unknown />}</dd>
        <dt>{t('其他固定支出', 'Other fixed costs')}</dt>
        <dd>{has('fixed') ? <Money>{money(saved.fixed)}</Money> : <Unknown />}</dd>
        <dt>{t('可调整支出', 'Flexible costs')}</dt>
        <dd>{has('flexible') ? <Money>{money(saved.flexible)}</Money> : <Unknown />}</dd>
        <dt>{t('每月可用于还债', 'Monthly capacity for lenders')}</dt>
        <dd className={saved.capacity.startsWith('-') ? 'bad big' : 'good big'}>
          <Money>{money(saved.capacity)}</Money>
        </dd>
      </dl>
      {saved.warnings.length > 0 ? (
        <ul className="warnings" aria-label={t('请核对', 'Please check')}>
          {saved.warnings.map((w, i) => (
            <li key={i}>{lang === 'zh' ? w.messageZh : w.message}</li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={() => goTo('/plan')}>
          {t('下一步：还款方案', 'Next: plan')}
        </button>
      </div>
    </section>
  );
}

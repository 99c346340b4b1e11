// The settings a plan is built from: the monthly capacity, how it is shared, the concession asked
// for and the longest term.
import { CONCESSIONS, PLAN_STRATEGIES } from '../../../contracts/enums.js';
import { ActionButton, Field } from '../../components/field.js';
import { useLang, useT } from '../../i18n.js';
import { CONCESSION_LABELS, label, STRATEGY_LABELS } from '../../labels.js';
import type { PlanData } from './use-plan.js';

export function PlanForm({ data }: { data: PlanData }) {
  const t = useT();
  const { capacity, capErr, termErr } = data;
  return (
    <form
      className="form"
      noValidate
      aria-label={t('生成还款方案', 'Build a plan')}
      onSubmit={(e) => {
        e.preventDefault();
        void data.build();
      }}
    >
      <Field
        label={t('每月可用于还债（来自预算）', 'Monthly capacity (from the budget)')}
        error={capacity === '' ? undefined : capErr}
      >
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={capacity}
            onChange={(e) => data.typeCapacity(e.target.value)}
          />
        )}
      </Field>
      <Choices data={data} />
      <Field
        label={t('最长分期（月）', 'Longest term (months)')}
        error={termErr}
        hint={t(
          '信用卡个性化分期最长一般 60 期；网贷多为 12–36 期',
          'Credit cards up to 60; apps often 12–36',
        )}
      >
        {(p) => (
          <input
            {...p}
            inputMode="numeric"
            value={data.maxTerm}
            onChange={(e) => data.setMaxTerm(e.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <ActionButton
          type="submit"
          className="primary"
          busy={data.busy}
          busyLabel={t('计算中…', 'Working…')}
          reason={
            capacity.trim() === ''
              ? t(
                  '先填写每月可用于还债的金额（或先做收支预算）',
                  'First enter what you can pay each month (or do the budget)',
                )
              : capErr || termErr
                ? t('先改正上面标红的内容', 'First correct what is marked in red above')
                : null
          }
        >
          {t('生成方案', 'Build the plan')}
        </ActionButton>
      </div>
    </form>
  );
}

/** The strategy and the concession: two lists of fixed choices. */
function Choices({ data }: { data: PlanData }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <Field label={t('分配方式', 'Strategy')}>
        {(p) => (
          <select {...p} value={data.strategy} onChange={(e) => data.setStrategy(e.target.value)}>
            {PLAN_STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {label(STRATEGY_LABELS, s, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('向对方提出的减免', 'Concession to ask for')}>
        {(p) => (
          <select
            {...p}
            value={data.concession}
            onChange={(e) => data.setConcession(e.target.value)}
          >
            {CONCESSIONS.map((s) => (
              <option key={s} value={s}>
                {label(CONCESSION_LABELS, s, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

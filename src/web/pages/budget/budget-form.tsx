// The budget form: a fieldset per group (income, priority, fixed, flexible costs) with its lines,
// the emergency buffer and the save button.
import { ActionButton, Field } from '../../components/field.js';
import { useLang, useT } from '../../i18n.js';
import { BUDGET_GROUP_LABELS, CATEGORY_LABELS, label } from '../../labels.js';
import {
  GROUPS,
  groupOf,
  kindsOf,
  rowError,
  type Group,
  type Kind,
  type Row,
} from './budget-rows.js';
import type { BudgetData } from './use-budget.js';

export function BudgetForm({ data }: { data: BudgetData }) {
  const t = useT();
  return (
    <form
      className="form"
      noValidate
      aria-label={t('收支预算', 'Budget')}
      onSubmit={(e) => {
        e.preventDefault();
        void data.save();
      }}
    >
      {GROUPS.map((g) => (
        <GroupFieldset key={g} group={g} data={data} />
      ))}
      <Field
        label={t('应急备用金（每月留出）', 'Emergency buffer (per month)')}
        error={data.bufferError}
      >
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={data.buffer}
            onChange={(e) => data.typeBuffer(e.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <ActionButton
          type="submit"
          className="primary"
          busy={data.saving}
          reason={
            data.hasErrors
              ? t('先改正上面标红的内容', 'First correct what is marked in red above')
              : null
          }
        >
          {t('保存并计算还款能力', 'Save and compute capacity')}
        </ActionButton>
      </div>
    </form>
  );
}

/** One group's lines and its "+ 添加一项" button. */
function GroupFieldset({ group: g, data }: { group: Group; data: BudgetData }) {
  const t = useT();
  const lang = useLang();
  return (
    <fieldset>
      <legend>{label(BUDGET_GROUP_LABELS, g, lang)}</legend>
      {data.rows.map((r, i) =>
        groupOf(r.kind) !== g ? null : (
          <LineFields
            key={i}
            row={r}
            group={g}
            onChange={(patch) => data.update(i, patch)}
            onRemove={() => data.remove(i)}
          />
        ),
      )}
      <button type="button" className="link" onClick={() => data.add(g)}>
        {t('+ 添加一项', '+ Add a line')}
        <span className="sr-only"> {label(BUDGET_GROUP_LABELS, g, lang)}</span>
      </button>
    </fieldset>
  );
}

/** One line: its category (costs only), item, amount per month, day of month, and remove. */
function LineFields({
  row: r,
  group: g,
  onChange,
  onRemove,
}: {
  row: Row;
  group: Group;
  onChange: (patch: Partial<Row>) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const errors = rowError(r, lang);
  return (
    <div className="line">
      {g !== 'income' ? (
        <Field label={t('类别', 'Category')} className="wide">
          {(p) => (
            <select
              {...p}
              value={r.kind}
              onChange={(e) => onChange({ kind: e.target.value as Kind })}
            >
              {kindsOf(g).map((k) => (
                <option key={k} value={k}>
                  {label(CATEGORY_LABELS, k, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('项目', 'Item')} error={errors.label} className="wide">
        {(p) => (
          <input {...p} value={r.label} onChange={(e) => onChange({ label: e.target.value })} />
        )}
      </Field>
      <Field
        label={t(`${r.label || '该项'}每月金额`, `${r.label || 'Item'} per month`)}
        error={errors.monthly}
      >
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={r.monthly}
            onChange={(e) => onChange({ monthly: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={t(`${r.label || '该项'}每月几号`, `${r.label || 'Item'}: day of month`)}
        error={errors.day}
        hint={t('不固定可不填', 'Blank if it varies')}
      >
        {(p) => (
          <input
            {...p}
            inputMode="numeric"
            placeholder={r.kind === 'income' ? '10' : '1'}
            value={r.day}
            onChange={(e) => onChange({ day: e.target.value })}
          />
        )}
      </Field>
      <button type="button" className="link remove" onClick={onRemove}>
        {t('删除', 'Remove')}
        <span className="sr-only"> {r.label}</span>
      </button>
    </div>
  );
}

// The re-plan form: what happened, and what the user can pay each month now.
import type { Ref } from 'react';
import type { ReplanReason } from '../../../contracts/index.js';
import { useT } from '../../i18n.js';
import { ErrorBanner, Field } from '../field.js';
import type { ReplanData } from './use-replan.js';

const REASONS: [ReplanReason, string, string][] = [
  ['missed', '有一期没还上', 'An installment was missed'],
  ['at-risk', '下一期可能还不上', 'The next one may be missed'],
  ['income-changed', '收入变了，每月能还的钱变了', 'My income changed'],
];

export function ReplanForm({
  lender,
  data,
  firstRef,
  onClose,
}: {
  lender: string;
  data: ReplanData;
  /** the first control, focused when the panel opens */
  firstRef: Ref<HTMLSelectElement>;
  onClose: () => void;
}) {
  const t = useT();
  const { form, busy } = data;
  return (
    <form
      className="form"
      noValidate
      aria-label={t(`重新协商：${lender}`, `Re-plan: ${lender}`)}
      onSubmit={(e) => {
        e.preventDefault();
        void data.submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h4 style={{ marginBottom: 10 }}>{t(`重新协商：${lender}`, `Re-plan: ${lender}`)}</h4>
      <ErrorBanner message={form.banner} />
      <Field label={t('发生了什么', 'What happened')} error={form.shown('reason')}>
        {(p) => (
          <select
            {...p}
            ref={firstRef}
            value={form.values.reason}
            onChange={(e) => form.set('reason', e.target.value)}
          >
            {REASONS.map(([value, zh, en]) => (
              <option key={value} value={value}>
                {t(zh, en)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CapacityField data={data} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? t('正在生成…', 'Working…') : t('生成新方案和协商函', 'Make the plan and letter')}
        </button>
        <button type="button" onClick={onClose}>
          {t('收起', 'Close')}
        </button>
      </div>
    </form>
  );
}

/** Required on an income change; otherwise blank keeps the agreed amounts. */
function CapacityField({ data: { form } }: { data: ReplanData }) {
  const t = useT();
  const income = form.values.reason === 'income-changed';
  return (
    <Field
      label={t('现在每月一共能还多少（元）', 'What you can pay each month now (yuan)')}
      error={form.shown('capacity')}
      hint={
        income
          ? t(
              '所有进行中的协议合计，按原来的月供比例分给各家。',
              'For all running agreements together, split in proportion to what was agreed.',
            )
          : t(
              '可以不填：不填就按原来的月供，把没还上的部分顺延到最后。填了会重新分给所有进行中的协议。',
              'Optional: blank keeps the agreed amounts and moves what was missed to the end. An amount is split over all running agreements.',
            )
      }
    >
      {(p) => (
        <input
          {...p}
          inputMode="decimal"
          autoComplete="off"
          placeholder={income ? '1000' : t('不填＝不变', 'blank = unchanged')}
          value={form.values.capacity}
          onChange={(e) => form.set('capacity', e.target.value)}
        />
      )}
    </Field>
  );
}

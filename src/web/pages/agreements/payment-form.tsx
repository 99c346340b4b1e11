// Record a payment against an agreement, or correct a recorded one (inside its agreement's card).
import type { AgreementView, PaymentPatch, PaymentView } from '../../../contracts/index.js';
import { api } from '../../api-client.js';
import { ErrorBanner, Field } from '../../components/field.js';
import { useForm } from '../../components/use-form.js';
import { useLang, useT } from '../../i18n.js';
import { checkDate, checkMoney, checkText } from '../../validate.js';
import { FormButtons } from './form-buttons.js';

type Values = { agreementId: string; paidDate: string; amount: string; note: string };

const FIELD_MAP: Record<string, keyof Values> = {
  date: 'paidDate',
  paidOn: 'paidDate',
  agreement: 'agreementId',
};

export interface PaymentFormProps {
  agreements: AgreementView[];
  /** the recorded payment to change (and its agreement); absent: record a new one */
  editing?: { agreement: AgreementView; payment: PaymentView };
  onSaved: (message: string) => void;
  onCancel?: () => void;
}

function usePaymentForm(p: PaymentFormProps) {
  const t = useT();
  const lang = useLang();
  const e = p.editing;
  const initial: Values = e
    ? {
        agreementId: e.agreement.id,
        paidDate: e.payment.paidDate,
        amount: e.payment.amount,
        note: e.payment.note ?? '',
      }
    : { agreementId: p.agreements[0]?.id ?? '', paidDate: '', amount: '', note: '' };
  return useForm<Values>(initial, (v) => ({
    paidDate: checkDate(v.paidDate, lang, { required: true, label: t('还款日期', 'date paid') })
      .error,
    amount:
      checkMoney(v.amount, lang, { required: true, label: t('金额', 'the amount') }).error ??
      (checkMoney(v.amount, lang).value === '0.00'
        ? t('必须大于 0', 'must be above zero')
        : undefined),
    note: checkText(v.note, lang, 1000).error,
  }));
}

export function PaymentForm(props: PaymentFormProps) {
  const { agreements, editing, onSaved, onCancel } = props;
  const t = useT();
  const lang = useLang();
  const form = usePaymentForm(props);
  const v = form.values;
  const submit = async () => {
    form.touchAll();
    if (!form.isValid) return;
    const paidDate = checkDate(v.paidDate, lang).value!;
    const amount = checkMoney(v.amount, lang).value!;
    try {
      if (editing) {
        const patch: PaymentPatch = { paidDate, amount, note: v.note.trim() };
        const r = await form.run(patch, () =>
          api.editPayment(editing.agreement.id, editing.payment.id, patch),
        );
        if (r === undefined) return;
        onSaved(t('已保存修改：还款记录', 'Saved: payment'));
      } else {
        const id = v.agreementId || (agreements[0]?.id ?? '');
        const body = { paidDate, amount, ...(v.note.trim() ? { note: v.note.trim() } : {}) };
        if ((await form.run({ id, ...body }, (key) => api.pay(id, body, key))) === undefined)
          return;
        form.reset();
        onSaved(t('还款已记录', 'Payment recorded'));
      }
    } catch (e) {
      form.showError(e, lang, FIELD_MAP);
    }
  };
  return (
    <form
      className="form"
      noValidate
      aria-label={editing ? t('修改还款', 'Edit the payment') : t('记录还款', 'Record a payment')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>
        {editing ? t('修改这笔还款', 'Edit this payment') : t('记录一笔还款', 'Record a payment')}
      </h3>
      <ErrorBanner message={form.banner} />
      <PaymentFields form={form} agreements={agreements} editing={editing !== undefined} />
      <FormButtons
        submitting={form.submitting}
        ready={form.isValid}
        label={editing ? t('保存修改', 'Save changes') : t('保存还款', 'Save payment')}
        notReady={t('请先填写还款日期和金额，才能保存。', 'Enter the date and the amount to save.')}
        onCancel={onCancel}
      />
    </form>
  );
}

function PaymentFields(props: {
  form: ReturnType<typeof usePaymentForm>;
  agreements: AgreementView[];
  editing: boolean;
}) {
  const { form, agreements, editing } = props;
  const t = useT();
  const v = form.values;
  return (
    <>
      {editing ? null : (
        <Field label={t('哪个协议', 'Agreement')}>
          {(p) => (
            <select
              {...p}
              value={v.agreementId}
              onChange={(e) => form.set('agreementId', e.target.value)}
            >
              {agreements.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.lender}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('还款日期', 'Date paid')} error={form.shown('paidDate')}>
        {(p) => (
          <input
            {...p}
            value={v.paidDate}
            placeholder="2026-12-15"
            onChange={(e) => form.set('paidDate', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('金额', 'Amount')} error={form.shown('amount')}>
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={v.amount}
            onChange={(e) => form.set('amount', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('备注（可不填）', 'Note (optional)')} error={form.shown('note')}>
        {(p) => <input {...p} value={v.note} onChange={(e) => form.set('note', e.target.value)} />}
      </Field>
    </>
  );
}

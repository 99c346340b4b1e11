// Record a new agreement, or change a stored one in place (its card). Validation as you type with
// the server's own parsers; server errors land under the field they name.
import type { AgreementPatch, AgreementView, LenderView } from '../../../contracts/index.js';
import { api } from '../../api-client.js';
import { ErrorBanner, Field } from '../../components/field.js';
import { useForm } from '../../components/use-form.js';
import { useLang, useT } from '../../i18n.js';
import { checkDate, checkInt, checkMoney } from '../../validate.js';
import { FormButtons } from './form-buttons.js';

type Values = {
  lenderId: string;
  agreedDate: string;
  firstDueDate: string;
  monthlyAmount: string;
  count: string;
  confirmed: string;
};

/** The API's (and the use case's) field names → this form's fields. */
const FIELD_MAP: Record<string, keyof Values> = {
  agreedOn: 'agreedDate',
  firstDueOn: 'firstDueDate',
  'segments[0].firstDueOn': 'firstDueDate',
  'installments[0].dueOn': 'firstDueDate',
  'segments[0].amount': 'monthlyAmount',
  total: 'monthlyAmount',
  'segments[0].count': 'count',
  segments: 'count',
  lender: 'lenderId',
};

const valuesOf = (g: AgreementView): Values => ({
  lenderId: g.lenderId,
  agreedDate: g.agreedDate,
  firstDueDate: g.firstDueDate ?? '',
  monthlyAmount: g.monthlyAmount ?? '',
  count: g.count === undefined ? '' : String(g.count),
  confirmed: g.isConfirmedInWriting ? 'yes' : '',
});

function useAgreementForm(lenders: LenderView[], editing: AgreementView | undefined) {
  const t = useT();
  const lang = useLang();
  const empty: Values = {
    lenderId: lenders[0]?.id ?? '',
    agreedDate: '',
    firstDueDate: '',
    monthlyAmount: '',
    count: '',
    confirmed: '',
  };
  return useForm<Values>(editing ? valuesOf(editing) : empty, (v) => ({
    agreedDate: checkDate(v.agreedDate, lang, {
      required: true,
      label: t('达成日期', 'date agreed'),
    }).error,
    firstDueDate: checkDate(v.firstDueDate, lang, {
      required: true,
      label: t('第一期还款日', 'first due date'),
    }).error,
    monthlyAmount:
      checkMoney(v.monthlyAmount, lang, { required: true, label: t('每期金额', 'the amount') })
        .error ??
      (checkMoney(v.monthlyAmount, lang).value === '0.00'
        ? t('必须大于 0', 'must be above zero')
        : undefined),
    count: checkInt(v.count, lang, 1, 120, true).error,
  }));
}

/** Only what changed, in the API's names (an edit sends a patch). */
function patchOf(v: Values, base: Values, lang: 'zh' | 'en'): AgreementPatch {
  const p: AgreementPatch = {};
  if (v.agreedDate !== base.agreedDate) p.agreedDate = checkDate(v.agreedDate, lang).value!;
  if (v.firstDueDate !== base.firstDueDate) p.firstDueDate = checkDate(v.firstDueDate, lang).value!;
  if (v.monthlyAmount !== base.monthlyAmount)
    p.monthlyAmount = checkMoney(v.monthlyAmount, lang).value!;
  if (v.count !== base.count) p.count = Number(v.count);
  if (v.confirmed !== base.confirmed) p.isConfirmedInWriting = v.confirmed === 'yes';
  return p;
}

export interface AgreementFormProps {
  lenders: LenderView[];
  /** the stored agreement to change; absent: record a new one */
  editing?: AgreementView;
  onSaved: (message: string) => void;
  onCancel?: () => void;
}

export function AgreementForm({ lenders, editing, onSaved, onCancel }: AgreementFormProps) {
  const t = useT();
  const lang = useLang();
  const form = useAgreementForm(lenders, editing);
  const v = form.values;
  const submit = async () => {
    form.touchAll();
    if (!form.isValid) return;
    try {
      if (editing) {
        const patch = patchOf(v, valuesOf(editing), lang);
        if (Object.keys(patch).length === 0) return onCancel?.();
        if ((await form.run(patch, () => api.editAgreement(editing.id, patch))) === undefined)
          return;
        onSaved(t(`已保存修改：${editing.lender}`, `Saved: ${editing.lender}`));
      } else {
        const body = {
          lenderId: v.lenderId || (lenders[0]?.id ?? ''),
          agreedDate: checkDate(v.agreedDate, lang).value!,
          firstDueDate: checkDate(v.firstDueDate, lang).value!,
          monthlyAmount: checkMoney(v.monthlyAmount, lang).value!,
          count: Number(v.count),
          isConfirmedInWriting: v.confirmed === 'yes',
        };
        if ((await form.run(body, (key) => api.addAgreement(body, key))) === undefined) return;
        form.reset();
        onSaved(t('协议已记录', 'Agreement recorded'));
      }
    } catch (e) {
      form.showError(e, lang, FIELD_MAP);
    }
  };
  return (
    <form
      className="form"
      noValidate
      aria-label={
        editing ? t('修改协议', 'Edit the agreement') : t('记录协议', 'Record an agreement')
      }
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>
        {editing
          ? t(`修改协议：${editing.lender}`, `Edit: ${editing.lender}`)
          : t('谈成了？记录新的还款协议', 'Agreed? Record the new terms')}
      </h3>
      <ErrorBanner message={form.banner} />
      <AgreementFields form={form} lenders={lenders} editing={editing !== undefined} />
      <FormButtons
        submitting={form.submitting}
        ready={form.isValid}
        label={editing ? t('保存修改', 'Save changes') : t('保存协议', 'Save agreement')}
        notReady={t(
          '请先把标红或未填的项目填好，才能保存。',
          'Fill in the fields marked or left empty to save.',
        )}
        onCancel={onCancel}
      />
    </form>
  );
}

type Form = ReturnType<typeof useAgreementForm>;

function AgreementFields({
  form,
  lenders,
  editing,
}: {
  form: Form;
  lenders: LenderView[];
  editing: boolean;
}) {
  const t = useT();
  const v = form.values;
  const text = (
    k: keyof Values,
    label: string,
    extra: { inputMode?: 'decimal' | 'numeric'; placeholder?: string } = {},
  ) => (
    <Field label={label} error={form.shown(k)}>
      {(p) => (
        <input {...p} {...extra} value={v[k]} onChange={(e) => form.set(k, e.target.value)} />
      )}
    </Field>
  );
  return (
    <>
      {editing ? null : (
        <Field label={t('债主', 'Lender')}>
          {(p) => (
            <select
              {...p}
              value={v.lenderId}
              onChange={(e) => form.set('lenderId', e.target.value)}
            >
              {lenders.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.brand ?? l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {text('agreedDate', t('达成日期', 'Date agreed'), { placeholder: '2026-12-01' })}
      {text('firstDueDate', t('第一期还款日', 'First due date'), { placeholder: '2026-12-15' })}
      {text('monthlyAmount', t('每期金额', 'Amount per installment'), { inputMode: 'decimal' })}
      {text('count', t('期数', 'Number of installments'), { inputMode: 'numeric' })}
      <div className="field check">
        <input
          id={editing ? 'agreement-written-edit' : 'agreement-written'}
          type="checkbox"
          checked={v.confirmed === 'yes'}
          onChange={(e) => form.set('confirmed', e.target.checked ? 'yes' : '')}
        />
        <label htmlFor={editing ? 'agreement-written-edit' : 'agreement-written'}>
          {t('对方已书面确认（短信、邮件、App 记录）', 'Confirmed in writing (SMS, email, app)')}
        </label>
      </div>
      {v.confirmed !== 'yes' ? (
        <p className="field-hint">
          {t(
            '没有书面确认的协议容易被否认：请让对方发短信或在 App 里确认，并把截图存进证据库。',
            'Unwritten agreements are easy to deny: ask for written confirmation and store it as evidence.',
          )}
        </p>
      ) : null}
    </>
  );
}

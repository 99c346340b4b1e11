// The add / edit form of one debt. A loan asks for its contract and schedule; a credit card for
// its own terms (账单日, 最低还款, 分期手续费); a 助贷 loan may name its 资金方 and 担保方.
import { useEffect, useRef } from 'react';
import { DEBT_METHODS, LENDER_TYPES } from '../../../contracts/enums.js';
import type { DebtView } from '../../../contracts/index.js';
import { api } from '../../api-client.js';
import { ErrorBanner, Field } from '../../components/field.js';
import { useForm } from '../../components/use-form.js';
import { useLang, useT } from '../../i18n.js';
import { label, LENDER_TYPE_LABELS, METHOD_LABELS } from '../../labels.js';
import {
  checkDebt,
  EMPTY_DEBT,
  isCard,
  toCreate,
  toPatch,
  valuesOf,
  type DebtValues,
} from './debt-values.js';

type Form = ReturnType<typeof useForm<DebtValues>>;
type Key = keyof DebtValues & string;

/** One labelled text input bound to a form value. */
function Input(props: {
  form: Form;
  k: Key;
  label: string;
  hint?: string;
  decimal?: boolean;
  numeric?: boolean;
  placeholder?: string;
}) {
  const { form, k } = props;
  return (
    <Field label={props.label} error={form.shown(k)} hint={props.hint}>
      {(p) => (
        <input
          {...p}
          {...(props.decimal ? { inputMode: 'decimal' as const } : {})}
          {...(props.numeric ? { inputMode: 'numeric' as const } : {})}
          {...(props.placeholder ? { placeholder: props.placeholder } : {})}
          value={form.values[k]}
          onChange={(e) => form.set(k, e.target.value)}
          autoComplete="off"
        />
      )}
    </Field>
  );
}

/** One labelled select bound to a form value. */
function Select(props: { form: Form; k: Key; label: string; options: [string, string][] }) {
  const { form, k } = props;
  return (
    <Field label={props.label}>
      {(p) => (
        <select {...p} value={form.values[k]} onChange={(e) => form.set(k, e.target.value)}>
          {props.options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Who lent, and what kind of debt it is (the rest of the form follows the kind). */
function WhoFields({ form }: { form: Form }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <Input
        form={form}
        k="lenderName"
        label={t('平台或机构名称', 'Lender or app')}
        hint={t('例如：借呗、招联金融、某银行信用卡', 'e.g. Jiebei, a bank card')}
      />
      <Select
        form={form}
        k="lenderType"
        label={t('机构类型', 'Lender type')}
        options={LENDER_TYPES.map((k) => [k, label(LENDER_TYPE_LABELS, k, lang)])}
      />
      <Select
        form={form}
        k="kind"
        label={t('这是贷款还是信用卡', 'Loan or credit card')}
        options={[
          ['loan', t('贷款（网贷、消费贷等）', 'Loan')],
          ['credit-card', t('信用卡', 'Credit card')],
        ]}
      />
    </>
  );
}

/** A loan's contract and schedule: what its true cost is computed from. */
function LoanFields({ form }: { form: Form }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <Input
        form={form}
        k="received"
        decimal
        label={t('实际到手金额', 'Amount actually received')}
        hint={t(
          '被扣了“服务费”“砍头息”就填到手的数',
          'If fees were deducted up front, the amount you got',
        )}
      />
      <Input
        form={form}
        k="contractDate"
        label={t('借款日期', 'Contract date')}
        hint={t('例如 2024-01-05 或 2024年1月5日', 'e.g. 2024-01-05')}
        placeholder="2024-01-05"
      />
      <Input form={form} k="termMonths" numeric label={t('期数（月）', 'Term (months)')} />
      <Input form={form} k="installment" decimal label={t('每期还款', 'Installment')} />
      <Select
        form={form}
        k="method"
        label={t('还款方式', 'Repayment method')}
        options={DEBT_METHODS.map((k) => [k, label(METHOD_LABELS, k, lang)])}
      />
      <Input
        form={form}
        k="firstDueDate"
        label={t('第一期还款日', 'First due date')}
        placeholder="2024-02-05"
      />
      <Input
        form={form}
        k="rateText"
        label={t('宣传的利率（照抄）', 'Rate as quoted')}
        hint={t('例如：日息万五、月费率0.6%、年化18%', 'e.g. 日息万五, 月费率0.6%')}
      />
    </>
  );
}

/** 助贷: the platform is not always the lender; the contract names who funds and who guarantees. */
function ZhudaiFields({ form }: { form: Form }) {
  const t = useT();
  return (
    <fieldset className="zhudai">
      <legend>{t('助贷信息（合同上写的，可不填）', 'If a platform arranged it (optional)')}</legend>
      <Input
        form={form}
        k="lenderOfRecord"
        label={t('资金方', 'Funder of record')}
        hint={t('合同上真正出钱的银行或消费金融公司', 'The bank or lender named in the contract')}
      />
      <Input
        form={form}
        k="guarantor"
        label={t('担保方', 'Guarantor')}
        hint={t('收担保费、增信的公司', 'The guarantee company that charges a fee')}
      />
    </fieldset>
  );
}

/** A credit card's own terms, from its latest statement. */
function CardFields({ form }: { form: Form }) {
  const t = useT();
  return (
    <>
      <Input
        form={form}
        k="contractDate"
        label={t('开卡或开始欠款的日期（可不填）', 'Card opened or debt started (optional)')}
        placeholder="2024-01-05"
      />
      <Input
        form={form}
        k="statementDay"
        numeric
        label={t('账单日（每月几号）', 'Statement day (day of month)')}
        hint={t('账单上写的，1 到 31', 'From the statement, 1 to 31')}
      />
      <Input form={form} k="minimumPayment" decimal label={t('最低还款', 'Minimum payment')} />
      <Input
        form={form}
        k="termMonths"
        numeric
        label={t('分期期数（可不填）', 'Installments (optional)')}
        hint={t(
          '账单分期了几期；和手续费一起可以算出真实年化',
          'With the fee it gives the true rate',
        )}
      />
      <Input
        form={form}
        k="cardInstallmentFee"
        label={t('分期手续费（每期）', 'Installment fee (per month)')}
        hint={t(
          '例如 0.6%：分期时每期收的手续费率',
          'e.g. 0.6%: the fee per month on installments',
        )}
      />
    </>
  );
}

/** What is owed now: the balance the lender shows, and what of it is overdue. */
function OwedFields({ form }: { form: Form }) {
  const t = useT();
  return (
    <>
      <Input
        form={form}
        k="balance"
        decimal
        label={t('现在还欠多少', 'Balance now')}
        hint={t('不知道可以先不填，显示为“未填”', 'Leave empty if unknown: shown as “not given”')}
      />
      <Input form={form} k="overdue" decimal label={t('其中逾期金额', 'Of which overdue')} />
    </>
  );
}

export function DebtForm({
  editing,
  onDone,
  onCancel,
}: {
  /** the debt being edited, or null to add one */
  editing: DebtView | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const lang = useLang();
  // keyed by the debt (debts.tsx): an edit starts from the stored values
  const form = useForm(editing ? valuesOf(editing) : EMPTY_DEBT, (v) => checkDebt(v, lang, t));
  const heading = useRef<HTMLHeadingElement>(null);
  // the form opens in place of the card: move focus there for keyboard users
  useEffect(() => {
    if (editing !== null) heading.current?.focus();
  }, [editing]);
  const submit = useDebtSubmit(form, editing, onDone, onCancel);
  const card = isCard(form.values);
  return (
    <form
      className="form"
      aria-label={editing ? t('修改债务', 'Edit a debt') : t('添加债务', 'Add a debt')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 tabIndex={-1} ref={heading}>
        {editing
          ? t(`修改：${editing.lender}`, `Edit: ${editing.lender}`)
          : t('添加一笔债务', 'Add a debt')}
      </h3>
      <ErrorBanner message={form.banner} />
      <WhoFields form={form} />
      <Input
        form={form}
        k="principal"
        decimal
        label={
          card
            ? t('欠款本金（账单金额）', 'Amount owed (statement)')
            : t('借款金额（合同金额）', 'Amount borrowed (contract)')
        }
        hint={t('可以写 12000、1.2万、¥12,000', 'e.g. 12000 or 1.2万')}
      />
      {card ? <CardFields form={form} /> : <LoanFields form={form} />}
      <OwedFields form={form} />
      {card ? null : <ZhudaiFields form={form} />}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('取消', 'Cancel')}
        </button>
        <button type="submit" className="primary" disabled={form.submitting}>
          {editing ? t('保存修改', 'Save changes') : t('保存这笔债务', 'Save this debt')}
        </button>
      </div>
    </form>
  );
}

/** Saves the form: a new debt (with its idempotency key), or only what changed on an edit. */
function useDebtSubmit(
  form: Form,
  editing: DebtView | null,
  onDone: (m: string) => void,
  onUnchanged: () => void,
) {
  const t = useT();
  const lang = useLang();
  const fields = { contractDate: 'contractDate', rate: 'rateText' } as const;
  return async () => {
    form.touchAll();
    if (!form.isValid) return;
    const v = form.values;
    const name = v.lenderName.trim();
    try {
      if (editing === null) {
        const body = toCreate(v, lang);
        if ((await form.run(body, (key) => api.addDebt(body, key))) === undefined) return;
        form.reset();
        onDone(t(`已添加：${name}`, `Added: ${name}`));
        return;
      }
      const patch = toPatch(valuesOf(editing), v, lang);
      if (Object.keys(patch).length === 0) {
        form.reset();
        return onUnchanged();
      }
      if ((await form.run(patch, () => api.editDebt(editing.id, patch))) === undefined) return;
      form.reset();
      onDone(t(`已保存修改：${name}`, `Saved: ${name}`));
    } catch (e) {
      form.showError(e, lang, fields);
    }
  };
}

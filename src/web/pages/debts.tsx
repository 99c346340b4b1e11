import { useCallback, useEffect, useRef, useState } from 'react';
import { DEBT_METHODS, LENDER_TYPES } from '../../contracts/enums.js';
import type { DebtCreate, DebtPatch, DebtView, Summary } from '../../contracts/index.js';
import { api, ApiError } from '../api-client.js';
import { Empty, ErrorBanner, Field, Money, Notice } from '../components/field.js';
import { useForm } from '../components/use-form.js';
import { money, percent } from '../format.js';
import { useLang, useT } from '../i18n.js';
import { label, LENDER_TYPE_LABELS, METHOD_LABELS } from '../labels.js';
import { goTo } from '../nav.js';
import { checkDate, checkInt, checkMoney, checkText } from '../validate.js';

/** The verdict in words a non-expert understands. */
export function verdictWords(d: DebtView, lang: 'zh' | 'en'): string {
  const apr = percent(d.nominalApr);
  const v = d.verdict;
  const unsure =
    v.certainty === 'U'
      ? lang === 'zh'
        ? '（这条规则尚待核实）'
        : ' (this rule is not yet confirmed)'
      : '';
  if (v.level === 'unknown' || d.nominalApr === null) {
    if (d.aprNote) return lang === 'zh' ? d.aprNote.messageZh : d.aprNote.message;
    return lang === 'zh'
      ? '信息不够，算不出真实年化利率。补充“实际到手金额”、期数和每期还款后再看。'
      : 'Not enough data for the true rate: add the amount received, the term and the installment.';
  }
  if (v.level === 'exceeds') {
    const over = v.overcharge
      ? lang === 'zh'
        ? `按法律保护线重算，多收了约 ${money(v.overcharge)}。`
        : ` Recalculated at the line, about ${money(v.overcharge)} was overcharged.`
      : '';
    return lang === 'zh'
      ? `真实年化约 ${apr}，高于${v.lineZh ?? '法律保护线'}${v.limit !== null ? `（${percent(v.limit)}）` : ''}${unsure}。超出的利息和费用，法院一般不支持，可以要求减免。${over}`
      : `True annual rate about ${apr}, above ${v.lineEn ?? 'the legal line'}${v.limit !== null ? ` (${percent(v.limit)})` : ''}${unsure}. Courts generally do not uphold the excess; you can ask for it to be waived.${over}`;
  }
  return lang === 'zh'
    ? `真实年化约 ${apr}，没有超过${v.lineZh ?? '法律保护线'}${unsure}。这笔的价格本身合法，协商重点是期限和月供。`
    : `True annual rate about ${apr}, within ${v.lineEn ?? 'the legal line'}${unsure}. Negotiate the term and the monthly amount.`;
}

const EMPTY: FormValues = {
  lenderName: '',
  lenderType: 'unknown',
  principal: '',
  received: '',
  contractDate: '',
  termMonths: '',
  installment: '',
  method: 'equal-installment',
  firstDueDate: '',
  rateText: '',
  balance: '',
  overdue: '',
};

type FormValues = {
  lenderName: string;
  lenderType: string;
  principal: string;
  received: string;
  contractDate: string;
  termMonths: string;
  installment: string;
  method: string;
  firstDueDate: string;
  rateText: string;
  balance: string;
  overdue: string;
};

/** A stored debt as form values (what the edit form starts from). */
function valuesOf(d: DebtView): FormValues {
  return {
    lenderName: d.lender,
    lenderType: d.lenderType,
    principal: d.principal,
    received: d.received ?? '',
    contractDate: d.contractDate ?? '',
    termMonths: d.termMonths === null ? '' : String(d.termMonths),
    installment: d.installment ?? '',
    method: d.method ?? 'equal-installment',
    firstDueDate: d.firstDueDate ?? '',
    rateText: d.rateText ?? '',
    balance: d.balance ?? '',
    overdue: d.overdue === '0.00' ? '' : d.overdue,
  };
}

export function DebtsPage() {
  const t = useT();
  const lang = useLang();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [debts, setDebts] = useState<DebtView[]>([]);
  const [editing, setEditing] = useState<DebtView | null>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  // the form opens in place of the card (or at the end): move focus there for keyboard users
  useEffect(() => {
    if (editing) formHeading.current?.focus();
  }, [editing]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([api.summary(), api.debts()])
      .then(([s, d]) => {
        setSummary(s);
        setDebts(d.debts);
        setLoadError(null);
      })
      .catch((e: unknown) => setLoadError(e instanceof ApiError ? e.say(lang) : String(e)));
  }, [lang]);
  useEffect(load, [load]);

  const form = useForm(EMPTY, (v) => ({
    lenderName: checkText(v.lenderName, lang, 200, true).error,
    principal: checkMoney(v.principal, lang, {
      required: true,
      label: t('借款金额', 'Amount borrowed'),
    }).error,
    received: checkMoney(v.received, lang).error,
    contractDate: checkDate(v.contractDate, lang, {
      required: true,
      label: t('借款日期', 'Contract date'),
    }).error,
    termMonths: checkInt(v.termMonths, lang, 1, 600).error,
    installment: checkMoney(v.installment, lang).error,
    firstDueDate: checkDate(v.firstDueDate, lang).error,
    rateText: checkText(v.rateText, lang, 60).error,
    balance: checkMoney(v.balance, lang).error,
    overdue: checkMoney(v.overdue, lang).error,
  }));

  const startEdit = (d: DebtView) => {
    form.fill(valuesOf(d));
    setAdding(false);
    setNotice(null);
    setEditing(d);
  };
  const stopEditing = () => {
    form.reset();
    setEditing(null);
  };

  const submit = async () => {
    form.touchAll();
    if (!form.isValid) return;
    const v = form.values;
    if (editing !== null) return saveEdit(editing, v);
    const body: DebtCreate = {
      lenderName: v.lenderName.trim(),
      lenderType: v.lenderType as DebtCreate['lenderType'],
      principal: checkMoney(v.principal, lang).value!,
      contractDate: checkDate(v.contractDate, lang).value ?? null,
      received: checkMoney(v.received, lang).value ?? null,
      termMonths: checkInt(v.termMonths, lang, 1, 600).value ?? null,
      installment: checkMoney(v.installment, lang).value ?? null,
      method: (v.method || null) as DebtCreate['method'],
      firstDueDate: checkDate(v.firstDueDate, lang).value ?? null,
      rateText: v.rateText.trim() || null,
      balance: checkMoney(v.balance, lang).value ?? null,
      overdue: checkMoney(v.overdue, lang).value ?? null,
    };
    try {
      const added = await form.run(body, (key) => api.addDebt(body, key));
      if (added === undefined) return; // a second tap while the first save runs
      form.reset();
      setAdding(false);
      setNotice(t(`已添加：${body.lenderName}`, `Added: ${body.lenderName}`));
      load();
    } catch (e) {
      form.showError(e, lang, { contractDate: 'contractDate', rate: 'rateText' });
    }
  };

  /** Sends only what changed; a field emptied on the form is cleared (null). */
  const saveEdit = async (d: DebtView, v: FormValues) => {
    const before = valuesOf(d);
    const changed = (k: keyof FormValues) => v[k].trim() !== before[k].trim();
    const orNull = <T,>(x: T | undefined) => x ?? null;
    const patch: DebtPatch = {};
    if (changed('lenderName')) patch.lenderName = v.lenderName.trim();
    if (changed('lenderType')) patch.lenderType = v.lenderType as DebtPatch['lenderType'];
    if (changed('principal')) patch.principal = checkMoney(v.principal, lang).value!;
    if (changed('received')) patch.received = orNull(checkMoney(v.received, lang).value);
    if (changed('contractDate')) patch.contractDate = orNull(checkDate(v.contractDate, lang).value);
    if (changed('termMonths'))
      patch.termMonths = orNull(checkInt(v.termMonths, lang, 1, 600).value);
    if (changed('installment')) patch.installment = orNull(checkMoney(v.installment, lang).value);
    if (changed('method')) patch.method = (v.method || null) as DebtPatch['method'];
    if (changed('firstDueDate')) patch.firstDueDate = orNull(checkDate(v.firstDueDate, lang).value);
    if (changed('rateText')) patch.rateText = v.rateText.trim() || null;
    if (changed('balance')) patch.balance = orNull(checkMoney(v.balance, lang).value);
    if (changed('overdue')) patch.overdue = checkMoney(v.overdue, lang).value ?? '0.00';
    if (Object.keys(patch).length === 0) {
      stopEditing();
      return;
    }
    try {
      const edited = await form.run(patch, () => api.editDebt(d.id, patch));
      if (edited === undefined) return;
      stopEditing();
      setNotice(t(`已保存修改：${v.lenderName.trim()}`, `Saved: ${v.lenderName.trim()}`));
      load();
    } catch (e) {
      form.showError(e, lang, { contractDate: 'contractDate', rate: 'rateText' });
    }
  };

  const remove = async (d: DebtView) => {
    if (!window.confirm(t(`删除 ${d.lender} 这笔债务？`, `Delete the debt with ${d.lender}?`)))
      return;
    try {
      await api.removeDebt(d.id);
      load();
    } catch (e) {
      setLoadError(e instanceof ApiError ? e.say(lang) : String(e));
    }
  };

  const formJsx = (
    <form
      className="form"
      aria-label={editing ? t('修改债务', 'Edit a debt') : t('添加债务', 'Add a debt')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 tabIndex={-1} ref={formHeading}>
        {editing
          ? t(`修改：${editing.lender}`, `Edit: ${editing.lender}`)
          : t('添加一笔债务', 'Add a debt')}
      </h3>
      <ErrorBanner message={form.banner} />
      <Field
        label={t('平台或机构名称', 'Lender or app')}
        error={form.shown('lenderName')}
        hint={t('例如：借呗、招联金融、某银行信用卡', 'e.g. Jiebei, a bank card')}
      >
        {(p) => (
          <input
            {...p}
            value={form.values.lenderName}
            onChange={(e) => form.set('lenderName', e.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      <Field label={t('机构类型', 'Lender type')}>
        {(p) => (
          <select
            {...p}
            value={form.values.lenderType}
            onChange={(e) => form.set('lenderType', e.target.value)}
          >
            {LENDER_TYPES.map((k) => (
              <option key={k} value={k}>
                {label(LENDER_TYPE_LABELS, k, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('借款金额（合同金额）', 'Amount borrowed (contract)')}
        error={form.shown('principal')}
        hint={t('可以写 12000、1.2万、¥12,000', 'e.g. 12000 or 1.2万')}
      >
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={form.values.principal}
            onChange={(e) => form.set('principal', e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('实际到手金额', 'Amount actually received')}
        error={form.shown('received')}
        hint={t(
          '被扣了“服务费”“砍头息”就填到手的数',
          'If fees were deducted up front, the amount you got',
        )}
      >
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={form.values.received}
            onChange={(e) => form.set('received', e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('借款日期', 'Contract date')}
        error={form.shown('contractDate')}
        hint={t('例如 2024-01-05 或 2024年1月5日', 'e.g. 2024-01-05')}
      >
        {(p) => (
          <input
            {...p}
            value={form.values.contractDate}
            onChange={(e) => form.set('contractDate', e.target.value)}
            placeholder="2024-01-05"
          />
        )}
      </Field>
      <Field label={t('期数（月）', 'Term (months)')} error={form.shown('termMonths')}>
        {(p) => (
          <input
            {...p}
            inputMode="numeric"
            value={form.values.termMonths}
            onChange={(e) => form.set('termMonths', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('每期还款', 'Installment')} error={form.shown('installment')}>
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={form.values.installment}
            onChange={(e) => form.set('installment', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('还款方式', 'Repayment method')}>
        {(p) => (
          <select
            {...p}
            value={form.values.method}
            onChange={(e) => form.set('method', e.target.value)}
          >
            {DEBT_METHODS.map((k) => (
              <option key={k} value={k}>
                {label(METHOD_LABELS, k, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('第一期还款日', 'First due date')} error={form.shown('firstDueDate')}>
        {(p) => (
          <input
            {...p}
            value={form.values.firstDueDate}
            onChange={(e) => form.set('firstDueDate', e.target.value)}
            placeholder="2024-02-05"
          />
        )}
      </Field>
      <Field
        label={t('宣传的利率（照抄）', 'Rate as quoted')}
        error={form.shown('rateText')}
        hint={t('例如：日息万五、月费率0.6%、年化18%', 'e.g. 日息万五, 月费率0.6%')}
      >
        {(p) => (
          <input
            {...p}
            value={form.values.rateText}
            onChange={(e) => form.set('rateText', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('现在还欠多少', 'Balance now')} error={form.shown('balance')}>
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={form.values.balance}
            onChange={(e) => form.set('balance', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('其中逾期金额', 'Of which overdue')} error={form.shown('overdue')}>
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            value={form.values.overdue}
            onChange={(e) => form.set('overdue', e.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <button type="button" onClick={() => (editing ? stopEditing() : setAdding(false))}>
          {t('取消', 'Cancel')}
        </button>
        <button type="submit" className="primary" disabled={form.submitting}>
          {editing ? t('保存修改', 'Save changes') : t('保存这笔债务', 'Save this debt')}
        </button>
      </div>
    </form>
  );

  return (
    <div className="page">
      <ErrorBanner message={loadError} />
      <Notice message={notice} />
      {summary && debts.length === 0 && !adding ? (
        <Empty title={t('先把债务一笔一笔记下来', 'Start by writing down each debt')}>
          <p>
            {t(
              '还没有记录任何债务。从最让你着急的一笔开始：平台名字、借了多少、实际到手多少、哪天借的。看清每一笔真实的利率，才知道该怎么谈。',
              'No debts yet. Start with the one that worries you most: the platform, how much you borrowed, how much you actually received, and when. Knowing the true rate of each tells you what to ask for.',
            )}
          </p>
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            {t('添加第一笔债务', 'Add your first debt')}
          </button>
        </Empty>
      ) : null}

      {debts.length > 0 ? (
        <>
          <section className="totals" aria-label={t('合计', 'Totals')}>
            <div>
              <span>{t('债务笔数', 'Debts')}</span>
              <strong className="num">{summary!.totals.debts}</strong>
            </div>
            <div>
              <span>{t('总欠款', 'Total owed')}</span>
              <strong>
                <Money>{money(summary!.totals.balance)}</Money>
              </strong>
            </div>
            <div>
              <span>{t('已逾期', 'Overdue')}</span>
              <strong className={summary!.totals.overdue !== '0.00' ? 'bad' : ''}>
                <Money>{money(summary!.totals.overdue)}</Money>
              </strong>
            </div>
          </section>
          {summary!.totals.aboveLegalLine > 0 ? (
            <p className="bad" role="note">
              {t(
                `有 ${summary!.totals.aboveLegalLine} 笔的真实成本高于法律保护线${summary!.totals.overcharge !== '0.00' ? `，按保护线重算约多收 ${money(summary!.totals.overcharge)}` : ''}。协商时可以要求减免超出部分。`,
                `${summary!.totals.aboveLegalLine} debt(s) cost more than the legal line${summary!.totals.overcharge !== '0.00' ? `; recalculated at the line, about ${money(summary!.totals.overcharge)} was overcharged` : ''}. You can ask for the excess to be waived.`,
              )}
            </p>
          ) : null}
          <ul className="cards" aria-label={t('债务清单', 'Debt list')}>
            {debts.map((d) =>
              editing?.id === d.id ? (
                <li key={d.id} className="card editing">
                  {formJsx}
                </li>
              ) : (
                <li key={d.id} className={`card verdict-${d.verdict.level}`}>
                  <div className="card-head">
                    <h3>{d.lender}</h3>
                    <span className="tag">{label(LENDER_TYPE_LABELS, d.lenderType, lang)}</span>
                  </div>
                  <dl className="kv">
                    <dt>{t('欠款', 'Owed')}</dt>
                    <dd>
                      <Money>{money(d.balance ?? d.principal)}</Money>
                    </dd>
                    <dt>{t('借款 / 到手', 'Borrowed / received')}</dt>
                    <dd>
                      <Money>{money(d.principal)}</Money> /{' '}
                      <Money>{money(d.received ?? d.principal)}</Money>
                    </dd>
                    {d.overdue !== '0.00' ? (
                      <>
                        <dt>{t('逾期', 'Overdue')}</dt>
                        <dd className="bad">
                          <Money>{money(d.overdue)}</Money>
                        </dd>
                      </>
                    ) : null}
                    <dt>{t('真实年化', 'True APR')}</dt>
                    <dd>
                      <span className="num">{percent(d.nominalApr)}</span>
                      {d.aprBasisLabel ? (
                        <small className="muted">
                          {' '}
                          （{lang === 'zh' ? d.aprBasisLabel.zh : d.aprBasisLabel.en}）
                        </small>
                      ) : null}
                    </dd>
                  </dl>
                  <p className="verdict">{verdictWords(d, lang)}</p>
                  <div className="card-actions">
                    <button type="button" className="link" onClick={() => startEdit(d)}>
                      {t('修改', 'Edit')}
                      <span className="sr-only"> {d.lender}</span>
                    </button>
                    <button type="button" className="link" onClick={() => void remove(d)}>
                      {t('删除', 'Delete')}
                      <span className="sr-only"> {d.lender}</span>
                    </button>
                  </div>
                </li>
              ),
            )}
          </ul>
          {!adding && !editing ? (
            <div className="actions">
              <button type="button" onClick={() => setAdding(true)}>
                {t('再添加一笔', 'Add another debt')}
              </button>
              <button type="button" className="primary" onClick={() => goTo('/budget')}>
                {t('下一步：收支预算', 'Next: budget')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}

      {adding ? formJsx : null}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { BUDGET_GROUPS } from '../../contracts/enums.js';
import type { BudgetLine, BudgetView } from '../../contracts/index.js';
import { api, ApiError } from '../api-client.js';
import { ActionButton, ErrorBanner, Field, Money, Notice, Unknown } from '../components/field.js';
import { useFeedback, useUnsavedWarning, useWrite } from '../components/use-form.js';
import { money } from '../format.js';
import { useLang, useT } from '../i18n.js';
import { BUDGET_GROUP_LABELS, CATEGORY_LABELS, label } from '../labels.js';
import { goTo } from '../nav.js';
import { checkInt, checkMoney, checkText } from '../validate.js';

type Kind = BudgetLine['kind'];
type Group = 'income' | keyof typeof BUDGET_GROUPS;

interface Row {
  kind: Kind;
  label: string;
  monthly: string;
  /** the day of the month it comes in or goes out (1–31, the forecast's payday / due day); '' unknown */
  day: string;
}

const GROUPS: Group[] = ['income', 'priority', 'fixed', 'flexible'];
const groupOf = (k: Kind): Group =>
  k === 'income'
    ? 'income'
    : (Object.keys(BUDGET_GROUPS) as (keyof typeof BUDGET_GROUPS)[]).find((g) =>
        (BUDGET_GROUPS[g] as readonly string[]).includes(k),
      )!;
const kindsOf = (g: Group): readonly Kind[] => (g === 'income' ? ['income'] : BUDGET_GROUPS[g]);

const STARTER: Row[] = [
  { kind: 'income', label: '工资', monthly: '', day: '' },
  { kind: 'housing', label: '房租', monthly: '', day: '' },
  { kind: 'food', label: '吃饭', monthly: '', day: '' },
  { kind: 'utilities', label: '水电燃气', monthly: '', day: '' },
  { kind: 'transport', label: '上班交通', monthly: '', day: '' },
  { kind: 'phone', label: '电话网络', monthly: '', day: '' },
  { kind: 'personal', label: '日用', monthly: '', day: '' },
];

export function BudgetPage() {
  const t = useT();
  const lang = useLang();
  const [saved, setSaved] = useState<BudgetView | null>(null);
  const [rows, setRows] = useState<Row[]>(STARTER);
  const [buffer, setBuffer] = useState('');
  // the saved budget loads from the server on page open, unless the user has started typing
  const touched = useRef(false);
  useEffect(() => {
    let live = true;
    api
      .latestBudget()
      .then((b) => {
        if (!live || b === null || touched.current) return;
        setSaved(b);
        setRows(
          b.lines.map((l) => ({
            kind: l.kind,
            label: l.label,
            monthly: l.monthly,
            day: l.dayOfMonth ? String(l.dayOfMonth) : '',
          })),
        );
        setBuffer(b.buffer !== '0.00' ? b.buffer : '');
      })
      .catch((e: unknown) => {
        if (live) feedback.fail(e, lang);
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per page open
  }, []);
  const feedback = useFeedback();
  const [serverField, setServerField] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const budgetWrite = useWrite();
  useUnsavedWarning(dirty);

  const rowError = (r: Row) => ({
    label: checkText(r.label, lang, 200, true).error,
    monthly: r.monthly === '' ? undefined : checkMoney(r.monthly, lang).error,
    day: checkInt(r.day, lang, 1, 31).error,
  });
  const bufferError = serverField['buffer'] ?? checkMoney(buffer, lang).error;
  const hasErrors =
    rows.some((r) => {
      const e = rowError(r);
      return e.label || e.monthly || e.day;
    }) || Boolean(bufferError);

  const update = (i: number, patch: Partial<Row>) => {
    touched.current = true;
    setDirty(true);
    setRows((old) => old.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setServerField({});
  };

  const save = async () => {
    if (hasErrors) return;
    const lines = rows
      .filter((r) => r.monthly.trim() !== '')
      .map((r) => ({
        kind: r.kind,
        label: r.label.trim(),
        monthly: checkMoney(r.monthly, lang).value!,
        ...(r.day.trim() !== '' ? { dayOfMonth: checkInt(r.day, lang, 1, 31).value! } : {}),
      }));
    if (!lines.some((l) => l.kind === 'income')) {
      feedback.fail(
        t('请至少填一项收入（没有收入就填 0）', 'Enter at least one income line (0 if none)'),
        lang,
      );
      return;
    }
    try {
      const body = { lines, buffer: checkMoney(buffer, lang).value ?? '0.00' };
      const b = await budgetWrite.run(body, (key) => api.saveBudget(body, key));
      if (b === undefined) return; // a second tap while the first save runs
      setDirty(false);
      setSaved(b);
      feedback.succeed(t('预算已保存', 'Budget saved'));
    } catch (e) {
      if (e instanceof ApiError && e.field) setServerField({ [e.field]: e.say(lang) });
      feedback.fail(e, lang);
    }
  };

  // a group with no line was not filled in: "未填", not a confident ¥0.00
  const has = (g: Group) => (saved?.lines ?? []).some((l) => groupOf(l.kind) === g);

  return (
    <div className="page">
      <p className="intro">
        {t(
          '先算清楚每月真正能拿出多少钱还债：房租、吃饭、水电、孩子、看病这些必要开支排在所有债主前面。按月填写，不确定的先估一个数。',
          'Work out what you can really pay each month: rent, food, utilities, children and medical costs come before any lender. Monthly figures; estimate when unsure.',
        )}
      </p>
      <ErrorBanner message={feedback.error} />
      <Notice message={feedback.notice} />
      <form
        className="form"
        noValidate
        aria-label={t('收支预算', 'Budget')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {GROUPS.map((g) => (
          <fieldset key={g}>
            <legend>{label(BUDGET_GROUP_LABELS, g, lang)}</legend>
            {rows.map((r, i) =>
              groupOf(r.kind) !== g ? null : (
                <div className="line" key={i}>
                  {g !== 'income' ? (
                    <Field label={t('类别', 'Category')} className="wide">
                      {(p) => (
                        <select
                          {...p}
                          value={r.kind}
                          onChange={(e) => update(i, { kind: e.target.value as Kind })}
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
                  <Field label={t('项目', 'Item')} error={rowError(r).label} className="wide">
                    {(p) => (
                      <input
                        {...p}
                        value={r.label}
                        onChange={(e) => update(i, { label: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field
                    label={t(`${r.label || '该项'}每月金额`, `${r.label || 'Item'} per month`)}
                    error={rowError(r).monthly}
                  >
                    {(p) => (
                      <input
                        {...p}
                        inputMode="decimal"
                        value={r.monthly}
                        onChange={(e) => update(i, { monthly: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field
                    label={t(`${r.label || '该项'}每月几号`, `${r.label || 'Item'}: day of month`)}
                    error={rowError(r).day}
                    hint={t('不固定可不填', 'Blank if it varies')}
                  >
                    {(p) => (
                      <input
                        {...p}
                        inputMode="numeric"
                        placeholder={r.kind === 'income' ? '10' : '1'}
                        value={r.day}
                        onChange={(e) => update(i, { day: e.target.value })}
                      />
                    )}
                  </Field>
                  <button
                    type="button"
                    className="link remove"
                    onClick={() => {
                      touched.current = true;
                      setDirty(true);
                      setRows((old) => old.filter((_, j) => j !== i));
                    }}
                  >
                    {t('删除', 'Remove')}
                    <span className="sr-only"> {r.label}</span>
                  </button>
                </div>
              ),
            )}
            <button
              type="button"
              className="link"
              onClick={() => {
                touched.current = true;
                setDirty(true);
                setRows((old) => [
                  ...old,
                  { kind: kindsOf(g)[0]!, label: '', monthly: '', day: '' },
                ]);
              }}
            >
              {t('+ 添加一项', '+ Add a line')}
              <span className="sr-only"> {label(BUDGET_GROUP_LABELS, g, lang)}</span>
            </button>
          </fieldset>
        ))}
        <Field
          label={t('应急备用金（每月留出）', 'Emergency buffer (per month)')}
          error={bufferError}
        >
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={buffer}
              onChange={(e) => {
                touched.current = true;
                setDirty(true);
                setBuffer(e.target.value);
                setServerField({});
              }}
            />
          )}
        </Field>
        <div className="actions">
          <ActionButton
            type="submit"
            className="primary"
            busy={budgetWrite.busy}
            reason={
              hasErrors
                ? t('先改正上面标红的内容', 'First correct what is marked in red above')
                : null
            }
          >
            {t('保存并计算还款能力', 'Save and compute capacity')}
          </ActionButton>
        </div>
      </form>
      {saved ? (
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
      ) : null}
    </div>
  );
}

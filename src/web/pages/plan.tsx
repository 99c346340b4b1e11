import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { CONCESSIONS, PLAN_STRATEGIES } from '../../contracts/enums.js';
import type { PlanView } from '../../contracts/index.js';
import { api, ApiError } from '../api-client.js';
import { ActionButton, Empty, ErrorBanner, Field, Money, Unknown } from '../components/field.js';
import { LazyLineChart, PALETTE, toPlot, toUnix } from '../components/lazy-chart.js';
import { money } from '../format.js';
import { useLang, useT } from '../i18n.js';
import { CONCESSION_LABELS, label, STRATEGY_LABELS } from '../labels.js';
import { goTo } from '../nav.js';
import { checkInt, checkMoney } from '../validate.js';

/** A saving, or (when negative) the extra cost, in words instead of a minus sign. */
function Saving({
  label: [saves, costs],
  value,
  rateUnknown = false,
}: {
  label: [string, string];
  value: string | null;
  /** the debt's rate was not given: a saving worked out at an assumed 0 % means nothing */
  rateUnknown?: boolean;
}) {
  const negative = value !== null && value.startsWith('-');
  return (
    <>
      <dt>{negative ? costs : saves}</dt>
      <dd>
        {rateUnknown ? (
          <Unknown zh="未知（利率未填）" en="Unknown (rate not given)" />
        ) : (
          <Money>{money(negative ? value.slice(1) : value)}</Money>
        )}
      </dd>
    </>
  );
}

export function PlanPage() {
  const t = useT();
  const lang = useLang();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [strategy, setStrategy] = useState<string>('pro-rata-balance');
  const [concession, setConcession] = useState<string>('waive-penalty');
  const [maxTerm, setMaxTerm] = useState('36');
  const [capacity, setCapacity] = useState('');
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // on page open: a saved plan shows its OWN settings (never a newer budget's figure; the page
  // says when the budget changed since); without a plan, the capacity comes from the budget
  const touched = useRef(false);
  const [latestBudgetCap, setLatestBudgetCap] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api.latestPlan(), api.latestBudget()])
      .then(([p, b]) => {
        if (!live) return;
        if (p !== null) setPlan((old) => old ?? p);
        if (b !== null && !b.capacity.startsWith('-')) setLatestBudgetCap(b.capacity);
        if (touched.current) return;
        if (p !== null) {
          const s = p.settings;
          setCapacity(s?.capacity ?? p.capacity);
          if (s) {
            setStrategy(s.strategy);
            setConcession(s.concession);
            setMaxTerm(String(s.maxTerm));
          }
        } else if (b !== null && !b.capacity.startsWith('-')) setCapacity(b.capacity);
      })
      .catch((e: unknown) => {
        if (live) setBanner(e instanceof ApiError ? e.say(lang) : String(e));
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per page open
  }, []);

  const capErr = checkMoney(capacity, lang, {
    required: true,
    label: t('每月还款能力', 'Monthly capacity'),
  }).error;
  const termErr = checkInt(maxTerm, lang, 1, 120, true).error;

  const build = async () => {
    if (capErr || termErr) return;
    setBusy(true);
    setBanner(null);
    try {
      const p = await api.buildPlan({
        strategy: strategy as (typeof PLAN_STRATEGIES)[number],
        concession: concession as (typeof CONCESSIONS)[number],
        maxTerm: Number(maxTerm),
        capacity: checkMoney(capacity, lang).value ?? null,
      });
      setPlan(p);
    } catch (e) {
      setBanner(e instanceof ApiError ? e.say(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const chart = useMemo(() => {
    if (!plan || plan.proposals.length === 0) return null;
    const dates = [
      ...new Set(plan.proposals.flatMap((p) => p.schedule.map((s) => s.dueDate))),
    ].sort();
    const xs = dates.map(toUnix);
    const series = plan.proposals.slice(0, 8).map((p, i) => {
      const byDate = new Map(p.schedule.map((s) => [s.dueDate, toPlot(s.balance)]));
      return {
        label: p.lender,
        color: PALETTE[i % PALETTE.length]!,
        values: dates.map((d) => byDate.get(d) ?? (p.endDate !== null && d > p.endDate ? 0 : null)),
      };
    });
    return { xs, series };
  }, [plan]);

  // debts planned at an assumed 0 % (rate not given): their savings are unknown, not ¥0.00
  const rateUnknown = new Set(
    (plan?.assumptions ?? [])
      .filter((a) => a.code === 'rate-unknown-assumed-zero')
      .map((a) => a.id),
  );

  return (
    <div className="page">
      <p className="intro">
        {t(
          '把每月能拿出的钱公平地分给每个债主：按欠款比例分配是债务咨询机构通用的做法。方案是你向对方提出的请求，不是对方必须接受的权利。',
          'Share what you can pay each month fairly among lenders: pro rata by balance is what debt-advice charities use. A plan is a request, not a right.',
        )}
      </p>
      <ErrorBanner message={banner} />
      <form
        className="form"
        noValidate
        aria-label={t('生成还款方案', 'Build a plan')}
        onSubmit={(e) => {
          e.preventDefault();
          void build();
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
              onChange={(e) => {
                touched.current = true;
                setCapacity(e.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('分配方式', 'Strategy')}>
          {(p) => (
            <select {...p} value={strategy} onChange={(e) => setStrategy(e.target.value)}>
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
            <select {...p} value={concession} onChange={(e) => setConcession(e.target.value)}>
              {CONCESSIONS.map((s) => (
                <option key={s} value={s}>
                  {label(CONCESSION_LABELS, s, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
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
              value={maxTerm}
              onChange={(e) => setMaxTerm(e.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <ActionButton
            type="submit"
            className="primary"
            busy={busy}
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

      {!plan ? (
        <Empty title={t('还没有方案', 'No plan yet')}>
          <p>
            {t(
              '先在“我的债务”里记下债务，在“收支预算”里算出每月能还多少，再回来点“生成方案”。',
              'Add your debts and a budget first, then build the plan here.',
            )}
          </p>
        </Empty>
      ) : (
        <section className="result" aria-label={t('方案结果', 'Plan')}>
          {plan.budget?.changedSincePlan ? (
            <div className="banner banner-warn" role="status">
              <p>
                {t(
                  `预算在保存这个方案之后改过了：现在每月可还 ${money(plan.budget.latestCapacity ?? latestBudgetCap)}，这个方案是按 ${money(plan.capacity)} 算的。`,
                  `The budget changed after this plan was saved: you can now pay ${money(plan.budget.latestCapacity ?? latestBudgetCap)} a month; this plan used ${money(plan.capacity)}.`,
                )}
              </p>
              {plan.budget.latestCapacity ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    touched.current = true;
                    setCapacity(plan.budget?.latestCapacity ?? '');
                  }}
                >
                  {t('用新预算的金额重新计算', 'Use the new budget figure')}
                </button>
              ) : null}
            </div>
          ) : null}
          {plan.status === 'unlikely-accepted' ? (
            <div className="banner banner-warn" role="status">
              <p>
                {t(
                  `可行但对方大概率不会接受：每月共还 ${money(plan.monthlyTotal)}，但有的期数超过对方通常接受的期限。`,
                  `Feasible but unlikely to be accepted: ${money(plan.monthlyTotal)} a month in total, but some terms are longer than those lenders usually accept.`,
                )}
              </p>
              {plan.acceptanceFix ? (
                <p>{lang === 'zh' ? plan.acceptanceFix.messageZh : plan.acceptanceFix.message}</p>
              ) : null}
            </div>
          ) : plan.feasible ? (
            <p className="banner banner-ok" role="status">
              {t(
                `方案可行：每月共还 ${money(plan.monthlyTotal)}`,
                `Feasible: ${money(plan.monthlyTotal)} a month in total`,
              )}
            </p>
          ) : (
            <div className="banner banner-bad" role="alert">
              <p>
                {t(
                  `按现在的条件不可行：每月还差 ${money(plan.shortfall?.monthly)}`,
                  `Not feasible: short by ${money(plan.shortfall?.monthly)} a month`,
                )}
              </p>
              <ul>
                {(plan.shortfall?.suggestions ?? []).map((s, i) => (
                  <li key={i}>{lang === 'zh' ? s.messageZh : s.message}</li>
                ))}
              </ul>
            </div>
          )}
          {plan.assumptions && plan.assumptions.length > 0 ? (
            <ul className="banner banner-warn" aria-label={t('方案的假设', 'Assumptions')}>
              {plan.assumptions.map((a) => (
                <li key={a.id}>{lang === 'zh' ? a.messageZh : a.message}</li>
              ))}
            </ul>
          ) : null}
          {plan.strategyRule ? (
            <p className="muted">
              {t('分配规则：', 'How it is shared: ')}
              {lang === 'zh' ? plan.strategyRule.zh : plan.strategyRule.en}
            </p>
          ) : null}
          <div className="table-wrap">
            <table className="table plan-table">
              <caption>{t('每个债主的请求', 'The ask per lender')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('债主', 'Lender')}</th>
                  <th scope="col">{t('每月', 'Monthly')}</th>
                  <th scope="col">{t('期数', 'Term')}</th>
                  <th scope="col">{t('结清', 'Ends')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.proposals.map((p) => (
                  <tr key={p.debtId}>
                    <th scope="row">{p.lender}</th>
                    <td className="num">{money(p.monthlyPayment)}</td>
                    <td className="num">
                      {p.term ?? '—'}
                      {p.withinUsualTerm === false && p.usualTerm ? (
                        <small className="muted">
                          {' '}
                          {t(
                            `（超过通常的 ${p.usualTerm.maxMonths} 期${p.usualTerm.certainty === 'U' ? '，待核实' : ''}）`,
                            ` (beyond the usual ${p.usualTerm.maxMonths}${p.usualTerm.certainty === 'U' ? ', unconfirmed' : ''})`,
                          )}
                        </small>
                      ) : null}
                    </td>
                    <td className="num">{p.endDate ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="cards">
            {plan.proposals.map((p) => (
              <li key={p.debtId} className="card">
                <h3>{p.lender}</h3>
                <dl className="kv">
                  <dt>{t('总共还', 'Total paid')}</dt>
                  <dd>
                    <Money>{money(p.totalPaid)}</Money>
                  </dd>
                  <Saving
                    label={[
                      t('比原合同省', 'Saving vs contract'),
                      t('比原合同多付', 'More than the contract'),
                    ]}
                    value={p.savingVsContract}
                    rateUnknown={rateUnknown.has(p.debtId)}
                  />
                  <Saving
                    label={[
                      t('比一直不还省', 'Saving vs doing nothing'),
                      t('比一直不还多付', 'More than doing nothing'),
                    ]}
                    value={p.savingVsNothing}
                    rateUnknown={rateUnknown.has(p.debtId)}
                  />
                  <dt>{t('请求', 'Ask')}</dt>
                  <dd>{label(CONCESSION_LABELS, p.concession, lang)}</dd>
                </dl>
              </li>
            ))}
          </ul>
          {chart ? (
            <Suspense fallback={<p>{t('图表加载中…', 'Loading chart…')}</p>}>
              <h3>{t('今后每月剩余欠款', 'Balance left, month by month')}</h3>
              <LazyLineChart
                title={t('剩余欠款图', 'Remaining balance chart')}
                xs={chart.xs}
                series={chart.series}
              />
            </Suspense>
          ) : null}
          <div className="actions">
            <button type="button" className="primary" onClick={() => goTo('/prepare')}>
              {t('下一步：准备协商材料', 'Next: prepare')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

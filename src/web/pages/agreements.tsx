import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type {
  AgreementView,
  DueItem,
  ForecastView,
  LenderView,
  ReplanReason,
} from '../../contracts/index.js';
import { api, ApiError } from '../api-client.js';
import { Empty, ErrorBanner, Field, Money, Notice } from '../components/field.js';
import { useUnsavedWarning, useWrite } from '../components/use-form.js';
import { LazyLineChart, toPlot, toUnix } from '../components/lazy-chart.js';
import { money } from '../format.js';
import { useLang, useT } from '../i18n.js';
import { checkDate, checkInt, checkMoney } from '../validate.js';

// the re-plan form, its schedule and letter load when a re-plan is first opened
const ReplanPanel = lazy(() => import('../components/replan.js'));

const STATUS: Record<string, [string, string]> = {
  upcoming: ['未到期', 'Upcoming'],
  'due-soon': ['即将到期', 'Due soon'],
  paid: ['已还', 'Paid'],
  'partially-paid': ['部分已还', 'Partly paid'],
  late: ['已逾期', 'Late'],
  missed: ['未还', 'Missed'],
};

export function AgreementsPage() {
  const t = useT();
  const lang = useLang();
  const [lenders, setLenders] = useState<LenderView[]>([]);
  const [agreements, setAgreements] = useState<AgreementView[]>([]);
  const [due, setDue] = useState<DueItem[]>([]);
  const [forecast, setForecast] = useState<ForecastView | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [a, setA] = useState({
    lenderId: '',
    agreedDate: '',
    firstDueDate: '',
    monthlyAmount: '',
    count: '',
    confirmed: false,
  });
  const [pay, setPay] = useState({ agreementId: '', paidDate: '', amount: '' });
  const [balance, setBalance] = useState('');
  const [payDay, setPayDay] = useState('');
  const [payAmount, setPayAmount] = useState('');
  const [replan, setReplan] = useState<{ id: string; reason: ReplanReason } | null>(null);
  const agreementWrite = useWrite();
  const paymentWrite = useWrite();
  useUnsavedWarning(
    [a.agreedDate, a.firstDueDate, a.monthlyAmount, a.count, pay.amount].some((x) => x !== ''),
  );
  const fail = (e: unknown) => setBanner(e instanceof ApiError ? e.say(lang) : String(e));

  const load = useCallback(() => {
    api
      .lenders()
      .then((r) => {
        setLenders(r.lenders);
        setA((o) => (o.lenderId ? o : { ...o, lenderId: r.lenders[0]?.id ?? '' }));
      })
      .catch(fail);
    api
      .agreements()
      .then((r) => {
        setAgreements(r.agreements);
        setPay((o) => (o.agreementId ? o : { ...o, agreementId: r.agreements[0]?.id ?? '' }));
      })
      .catch(fail);
    api
      .due(30)
      .then((r) => setDue(r.items))
      .catch(fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lang]);
  useEffect(load, [load]);

  const aErr = {
    agreedDate: a.agreedDate ? checkDate(a.agreedDate, lang).error : undefined,
    firstDueDate: a.firstDueDate ? checkDate(a.firstDueDate, lang).error : undefined,
    monthlyAmount: a.monthlyAmount ? checkMoney(a.monthlyAmount, lang).error : undefined,
    count: a.count ? checkInt(a.count, lang, 1, 120).error : undefined,
  };
  const aReady =
    a.lenderId &&
    a.agreedDate &&
    a.firstDueDate &&
    a.monthlyAmount &&
    a.count &&
    !Object.values(aErr).some(Boolean);
  const addAgreement = async () => {
    if (!aReady) return;
    const body = {
      lenderId: a.lenderId,
      agreedDate: checkDate(a.agreedDate, lang).value!,
      firstDueDate: checkDate(a.firstDueDate, lang).value!,
      monthlyAmount: checkMoney(a.monthlyAmount, lang).value!,
      count: Number(a.count),
      isConfirmedInWriting: a.confirmed,
    };
    try {
      const saved = await agreementWrite.run(body, (key) => api.addAgreement(body, key));
      if (saved === undefined) return; // a second tap while the first save runs
      setBanner(null);
      setNotice(t('协议已记录', 'Agreement recorded'));
      setA((o) => ({ ...o, agreedDate: '', firstDueDate: '', monthlyAmount: '', count: '' }));
      load();
    } catch (e) {
      fail(e);
    }
  };

  const pErr = {
    paidDate: pay.paidDate ? checkDate(pay.paidDate, lang).error : undefined,
    amount: pay.amount ? checkMoney(pay.amount, lang).error : undefined,
  };
  const payReady = pay.agreementId && pay.paidDate && pay.amount && !pErr.paidDate && !pErr.amount;
  const recordPayment = async () => {
    if (!payReady) return;
    const id = pay.agreementId;
    const body = {
      paidDate: checkDate(pay.paidDate, lang).value!,
      amount: checkMoney(pay.amount, lang).value!,
    };
    try {
      const saved = await paymentWrite.run({ id, ...body }, (key) => api.pay(id, body, key));
      if (saved === undefined) return;
      setBanner(null);
      setNotice(t('还款已记录', 'Payment recorded'));
      setPay((o) => ({ ...o, amount: '' }));
      load();
    } catch (e) {
      fail(e);
    }
  };

  const balErr = balance ? checkMoney(balance, lang).error : undefined;
  const dayErr = payDay ? checkInt(payDay, lang, 1, 31).error : undefined;
  const payAmountErr = payAmount ? checkMoney(payAmount, lang).error : undefined;
  const runForecast = async () => {
    if (balErr || dayErr || payAmountErr) return;
    const payday =
      payDay && payAmount
        ? `${Number(payDay)}:${checkMoney(payAmount, lang).value}:${t('工资', 'Pay')}`
        : undefined;
    try {
      setForecast(await api.forecast(checkMoney(balance, lang).value ?? '0.00', payday, 90));
    } catch (e) {
      fail(e);
    }
  };
  const chart = useMemo(
    () =>
      forecast
        ? {
            xs: forecast.days.map((d) => toUnix(d.date)),
            series: [
              {
                label: t('账户余额', 'Balance'),
                color: '#0b57d0',
                values: forecast.days.map((d) => toPlot(d.balance)),
              },
            ],
          }
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [forecast, lang],
  );

  const isOpen = (g: AgreementView) =>
    g.status === 'active' && g.installments.some((i) => i.status !== 'paid');
  const atRisk = (g: AgreementView) =>
    forecast?.warnings.some((w) => w.lender === g.lender) ?? false;
  const openReplan = (g: AgreementView, reason: ReplanReason) => {
    setReplan({ id: g.id, reason });
    document.getElementById(`agreement-${g.id}`)?.scrollIntoView({ block: 'start' });
  };
  const closeReplan = () => {
    const id = replan?.id;
    setReplan(null);
    if (id) document.getElementById(`replan-${id}`)?.focus();
  };

  return (
    <div className="page">
      <ErrorBanner message={banner} />
      <Notice message={notice} />
      {lenders.length === 0 ? (
        <Empty title={t('还没有债主', 'No lenders yet')}>
          <p>
            {t(
              '谈成协议后在这里记录新的还款安排。先去“我的债务”添加债务。',
              'Record agreements here once negotiated. Add your debts first.',
            )}
          </p>
        </Empty>
      ) : (
        <form
          className="form"
          noValidate
          aria-label={t('记录协议', 'Record an agreement')}
          onSubmit={(e) => {
            e.preventDefault();
            void addAgreement();
          }}
        >
          <h3>{t('谈成了？记录新的还款协议', 'Agreed? Record the new terms')}</h3>
          <Field label={t('债主', 'Lender')}>
            {(p) => (
              <select
                {...p}
                value={a.lenderId}
                onChange={(e) => setA({ ...a, lenderId: e.target.value })}
              >
                {lenders.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.brand ?? l.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('达成日期', 'Date agreed')} error={aErr.agreedDate}>
            {(p) => (
              <input
                {...p}
                value={a.agreedDate}
                placeholder="2026-12-01"
                onChange={(e) => setA({ ...a, agreedDate: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('第一期还款日', 'First due date')} error={aErr.firstDueDate}>
            {(p) => (
              <input
                {...p}
                value={a.firstDueDate}
                placeholder="2026-12-15"
                onChange={(e) => setA({ ...a, firstDueDate: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('每期金额', 'Amount per installment')} error={aErr.monthlyAmount}>
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={a.monthlyAmount}
                onChange={(e) => setA({ ...a, monthlyAmount: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('期数', 'Number of installments')} error={aErr.count}>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={a.count}
                onChange={(e) => setA({ ...a, count: e.target.value })}
              />
            )}
          </Field>
          <div className="field check">
            <input
              id="agreement-written"
              type="checkbox"
              checked={a.confirmed}
              onChange={(e) => setA({ ...a, confirmed: e.target.checked })}
            />
            <label htmlFor="agreement-written">
              {t(
                '对方已书面确认（短信、邮件、App 记录）',
                'Confirmed in writing (SMS, email, app)',
              )}
            </label>
          </div>
          {!a.confirmed ? (
            <p className="field-hint">
              {t(
                '没有书面确认的协议容易被否认：请让对方发短信或在 App 里确认，并把截图存进证据库。',
                'Unwritten agreements are easy to deny: ask for written confirmation and store it as evidence.',
              )}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={!aReady || agreementWrite.busy}>
              {agreementWrite.busy ? t('保存中…', 'Saving…') : t('保存协议', 'Save agreement')}
            </button>
          </div>
        </form>
      )}

      {agreements.length > 0 ? (
        <>
          <section aria-label={t('协议', 'Agreements')}>
            <h3>{t('我的协议', 'My agreements')}</h3>
            <ul className="cards">
              {agreements.map((g) => {
                const overdue = g.installments.filter(
                  (i) => i.status === 'missed' || i.status === 'late',
                );
                const risky = overdue.length === 0 && atRisk(g);
                const opened = replan?.id === g.id ? replan : null;
                return (
                  <li key={g.id} id={`agreement-${g.id}`} className="card">
                    <div className="card-head">
                      <h4>{g.lender}</h4>
                      {!g.isConfirmedInWriting ? (
                        <span className="tag bad">{t('未书面确认', 'Not in writing')}</span>
                      ) : null}
                    </div>
                    <p>
                      {t('已还', 'Paid')} <Money>{money(g.paid)}</Money> /{' '}
                      <Money>{money(g.total)}</Money>
                    </p>
                    {overdue.length > 0 ? (
                      <p className="bad">
                        {t(
                          `⚠ 有 ${overdue.length} 期已逾期（最早 ${overdue[0]!.dueDate}，${money(overdue[0]!.amount)}）。尽快重新协商，别等对方催收。`,
                          `⚠ ${overdue.length} installment(s) overdue (first ${overdue[0]!.dueDate}, ${money(overdue[0]!.amount)}). Re-plan now, before collection starts.`,
                        )}
                      </p>
                    ) : risky ? (
                      <p className="bad">
                        {t(
                          '⚠ 预测显示下一期可能还不上：可以提前重新协商。',
                          '⚠ The forecast says the next installment may be missed: re-plan early.',
                        )}
                      </p>
                    ) : null}
                    {isOpen(g) ? (
                      <div className="actions">
                        <button
                          type="button"
                          id={`replan-${g.id}`}
                          className={overdue.length > 0 || risky ? 'primary' : undefined}
                          aria-expanded={opened !== null}
                          aria-label={t(`重新协商：${g.lender}`, `Re-plan: ${g.lender}`)}
                          onClick={() =>
                            opened
                              ? closeReplan()
                              : openReplan(g, overdue.length > 0 ? 'missed' : 'at-risk')
                          }
                        >
                          {t('重新协商', 'Re-plan')}
                        </button>
                      </div>
                    ) : null}
                    {opened ? (
                      <Suspense fallback={<p aria-busy="true">{t('加载中…', 'Loading…')}</p>}>
                        <ReplanPanel
                          key={`${opened.id}-${opened.reason}`}
                          agreement={g}
                          reason={opened.reason}
                          onClose={closeReplan}
                        />
                      </Suspense>
                    ) : null}
                    <details>
                      <summary>{t('每期状态', 'Installments')}</summary>
                      <ul className="plain">
                        {g.installments.map((i) => (
                          <li key={i.seq} className="num">
                            {i.dueDate} · {money(i.amount)} ·{' '}
                            {STATUS[i.status]?.[lang === 'zh' ? 0 : 1] ?? i.status}
                          </li>
                        ))}
                      </ul>
                    </details>
                  </li>
                );
              })}
            </ul>
          </section>
          <form
            className="form"
            noValidate
            aria-label={t('记录还款', 'Record a payment')}
            onSubmit={(e) => {
              e.preventDefault();
              void recordPayment();
            }}
          >
            <h3>{t('记录一笔还款', 'Record a payment')}</h3>
            <Field label={t('哪个协议', 'Agreement')}>
              {(p) => (
                <select
                  {...p}
                  value={pay.agreementId}
                  onChange={(e) => setPay({ ...pay, agreementId: e.target.value })}
                >
                  {agreements.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.lender}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('还款日期', 'Date paid')} error={pErr.paidDate}>
              {(p) => (
                <input
                  {...p}
                  value={pay.paidDate}
                  placeholder="2026-12-15"
                  onChange={(e) => setPay({ ...pay, paidDate: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('金额', 'Amount')} error={pErr.amount}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={pay.amount}
                  onChange={(e) => setPay({ ...pay, amount: e.target.value })}
                />
              )}
            </Field>
            <div className="actions">
              <button type="submit" className="primary" disabled={!payReady || paymentWrite.busy}>
                {paymentWrite.busy ? t('保存中…', 'Saving…') : t('保存还款', 'Save payment')}
              </button>
            </div>
          </form>
        </>
      ) : null}

      <section aria-label={t('近期待还', 'Due soon')}>
        <h3>{t('未来 30 天要还', 'Due in the next 30 days')}</h3>
        {due.length === 0 ? (
          <p className="muted">{t('没有待还的款项。', 'Nothing due.')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('日期', 'Date')}</th>
                <th scope="col">{t('债主', 'Lender')}</th>
                <th scope="col">{t('金额', 'Amount')}</th>
              </tr>
            </thead>
            <tbody>
              {due.map((d, i) => (
                <tr key={i}>
                  <td className="num">{d.dueDate}</td>
                  <td>{d.lender}</td>
                  <td className="num">{money(d.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="actions">
          <a className="button" href={api.calendarUrl} download>
            {t('导出到手机日历（.ics）', 'Export to calendar (.ics)')}
          </a>
          <a className="button" href={api.backupUrl} download>
            {t('备份全部数据', 'Back up everything')}
          </a>
        </div>
      </section>

      <form
        className="form"
        noValidate
        aria-label={t('资金预测', 'Cash-flow forecast')}
        onSubmit={(e) => {
          e.preventDefault();
          void runForecast();
        }}
      >
        <h3>{t('未来 90 天的钱够不够', 'Will the money last 90 days?')}</h3>
        <Field label={t('还款账户现在的余额', 'Balance of the paying account now')} error={balErr}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={balance}
              onChange={(e) => setBalance(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('每月几号发工资', 'Payday (day of month)')} error={dayErr}>
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={payDay}
              onChange={(e) => setPayDay(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('每月到手工资', 'Monthly pay')} error={payAmountErr}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              value={payAmount}
              onChange={(e) => setPayAmount(e.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button
            type="submit"
            className="primary"
            disabled={Boolean(balErr || dayErr || payAmountErr)}
          >
            {t('预测', 'Forecast')}
          </button>
        </div>
      </form>
      {forecast ? (
        <section aria-label={t('预测结果', 'Forecast')}>
          {forecast.firstBelowZero ? (
            <p className="banner banner-bad" role="alert">
              {lang === 'zh' ? forecast.firstBelowZero.messageZh : forecast.firstBelowZero.message}
            </p>
          ) : null}
          {forecast.assumedDays && forecast.assumedDays.length > 0 ? (
            <p className="muted">
              {t(
                `预算里这些项目没有填日期，按保守方式计算（支出算在每月 1 日，收入算在月末）：${forecast.assumedDays.join('、')}。`,
                `These budget lines have no day, so they are placed cautiously (costs on the 1st, income at month end): ${forecast.assumedDays.join(', ')}.`,
              )}
            </p>
          ) : null}
          {forecast.warnings.length > 0 ? (
            <ul className="warnings" role="alert">
              {forecast.warnings.map((w, i) => {
                const g = agreements.find((x) => x.lender === w.lender && isOpen(x));
                return (
                  <li key={i}>
                    <strong className="num">{w.dueDate}</strong>{' '}
                    {lang === 'zh' ? w.messageZh : w.message}
                    {g ? (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="link"
                          onClick={() => openReplan(g, 'at-risk')}
                        >
                          {t(`重新协商（${g.lender}）`, `Re-plan (${g.lender})`)}
                        </button>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : forecast.firstBelowZero ? null : (
            <p className="banner banner-ok" role="status">
              {t(
                '按现在的收支（含预算里的每一项和每笔债务的应还款），未来 90 天每期都能按时还上。',
                'Counting every budget line and every debt due, every installment in the next 90 days is covered.',
              )}
            </p>
          )}
          {chart ? (
            <Suspense fallback={<p>{t('图表加载中…', 'Loading chart…')}</p>}>
              <LazyLineChart
                title={t('账户余额预测图', 'Balance forecast chart')}
                xs={chart.xs}
                series={chart.series}
                zeroLine
              />
            </Suspense>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

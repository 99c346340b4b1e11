// "Will the money last 90 days?": balance and payday in, the day-level forecast out (warnings,
// the first day below zero, a lazy chart), with a re-plan link for an agreement at risk.
import { Suspense, useMemo, useState } from 'react';
import type { AgreementView, ForecastView } from '../../../contracts/index.js';
import { api } from '../../api-client.js';
import { Field } from '../../components/field.js';
import { LazyLineChart, toPlot, toUnix } from '../../components/lazy-chart.js';
import { useLang, useT } from '../../i18n.js';
import { checkInt, checkMoney } from '../../validate.js';
import { DisabledReason } from './form-buttons.js';

export interface ForecastFormProps {
  onForecast: (f: ForecastView) => void;
  fail: (e: unknown) => void;
}

export function ForecastForm({ onForecast, fail }: ForecastFormProps) {
  const t = useT();
  const lang = useLang();
  const [balance, setBalance] = useState('');
  const [payDay, setPayDay] = useState('');
  const [payAmount, setPayAmount] = useState('');
  const balErr = balance ? checkMoney(balance, lang).error : undefined;
  const dayErr = payDay ? checkInt(payDay, lang, 1, 31).error : undefined;
  const payAmountErr = payAmount ? checkMoney(payAmount, lang).error : undefined;
  const bad = Boolean(balErr || dayErr || payAmountErr);
  const run = async () => {
    if (bad) return;
    const payday =
      payDay && payAmount
        ? `${Number(payDay)}:${checkMoney(payAmount, lang).value}:${t('工资', 'Pay')}`
        : undefined;
    try {
      onForecast(await api.forecast(checkMoney(balance, lang).value ?? '0.00', payday, 90));
    } catch (e) {
      fail(e);
    }
  };
  const input = (label: string, value: string, set: (v: string) => void, error?: string) => (
    <Field label={label} error={error}>
      {(p) => (
        <input {...p} inputMode="decimal" value={value} onChange={(e) => set(e.target.value)} />
      )}
    </Field>
  );
  return (
    <form
      className="form"
      noValidate
      aria-label={t('资金预测', 'Cash-flow forecast')}
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <h3>{t('未来 90 天的钱够不够', 'Will the money last 90 days?')}</h3>
      {input(
        t('还款账户现在的余额', 'Balance of the paying account now'),
        balance,
        setBalance,
        balErr,
      )}
      {input(t('每月几号发工资', 'Payday (day of month)'), payDay, setPayDay, dayErr)}
      {input(t('每月到手工资', 'Monthly pay'), payAmount, setPayAmount, payAmountErr)}
      <div className="actions">
        <button type="submit" className="primary" disabled={bad}>
          {t('预测', 'Forecast')}
        </button>
      </div>
      <DisabledReason
        reason={bad ? t('请先改正标红的项目。', 'Fix the fields marked in red.') : null}
      />
    </form>
  );
}

export interface ForecastResultProps {
  forecast: ForecastView;
  agreements: AgreementView[];
  isOpen: (g: AgreementView) => boolean;
  onReplan: (g: AgreementView) => void;
}

export function ForecastResult({ forecast, agreements, isOpen, onReplan }: ForecastResultProps) {
  const t = useT();
  const lang = useLang();
  const chart = useMemo(
    () => ({
      xs: forecast.days.map((d) => toUnix(d.date)),
      series: [
        {
          label: t('账户余额', 'Balance'),
          color: '#0b57d0',
          values: forecast.days.map((d) => toPlot(d.balance)),
        },
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [forecast, lang],
  );
  return (
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
                    <button type="button" className="link" onClick={() => onReplan(g)}>
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
      <Suspense fallback={<p>{t('图表加载中…', 'Loading chart…')}</p>}>
        <LazyLineChart
          title={t('账户余额预测图', 'Balance forecast chart')}
          xs={chart.xs}
          series={chart.series}
          zeroLine
        />
      </Suspense>
    </section>
  );
}

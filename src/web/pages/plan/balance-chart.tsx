// The balance left with each lender, month by month (the first eight lenders), drawn lazily.
import { Suspense, useMemo } from 'react';
import type { PlanView } from '../../../contracts/index.js';
import { LazyLineChart, PALETTE, toPlot, toUnix } from '../../components/lazy-chart.js';
import { useT } from '../../i18n.js';

export function BalanceChart({ plan }: { plan: PlanView }) {
  const t = useT();
  const chart = useMemo(() => {
    if (plan.proposals.length === 0) return null;
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
  if (!chart) return null;
  return (
    <Suspense fallback={<p>{t('图表加载中…', 'Loading chart…')}</p>}>
      <h3>{t('今后每月剩余欠款', 'Balance left, month by month')}</h3>
      <LazyLineChart
        title={t('剩余欠款图', 'Remaining balance chart')}
        xs={chart.xs}
        series={chart.series}
      />
    </Suspense>
  );
}

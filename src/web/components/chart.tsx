// uPlot wrapper, loaded lazily with the pages that draw charts (keeps it out of the initial bundle).
// The legend speaks the user's language: "日期 2026-12-05 · 借呗 ¥9,500", never uPlot's default
// "Time: --". Before the user touches the chart it shows the first day; a tap shows that day.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useLang, useT } from '../i18n.js';

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
}

interface Props {
  title: string;
  /** x values: unix seconds */
  xs: number[];
  series: Series[];
  /** y-values to mark with a red horizontal rule (e.g. zero balance) */
  zeroLine?: boolean;
  height?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** unix seconds (UTC midnight) → 'YYYY-MM-DD', the date the user typed */
export function chartDate(ts: number): string {
  const d = new Date(ts * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Plot value (yuan) → "¥1,234" for the axis and "¥1,234.50" in the legend (display only). */
export function chartYuan(v: number, cents = true): string {
  const sign = v < 0 ? '-' : '';
  const abs = Math.abs(v);
  return `${sign}¥${abs.toLocaleString('zh-CN', {
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 0,
  })}`;
}

/** Axis tick for a date: "12月5日" / "Dec 5" within a year's span, "2027年3月" / "2027-03" beyond. */
export function chartTick(ts: number, spanDays: number, lang: 'zh' | 'en'): string {
  const d = new Date(ts * 1000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  if (spanDays <= 200)
    return lang === 'zh'
      ? `${m}月${d.getUTCDate()}日`
      : `${d.toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${d.getUTCDate()}`;
  return lang === 'zh' ? `${y}年${m}月` : `${y}-${pad(m)}`;
}

export function LineChart({ title, xs, series, zeroLine = false, height = 220 }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const t = useT();
  const lang = useLang();
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const width = Math.max(280, node.clientWidth || 340);
    const spanDays = xs.length > 1 ? (xs[xs.length - 1]! - xs[0]!) / 86400 : 0;
    // with no point under the finger, the legend shows the first day instead of "--"
    const at = (u: uPlot, sidx: number, v: number | null, idx: number | null) =>
      idx === null || v === null ? ((u.data[sidx]?.[0] as number | null | undefined) ?? null) : v;
    const plot = new uPlot(
      {
        width,
        height,
        // dates are UTC midnights: keep ticks on those days whatever the phone's zone
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        series: [
          {
            label: t('日期', 'Date'),
            value: (u, v, sidx, idx) => {
              const x = at(u, sidx, v, idx);
              return x === null ? t('无', 'none') : chartDate(x);
            },
          },
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            value: (u: uPlot, v: number | null, sidx: number, idx: number | null) => {
              const y = at(u, sidx, v, idx);
              return y === null ? t('无', 'none') : chartYuan(y);
            },
          })),
        ],
        axes: [
          {
            values: (_u: uPlot, vals: number[]) => vals.map((v) => chartTick(v, spanDays, lang)),
          },
          {
            size: 70,
            values: (_u: uPlot, vals: number[]) => vals.map((v) => chartYuan(v, false)),
          },
        ],
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        hooks: zeroLine
          ? {
              draw: [
                (u: uPlot) => {
                  const y = u.valToPos(0, 'y', true);
                  const ctx = u.ctx;
                  ctx.save();
                  ctx.strokeStyle = '#b00020';
                  ctx.setLineDash([6, 4]);
                  ctx.beginPath();
                  ctx.moveTo(u.bbox.left, y);
                  ctx.lineTo(u.bbox.left + u.bbox.width, y);
                  ctx.stroke();
                  ctx.restore();
                },
              ],
            }
          : {},
      },
      [xs, ...series.map((s) => s.values)],
      node,
    );
    return () => plot.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t follows lang
  }, [xs, series, zeroLine, height, lang]);
  return (
    <figure className="chart-wrap">
      <div className="chart" ref={el} role="img" aria-label={title} />
      <figcaption className="field-hint">
        {t('点图上的某一天，看当天的金额。', 'Tap a day on the chart to see its amounts.')}
      </figcaption>
    </figure>
  );
}

export default LineChart;

// uPlot wrapper, loaded lazily with the pages that draw charts (keeps it out of the initial bundle).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

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

export function LineChart({ title, xs, series, zeroLine = false, height = 220 }: Props) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const width = Math.max(280, node.clientWidth || 340);
    const plot = new uPlot(
      {
        width,
        height,
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2 }))],
        axes: [
          {},
          {
            size: 70,
            values: (_u: uPlot, vals: number[]) =>
              vals.map((v) => `¥${Math.round(v).toLocaleString('zh-CN')}`),
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
  }, [xs, series, zeroLine, height]);
  return <div className="chart" ref={el} role="img" aria-label={title} />;
}

export default LineChart;

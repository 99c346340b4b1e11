import { lazy } from 'react';

/** uPlot is fetched only when a chart is first shown. */
export const LazyLineChart = lazy(() => import('./chart.js'));

/** 'YYYY-MM-DD' → unix seconds (UTC midnight) for the chart's x axis. */
export function toUnix(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 1000;
}

/** Yuan string → number for plotting only (never for money arithmetic). */
export function toPlot(yuan: string): number {
  return Number(yuan);
}

export const PALETTE = [
  '#0b57d0',
  '#b3261e',
  '#146c2e',
  '#8a4b00',
  '#6e2c9b',
  '#006a6a',
  '#444',
  '#c2185b',
];

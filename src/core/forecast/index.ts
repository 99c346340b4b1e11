// Day-by-day cash-flow forecast (issue 7; docs/product.md, The journey: F11). Pure: see forecast.test.ts.
export * from './types.js';
export {
  forecastCashFlow,
  validateForecastInput,
  shiftForWeekend,
  MAX_FORECAST_DAYS,
} from './forecast.js';

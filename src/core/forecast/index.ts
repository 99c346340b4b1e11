// Day-by-day cash-flow forecast (issue 7, PRODUCT.md F11). Pure: see forecast.test.ts.
export * from './types.js';
export {
  forecastCashFlow,
  validateForecastInput,
  shiftForWeekend,
  MAX_FORECAST_DAYS,
} from './forecast.js';

import { localDateOf, type IsoDate } from '../core/dates/index.js';
import type { Clock } from './deps.js';

/**
 * The borrower's "today": the Asia/Shanghai calendar day of the clock's instant (23:30 UTC is
 * already tomorrow in Beijing). The one place a use case turns the clock into a date; core never
 * reads the clock and takes the day as `asOf`. For the day of a stored instant use core's
 * `localDateOf` directly.
 */
export function todayIn(deps: { clock: Clock }): IsoDate {
  return localDateOf(deps.clock.now());
}

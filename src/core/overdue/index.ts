// Do-nothing projection: what an unpaid debt grows to, with and without the legal cap.
export type { DoNothingInput, DoNothingMonth } from './do-nothing.js';
export { projectDoNothing, projectDoNothingAt, OVERDUE_NOTES } from './do-nothing.js';

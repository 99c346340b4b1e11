// The pure core: importable as a library (`xieshang/core`). No IO, no clock, no randomness.
export * from './result.js';
export * from './money/index.js';
export * from './dates/index.js';
export * from './rates/index.js';

export * from './cents.js';
export * from './rounding.js';
export * from './limits.js';

export * from './cents.js';
export * from './rounding.js';

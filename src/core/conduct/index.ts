export * from './rules.js';
export * from './check.js';

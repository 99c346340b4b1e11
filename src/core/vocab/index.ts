export * from './vocab.js';

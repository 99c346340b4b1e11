// Request/response shapes shared by the server (validation, OpenAPI) and the web app (types).
export * from './common.js';
export * from './core-calc.js';
export * from './case.js';
export * from './enums.js';
export * from './profile.js';
export * from './replan.js';
export * from './escalations.js';

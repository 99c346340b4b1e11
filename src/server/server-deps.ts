// What the routes need from the composition root: the app's Deps (db, clock, ids, home).
export type { Deps as ServerDeps } from '../app/deps.js';

// The Node adapter of app's TempFiles port (app/ports.ts): names tagged with this process's pid,
// which node/stale-temp.ts reads back to tell a dead owner's litter from a live one's work.
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { TempFiles } from '../app/ports.js';

export function nodeTempFiles(pid: number = process.pid): TempFiles {
  return {
    dirPrefix: (kind) => `${kind}-${pid}-`,
    beside: (file) =>
      join(dirname(file), `.${basename(file)}.${pid}-${randomBytes(4).toString('hex')}.part`),
    restoreStaging: (home) => join(home, `.restore-${pid}`),
  };
}

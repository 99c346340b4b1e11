// The Node adapters of app's ports, as the composition roots (cli/deps.ts, server/main.ts,
// cli/commands/serve.ts) and tests build them.
import type { Host } from '../app/ports.js';
import { nodeCrypto } from './crypto.js';
import { nodeFiles } from './files.js';
import { nodeTempFiles } from './temp.js';

export { randomIds, systemClock } from './system.js';
export { createVaultStore } from '../vault/store.js';

/** Files, crypto and temp names on this machine. */
export function nodeHost(): Host {
  return { files: nodeFiles(), crypto: nodeCrypto(), temp: nodeTempFiles() };
}

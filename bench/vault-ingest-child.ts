// Child of vault.bench.ts: ingests one file into a vault and prints time and peak memory as JSON.
// argv: file, home. Kept tiny so its peak RSS is the ingest's, not the app's.
import { createVaultStore } from '../src/vault/store.js';

const [file, home] = process.argv.slice(2) as [string, string];
const rssBefore = process.resourceUsage().maxRSS;
const t0 = performance.now();
const r = await createVaultStore(home).put(file);
const ms = performance.now() - t0;
process.stdout.write(
  JSON.stringify({
    ms,
    hash: r.hash,
    size: r.size,
    baselineRssKb: rssBefore,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);

// Initial JavaScript of the web app, gzipped: what a phone downloads before the first screen.
// Builds src/web with Vite, reads the entry chunks index.html loads (script + modulepreload),
// gzips each (zlib level 9) and compares the sum with the 150 KB goal. Lazy chunks are listed too.
// Run: npm run bench -- web   (figures printed and written to bench/out/web.json)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWeb, WEB_DIST } from '../src/cli/web-build.js';

const GOAL_KB = 150;

const t0 = performance.now();
await buildWeb();
const buildMs = performance.now() - t0;

const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
  (m) => m[1]!,
);
const gz = (file: string) => gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length;
const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

const initialJs = initial.filter((f) => f.endsWith('.js'));
const initialJsGz = initialJs.reduce((s, f) => s + gz(f), 0);
const initialCssGz = initial.filter((f) => f.endsWith('.css')).reduce((s, f) => s + gz(f), 0);
const lazy = readdirSync(join(WEB_DIST, 'assets'))
  .filter((f) => f.endsWith('.js') && !initialJs.includes(`assets/${f}`))
  .map((f) => ({ file: f, gzipKB: kb(gz(`assets/${f}`)) }))
  .sort((a, b) => b.gzipKB - a.gzipKB);

const result = {
  buildMs: Math.round(buildMs),
  initialJsFiles: initialJs,
  initialJsGzipKB: kb(initialJsGz),
  initialCssGzipKB: kb(initialCssGz),
  goalKB: GOAL_KB,
  meetsGoal: kb(initialJsGz) <= GOAL_KB,
  lazyChunks: lazy,
};
console.log(`web build: ${result.buildMs} ms`);
console.log(
  `initial JS (gzip -9): ${result.initialJsGzipKB} KB in ${initialJs.length} file(s); goal ≤ ${GOAL_KB} KB → ${result.meetsGoal ? 'met' : 'NOT met'}`,
);
console.log(`initial CSS (gzip -9): ${result.initialCssGzipKB} KB`);
for (const l of lazy) console.log(`  lazy ${l.file}: ${l.gzipKB} KB`);
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(new URL('./out/web.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
if (!result.meetsGoal) process.exitCode = 1;

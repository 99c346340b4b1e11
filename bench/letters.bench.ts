// Letter generation speed: build a Doc from a case and render it, per format.
// Cases: the 40-loan borrower's request letter with 40 debt rows (the biggest table a letter has)
// and every kind for the three example cases.
// Run: npm run bench -- letters   (figures printed and written to bench/out/letters.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { cents } from '../src/core/money/index.js';
import { EXAMPLE_CASES, MANY_LOANS, makeDebt } from '../src/documents/fixtures.js';
import {
  LETTER_KINDS,
  LETTER_TEMPLATES,
  missingFor,
  renderDoc,
  type CaseInput,
  type DocFormat,
} from '../src/documents/index.js';

const big: CaseInput = {
  ...MANY_LOANS,
  debts: Array.from({ length: 40 }, (_, i) =>
    makeDebt({
      ref: `CJ-${1000 + i}`,
      principal: cents(300_000 + i * 1_234),
      outstanding: cents(310_000 + i * 1_111),
    }),
  ),
};

async function time(label: string, n: number, f: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(5, n); i++) await f(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await f();
  const ms = (performance.now() - t0) / n;
  console.log(`${label.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms/letter`);
  return { label, n, msPerLetter: Number(ms.toFixed(3)) };
}

const results = [];
for (const format of ['md', 'html', 'docx'] as DocFormat[])
  results.push(
    await time(`request, 40 debts, zh, ${format}`, format === 'docx' ? 100 : 500, () =>
      renderDoc(LETTER_TEMPLATES.request.build(big, 'zh'), format),
    ),
  );
const all = Object.values(EXAMPLE_CASES).flatMap((c) =>
  LETTER_KINDS.filter((k) => missingFor(k, c).length === 0).map(
    (k) => () => LETTER_TEMPLATES[k].build(c, 'zh'),
  ),
);
const t0 = performance.now();
let bytes = 0;
for (const build of all) bytes += (await renderDoc(build(), 'docx')).length;
const allMs = performance.now() - t0;
console.log(
  `all ${all.length} example letters as docx: ${allMs.toFixed(0)} ms total, ${(bytes / 1024).toFixed(0)} KB`,
);
const rss = process.memoryUsage().rss;
console.log(`peak-ish RSS ${(rss / 1024 / 1024).toFixed(0)} MB`);

mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./out/letters.json', import.meta.url),
  `${JSON.stringify({ results, allExamplesDocx: { letters: all.length, ms: Math.round(allMs), bytes }, rssBytes: rss }, null, 2)}\n`,
);

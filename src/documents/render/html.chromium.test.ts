// The printable HTML opened and printed by headless Chromium (what "打印 / 另存为 PDF" in a
// browser gives the borrower): A4 from the page's own @page rule, no page holding only the
// disclaimer, and the closing (此致 → signature → attachments → disclaimer) never split over two
// pages — checked for every kind, and for one letter pushed down line by line so that its closing
// falls across every position of a page break. Skipped, visibly, without Chromium or pdftotext;
// under CI=true a missing tool is a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CASES } from '../fixtures.js';
import { indented, type Doc } from '../model.js';
import { LETTER_KINDS, LETTER_TEMPLATES, missingFor } from '../templates/index.js';
import { renderHtml } from './html.js';

const CHROMIUM = '/usr/bin/chromium';
const missing = [
  ...(existsSync(CHROMIUM) ? [] : [CHROMIUM]),
  ...['pdfinfo', 'pdftotext'].filter(
    (c) => spawnSync('sh', ['-c', `command -v ${c}`]).status !== 0,
  ),
];
const CI = process.env['CI'] === 'true';
if (missing.length > 0 && !CI)
  console.warn(
    `SKIPPED html.chromium.test.ts: ${missing.join(', ')} missing (apt-get install chromium fonts-noto-cjk poppler-utils)`,
  );

const squash = (s: string) => s.replace(/[ \t\u00a0\u3000]/g, '');

describe.skipIf(missing.length > 0 && !CI)('printable HTML printed by Chromium', () => {
  let browser: Browser;
  let page: Page | undefined;
  let dir: string;
  let n = 0;

  /** Prints the document; returns the page size line and each page's text (spaces removed). */
  async function print(doc: Doc): Promise<{ size: string; pages: string[] }> {
    page ??= await browser.newPage();
    await page.setContent(renderHtml(doc), { waitUntil: 'load' });
    const pdf = join(dir, `${n++}.pdf`);
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: false }));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const pages: string[] = [];
    for (let p = 1; p <= count; p++)
      pages.push(
        squash(
          execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], {
            encoding: 'utf8',
          }),
        ),
      );
    return { size: /Page size:.*/.exec(info)?.[0] ?? '', pages };
  }

  /** Problems a reader would see in the printout. */
  function problems(doc: Doc, pages: string[]): string[] {
    const out: string[] = [];
    const notice = doc.blocks.find((b) => b.kind === 'notice');
    const sig = doc.blocks.find((b) => b.kind === 'signature');
    const att = doc.blocks.find((b) => b.kind === 'attachments');
    pages.forEach((p, i) => {
      const rest = notice?.kind === 'notice' ? p.replace(squash(notice.text), '') : p;
      if (rest.replace(/\s/g, '') === '') out.push(`page ${i + 1} holds only the disclaimer`);
    });
    if (sig?.kind === 'signature') {
      const must = [
        ...sig.closing,
        ...sig.lines.map(([l, v]) => `${l}：${v}`),
        ...(att?.kind === 'attachments' ? [att.title] : []),
      ].map(squash);
      const page = pages.find((p) => p.includes(must[0]!));
      if (page === undefined) out.push(`"${must[0]}" not printed`);
      else
        for (const m of must)
          if (!page.includes(m)) out.push(`"${m}" not on the page of "${must[0]}"`);
    }
    return out;
  }

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`${missing.join(', ')} missing; CI must install them`);
    dir = mkdtempSync(join(tmpdir(), 'xieshang-print-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints every kind on A4 with the closing on one page and no disclaimer-only page', async () => {
    // each kind once, from the first example case that has what it needs (printing is slow)
    for (const kind of LETTER_KINDS)
      for (const [name, c] of Object.entries(EXAMPLE_CASES).filter(
        ([, x], i, all) =>
          missingFor(kind, x).length === 0 &&
          all.findIndex(([, y]) => missingFor(kind, y).length === 0) === i,
      )) {
        const doc = LETTER_TEMPLATES[kind].build(c, 'zh');
        const { size, pages } = await print(doc);
        expect(size, `${name} ${kind}`).toMatch(/59[45]\.\d* x 84[12]/);
        expect(problems(doc, pages), `${name} ${kind}`).toEqual([]);
      }
  }, 300_000);

  it('never splits the closing, wherever the page break falls', async () => {
    const base = LETTER_TEMPLATES.request.build(EXAMPLE_CASES['young-worker'], 'zh');
    const at = base.blocks.findIndex((b) => b.kind === 'signature');
    let pagesSeen = new Set<number>();
    // each filler line pushes the closing down by about one line, across the page-1/2 break
    for (let k = 0; k <= 36; k += 6) {
      const filler = Array.from({ length: k }, (_, i) => indented(`补充说明第${i + 1}行。`));
      const doc = {
        ...base,
        blocks: [...base.blocks.slice(0, at), ...filler, ...base.blocks.slice(at)],
      };
      const { pages } = await print(doc);
      pagesSeen = new Set([...pagesSeen, pages.length]);
      expect(problems(doc, pages), `with ${k} filler lines`).toEqual([]);
    }
    // the sweep really crossed a page break
    expect(pagesSeen.size).toBeGreaterThan(1);
  }, 300_000);
});

// Every DOCX kind opened by a real word processor: LibreOffice (headless) converts each to PDF in
// ONE soffice call, then each page's text (pdftotext) is checked the way a lender's clerk would
// look at the printout: A4, a sane page count, no page holding only the disclaimer, the closing
// (此致 → signature → attachments) on one page, no heading alone at a page foot, and no amount or
// date broken across lines. Skipped, visibly, without soffice/pdftotext; under CI=true a missing
// tool is a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CASES } from '../fixtures.js';
import type { Block, Doc, Lang } from '../model.js';
import { LETTER_KINDS, LETTER_TEMPLATES, missingFor } from '../templates/index.js';
import { renderDocx } from './docx.js';

const onPath = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['soffice', 'pdfinfo', 'pdftotext'].filter((c) => !onPath(c));
const CI = process.env['CI'] === 'true';
if (missing.length > 0 && !CI)
  console.warn(
    `SKIPPED docx.libreoffice.test.ts: ${missing.join(', ')} not on PATH (apt-get install libreoffice-writer poppler-utils)`,
  );

/** What is rendered: every kind for every example case in Chinese, and one case in English. */
function documents(): { name: string; doc: Doc }[] {
  const out: { name: string; doc: Doc }[] = [];
  for (const [caseName, c] of Object.entries(EXAMPLE_CASES))
    for (const kind of LETTER_KINDS) {
      if (missingFor(kind, c).length > 0) continue;
      const langs: Lang[] = caseName === 'young-worker' ? ['zh', 'en'] : ['zh'];
      for (const lang of langs)
        out.push({
          name: `${caseName}.${kind}.${lang}`,
          doc: LETTER_TEMPLATES[kind].build(c, lang),
        });
    }
  return out;
}

/** Text with all spaces gone (LibreOffice puts gaps between CJK and digits; pdftotext keeps them). */
const squash = (s: string) => s.replace(/[ \t\u00a0\u3000]/g, '');

/**
 * Pieces that must never be split over two lines: amounts anywhere, and Chinese dates in table
 * cells (in running Chinese text a break inside a date is ordinary typesetting; in a narrow
 * column it means the column is too narrow).
 */
function atoms(doc: Doc): string[] {
  const text = [doc.title, ...doc.blocks.map(blockText)].join('\n');
  const cells = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : []));
  return [
    ...new Set([
      ...(text.match(/¥[\d,]+\.\d{2}/g) ?? []),
      ...cells.flatMap((c) => c.match(/\d{4}年\d{1,2}月\d{1,2}日/g) ?? []),
    ]),
  ];
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
    case 'notice':
      return b.text;
    case 'paragraph':
      return b.runs.map((r) => r.text).join('');
    case 'table':
      return [b.caption ?? '', ...b.header, ...b.rows.flat()].join('\n');
    case 'list':
      return b.items.map((i) => i.map((r) => r.text).join('')).join('\n');
    case 'signature':
      return [...b.closing, ...b.lines.map(([l, v]) => `${l}：${v}`)].join('\n');
    case 'attachments':
      return [b.title, ...b.items].join('\n');
    default:
      return '';
  }
}

/** the page-number footer, in any of the forms a footer may take */
const isFooter = (line: string) => /^(第\d+页共\d+页|Page\d+of\d+|\d+)$/.test(line);

interface Rendered {
  name: string;
  doc: Doc;
  pages: string[][];
  info: string;
}

describe.skipIf(missing.length > 0 && !CI)('every DOCX kind opened by LibreOffice', () => {
  let dir: string;
  const rendered: Rendered[] = [];

  beforeAll(async () => {
    if (missing.length > 0)
      throw new Error(`${missing.join(', ')} not on PATH; CI must install them`);
    dir = mkdtempSync(join(tmpdir(), 'xieshang-lo-'));
    const docs = documents();
    for (const d of docs) writeFileSync(join(dir, `${d.name}.docx`), await renderDocx(d.doc));
    // one soffice process for all files: starting LibreOffice is most of the cost
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...docs.map((d) => join(dir, `${d.name}.docx`)),
      ],
      { stdio: 'ignore', timeout: 170_000 },
    );
    for (const d of docs) {
      const pdf = join(dir, `${d.name}.pdf`);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const n = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      const pages: string[][] = [];
      for (let p = 1; p <= n; p++) {
        const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], {
          encoding: 'utf8',
        });
        pages.push(
          text
            .split('\n')
            .map(squash)
            .filter((l) => l !== '' && l !== '\f'),
        );
      }
      rendered.push({ ...d, pages, info });
    }
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('converts every kind: A4, one to four pages', () => {
    expect(rendered.length).toBe(documents().length);
    for (const r of rendered) {
      expect(r.info, r.name).toMatch(/Page size:\s+595\.\d* x 84[12]/);
      expect(r.pages.length, r.name).toBeGreaterThanOrEqual(1);
      expect(r.pages.length, r.name).toBeLessThanOrEqual(4);
    }
  });

  it('no page holds only the disclaimer (or nothing but the page number)', () => {
    for (const r of rendered) {
      const notice = r.doc.blocks.find((b) => b.kind === 'notice');
      const noticeText = notice?.kind === 'notice' ? squash(notice.text) : '\u0000';
      r.pages.forEach((lines, i) => {
        const body = lines.filter((l) => !isFooter(l));
        const rest = body.join('').replace(noticeText, '');
        // the notice may wrap: remove it as one string, then see what is left
        expect(rest.length, `${r.name} page ${i + 1}: ${body.join(' / ')}`).toBeGreaterThan(0);
      });
    }
  });

  it('keeps the closing, the signature lines and the attachment list on one page', () => {
    for (const r of rendered) {
      const sig = r.doc.blocks.find((b) => b.kind === 'signature');
      if (sig?.kind !== 'signature') continue;
      const att = r.doc.blocks.find((b) => b.kind === 'attachments');
      const must = [
        ...sig.closing,
        ...sig.lines.map(([l, v]) => `${l}：${v}`),
        ...(att?.kind === 'attachments' ? [att.title] : []),
      ].map(squash);
      const page = r.pages.find((lines) => lines.join('\n').includes(must[0]!));
      expect(page, `${r.name}: ${must[0]} not found`).toBeDefined();
      const text = page!.join('\n');
      for (const m of must) expect(text, `${r.name}: ${m} not with ${must[0]}`).toContain(m);
    }
  });

  it('never leaves a heading or table caption alone at the foot of a page', () => {
    for (const r of rendered) {
      const heads = new Set(
        r.doc.blocks.flatMap((b) =>
          b.kind === 'heading'
            ? [squash(b.text)]
            : b.kind === 'table' && b.caption
              ? [squash(b.caption)]
              : [],
        ),
      );
      r.pages.slice(0, -1).forEach((lines, i) => {
        const body = lines.filter((l) => !isFooter(l));
        expect(
          heads.has(body.at(-1) ?? ''),
          `${r.name} page ${i + 1} ends with "${body.at(-1)}"`,
        ).toBe(false);
      });
    }
  });

  it('never breaks an amount or a date over two lines (body text and narrow table columns)', () => {
    for (const r of rendered) {
      const lines = r.pages.flat();
      for (const a of atoms(r.doc))
        expect(
          lines.some((l) => l.includes(a)),
          `${r.name}: "${a}" is split over lines`,
        ).toBe(true);
    }
  });
});

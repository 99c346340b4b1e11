import fc from 'fast-check';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../core/money/index.js';
import { EXAMPLE_CASES, HOSTILE, hostileCase } from '../fixtures.js';
import type { Lang } from '../model.js';
import { LETTER_KINDS, LETTER_TEMPLATES, missingFor } from '../templates/index.js';
import { columnWidths, longestAtom, renderDocx, textWidth } from './docx.js';
import { escapeHtml, renderHtml } from './html.js';
import { emphasize, escapeMarkdown, renderMarkdown } from './markdown.js';

const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'input']);

/** Checks tags nest and close, and that text contains no raw markup or bare '&'. */
function checkWellFormed(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = html.replace(/^<!DOCTYPE html>/, '');
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>|([^<]+)|(<)/g;
  for (const m of body.matchAll(re)) {
    if (m[5]) problems.push(`stray "<" at ${m.index}`);
    else if (m[4] !== undefined) {
      const text = m[4];
      if (text.includes('>')) problems.push(`raw ">" in text at ${m.index}`);
      const bad = text.replace(/&(amp|lt|gt|quot|#39);/g, '');
      if (bad.includes('&')) problems.push(`bare "&" at ${m.index}`);
    } else {
      const tag = m[2]!.toLowerCase();
      if (VOID.has(tag)) continue;
      if (m[1] === '/') {
        if (stack.pop() !== tag) problems.push(`unbalanced </${tag}> at ${m.index}`);
      } else stack.push(tag);
    }
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(',')}`);
  return problems;
}

async function unzipEntry(bytes: Uint8Array, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (e, zip) => {
      if (e || !zip) return reject(e ?? new Error('no zip'));
      zip.readEntry();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (e2, stream) => {
          if (e2 || !stream) return reject(e2 ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error(`${name} not in the docx`)));
    });
  });
}

const xmlText = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

const CASES = Object.entries(EXAMPLE_CASES);
const LANGS: Lang[] = ['zh', 'en'];

describe('HTML renderer', () => {
  it('is well-formed and escapes markup in every free-text field, for every kind, case and language', () => {
    for (const [name, c] of CASES)
      for (const kind of LETTER_KINDS)
        if (missingFor(kind, c).length === 0)
          for (const lang of LANGS) {
            const html = renderHtml(LETTER_TEMPLATES[kind].build(hostileCase(c), lang));
            expect(checkWellFormed(html), `${name} ${kind} ${lang}`).toEqual([]);
            expect(html).not.toContain('<script');
            expect(html).toContain('&lt;script&gt;');
          }
  });

  it('is one self-contained file: no scripts, links or remote resources; A4 print CSS', () => {
    const html = renderHtml(LETTER_TEMPLATES.request.build(EXAMPLE_CASES['young-worker'], 'zh'));
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//);
    expect(html).toContain('size: A4');
    expect(html).toContain('SimSun');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<td class="num">¥492.14</td>');
  });

  it('escapeHtml round-trips and leaves no markup characters (property)', () => {
    const unescape = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (s) => {
        const e = escapeHtml(s);
        expect(e).not.toMatch(/[<>"']/);
        expect(e.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(unescape(e)).toBe(s);
      }),
    );
  });
});

/**
 * CommonMark's flanking rules for `*` runs (spec 0.31, §6.2): in each line the 1st, 3rd… marker
 * run must be able to open (left-flanking) and the 2nd, 4th… to close (right-flanking), or the
 * reader sees literal asterisks. Escaped asterisks are text.
 */
function emphasisProblems(md: string): string[] {
  const ws = (c: string) => c === '' || /\s/u.test(c);
  const punct = (c: string) => /[\p{P}\p{S}]/u.test(c);
  const problems: string[] = [];
  for (const line of md.split('\n')) {
    if (/^\s*(---|\|)/.test(line)) continue; // rules and table rows carry no emphasis
    let k = 0;
    for (const m of line.matchAll(/\*+/g)) {
      let at = m.index;
      let run = m[0];
      // an odd run of backslashes escapes the first asterisk only; the rest is still a run
      if (/\\*$/.exec(line.slice(0, at))![0].length % 2 === 1) {
        at += 1;
        run = run.slice(1);
        if (run === '') continue;
      }
      const before = Array.from(line.slice(0, at)).at(-1) ?? '';
      const after = Array.from(line.slice(at + run.length))[0] ?? '';
      const left = !ws(after) && (!punct(after) || ws(before) || punct(before));
      const right = !ws(before) && (!punct(before) || ws(after) || punct(after));
      if (k % 2 === 0 ? !left : !right)
        problems.push(`${k % 2 === 0 ? 'opening' : 'closing'} "${run}" at ${at} in: ${line}`);
      k++;
    }
  }
  return problems;
}

describe('Markdown renderer', () => {
  it('every bold and italic span closes under CommonMark (every kind, case and language, hostile text too)', () => {
    for (const [name, c] of CASES)
      for (const kind of LETTER_KINDS)
        if (missingFor(kind, c).length === 0)
          for (const lang of LANGS)
            for (const kase of [c, hostileCase(c)]) {
              const md = renderMarkdown(LETTER_TEMPLATES[kind].build(kase, lang));
              expect(emphasisProblems(md), `${name} ${kind} ${lang}`).toEqual([]);
            }
    expect(emphasisProblems('**事由：**申请')).toHaveLength(1);
    expect(emphasize('事由：', '**')).toBe('**事由**：');
    expect(emphasize('（注：见附件）', '**')).toBe('（**注：见附件**）');
    expect(emphasize('：', '**')).toBe('：');
  });

  it('emphasize keeps the text and always yields markers CommonMark closes (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('事', '由', '：', '（', '）', '¥', '1', 'a', ' ', '*', '_', '。'),
        }),
        fc.constantFrom('', '申请', '：', ' x'),
        (t, next) => {
          const e = emphasize(t, '**');
          expect(emphasisProblems(`前${e}${next}`)).toEqual([]);
          const text = e.replace(/(?<!\\)\*\*/g, '').replace(/\\([\\`*_[\]<>&|~#+\-=.)])/g, '$1');
          expect(text).toBe(t);
        },
      ),
    );
  });

  it('escapes markup in every free-text field', () => {
    for (const [name, c] of CASES)
      for (const kind of LETTER_KINDS)
        if (missingFor(kind, c).length === 0) {
          const md = renderMarkdown(LETTER_TEMPLATES[kind].build(hostileCase(c), 'zh'));
          expect(md, `${name} ${kind}`).not.toContain('<script>');
          expect(md).not.toContain('[a](http');
          expect(md).toContain('\\<script\\>');
        }
  });

  it('keeps amounts readable and right-aligns numeric columns', () => {
    const md = renderMarkdown(LETTER_TEMPLATES.request.build(EXAMPLE_CASES['young-worker'], 'zh'));
    expect(md).toContain('| 每期还款金额 | ¥492.14 |');
    expect(md).toContain('| --- | ---: |');
    expect(md).toContain('**事由**：申请');
  });

  it('escapeMarkdown: removing the escapes gives back the text, and no markup char is left bare (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const e = escapeMarkdown(s);
        expect(e.replace(/\\([\\`*_[\]<>&|~#+\-=.)])/g, '$1')).toBe(s.replace(/\r\n?/g, '\n'));
        // every markup char is preceded by an odd run of backslashes
        for (const m of e.matchAll(/[`*_[\]<>&|~]/g)) {
          const before = /\\*$/.exec(e.slice(0, m.index))![0].length;
          expect(before % 2).toBe(1);
        }
      }),
    );
  });

  it('escapes list and heading markers only at the start of a line', () => {
    expect(escapeMarkdown('- a\n1. b\n# c')).toBe('\\- a\n1\\. b\n\\# c');
    expect(escapeMarkdown('¥1,234.50 - x')).toBe('¥1,234.50 - x');
  });
});

describe('DOCX renderer', () => {
  it('is a valid zip whose document.xml holds the plan table numbers (all cases, both languages)', async () => {
    for (const [name, c] of CASES)
      for (const lang of LANGS) {
        const bytes = await renderDocx(LETTER_TEMPLATES.request.build(c, lang));
        const xml = await unzipEntry(bytes, 'word/document.xml');
        expect(xml.startsWith('<?xml')).toBe(true);
        const text = xmlText(xml);
        expect(text, name).toContain(formatMoney(c.plan!.monthlyPayment));
        expect(text).toContain(formatMoney(c.plan!.totalPaid));
        expect(text).toContain(
          lang === 'zh' ? '协商还款申请书' : 'Request for an Installment Repayment Plan',
        );
        expect(xml).toContain('<w:tbl>');
        expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
        expect(xml).toContain('w:eastAsia="SimSun"');
        expect(xml).toContain('w:eastAsia="SimHei"');
        expect(xml).toContain('w:ascii="Times New Roman"');
      }
  });

  it('renders every kind for every case, and escapes hostile text into XML', async () => {
    for (const [name, c] of CASES)
      for (const kind of LETTER_KINDS)
        if (missingFor(kind, c).length === 0) {
          const bytes = await renderDocx(LETTER_TEMPLATES[kind].build(hostileCase(c), 'zh'));
          const xml = await unzipEntry(bytes, 'word/document.xml');
          expect(xml, `${name} ${kind}`).not.toContain('<script');
          expect(xmlText(xml)).toContain('&lt;script&gt;');
        }
  });

  it('hostile text survives every format intact (the words, not the markup)', () => {
    const doc = LETTER_TEMPLATES.hardship.build(hostileCase(EXAMPLE_CASES['young-worker']), 'zh');
    expect(renderHtml(doc)).toContain(escapeHtml(HOSTILE));
    expect(renderMarkdown(doc)).toContain(escapeMarkdown(HOSTILE, false));
  });

  it('writes a line rule with every line height, so Word and LibreOffice agree (every kind)', async () => {
    for (const [name, c] of CASES)
      for (const kind of LETTER_KINDS)
        if (missingFor(kind, c).length === 0) {
          const bytes = await renderDocx(LETTER_TEMPLATES[kind].build(c, 'zh'));
          for (const part of ['word/document.xml', 'word/styles.xml', 'word/footer1.xml']) {
            const xml = await unzipEntry(bytes, part);
            const spacings = xml.match(/<w:spacing [^>]*>/g) ?? [];
            for (const sp of spacings.filter((x) => x.includes('w:line=')))
              expect(sp, `${name} ${kind} ${part}`).toMatch(/w:lineRule="(atLeast|auto|exact)"/);
          }
        }
  });

  it('names SimSun/SimHei with 宋体/黑体 and a serif/sans family in the font table; Western text en-US', async () => {
    const bytes = await renderDocx(
      LETTER_TEMPLATES.request.build(EXAMPLE_CASES['young-worker'], 'zh'),
    );
    const fonts = await unzipEntry(bytes, 'word/fontTable.xml');
    expect(fonts).toMatch(
      /<w:font w:name="SimSun"><w:altName w:val="宋体"\/>.*?<w:family w:val="roman"\/>/,
    );
    expect(fonts).toMatch(
      /<w:font w:name="SimHei"><w:altName w:val="黑体"\/>.*?<w:family w:val="swiss"\/>/,
    );
    const styles = await unzipEntry(bytes, 'word/styles.xml');
    expect(styles).toMatch(/<w:lang w:val="en-US" w:eastAsia="zh-CN"/);
  });

  it('keeps 此致, the signature with a handwritten line, the attachments and the disclaimer in one unsplittable block', async () => {
    // a letter without appendices: with them (request, complaints) the disclaimer closes the
    // whole document after the appended tables instead
    const doc = LETTER_TEMPLATES['penalty-waiver'].build(EXAMPLE_CASES['young-worker'], 'zh');
    const xml = await unzipEntry(await renderDocx(doc), 'word/document.xml');
    const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/g) ?? [];
    const closing = tables.find((t) => t.includes('此致'));
    expect(closing).toBeDefined();
    expect(closing).toContain('<w:cantSplit/>');
    for (const text of [
      '敬礼！',
      '申请人：',
      '签名：________________',
      '日期：',
      '附件：',
      '不构成法律意见',
    ])
      expect(closing).toContain(text);
    // the paragraph before it keeps with it
    const before = xml.slice(0, xml.indexOf(closing!));
    const lastP = before.slice(before.lastIndexOf('<w:p>'));
    expect(lastP).toContain('<w:keepNext/>');
    const en = await unzipEntry(
      await renderDocx(LETTER_TEMPLATES.request.build(EXAMPLE_CASES['young-worker'], 'en')),
      'word/document.xml',
    );
    expect(en).toContain('Signature: ________________');
  });

  it('table columns fit their longest amount, date or code and fill the text width (property)', () => {
    const atom = fc.oneof(
      fc
        .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((d) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`),
      fc
        .integer({ min: 0, max: 99_999_999_99 })
        .map(
          (n) =>
            `¥${Math.floor(n / 100).toLocaleString('en-US')}.${String(n % 100).padStart(2, '0')}`,
        ),
      fc.string({
        unit: fc.constantFrom('催', '收', '电', '话', '母', '亲', 'a', '1'),
        maxLength: 60,
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((n) =>
          fc.tuple(
            fc.array(fc.constantFrom('日期', '金额', '经过', '对方号码', '证据'), {
              minLength: n,
              maxLength: n,
            }),
            fc.array(fc.array(atom, { minLength: n, maxLength: n }), {
              minLength: 1,
              maxLength: 6,
            }),
          ),
        ),
        ([header, rows]) => {
          const w = columnWidths(header, rows);
          expect(w.reduce((a, x) => a + x, 0)).toBe(8306);
          // a header keeps up to four characters (8 units) on a line, as the renderer's minimum does
          const need = header.map((h, i) =>
            Math.max(Math.min(textWidth(h), 8), ...rows.map((r) => longestAtom(r[i]!))),
          );
          const fits = need.reduce((a, x) => a + Math.ceil((x + 1) * 105) + 160, 0) < 8306;
          // when every column's longest piece can fit, each column gets at least that
          if (fits) need.forEach((n, i) => expect(w[i]!).toBeGreaterThanOrEqual(n * 105 + 160));
        },
      ),
    );
    // the widths the lender sees: a date column fits "2024年11月15日" on one line
    expect(longestAtom('2024年11月15日')).toBe(textWidth('2024年11月15日'));
    expect(longestAtom('¥32,940.55 逾期')).toBe(textWidth('¥32,940.55'));
  });
});

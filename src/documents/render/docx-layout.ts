// DOCX page measures and column widths: plain numbers, no `docx` import (that stays in docx.ts,
// which re-exports textWidth, longestAtom and columnWidths).
/** half-points: 小四 12pt body, 四号 14pt headings, 小二 18pt title, 五号 10.5pt tables, 小五 9pt notice */
export const SIZE = { body: 24, heading: 28, title: 36, cell: 21, small: 18 } as const;
/** twips: A4 and Word's default Chinese margins (2.54 cm top/bottom, 3.17 cm left/right) */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: 1440,
  bottom: 1440,
  left: 1800,
  right: 1800,
};
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const isWide = (cp: number) => cp >= 0x2e80;
const isLatinAlnum = (ch: string) => /[A-Za-z0-9]/.test(ch);

/**
 * Display width in half-em units: CJK and full-width forms count two, and each switch between
 * CJK and a Latin letter or digit half a unit more (Word and LibreOffice put a quarter-em gap
 * there: 自动调整中文与西文、数字的间距).
 */
export function textWidth(s: string): number {
  let w = 0;
  let prev = '';
  for (const ch of s) {
    const wide = isWide(ch.codePointAt(0) ?? 0);
    w += wide ? 2 : 1;
    if (prev !== '') {
      const prevWide = isWide(prev.codePointAt(0) ?? 0);
      if ((wide && isLatinAlnum(prev)) || (prevWide && isLatinAlnum(ch))) w += 0.5;
    }
    prev = ch;
  }
  return w;
}

/**
 * Pieces of text no line may break inside: dates (2024年1月5日, 2024-01-05 14:30), times,
 * amounts and counts with their unit (¥32,940.55, 24期, 35.9%), and Latin runs (contract and
 * phone numbers). Anything else may break between characters, as Chinese text does.
 */
const ATOM =
  /\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}(?: \d{1,2}:\d{2})?|[-−+]?[¥$￥]?\d[\d,]*(?:\.\d+)?(?:%|‰|[期天笔家元个月年]{1,2})?|[\x21-\x7e¥]+/gu;

/** Width of the longest unbreakable piece of `s`, in half-em units (capped: very long codes wrap). */
export function longestAtom(s: string): number {
  let w = 0;
  for (const m of s.matchAll(ATOM)) w = Math.max(w, textWidth(m[0]));
  for (const ch of s.replace(ATOM, '')) w = Math.max(w, textWidth(ch));
  return Math.min(w, 24);
}

/** twips per half-em at the table font size (10.5pt = 210 twips a CJK character) */
const HALF_EM = (SIZE.cell / 2) * 10;
export const CELL_MARGIN = 80;
const toTwips = (units: number) => Math.ceil((units + 1) * HALF_EM) + 2 * CELL_MARGIN;

/**
 * Column widths in twips summing to the text width. Each column gets at least its longest
 * unbreakable piece (headers may wrap, but not below four characters); the rest goes to the
 * columns that want more, in proportion to how much more they want.
 */
export function columnWidths(header: string[], rows: string[][]): number[] {
  const cells = (i: number) => rows.map((r) => r[i] ?? '');
  const min = header.map((h, i) =>
    toTwips(Math.max(Math.min(textWidth(h), 8), ...cells(i).map(longestAtom))),
  );
  const want = header.map((h, i) =>
    Math.max(min[i]!, toTwips(Math.min(40, Math.max(textWidth(h), ...cells(i).map(textWidth))))),
  );
  const sumMin = min.reduce((a, x) => a + x, 0);
  let widths: number[];
  if (sumMin >= CONTENT_WIDTH) {
    // nothing fits: shrink in proportion (cells will wrap; better than running off the page)
    widths = min.map((m) => Math.floor((CONTENT_WIDTH * m) / sumMin));
  } else {
    const extra = want.map((w, i) => w - min[i]!);
    const sumExtra = extra.reduce((a, x) => a + x, 0);
    const spare = CONTENT_WIDTH - sumMin;
    if (sumExtra <= spare) {
      // everything fits on one line: share the leftover in proportion to each column's width
      const sumWant = want.reduce((a, x) => a + x, 0);
      widths = want.map((w) => w + Math.floor(((CONTENT_WIDTH - sumWant) * w) / sumWant));
    } else {
      widths = min.map((m, i) => m + Math.floor((spare * extra[i]!) / sumExtra));
    }
  }
  widths[widths.length - 1]! += CONTENT_WIDTH - widths.reduce((a, x) => a + x, 0);
  return widths;
}

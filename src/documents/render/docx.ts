// DOCX for Word, WPS and LibreOffice: the only file that imports `docx`. A4, SimSun (宋体) body and
// SimHei (黑体) headings named for the East Asian slot, Times New Roman for Latin text. Checked by
// rendering through LibreOffice (docx.libreoffice.test.ts), so the choices below are about making
// every app lay the page out the same:
// - every paragraph states its line rule (`w:line` alone is read as "exact" by LibreOffice and
//   as "auto" by Word, so pages differed by app);
// - the Western language is en-US (East Asian zh-CN), as in Word's own Chinese documents: with
//   zh-CN as the Western language LibreOffice breaks "¥11,811.47" after a comma or a point;
// - headings keep with what follows; the last body paragraph, 此致/敬礼, the signature lines, the
//   attachment list and the disclaimer keep together, so neither 敬礼 nor the disclaimer ends up
//   alone on the last page; short tables do not split, no table row splits;
// - table columns are at least as wide as their longest unbreakable piece (an amount, a date, a
//   contract number), so "2024年1月5日" never wraps inside a narrow column;
// - the font table names SimSun/SimHei with their Chinese names as altName and a family
//   (roman/swiss), so an app without them substitutes a serif body and a sans heading.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IFontAttributesProperties,
  type IParagraphOptions,
  type ISpacingProperties,
} from 'docx';
import { signLine, type Block, type Doc, type Lang, type Run } from '../model.js';
import { CELL_MARGIN, CONTENT_WIDTH, PAGE, SIZE, columnWidths } from './docx-layout.js';

export { columnWidths, longestAtom, textWidth } from './docx-layout.js';

const BODY_FONT: IFontAttributesProperties = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
  eastAsia: 'SimSun',
};
const HEADING_FONT: IFontAttributesProperties = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
  eastAsia: 'SimHei',
};

/**
 * word/fontTable.xml: Word and WPS find 宋体/黑体 by either name; altName, panose, charset 86
 * (GB2312) and the family tell other apps what to substitute (a serif for SimSun, a sans for
 * SimHei). Values as Word writes them for these fonts, family made explicit.
 */
export const FONT_TABLE_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="SimSun"><w:altName w:val="宋体"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/><w:sig w:usb0="00000003" w:usb1="288F0000" w:usb2="00000016" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"/></w:font><w:font w:name="SimHei"><w:altName w:val="黑体"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="fixed"/><w:sig w:usb0="800002BF" w:usb1="38CF7CFA" w:usb2="00000016" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"/></w:font><w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;

/**
 * Line heights as "at least" N pt: the same in every app whatever font it substitutes. ("auto"
 * multiplies the font's own line height, which is 1.0 em for SimSun but 1.45 em for Noto CJK,
 * so a Linux or Mac without SimSun laid the letter out a third taller; "exact" would clip
 * larger glyphs.) 18 pt is 1.5 lines of 12 pt SimSun.
 */
const lineAtLeast = (pt: number): ISpacingProperties => ({
  line: pt * 20,
  lineRule: LineRuleType.AT_LEAST,
});
const LINE = {
  body: lineAtLeast(18),
  heading: lineAtLeast(22),
  title: lineAtLeast(28),
  cell: lineAtLeast(16),
  small: lineAtLeast(14),
};
const INDENT_2CH = 480; // two 12pt characters
/** a table of at most this many body rows is kept on one page */
const KEEP_TABLE_ROWS = 12;

const spacing = (line: ISpacingProperties, extra: ISpacingProperties = {}): ISpacingProperties => ({
  ...extra,
  ...line,
});

/** Every paragraph: widow/orphan control on (Word's default, not LibreOffice's for DOCX). */
function para(opts: IParagraphOptions): Paragraph {
  return new Paragraph({ widowControl: true, ...opts });
}

function textRun(
  text: string,
  opts: { bold?: boolean; heading?: boolean; size?: number } = {},
): TextRun {
  return new TextRun({
    text,
    bold: opts.bold ?? false,
    font: opts.heading ? HEADING_FONT : BODY_FONT,
    size: opts.size ?? SIZE.body,
  });
}

function runs(rs: Run[], size: number = SIZE.body): TextRun[] {
  return rs.map((r) => textRun(r.text, { bold: r.bold ?? false, size }));
}

/** Whether a block's last paragraph stays on the page with the next block. */
interface KeepOptions {
  keepWithNext: boolean;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function tableBlock(
  b: Extract<Block, { kind: 'table' }>,
  { keepWithNext }: KeepOptions,
): (Paragraph | Table)[] {
  const widths = columnWidths(b.header, b.rows);
  const keepAll = b.rows.length <= KEEP_TABLE_ROWS;
  const cell = (text: string, i: number, { header }: { header: boolean }) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 20, bottom: 20 },
      children: [
        para({
          spacing: LINE.cell,
          alignment: header
            ? AlignmentType.CENTER
            : b.numeric[i]
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
          children: [textRun(text, { bold: header, heading: header, size: SIZE.cell })],
        }),
      ],
    });
  const table = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        keepNext: true,
        children: b.header.map((h, i) => cell(h, i, { header: true })),
      }),
      ...b.rows.map(
        (r, k) =>
          new TableRow({
            cantSplit: true,
            keepNext: k < b.rows.length - 1 ? keepAll : keepWithNext,
            children: r.map((c, i) => cell(c, i, { header: false })),
          }),
      ),
    ],
  });
  const out: (Paragraph | Table)[] = [];
  if (b.caption !== undefined)
    out.push(
      para({
        spacing: spacing(LINE.body, { before: 120, after: 60 }),
        keepNext: true,
        keepLines: true,
        children: [textRun(b.caption, { bold: true, heading: true })],
      }),
    );
  // an empty paragraph after the table: two tables in a row would otherwise merge
  out.push(
    table,
    para({
      spacing: spacing(LINE.cell, { after: 60 }),
      keepNext: keepWithNext,
      children: [],
    }),
  );
  return out;
}

/** 此致/敬礼 and the signature lines, with the line for the handwritten signature. */
function signatureBlock(
  b: Extract<Block, { kind: 'signature' }>,
  lang: Lang,
  keepWithNext: boolean,
): Paragraph[] {
  const lines = b.lines.map(([l, v]) => `${l}：${v}`);
  const signAt = b.signLine === false ? -1 : Math.min(1, lines.length);
  if (signAt >= 0) lines.splice(signAt, 0, signLine(lang));
  const all = [
    ...b.closing.map((c, i) =>
      para({
        spacing: LINE.body,
        keepNext: true,
        keepLines: true,
        ...(i === 0 && b.closing.length > 1 ? { indent: { firstLine: INDENT_2CH } } : {}),
        children: [textRun(c)],
      }),
    ),
    ...lines.map((text, i) =>
      para({
        // room above the name, and above the line for the handwritten signature
        spacing: spacing(
          LINE.body,
          i === 0 ? { before: 240 } : i === signAt ? { before: 160 } : {},
        ),
        keepNext: i < lines.length - 1 || keepWithNext,
        keepLines: true,
        indent: { left: Math.floor(CONTENT_WIDTH * 0.5) },
        children: [textRun(text)],
      }),
    ),
  ];
  return all;
}

/** 附件: the title and the numbered items, kept together and with what follows. */
function attachmentsBlock(
  b: Extract<Block, { kind: 'attachments' }>,
  keepWithNext: boolean,
): Paragraph[] {
  return [
    para({
      spacing: spacing(LINE.body, { before: 240 }),
      keepNext: b.items.length > 0 || keepWithNext,
      keepLines: true,
      children: [textRun(b.title)],
    }),
    ...b.items.map((i, k) =>
      para({
        spacing: LINE.body,
        keepNext: k < b.items.length - 1 || keepWithNext,
        keepLines: true,
        indent: { left: INDENT_2CH + 360, hanging: 360 },
        children: [textRun(`${k + 1}. ${i}`)],
      }),
    ),
  ];
}

/**
 * One block as paragraphs/tables. `keepWithNext`: the block's last paragraph stays on the page
 * of the next block's first (used for the closing chain: last paragraph → 此致 → signature →
 * attachments → disclaimer).
 */
function block(b: Block, lang: Lang, { keepWithNext }: KeepOptions): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [
        para({
          spacing: spacing(b.level === 1 ? LINE.heading : LINE.body, { before: 200, after: 80 }),
          keepNext: true,
          keepLines: true,
          children: [
            textRun(b.text, {
              bold: b.level === 1,
              heading: true,
              size: b.level === 1 ? SIZE.heading : SIZE.body,
            }),
          ],
        }),
      ];
    case 'paragraph':
      return [
        para({
          spacing: LINE.body,
          keepNext: keepWithNext,
          alignment:
            b.align === 'center'
              ? AlignmentType.CENTER
              : b.align === 'right'
                ? AlignmentType.RIGHT
                : AlignmentType.JUSTIFIED,
          ...(b.indent ? { indent: { firstLine: INDENT_2CH } } : {}),
          children: runs(b.runs),
        }),
      ];
    case 'table':
      return tableBlock(b, { keepWithNext });
    case 'list':
      return b.items.map((item, k) =>
        para({
          spacing: LINE.body,
          keepNext: k < b.items.length - 1 ? false : keepWithNext,
          indent: { left: INDENT_2CH + 360, hanging: 360 },
          children: [textRun(b.checkbox ? '☐ ' : b.ordered ? `${k + 1}. ` : '• '), ...runs(item)],
        }),
      );
    case 'signature':
      return signatureBlock(b, lang, keepWithNext);
    case 'attachments':
      return attachmentsBlock(b, keepWithNext);
    case 'notice':
      return [
        para({
          spacing: spacing(LINE.small, { before: 360 }),
          keepNext: keepWithNext,
          keepLines: true,
          border: { top: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 4 } },
          children: [textRun(b.text, { size: SIZE.small })],
        }),
      ];
    default: {
      const never: never = b;
      throw new Error(`unknown block ${String(never)}`);
    }
  }
}

/** Blocks that end a letter and must stay on one page with what comes right before them. */
const CLOSING_KINDS: ReadonlySet<Block['kind']> = new Set(['signature', 'attachments', 'notice']);

/** Whether block i's last paragraph keeps with block i+1. */
function keepsWithNext(blocks: Block[], i: number): boolean {
  const next = blocks[i + 1];
  return next !== undefined && CLOSING_KINDS.has(next.kind);
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * The closing run (signature, attachment list, disclaimer) as one borderless table row that
 * cannot split: LibreOffice does not carry a long chain of keep-with-next paragraphs over to
 * the next page (it left 此致/敬礼 on one page and the signature on the next), but every app
 * moves an unsplittable row whole.
 */
function closingTable(group: Block[], lang: Lang): Table {
  const children = group.flatMap((b, i) => block(b, lang, { keepWithNext: i < group.length - 1 }));
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: [CONTENT_WIDTH],
    borders: {
      top: NONE,
      bottom: NONE,
      left: NONE,
      right: NONE,
      insideHorizontal: NONE,
      insideVertical: NONE,
    },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: CONTENT_WIDTH, type: WidthType.DXA },
            margins: { left: 0, right: 0, top: 0, bottom: 0 },
            children: children.filter((c): c is Paragraph => c instanceof Paragraph),
          }),
        ],
      }),
    ],
  });
}

/** The document body: blocks in order, the closing run (with a signature) kept whole. */
function body(doc: Doc): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const bs = doc.blocks;
  for (let i = 0; i < bs.length; i++) {
    const b = bs[i]!;
    if (CLOSING_KINDS.has(b.kind)) {
      let j = i;
      while (j < bs.length && CLOSING_KINDS.has(bs[j]!.kind)) j++;
      const group = bs.slice(i, j);
      if (group.some((g) => g.kind === 'signature' || g.kind === 'attachments')) {
        out.push(closingTable(group, doc.lang));
        i = j - 1;
        continue;
      }
    }
    out.push(...block(b, doc.lang, { keepWithNext: keepsWithNext(bs, i) }));
  }
  return out;
}

/** Builds the docx Document object; exported for tests that inspect structure. */
export function toDocxDocument(doc: Doc): Document {
  const footerRun = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children, font: BODY_FONT, size: SIZE.small });
  return new Document({
    title: doc.title,
    creator: 'Xieshang',
    description:
      doc.lang === 'zh'
        ? '借款人自行整理，不构成法律意见'
        : 'Prepared by the borrower; not legal advice',
    styles: {
      default: {
        document: {
          run: {
            font: BODY_FONT,
            size: SIZE.body,
            // Western en-US, East Asian zh-CN: see the header comment (number breaking)
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: LINE.body },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        footers: {
          default: new Footer({
            children: [
              para({
                spacing: LINE.small,
                alignment: AlignmentType.CENTER,
                children: [
                  doc.lang === 'zh'
                    ? footerRun([
                        '第 ',
                        PageNumber.CURRENT,
                        ' 页 共 ',
                        PageNumber.TOTAL_PAGES,
                        ' 页',
                      ])
                    : footerRun(['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES]),
                ],
              }),
            ],
          }),
        },
        children: [
          para({
            alignment: AlignmentType.CENTER,
            spacing: spacing(LINE.title, { after: 360 }),
            keepNext: true,
            children: [textRun(doc.title, { bold: true, heading: true, size: SIZE.title })],
          }),
          ...body(doc),
        ],
      },
    ],
  });
}

/** Renders a document as DOCX bytes. */
export async function renderDocx(doc: Doc): Promise<Uint8Array> {
  const buf = await Packer.toBuffer(toDocxDocument(doc), false, [
    { path: 'word/fontTable.xml', data: FONT_TABLE_XML },
  ]);
  return new Uint8Array(buf);
}

// DOCX for Word and WPS: the only file that imports `docx`. A4, 宋体 body and 黑体 headings named
// for the East Asian slot (Word and WPS pick fonts per script), Times New Roman for Latin text.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IFontAttributesProperties,
} from 'docx';
import type { Block, Doc, Run } from '../model.js';

const BODY_FONT: IFontAttributesProperties = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
  eastAsia: '宋体',
};
const HEADING_FONT: IFontAttributesProperties = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
  eastAsia: '黑体',
};
/** half-points: 小四 12pt body, 四号 14pt headings, 小二 18pt title, 小五 9pt notice */
const SIZE = { body: 24, heading: 28, title: 36, small: 18 } as const;
/** twips: A4 and Word's default Chinese margins (2.54 cm top/bottom, 3.17 cm left/right) */
const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1800, right: 1800 };
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const LINE = { line: 360 }; // 1.5 lines
const INDENT_2CH = 480; // two 12pt characters

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

/** Display width in half-em units: CJK counts two. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

/** Column widths in twips, proportional to each column's longest text (clamped), summing to the page. */
function columnWidths(b: Extract<Block, { kind: 'table' }>): number[] {
  const want = b.header.map((h, i) =>
    Math.min(40, Math.max(6, textWidth(h), ...b.rows.map((r) => textWidth(r[i] ?? '')))),
  );
  const sum = want.reduce((a, x) => a + x, 0);
  const widths = want.map((w) => Math.floor((CONTENT_WIDTH * w) / sum));
  widths[widths.length - 1]! += CONTENT_WIDTH - widths.reduce((a, x) => a + x, 0);
  return widths;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function tableBlock(b: Extract<Block, { kind: 'table' }>): (Paragraph | Table)[] {
  const widths = columnWidths(b);
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      margins: { left: 80, right: 80, top: 20, bottom: 20 },
      children: [
        new Paragraph({
          alignment: header
            ? AlignmentType.CENTER
            : b.numeric[i]
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
          children: [textRun(text, { bold: header, heading: header, size: SIZE.body - 3 })],
        }),
      ],
    });
  const table = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
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
      new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
  const out: (Paragraph | Table)[] = [];
  if (b.caption !== undefined)
    out.push(
      new Paragraph({
        spacing: { before: 120, after: 60 },
        keepNext: true,
        children: [textRun(b.caption, { bold: true, heading: true })],
      }),
    );
  out.push(table, new Paragraph({ spacing: { after: 60 }, children: [] }));
  return out;
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          spacing: { before: 200, after: 80, ...LINE },
          keepNext: true,
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
        new Paragraph({
          spacing: LINE,
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
      return tableBlock(b);
    case 'list':
      return b.items.map(
        (item, k) =>
          new Paragraph({
            spacing: LINE,
            indent: { left: INDENT_2CH + 360, hanging: 360 },
            children: [textRun(b.checkbox ? '☐ ' : b.ordered ? `${k + 1}. ` : '• '), ...runs(item)],
          }),
      );
    case 'signature':
      return [
        ...b.closing.map(
          (c, i) =>
            new Paragraph({
              spacing: LINE,
              ...(i === 0 && b.closing.length > 1 ? { indent: { firstLine: INDENT_2CH } } : {}),
              children: [textRun(c)],
            }),
        ),
        ...b.lines.map(
          ([l, v], i) =>
            new Paragraph({
              spacing: { ...LINE, ...(i === 0 ? { before: 240 } : {}) },
              indent: { left: Math.floor(CONTENT_WIDTH * 0.55) },
              children: [textRun(`${l}：${v}`)],
            }),
        ),
      ];
    case 'attachments':
      return [
        new Paragraph({ spacing: { before: 240, ...LINE }, children: [textRun(b.title)] }),
        ...b.items.map(
          (i, k) =>
            new Paragraph({
              spacing: LINE,
              indent: { left: INDENT_2CH + 360, hanging: 360 },
              children: [textRun(`${k + 1}. ${i}`)],
            }),
        ),
      ];
    case 'notice':
      return [
        new Paragraph({
          spacing: { before: 360 },
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

/** Builds the docx Document object; exported for tests that inspect structure. */
export function toDocxDocument(doc: Doc): Document {
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
            language: { value: doc.lang === 'zh' ? 'zh-CN' : 'en-US', eastAsia: 'zh-CN' },
          },
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
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [PageNumber.CURRENT],
                    font: BODY_FONT,
                    size: SIZE.small,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 360 },
            children: [textRun(doc.title, { bold: true, heading: true, size: SIZE.title })],
          }),
          ...doc.blocks.flatMap(block),
        ],
      },
    ],
  });
}

/** Renders a document as DOCX bytes. */
export async function renderDocx(doc: Doc): Promise<Uint8Array> {
  const buf = await Packer.toBuffer(toDocxDocument(doc));
  return new Uint8Array(buf);
}

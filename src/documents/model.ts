// The document model: a small typed tree that every template builds and every renderer consumes.
// Pure data; all text in it is plain (renderers escape it for their format).

export type Lang = 'zh' | 'en';

/** A span of text; `bold` is the only styling letters need. */
export interface Run {
  text: string;
  bold?: boolean;
}

/**
 * Where a stated fact comes from: one stored record, written `<kind>:<id>` — `debt:…`,
 * `contact:…`, `payment:…`, `budget:…`, `plan:…`, `profile:…`, `evidence:…`, `conduct:…`,
 * `legality:…`, `lender:…`, or `input:<json path>` for a case read from a JSON file. Renderers
 * ignore it; the pre-send check (documents/sources.ts) requires it on every fact-bearing block.
 */
export type SourceRef = string;

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | {
      kind: 'paragraph';
      runs: Run[];
      align?: 'left' | 'center' | 'right';
      indent?: boolean;
      /** present on a paragraph that states facts: the records it rests on (never empty) */
      sources?: SourceRef[];
    }
  | {
      kind: 'table';
      header: string[];
      rows: string[][];
      /** per column: true = numeric, right-aligned */
      numeric: boolean[];
      caption?: string;
      /** per row, the records the row rests on (same length as rows when present) */
      rowSources?: SourceRef[][];
    }
  | {
      kind: 'list';
      ordered: boolean;
      items: Run[][];
      checkbox?: boolean;
      /** per item, the records it rests on (same length as items when present) */
      itemSources?: SourceRef[][];
    }
  | {
      kind: 'signature';
      /** e.g. ['此致', '敬礼！']; empty for forms that have no closing */
      closing: string[];
      /** e.g. [['申请人', '张三'], ['日期', '2026年11月29日']] */
      lines: [label: string, value: string][];
      /**
       * Renderers add a handwritten-signature line ("签名：________") after the first line;
       * false leaves it out (a form signed elsewhere).
       */
      signLine?: boolean;
    }
  | { kind: 'attachments'; title: string; items: string[] }
  | { kind: 'notice'; text: string };

export interface Doc {
  title: string;
  lang: Lang;
  blocks: Block[];
  /** provision ids cited in the text, for the registry checks */
  citations: string[];
}

/** The handwritten-signature line renderers put under the signer's name (see `signLine` above). */
export function signLine(lang: Lang): string {
  return lang === 'zh' ? '签名：________________' : 'Signature: ________________';
}

export function run(text: string, bold = false): Run {
  return bold ? { text, bold } : { text };
}

export function para(...parts: (string | Run)[]): Block {
  return { kind: 'paragraph', runs: parts.map((p) => (typeof p === 'string' ? run(p) : p)) };
}

export function indented(...parts: (string | Run)[]): Block {
  return {
    kind: 'paragraph',
    indent: true,
    runs: parts.map((p) => (typeof p === 'string' ? run(p) : p)),
  };
}

/** A paragraph stating facts, with the records it rests on. */
export function fact(sources: readonly SourceRef[], ...parts: (string | Run)[]): Block {
  return {
    kind: 'paragraph',
    runs: parts.map((p) => (typeof p === 'string' ? run(p) : p)),
    sources: uniqueSources(sources),
  };
}

/** An indented (body) paragraph stating facts, with the records it rests on. */
export function factIndented(sources: readonly SourceRef[], ...parts: (string | Run)[]): Block {
  return { ...fact(sources, ...parts), indent: true } as Block;
}

/** A table whose rows state facts, each with the records it rests on. */
export function factTable(
  header: string[],
  rows: { cells: string[]; sources: readonly SourceRef[] }[],
  numeric: boolean[],
  caption?: string,
): Block {
  const t = table(
    header,
    rows.map((r) => r.cells),
    numeric,
    caption,
  );
  return { ...t, rowSources: rows.map((r) => uniqueSources(r.sources)) } as Block;
}

/** A list whose items state facts, each with the records it rests on. */
export function factList(
  items: { parts: (string | Run)[]; sources: readonly SourceRef[] }[],
  ordered = false,
): Block {
  return {
    kind: 'list',
    ordered,
    items: items.map((i) => i.parts.map((p) => (typeof p === 'string' ? run(p) : p))),
    itemSources: items.map((i) => uniqueSources(i.sources)),
  };
}

export function uniqueSources(s: readonly SourceRef[]): SourceRef[] {
  return [...new Set(s)];
}

export function heading(text: string, level: 1 | 2 = 1): Block {
  return { kind: 'heading', level, text };
}

export function list(items: (string | (string | Run)[])[], ordered = false): Block {
  return {
    kind: 'list',
    ordered,
    items: items.map((i) =>
      typeof i === 'string' ? [run(i)] : i.map((p) => (typeof p === 'string' ? run(p) : p)),
    ),
  };
}

export function checklist(items: string[]): Block {
  return { kind: 'list', ordered: false, checkbox: true, items: items.map((i) => [run(i)]) };
}

export function table(
  header: string[],
  rows: string[][],
  numeric: boolean[],
  caption?: string,
): Block {
  return caption === undefined
    ? { kind: 'table', header, rows, numeric }
    : { kind: 'table', header, rows, numeric, caption };
}

/** All the visible text of a document, one block per line: for tests and search. */
export function plainText(doc: Doc): string {
  const out: string[] = [doc.title];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
      case 'notice':
        out.push(b.text);
        break;
      case 'paragraph':
        out.push(b.runs.map((r) => r.text).join(''));
        break;
      case 'table':
        if (b.caption) out.push(b.caption);
        out.push(b.header.join(' | '), ...b.rows.map((r) => r.join(' | ')));
        break;
      case 'list':
        out.push(...b.items.map((i) => i.map((r) => r.text).join('')));
        break;
      case 'signature':
        out.push(...b.closing, ...b.lines.map(([l, v]) => `${l}：${v}`));
        break;
      case 'attachments':
        out.push(b.title, ...b.items);
        break;
      default: {
        const never: never = b;
        throw new Error(`unknown block ${String(never)}`);
      }
    }
  }
  return out.join('\n');
}

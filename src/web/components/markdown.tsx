// A small, safe Markdown reader for the letters the server renders (documents/render/markdown.ts):
// headings, paragraphs with hard breaks, **bold** and *italic*, ordered, bulleted and checkbox
// lists, GFM tables and rules, with backslash escapes. It builds React elements from text only:
// no HTML is ever parsed or injected (no dangerouslySetInnerHTML), so whatever the letter holds
// (user text included) reaches the screen as text. Anything it does not know stays plain text.
import { createElement, type ReactNode } from 'react';

type Inline = ReactNode[];

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; ordered: boolean; items: { text: string; checkbox: boolean }[] }
  | { kind: 'table'; header: string[]; align: ('left' | 'right' | 'center')[]; rows: string[][] }
  | { kind: 'rule' };

const ESCAPABLE = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const RULE = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;
const ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const TABLE_SEP = /^ *\|?( *:?-+:? *\|)+( *:?-+:? *)?$/;

/** Splits a table row on unescaped pipes; `\|` stays escaped for the inline reader. */
function cells(row: string): string[] {
  let s = row.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[i + 1]!;
      i++;
    } else if (c === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/** Reads the block structure, line by line. */
export function parseBlocks(md: string): Block[] {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] | null = null;
  const endPara = () => {
    if (para) blocks.push({ kind: 'paragraph', lines: para });
    para = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      endPara();
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      endPara();
      blocks.push({ kind: 'heading', level: h[1]!.length, text: h[2]! });
      continue;
    }
    if (RULE.test(line)) {
      endPara();
      blocks.push({ kind: 'rule' });
      continue;
    }
    const next = lines[i + 1];
    if (line.includes('|') && next !== undefined && TABLE_SEP.test(next) && next.includes('-')) {
      endPara();
      const header = cells(line);
      const align = cells(next).map((c) =>
        c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : 'left',
      ) as ('left' | 'right' | 'center')[];
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && lines[i]!.trim() !== '' && lines[i]!.includes('|'))
        rows.push(cells(lines[i++]!));
      i--;
      blocks.push({ kind: 'table', header, align, rows });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      endPara();
      const ordered = /\d/.test(item[1]!);
      const items: { text: string; checkbox: boolean }[] = [];
      let j = i;
      while (j < lines.length) {
        const m = ITEM.exec(lines[j]!);
        if (!m || /\d/.test(m[1]!) !== ordered) break;
        const box = /^\[[ xX]\][ \t]+/.exec(m[2]!);
        let text = box ? m[2]!.slice(box[0].length) : m[2]!;
        // continuation lines are indented under the item
        while (
          j + 1 < lines.length &&
          /^[ \t]{2,}\S/.test(lines[j + 1]!) &&
          !ITEM.test(lines[j + 1]!)
        )
          text += '\n' + lines[++j]!.trim();
        items.push({ text, checkbox: box !== null });
        j++;
      }
      i = j - 1;
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    (para ??= []).push(line);
  }
  endPara();
  return blocks;
}

type Tok = { text: string } | { delim: '**' | '*'; len: number };

/** Reads emphasis and escapes in one line of text; everything else is literal text. */
export function parseInline(src: string, keyPrefix = 'i'): Inline {
  const toks: Tok[] = [];
  let text = '';
  const flush = () => {
    if (text) toks.push({ text });
    text = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length && ESCAPABLE.test(src[i + 1]!)) {
      text += src[++i]!;
    } else if (c === '*') {
      flush();
      if (src[i + 1] === '*') {
        toks.push({ delim: '**', len: 2 });
        i++;
      } else toks.push({ delim: '*', len: 1 });
    } else text += c;
  }
  flush();
  // pair delimiters: the nearest earlier open one of the same kind closes; unpaired ones are text
  const pairs = new Map<number, number>();
  const open: number[] = [];
  toks.forEach((t, k) => {
    if (!('delim' in t)) return;
    let at = open.length - 1;
    while (at >= 0 && (toks[open[at]!] as { delim?: string }).delim !== t.delim) at--;
    if (at >= 0) {
      pairs.set(open[at]!, k);
      open.splice(at);
    } else open.push(k);
  });
  let n = 0;
  const build = (from: number, to: number): Inline => {
    const out: Inline = [];
    for (let k = from; k < to; k++) {
      const t = toks[k]!;
      if ('text' in t) {
        out.push(t.text);
        continue;
      }
      const end = pairs.get(k);
      if (end === undefined || end >= to) {
        out.push(t.delim);
        continue;
      }
      out.push(
        createElement(
          t.delim === '**' ? 'strong' : 'em',
          { key: `${keyPrefix}${n++}` },
          ...build(k + 1, end),
        ),
      );
      k = end;
    }
    return out;
  };
  return build(0, toks.length);
}

/** Text with hard breaks (two trailing spaces or a backslash) and soft breaks (a space). */
function lineBreaks(lines: string[], key: string): Inline {
  const out: Inline = [];
  lines.forEach((raw, i) => {
    const hard = /( {2,}|\\)$/.test(raw);
    const line = raw.replace(/( {2,}|\\)$/, '');
    out.push(...parseInline(line, `${key}-${i}-`));
    if (i < lines.length - 1) out.push(hard ? createElement('br', { key: `${key}-br${i}` }) : ' ');
  });
  return out;
}

/**
 * Renders Markdown as React elements. `headingBase`: the HTML level of a `#` heading (the page
 * already has its own h1/h2), so `#` is h3 by default and deeper ones follow, down to h6.
 */
export function Markdown({ text, headingBase = 3 }: { text: string; headingBase?: number }) {
  const blocks = parseBlocks(text);
  return (
    <div className="md">
      {blocks.map((b, k) => {
        const key = `b${k}`;
        switch (b.kind) {
          case 'heading':
            return createElement(
              `h${Math.min(6, headingBase + b.level - 1)}`,
              { key },
              ...parseInline(b.text, `${key}-`),
            );
          case 'paragraph':
            return <p key={key}>{lineBreaks(b.lines, key)}</p>;
          case 'rule':
            return <hr key={key} />;
          case 'list': {
            const items = b.items.map((it, j) => (
              <li key={j} className={it.checkbox ? 'md-task' : undefined}>
                {it.checkbox ? (
                  <span className="md-box" aria-hidden="true">
                    ☐{' '}
                  </span>
                ) : null}
                {lineBreaks(it.text.split('\n'), `${key}-${j}`)}
              </li>
            ));
            return b.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
          }
          case 'table':
            return (
              <div className="md-table" key={key}>
                <table className="table">
                  <thead>
                    <tr>
                      {b.header.map((h, j) => (
                        <th key={j} scope="col" style={{ textAlign: b.align[j] ?? 'left' }}>
                          {parseInline(h, `${key}-h${j}-`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {b.rows.map((r, j) => (
                      <tr key={j}>
                        {b.header.map((_, c) => (
                          <td key={c} style={{ textAlign: b.align[c] ?? 'left' }}>
                            {parseInline(r[c] ?? '', `${key}-${j}-${c}-`)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          default: {
            const never: never = b;
            return never;
          }
        }
      })}
    </div>
  );
}

// A small, safe Markdown reader for the letters the server drafts (documents/render/markdown.ts):
// headings, paragraphs with hard breaks, bullet/numbered/checkbox lists, tables, rules, **bold**
// and *emphasis*, backslash escapes. Everything becomes React elements (text is escaped by React;
// never dangerouslySetInnerHTML), so a lender name with markup shows as typed.
import type { ReactNode } from 'react';

/** `\*` → `*` and friends (CommonMark's escapable punctuation). */
const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Inline runs: **bold**, *emphasis*; an escaped marker (`\\*`) is text, never a marker. */
export function inline(text: string, key = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /\\([!-/:-@[-`{-~])|\*\*(.+?)\*\*|\*(.+?)\*/g;
  let plain = '';
  let last = 0;
  let n = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    plain += text.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      plain += m[1];
      continue;
    }
    if (plain !== '') out.push(plain);
    plain = '';
    const inner = unescape(m[2] ?? m[3] ?? '');
    const k = `${key}-${n++}`;
    out.push(m[2] !== undefined ? <strong key={k}>{inner}</strong> : <em key={k}>{inner}</em>);
  }
  plain += text.slice(last);
  if (plain !== '') out.push(plain);
  return out;
}

/** A paragraph's lines joined with <br/> where Markdown has a hard break (two spaces). */
function lines(block: string[], key: string): ReactNode[] {
  return block.flatMap((l, i) => [
    ...(i > 0 ? [<br key={`${key}-br-${i}`} />] : []),
    ...inline(l.replace(/ {2}$/, '').trim(), `${key}-${i}`),
  ]);
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

function table(block: string[], key: string): ReactNode {
  const [head, , ...rows] = block;
  return (
    <div key={key} className="table-wrap" style={{ overflowX: 'auto' }}>
      <table className="table">
        <thead>
          <tr>
            {cells(head ?? '').map((c, i) => (
              <th key={i} scope="col">
                {inline(c, `${key}-h${i}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <tr key={k}>
              {cells(r).map((c, i) => (
                <td key={i}>{inline(c, `${key}-${k}-${i}`)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function list(block: string[], key: string): ReactNode {
  const ordered = /^\d+\.\s/.test(block[0] ?? '');
  const items: string[][] = [];
  for (const l of block)
    if (/^(\d+\.|-|\*)\s/.test(l)) items.push([l.replace(/^(\d+\.|-|\*)\s+(\[ \]\s+)?/, '')]);
    else items[items.length - 1]?.push(l.trim());
  const body = items.map((it, i) => <li key={i}>{lines(it, `${key}-${i}`)}</li>);
  return ordered ? <ol key={key}>{body}</ol> : <ul key={key}>{body}</ul>;
}

function block(b: string[], key: string): ReactNode {
  const first = b[0] ?? '';
  const h = /^(#{1,6})\s+(.*)$/.exec(first);
  if (h !== null && b.length === 1) {
    const level = Math.min(6, h[1]!.length + 2) as 3 | 4 | 5 | 6;
    const Tag = `h${level}` as const;
    return <Tag key={key}>{inline(h[2]!, key)}</Tag>;
  }
  if (/^(-{3,}|\*{3,})$/.test(first.trim()) && b.length === 1) return <hr key={key} />;
  if (first.trim().startsWith('|') && /^\s*\|?\s*:?-{3,}/.test(b[1] ?? '')) return table(b, key);
  if (/^(\d+\.|-|\*)\s/.test(first)) return list(b, key);
  return <p key={key}>{lines(b, key)}</p>;
}

/** Splits on blank lines; a heading or rule line is a block of its own. */
export function blocksOf(md: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  const flush = () => {
    if (cur.length > 0) out.push(cur);
    cur = [];
  };
  for (const l of md.replace(/\r\n?/g, '\n').split('\n')) {
    if (l.trim() === '') flush();
    else if (/^#{1,6}\s/.test(l) || /^(-{3,}|\*{3,})$/.test(l.trim())) {
      flush();
      out.push([l]);
    } else cur.push(l);
  }
  flush();
  return out;
}

/** The Markdown letter as reading text (see the module comment). */
export function MarkdownView({ text, label }: { text: string; label?: string }) {
  return (
    <div className="markdown" aria-label={label}>
      {blocksOf(text).map((b, i) => block(b, `b${i}`))}
    </div>
  );
}

// Markdown (CommonMark + GFM tables). User text is escaped so it can never become markup:
// ASCII punctuation that Markdown or inline HTML gives meaning to is backslash-escaped, and
// newlines inside table cells become spaces so a cell cannot break the table.
import { signLine, type Block, type Doc, type Lang, type Run } from '../model.js';

/** Characters that are markup anywhere in a line. */
const SPECIAL = /[\\`*_[\]<>&|~]/g;

/**
 * Escapes text for Markdown. Characters that are markup anywhere are always escaped; those that
 * are markup only at the start of a line (#, -, +, =, '1.') are escaped there, so amounts like
 * ¥1,234.50 stay readable.
 */
export function escapeMarkdown(s: string, lineStart = true): string {
  const t = s.replace(/\r\n?/g, '\n').replace(SPECIAL, (ch) => `\\${ch}`);
  const first = (x: string) =>
    x.replace(/^([ \t]*)([#+\-=])/gm, '$1\\$2').replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
  if (lineStart) return first(t);
  // the first line follows a marker ('## ', '1. '): only later lines start a line
  const nl = t.indexOf('\n');
  return nl < 0 ? t : t.slice(0, nl + 1) + first(t.slice(nl + 1));
}

/**
 * Wraps text in emphasis markers (`**` or `*`) so that CommonMark really closes them. A closing
 * `**` right after punctuation only closes when whitespace or punctuation follows, so
 * `**事由：**申请` stays literal asterisks (the full-width colon is punctuation, 申 is not).
 * Leading and trailing whitespace and punctuation (Unicode P and S, as CommonMark 0.31 counts
 * them) therefore go outside the markers: `**事由**：申请`. Text that is all punctuation is left
 * plain.
 */
export function emphasize(text: string, marker: '**' | '*'): string {
  const m = /^([\s\p{P}\p{S}]*)([\s\S]*?)([\s\p{P}\p{S}]*)$/u.exec(text)!;
  const [, lead = '', core = '', trail = ''] = m;
  if (core === '') return escapeMarkdown(text);
  return `${escapeMarkdown(lead)}${marker}${escapeMarkdown(core, lead === '')}${marker}${escapeMarkdown(trail, false)}`;
}

function inline(rs: Run[]): string {
  return rs
    .map((r) => (r.bold ? emphasize(r.text, '**') : escapeMarkdown(r.text)).replace(/\n/g, '  \n'))
    .join('');
}

function cell(s: string): string {
  return escapeMarkdown(s).replace(/\n/g, ' ');
}

function block(b: Block, lang: Lang): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${escapeMarkdown(b.text.replace(/\n/g, ' '), false)}`;
    case 'paragraph':
      return (b.indent ? '　　' : '') + inline(b.runs);
    case 'table': {
      const lines = [
        `| ${b.header.map(cell).join(' | ')} |`,
        `| ${b.header.map((_, i) => (b.numeric[i] ? '---:' : '---')).join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ];
      return b.caption === undefined
        ? lines.join('\n')
        : `${emphasize(b.caption.replace(/\n/g, ' '), '**')}\n\n${lines.join('\n')}`;
    }
    case 'list':
      return b.items
        .map((i, k) => {
          const marker = b.checkbox ? '- [ ]' : b.ordered ? `${k + 1}.` : '-';
          return `${marker} ${inline(i).replace(/\n/g, '\n   ')}`;
        })
        .join('\n');
    case 'signature': {
      const lines = b.lines.map(([l, v]) => `${escapeMarkdown(l)}：${escapeMarkdown(v)}`);
      if (b.signLine !== false)
        lines.splice(Math.min(1, lines.length), 0, escapeMarkdown(signLine(lang)));
      return [
        ...b.closing.map((c, i) =>
          i === 0 && b.closing.length > 1 ? `　　${escapeMarkdown(c)}` : escapeMarkdown(c),
        ),
        '',
        ...lines,
      ].join('  \n');
    }
    case 'attachments':
      return `${escapeMarkdown(b.title)}\n\n${b.items.map((i, k) => `${k + 1}. ${cell(i)}`).join('\n')}`;
    case 'notice':
      return `---\n\n${emphasize(b.text.replace(/\n/g, ' '), '*')}`;
    default: {
      const never: never = b;
      throw new Error(`unknown block ${String(never)}`);
    }
  }
}

/** Renders a document as Markdown. */
export function renderMarkdown(doc: Doc): string {
  return `# ${escapeMarkdown(doc.title)}\n\n${doc.blocks.map((b) => block(b, doc.lang)).join('\n\n')}\n`;
}

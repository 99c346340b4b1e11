// Markdown (CommonMark + GFM tables). User text is escaped so it can never become markup:
// ASCII punctuation that Markdown or inline HTML gives meaning to is backslash-escaped, and
// newlines inside table cells become spaces so a cell cannot break the table.
import type { Block, Doc, Run } from '../model.js';

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

function inline(rs: Run[]): string {
  return rs
    .map((r) => {
      const t = escapeMarkdown(r.text).replace(/\n/g, '  \n');
      if (!r.bold || r.text.trim() === '') return t;
      // emphasis markers must touch text, so surrounding spaces go outside them
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(t)!;
      return `${m[1]}**${m[2]}**${m[3]}`;
    })
    .join('');
}

function cell(s: string): string {
  return escapeMarkdown(s).replace(/\n/g, ' ');
}

function block(b: Block): string {
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
        : `**${cell(b.caption)}**\n\n${lines.join('\n')}`;
    }
    case 'list':
      return b.items
        .map((i, k) => {
          const marker = b.checkbox ? '- [ ]' : b.ordered ? `${k + 1}.` : '-';
          return `${marker} ${inline(i).replace(/\n/g, '\n   ')}`;
        })
        .join('\n');
    case 'signature':
      return [
        ...b.closing.map((c, i) =>
          i === 0 && b.closing.length > 1 ? `　　${escapeMarkdown(c)}` : escapeMarkdown(c),
        ),
        '',
        ...b.lines.map(([l, v]) => `${escapeMarkdown(l)}：${escapeMarkdown(v)}`),
      ].join('  \n');
    case 'attachments':
      return `${escapeMarkdown(b.title)}\n\n${b.items.map((i, k) => `${k + 1}. ${cell(i)}`).join('\n')}`;
    case 'notice':
      return `---\n\n*${escapeMarkdown(b.text)}*`;
    default: {
      const never: never = b;
      throw new Error(`unknown block ${String(never)}`);
    }
  }
}

/** Renders a document as Markdown. */
export function renderMarkdown(doc: Doc): string {
  return `# ${escapeMarkdown(doc.title)}\n\n${doc.blocks.map(block).join('\n\n')}\n`;
}

// Printable HTML: one self-contained file (inline CSS, no scripts, no external resources), A4.
// Every piece of text passes through escapeHtml; the only markup is ours.
import { signLine, type Block, type Doc, type Lang, type Run } from '../model.js';

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
@page { size: A4; margin: 25mm 28mm 25mm 28mm; }
:root { --serif: "Times New Roman", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", "Songti SC", serif;
        --sans: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "黑体", "PingFang SC", sans-serif; }
* { box-sizing: border-box; }
body { font-family: var(--serif); font-size: 12pt; line-height: 1.75; color: #000; max-width: 170mm; margin: 0 auto; padding: 12mm 0; }
h1 { font-family: var(--sans); font-size: 18pt; text-align: center; margin: 0 0 1.2em; letter-spacing: 0.1em; }
h2 { font-family: var(--sans); font-size: 13pt; margin: 1.1em 0 0.4em; }
h3 { font-family: var(--sans); font-size: 12pt; margin: 0.8em 0 0.3em; }
p { margin: 0.35em 0; }
p.indent { text-indent: 2em; }
p.center { text-align: center; } p.right { text-align: right; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 0.8em; page-break-inside: avoid; }
caption { font-family: var(--sans); font-weight: bold; text-align: left; padding-bottom: 0.2em; }
th, td { border: 1px solid #000; padding: 2pt 5pt; vertical-align: top; }
th { background: #eee; font-family: var(--sans); font-weight: bold; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
ul, ol { margin: 0.3em 0 0.3em 2em; padding: 0; }
ul.check { list-style: none; margin-left: 1em; }
ul.check li::before { content: "☐ "; }
.closing p.c0 { text-indent: 2em; } .closing p.c1 { text-indent: 0; }
/* the closing (此致, signature, attachments, disclaimer) prints on one page, never split */
.closing-run { break-inside: avoid; page-break-inside: avoid; }
h2, h3, caption { break-after: avoid; page-break-after: avoid; }
tr, li { break-inside: avoid; page-break-inside: avoid; }
.sign { margin: 1.2em 0 0 50%; }
.sign p.hand { margin-top: 0.8em; }
.sign p { margin: 0.2em 0; }
.attachments { margin-top: 1.2em; }
.notice { margin-top: 1.5em; padding-top: 0.5em; border-top: 1px solid #999; font-size: 9pt; color: #333; }
@media print { body { padding: 0; max-width: none; } .notice { color: #000; } }
`;

function runs(rs: Run[]): string {
  return rs
    .map((r) => (r.bold ? `<strong>${escapeHtml(r.text)}</strong>` : escapeHtml(r.text)))
    .join('');
}

/** The signer's lines, with the handwritten-signature line after the name. */
function signLines(b: Extract<Block, { kind: 'signature' }>, lang: Lang): string[] {
  const lines = b.lines.map(([l, v]) => `<p>${escapeHtml(l)}：${escapeHtml(v)}</p>`);
  if (b.signLine !== false)
    lines.splice(Math.min(1, lines.length), 0, `<p class="hand">${escapeHtml(signLine(lang))}</p>`);
  return lines;
}

function block(b: Block, lang: Lang): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level + 1}>${escapeHtml(b.text)}</h${b.level + 1}>`;
    case 'paragraph': {
      const cls = [b.indent ? 'indent' : '', b.align && b.align !== 'left' ? b.align : '']
        .filter(Boolean)
        .join(' ');
      return `<p${cls ? ` class="${cls}"` : ''}>${runs(b.runs)}</p>`;
    }
    case 'table': {
      const head = b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
      const body = b.rows
        .map(
          (r) =>
            `<tr>${r.map((c, i) => `<td${b.numeric[i] ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`,
        )
        .join('\n');
      const cap = b.caption === undefined ? '' : `<caption>${escapeHtml(b.caption)}</caption>`;
      return `<table>${cap}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
    }
    case 'list': {
      const tag = b.ordered && !b.checkbox ? 'ol' : 'ul';
      const cls = b.checkbox ? ' class="check"' : '';
      return `<${tag}${cls}>${b.items.map((i) => `<li>${runs(i)}</li>`).join('')}</${tag}>`;
    }
    case 'signature':
      return [
        b.closing.length > 0
          ? `<div class="closing">${b.closing.map((c, i) => `<p class="c${i}">${escapeHtml(c)}</p>`).join('')}</div>`
          : '',
        `<div class="sign">${signLines(b, lang).join('')}</div>`,
      ].join('');
    case 'attachments':
      return `<div class="attachments"><p>${escapeHtml(b.title)}</p><ol>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ol></div>`;
    case 'notice':
      return `<p class="notice">${escapeHtml(b.text)}</p>`;
    default: {
      const never: never = b;
      throw new Error(`unknown block ${String(never)}`);
    }
  }
}

const CLOSING_KINDS: ReadonlySet<Block['kind']> = new Set(['signature', 'attachments', 'notice']);

/** The blocks in order; a run of closing blocks with a signature goes in one unbreakable div. */
function body(doc: Doc): string {
  const out: string[] = [];
  const bs = doc.blocks;
  for (let i = 0; i < bs.length; i++) {
    let j = i;
    while (j < bs.length && CLOSING_KINDS.has(bs[j]!.kind)) j++;
    const group = bs.slice(i, j);
    if (group.some((g) => g.kind === 'signature' || g.kind === 'attachments')) {
      out.push(`<div class="closing-run">${group.map((g) => block(g, doc.lang)).join('\n')}</div>`);
      i = j - 1;
    } else out.push(block(bs[i]!, doc.lang));
  }
  return out.join('\n');
}

/** Renders a document as one self-contained, printable HTML page. */
export function renderHtml(doc: Doc): string {
  const lang = doc.lang === 'zh' ? 'zh-CN' : 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
${body(doc)}
</body>
</html>
`;
}

// documents: pure templates (case -> Doc) and renderers (Doc -> DOCX / HTML / Markdown).
export * from './model.js';
export * from './sources.js';
export * from './citations.js';
export * from './channels.js';
export * from './templates/types.js';
export * from './templates/index.js';
export { formatDateFor } from './templates/common.js';
export { renderHtml, escapeHtml } from './render/html.js';
export { renderMarkdown, escapeMarkdown } from './render/markdown.js';
export { renderDocx } from './render/docx.js';
import { renderDocx } from './render/docx.js';
import { renderHtml } from './render/html.js';
import { renderMarkdown } from './render/markdown.js';
import type { Doc } from './model.js';

export const DOC_FORMATS = ['docx', 'html', 'md'] as const;
export type DocFormat = (typeof DOC_FORMATS)[number];

/** Renders to bytes in the chosen format (text formats as UTF-8). */
export async function renderDoc(doc: Doc, format: DocFormat): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return renderDocx(doc);
    case 'html':
      return new TextEncoder().encode(renderHtml(doc));
    case 'md':
      return new TextEncoder().encode(renderMarkdown(doc));
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

/**
 * The extension of a file name or path, with its dot and lower-cased ('' when there is none or
 * the name only starts with a dot), as node:path's extname: what the media type and the import
 * format go by. Pure, so use cases need no path module for it.
 */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

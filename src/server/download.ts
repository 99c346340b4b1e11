import type { FastifyReply } from 'fastify';

/**
 * Content-Disposition for a download with a Chinese name (RFC 6266 + RFC 5987): an ASCII fallback
 * for old clients and the exact UTF-8 name in filename*.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export type LetterFormat = 'docx' | 'html' | 'md';

const LETTER_MEDIA: Record<LetterFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/**
 * Sends a rendered letter: DOCX downloads; HTML and Markdown open in the browser (to read or
 * print), the HTML under a CSP that lets nothing but its own inline styles load.
 */
export function sendLetter(
  reply: FastifyReply,
  bytes: Uint8Array,
  format: LetterFormat,
  name: string,
): FastifyReply {
  const disposition = contentDisposition(name);
  reply
    .header('Content-Type', LETTER_MEDIA[format])
    .header(
      'Content-Disposition',
      format === 'docx' ? disposition : disposition.replace(/^attachment/, 'inline'),
    );
  if (format === 'html')
    reply.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
    );
  return reply.send(Buffer.from(bytes));
}

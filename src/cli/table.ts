/** Terminal width of a string: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

export type Align = 'left' | 'right';

// C0 controls (ESC, CR, NUL, newline…), DEL, C1 controls and the bidi overrides/isolates: raw, they
// move the cursor, recolour or clear the screen, or reorder what the user reads.
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from users and files made safe to print: each control character becomes a visible escape
 * (\n, \t, \x1b, \u202e), so a file name or note can never act on the terminal.
 */
export function terminalSafe(s: string): string {
  return s.replace(UNSAFE_FOR_TERMINAL, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    if (ch === '\r') return '\\r';
    const cp = ch.codePointAt(0)!;
    return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16)}`;
  });
}

/** Renders rows as an aligned plain-text table; numbers are usually right-aligned. Every cell is
 * passed through terminalSafe: tables carry names and notes users typed or files brought in. */
export function formatTable(
  rawHeaders: string[],
  rawRows: string[][],
  align: Align[] = [],
): string {
  const headers = rawHeaders.map(terminalSafe);
  const rows = rawRows.map((r) => r.map((c) => terminalSafe(c ?? '')));
  const widths = headers.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - displayWidth(c));
        return align[i] === 'right' ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return (
    [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') +
    '\n'
  );
}

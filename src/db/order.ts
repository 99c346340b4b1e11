/**
 * Engine-independent ordering: SQLite compares text by bytes and puts NULLs first, PostgreSQL uses
 * the database collation and puts NULLs last. Lists that users see (and that backup/restore across
 * engines must reproduce) are sorted here instead: NULLs first, then by UTF-16 code units.
 */
export function compareKeys(
  a: readonly (string | number | null)[],
  b: readonly (string | number | null)[],
): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

export function sortBy<T>(xs: T[], key: (x: T) => (string | number | null)[]): T[] {
  return xs
    .map((x) => ({ x, k: key(x) }))
    .sort((p, q) => compareKeys(p.k, q.k))
    .map((p) => p.x);
}

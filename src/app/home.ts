import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The data directory's fixed layout: the SQLite file beside vault/ (the evidence store). */
export function homeLayout(home: string): { database: string; vault: string } {
  return { database: join(home, 'xieshang.db'), vault: join(home, 'vault') };
}

export async function ensureHomeLayout(home: string): Promise<{ database: string; vault: string }> {
  const layout = homeLayout(home);
  await mkdir(layout.vault, { recursive: true });
  return layout;
}

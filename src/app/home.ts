import type { Deps } from './deps.js';
import type { FileStore } from './ports.js';

/** The data directory's fixed layout: the SQLite file beside vault/ (the evidence store). */
export function homeLayout(
  files: Pick<FileStore, 'join'>,
  home: string,
): { database: string; vault: string } {
  return { database: files.join(home, 'xieshang.db'), vault: files.join(home, 'vault') };
}

export async function ensureHomeLayout(
  deps: Pick<Deps, 'files' | 'home'>,
): Promise<{ database: string; vault: string }> {
  const layout = homeLayout(deps.files, deps.home);
  await deps.files.mkdir(layout.vault);
  return layout;
}

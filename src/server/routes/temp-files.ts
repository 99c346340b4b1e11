// Temp directories under <home>/tmp for what a route streams through the disk: uploads on their way
// into the vault, and zips built for download (the startup sweep removes any a crash left behind).
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TempFiles } from '../../app/ports.js';
import type { ServerDeps } from '../server-deps.js';

type Purpose = Parameters<TempFiles['dirPrefix']>[0];

/** A fresh directory under <home>/tmp, its name tagged with what it is for and this process. */
export async function makeTempDir(deps: ServerDeps, purpose: Purpose): Promise<string> {
  const tmpRoot = join(deps.home, 'tmp');
  await mkdir(tmpRoot, { recursive: true });
  return mkdtemp(join(tmpRoot, deps.temp.dirPrefix(purpose)));
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Builds `name` in a fresh temp directory and streams it back; the directory goes once the stream
 * closes, or at once when the build fails.
 */
export async function streamBuiltFile(
  deps: ServerDeps,
  purpose: Purpose,
  name: string,
  build: (file: string) => Promise<void>,
): Promise<ReadStream> {
  const dir = await makeTempDir(deps, purpose);
  const file = join(dir, name);
  try {
    await build(file);
  } catch (e) {
    await removeTempDir(dir);
    throw e;
  }
  const stream = createReadStream(file);
  stream.on('close', () => void removeTempDir(dir));
  return stream;
}

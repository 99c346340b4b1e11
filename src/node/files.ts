// The Node adapter of app's FileStore port (app/ports.ts): node:fs and node:path, owner-only modes.
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileInfo, FileStore } from '../app/ports.js';
import { PRIVATE_DIR, PRIVATE_FILE } from './home.js';

export function nodeFiles(): FileStore {
  return {
    join: (...parts) => join(...parts),
    dirname: (p) => dirname(p),
    basename: (p) => basename(p),
    resolve: (base, p) => (isAbsolute(p) ? p : resolve(base, p)),
    relative: (root, p) => relative(root, p).split(sep).join('/'),
    async stat(path): Promise<FileInfo | null> {
      try {
        const s = await stat(path);
        return { size: s.size, isFile: s.isFile(), isDirectory: s.isDirectory(), mtime: s.mtime };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    canRead: (path) =>
      access(path, constants.R_OK).then(
        () => true,
        () => false,
      ),
    readFile: (path) => readFile(path),
    writeNew: (path, text) => writeFile(path, text, { mode: PRIVATE_FILE, flag: 'wx' }),
    async list(dir) {
      try {
        return (await readdir(dir)).sort();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw e;
      }
    },
    mkdir: async (dir) => {
      await mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
    },
    rename: (from, to) => rename(from, to),
    remove: (path) => rm(path, { recursive: true, force: true }),
    openRead(path, tap) {
      const input = createReadStream(path);
      if (tap === undefined) return input;
      const t = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          tap(chunk);
          cb(null, chunk);
        },
      });
      input.on('error', (e) => t.destroy(e));
      return input.pipe(t);
    },
    writeFrom: (path, source) =>
      pipeline(
        source as AsyncIterable<Buffer>,
        createWriteStream(path, { flags: 'wx', mode: PRIVATE_FILE, flush: true }),
      ),
    streamOf: (chunks) => Readable.from(chunks, { objectMode: false }),
  };
}

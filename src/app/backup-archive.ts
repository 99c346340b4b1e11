import yauzl from 'yauzl';
import { AppError } from './errors.js';
import type { Host } from './ports.js';

/** Reading a backup zip: entries listed, streamed line by line, counted and hashed on the way. */

export function broken(en: string, zh: string, details?: unknown): AppError {
  return new AppError('integrity-failure', `backup does not verify: ${en}`, {
    field: 'file',
    messageZh: `备份校验失败：${zh}`,
    ...(details === undefined ? {} : { details }),
  });
}

export function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((res, rej) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true }, (e, z) =>
      e ? rej(e) : res(z),
    ),
  );
}

export function listEntries(zip: yauzl.ZipFile, max: number): Promise<yauzl.Entry[]> {
  return new Promise((res, rej) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      if (out.length > max)
        return rej(broken(`more than ${max} entries in the archive`, `压缩包内条目超过 ${max} 个`));
      zip.readEntry();
    });
    zip.on('end', () => res(out));
    zip.on('error', rej);
    zip.readEntry();
  });
}

export function openEntry(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((res, rej) => zip.openReadStream(e, (err, s) => (err ? rej(err) : res(s))));
}

/** Lines of a stream, each at most `max` bytes (a longer one throws before it is held whole). */
export async function* linesOf(
  source: AsyncIterable<Buffer>,
  max: number,
  tooLong: (line: number) => Error,
): AsyncGenerator<string> {
  let parts: Buffer[] = [];
  let held = 0;
  let line = 0;
  for await (const chunk of source) {
    let at = 0;
    for (;;) {
      const nl = chunk.indexOf(10, at);
      const end = nl === -1 ? chunk.length : nl;
      held += end - at;
      if (held > max) throw tooLong(line + 1);
      parts.push(chunk.subarray(at, end));
      if (nl === -1) break;
      line += 1;
      yield Buffer.concat(parts).toString('utf8');
      parts = [];
      held = 0;
      at = nl + 1;
    }
  }
  if (held > 0) yield Buffer.concat(parts).toString('utf8');
}

export interface Meter {
  size(): number;
  digest(): string;
  /** the source's chunks, counted and hashed on their way; throws once more than max came */
  pass(source: NodeJS.ReadableStream): AsyncGenerator<Buffer>;
}

/** Counts and hashes what flows through an entry (whose own errors, bad size or deflate, pass on). */
export function meter(host: Host, max: number, over: () => Error): Meter {
  const h = host.crypto.sha256();
  let size = 0;
  return {
    size: () => size,
    digest: () => h.digest(),
    async *pass(source) {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > max) throw over();
        h.update(chunk);
        yield chunk;
      }
    },
  };
}
